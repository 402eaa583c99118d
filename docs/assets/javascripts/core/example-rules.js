/*
 * The rules of an example's front matter (Exempelsamlingen), for drafts made in the browser.
 *
 * The rules are not written here: the build hands the page the example collection's own
 * JSON Schema (built from data/vocabularies.yml by hooks/offentligai/examples/schema.py)
 * and its vocabularies, as a JSON data block. This module applies that schema (the few
 * keywords it uses) and the rules a schema cannot express, in the same order and with the
 * same field names as offentligai.examples.collection.validate_meta, and writes the front
 * matter in the schema's order of fields. tests/test_browser_rules.py runs both on the
 * same cases and fails when they disagree.
 */

import { validIsoDate } from "./dates.js";
import { yamlString } from "./markdown.js";
import { isPlainObject } from "./text.js";

const ORGANISATION_NUMBER = /^\d{6}-\d{4}$/;
// Python's \b counts letters and digits of every script as word characters; JavaScript's only a–z.
const TODO = /(?<![\p{L}\p{N}_])TODO(?![\p{L}\p{N}_])/u;

/** True when the last of the ten digits is the Luhn check digit of the first nine. */
export function luhnValid(number) {
  const digits = [...String(number)].filter((char) => char >= "0" && char <= "9").map(Number);
  if (digits.length !== 10) return false;
  let total = 0;
  digits.slice(0, 9).forEach((digit, position) => {
    const value = position % 2 === 0 ? digit * 2 : digit;
    total += value > 9 ? value - 9 : value;
  });
  return (10 - (total % 10)) % 10 === digits[9];
}

/** True when a text holds the placeholder TODO, which the build refuses anywhere in an example. */
export function hasPlaceholder(text) {
  return TODO.test(text);
}

/** The rule (schema) of a top-level field, or of a field of each source with `sources.title`. */
export function fieldRule(schema, path) {
  return path.split(".").reduce((rule, name) => {
    const inner = rule && rule.type === "array" ? rule.items : rule;
    return inner && inner.properties ? inner.properties[name] : undefined;
  }, schema);
}

const isInteger = (value) => Number.isInteger(value) && typeof value === "number";

function hasType(value, type) {
  if (type === "string") return typeof value === "string";
  if (type === "integer") return isInteger(value);
  if (type === "boolean") return typeof value === "boolean";
  if (type === "array") return Array.isArray(value);
  if (type === "object") return isPlainObject(value);
  return true;
}

function join(parent, name) {
  return parent ? `${parent}.${name}` : name;
}

/** Check `value` against the schema keywords the example schema uses; report via add(field, kind, limit). */
function checkSchema(value, rule, field, add) {
  if (rule.type && !hasType(value, rule.type)) {
    add(field, "type", rule.type);
    return;
  }
  if (Array.isArray(rule.enum) && !rule.enum.includes(value)) add(field, "enum", rule.enum);
  if (typeof value === "string") {
    if (rule.pattern && !new RegExp(rule.pattern, "u").test(value)) add(field, "pattern", rule.pattern);
    if (rule.maxLength !== undefined && [...value].length > rule.maxLength) add(field, "too-long", rule.maxLength);
    if (rule.format === "date" && !validIsoDate(value)) add(field, "date");
  }
  if (isInteger(value)) {
    if (rule.minimum !== undefined && value < rule.minimum) add(field, "minimum", rule.minimum);
    if (rule.maximum !== undefined && value > rule.maximum) add(field, "maximum", rule.maximum);
  }
  if (Array.isArray(value)) {
    if (rule.minItems !== undefined && value.length < rule.minItems) add(field, "min-items", rule.minItems);
    if (rule.uniqueItems && new Set(value.map((item) => JSON.stringify(item))).size !== value.length) {
      add(field, "repeated");
    }
    if (rule.items) value.forEach((item, index) => checkSchema(item, rule.items, `${field}[${index + 1}]`, add));
  }
  if (isPlainObject(value) && rule.properties) {
    for (const name of Object.keys(value)) {
      if (rule.additionalProperties === false && !Object.hasOwn(rule.properties, name)) {
        add(join(field, name), "unknown");
      }
    }
    for (const name of rule.required || []) {
      if (!Object.hasOwn(value, name)) add(join(field, name), "required");
    }
    for (const [name, inner] of Object.entries(rule.properties)) {
      if (Object.hasOwn(value, name)) checkSchema(value[name], inner, join(field, name), add);
    }
  }
}

/** Every text in a value with its field path (`sources[1].title`). */
function texts(value, field) {
  if (typeof value === "string") return [[field, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => texts(item, `${field}[${index + 1}]`));
  if (isPlainObject(value)) return Object.entries(value).flatMap(([name, item]) => texts(item, join(field, name)));
  return [];
}

const datePart = (value) => (typeof value === "string" && validIsoDate(value) ? value : null);

/**
 * The problems of one file's front matter `meta` under `schema` on the day `today`
 * (YYYY-MM-DD): [{field, kind, limit}], at most one per field, schema problems first.
 */
export function metaProblems(meta, schema, today) {
  const found = new Map();
  const add = (field, kind, limit) => {
    if (!found.has(field)) found.set(field, { field, kind, limit });
  };
  checkSchema(meta, schema, "", add);
  for (const [field, text] of texts(meta, "")) if (hasPlaceholder(text)) add(field, "todo");
  const number = meta.organisation_number;
  if (typeof number === "string" && ORGANISATION_NUMBER.test(number) && !luhnValid(number)) {
    add("organisation_number", "check-digit");
  }
  const year = Number(today.slice(0, 4));
  const { year_started: started, year_ended: ended } = meta;
  for (const [field, value] of [["year_started", started], ["year_ended", ended]]) {
    if (isInteger(value) && value > year) add(field, "future", year);
  }
  if (isInteger(started) && isInteger(ended) && ended < started) add("year_ended", "before-start", started);
  const sources = Array.isArray(meta.sources) ? meta.sources : null;
  const dates = [["last_reviewed", meta.last_reviewed]];
  for (const [index, source] of (sources || []).entries()) {
    if (isPlainObject(source)) dates.push([`sources[${index + 1}].date`, source.date]);
  }
  dates.push(["status_confirmed", meta.status_confirmed]);
  for (const [field, value] of dates) if (datePart(value) && value > today) add(field, "future", today);
  if (sources && sources.length && sources.every(isPlainObject)) {
    const reported = [...found.keys()].some((field) => field.startsWith("sources"));
    sourcePolicy(meta, sources, reported, add);
  }
  return [...found.values()];
}

/** At least one primary source or a stated reason; status_confirmed no later than the newest source. */
function sourcePolicy(meta, sources, lenient, add) {
  const primary = sources.some((source) => source.kind === "primary");
  const reason = meta.no_primary_source_reason;
  const hasReason = reason !== undefined && reason !== null;
  if (primary && hasReason) add("no_primary_source_reason", "reason-with-primary");
  else if (!primary && !hasReason && !lenient) add("sources", "no-primary");
  const confirmed = datePart(meta.status_confirmed);
  if (confirmed) {
    const dated = sources.map((source) => datePart(source.date)).filter(Boolean).sort();
    if (!dated.length) add("status_confirmed", "needs-dated-source");
    else if (confirmed > dated[dated.length - 1]) add("status_confirmed", "after-newest-source", dated[dated.length - 1]);
  }
}

/** The English file's problems: its own schema, and exactly the optional texts the Swedish file has. */
export function englishProblems(english, swedish, englishSchema, today) {
  const problems = metaProblems(english, englishSchema, today);
  const required = new Set(englishSchema.required || []);
  for (const name of Object.keys(englishSchema.properties)) {
    if (required.has(name) || problems.some((problem) => problem.field === name)) continue;
    if (Object.hasOwn(swedish, name) && !Object.hasOwn(english, name)) problems.push({ field: name, kind: "required" });
    else if (Object.hasOwn(english, name) && !Object.hasOwn(swedish, name)) problems.push({ field: name, kind: "unknown" });
  }
  return problems;
}

// Plain YAML scalars that a YAML 1.1 reader would not take for a boolean, a number or null.
const PLAIN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const YAML_WORDS = new Set(["y", "n", "yes", "no", "on", "off", "true", "false", "null"]);

function scalar(value, rule) {
  if (typeof value !== "string") return String(value);
  const plain = (PLAIN.test(value) && !YAML_WORDS.has(value)) || (rule && rule.format === "date" && validIsoDate(value));
  return plain ? value : yamlString(value);
}

function yamlLines(name, value, rule, indent) {
  if (!Array.isArray(value)) return [`${indent}${name}: ${scalar(value, rule)}`];
  const items = rule.items || {};
  if (!items.properties) return [`${indent}${name}: [${value.map((item) => scalar(item, items)).join(", ")}]`];
  const lines = [`${indent}${name}:`];
  for (const item of value) {
    const fields = Object.keys(items.properties).filter((key) => Object.hasOwn(item, key));
    fields.forEach((key, position) => {
      const [line] = yamlLines(key, item[key], items.properties[key], "");
      lines.push(`${indent}${position === 0 ? "  - " : "    "}${line}`);
    });
  }
  return lines;
}

/** The front matter of `meta` between `---` lines, its fields in the schema's order. */
export function frontMatter(meta, schema) {
  const lines = ["---"];
  for (const [name, rule] of Object.entries(schema.properties)) {
    if (Object.hasOwn(meta, name)) lines.push(...yamlLines(name, meta[name], rule, ""));
  }
  lines.push("---", "");
  return lines.join("\n");
}
