/*
 * The example draft: a self-assessment turned into the two files of an example in
 * Exempelsamlingen (docs/exempel/<id>.md and <id>.en.md). What is required, how long a
 * text may be, which codes exist and the order of the front matter all come from the
 * example collection's schema, which the build embeds in the page (see core/example-rules.js).
 */

import { englishProblems, fieldRule, frontMatter, hasPlaceholder, metaProblems } from "../example-rules.js";
import { markdownEscape } from "../markdown.js";
import { cleanText, shorten, slugify } from "../text.js";
import { isAnswered } from "./model.js";

/**
 * The form, in order. `path` is the front-matter field ("en." for the English file);
 * `kind` the control. Required, limits and codes come from the schema.
 */
export const DRAFT_FIELDS = [
  { key: "id", path: "id", kind: "text", label: "tm_draft_id", help: "tm_draft_id_help" },
  { key: "title_sv", path: "title", kind: "text", label: "tm_draft_title_sv" },
  { key: "title_en", path: "en.title", kind: "text", label: "tm_draft_title_en" },
  { key: "summary_sv", path: "summary", kind: "textarea", label: "tm_draft_summary_sv" },
  { key: "summary_en", path: "en.summary", kind: "textarea", label: "tm_draft_summary_en" },
  { key: "organisation", path: "organisation", kind: "text", label: "tm_draft_organisation" },
  { key: "organisation_number", path: "organisation_number", kind: "text", label: "tm_draft_organisation_number" },
  { key: "organisation_type", path: "organisation_type", kind: "select", label: "tm_draft_organisation_type" },
  { key: "functions", path: "functions", kind: "checkboxes", label: "tm_draft_functions" },
  { key: "techniques", path: "techniques", kind: "checkboxes", label: "tm_draft_techniques" },
  { key: "status", path: "status", kind: "select", label: "tm_draft_status" },
  { key: "year_started", path: "year_started", kind: "year", label: "tm_draft_year_started" },
  { key: "year_ended", path: "year_ended", kind: "year", label: "tm_draft_year_ended" },
  { key: "decision_role", path: "decision_role", kind: "select", label: "tm_draft_decision_role" },
  { key: "personal_data", path: "personal_data", kind: "yesno", label: "tm_draft_personal_data" },
  { key: "sources", path: "sources", kind: "sources", label: "tm_draft_sources" },
  {
    key: "status_confirmed", path: "status_confirmed", kind: "date", label: "tm_draft_status_confirmed",
    help: "tm_draft_status_confirmed_help",
  },
  {
    key: "no_primary_source_reason_sv", path: "no_primary_source_reason", kind: "text",
    label: "tm_draft_reason_sv", help: "tm_draft_reason_help",
  },
  { key: "no_primary_source_reason_en", path: "en.no_primary_source_reason", kind: "text", label: "tm_draft_reason_en" },
];

/** The fields of each source, in order. */
export const SOURCE_FIELDS = [
  { key: "title", kind: "text", label: "tm_draft_source_title" },
  { key: "url", kind: "url", label: "tm_draft_source_url" },
  { key: "publisher", kind: "text", label: "tm_draft_source_publisher" },
  { key: "kind", kind: "select", label: "tm_draft_source_kind", help: "tm_draft_source_kind_help" },
  { key: "date", kind: "date", label: "tm_draft_source_date" },
];

function schemaOf(rules, path) {
  return path.startsWith("en.") ? rules.english_schema : rules.schema;
}

function plainPath(path) {
  return path.startsWith("en.") ? path.slice(3) : path;
}

/** The schema rule of a form field's path ("en.title", "sources.url"). */
export function ruleOf(rules, path) {
  return fieldRule(schemaOf(rules, path), plainPath(path));
}

/** True when the schema requires the field (the reason for no primary source is asked for when needed). */
export function isRequired(rules, path) {
  const name = plainPath(path);
  if (name.startsWith("sources.")) return (rules.schema.properties.sources.items.required || []).includes(name.slice(8));
  return (schemaOf(rules, path).required || []).includes(name);
}

/** The codes and labels a select or checkbox field offers: [{code, sv, en}]. */
export function choices(rules, path) {
  const rule = ruleOf(rules, path) || {};
  return (rule.type === "array" ? rule.items.labels : rule.labels) || [];
}

/** A field's label, with the schema's limit where the label names it ("at most {max} characters"). */
export function labelOf(field, path, rules, t) {
  const rule = path ? ruleOf(rules, path) : undefined;
  return t(field.label, rule && rule.maxLength !== undefined ? { max: rule.maxLength } : null);
}

/**
 * Values for fields the reader has not filled in yet, suggested by the answers.
 * `prefill`: {field: {question, values?}} (the tool's settings); `name`: the assessment's name.
 */
export function draftDefaults(assessment, prefill, rules, name) {
  const answer = (field) => (prefill[field] ? assessment.answers[prefill[field].question] : undefined);
  const text = (value) => (typeof value === "string" ? value.trim() : "");
  const codes = (path) => new Set(choices(rules, path).map((term) => term.code));
  const defaults = Object.create(null);
  defaults.title_sv = text(answer("title")) || name;
  defaults.title_en = ""; // a title in English is written, not copied from the Swedish one
  defaults.organisation = text(answer("organisation"));
  defaults.summary_sv = shorten(text(answer("summary")).replace(/\s+/g, " "), ruleOf(rules, "summary").maxLength);
  defaults.summary_en = "";
  defaults.id = slugify([defaults.organisation, defaults.title_sv].filter(Boolean).join(" "), 60);
  const techniques = answer("techniques");
  if (Array.isArray(techniques)) defaults.techniques = techniques.filter((code) => codes("techniques").has(code));
  for (const field of ["decision_role", "status"]) {
    const value = answer(field);
    if (typeof value === "string" && codes(field).has(value)) defaults[field] = value;
  }
  const personal = answer("personal_data");
  const values = prefill.personal_data && prefill.personal_data.values;
  if (values && typeof personal === "string" && typeof values[personal] === "boolean") {
    defaults.personal_data = String(values[personal]);
  }
  defaults.sources = [{}];
  return defaults;
}

/** A form value as the schema wants it: whole numbers and true/false from text; "" means absent. */
function typed(value, rule) {
  if (Array.isArray(value)) return value.length ? value : undefined;
  const text = cleanText(value === undefined || value === null ? "" : value).trim();
  if (!text) return undefined;
  if (rule && rule.type === "integer" && /^\d+$/.test(text)) return Number(text);
  if (rule && rule.type === "boolean" && (text === "true" || text === "false")) return text === "true";
  return text;
}

/**
 * The front matter of both files from the form's values `data` on the day `day`:
 * {swedish, english}. Empty fields are left out; a draft always has at least one source,
 * and a reason for having no primary source only when no source is primary.
 */
export function draftMeta(data, rules, day) {
  const swedish = {};
  const english = {};
  for (const field of DRAFT_FIELDS) {
    if (field.kind === "sources") continue;
    const value = typed(data[field.key], ruleOf(rules, field.path));
    if (value !== undefined) (field.path.startsWith("en.") ? english : swedish)[plainPath(field.path)] = value;
  }
  const sources = (Array.isArray(data.sources) ? data.sources : [])
    .map((source) => {
      const kept = {};
      for (const { key } of SOURCE_FIELDS) {
        const value = typed(source[key], ruleOf(rules, `sources.${key}`));
        if (value !== undefined) kept[key] = value;
      }
      return kept;
    })
    .filter((source) => Object.keys(source).length);
  swedish.sources = sources.length ? sources : [{}];
  if (swedish.sources.some((source) => source.kind === "primary")) {
    delete swedish.no_primary_source_reason;
    delete english.no_primary_source_reason;
  }
  swedish.last_reviewed = day;
  return { swedish, english };
}

const MESSAGES = {
  required: "tm_error_required",
  "min-items": "tm_error_choose",
  "too-long": "tm_error_too_long",
  date: "tm_error_date",
  "check-digit": "tm_error_organisation_number",
  "before-start": "tm_error_year_order",
  todo: "tm_error_todo",
  "no-primary": "tm_error_primary_source",
  "needs-dated-source": "tm_error_status_needs_date",
  "after-newest-source": "tm_error_status_after_source",
};

function messageKey(problem, field) {
  if (field.kind === "date" && ["pattern", "date", "type"].includes(problem.kind)) return "tm_error_date";
  if (problem.kind === "unknown" && field.key === "no_primary_source_reason_en") return "tm_error_reason_without_swedish";
  if (field.kind === "year" && !["required", "before-start", "todo"].includes(problem.kind)) return "tm_error_year";
  if (problem.kind === "future") return field.kind === "year" ? "tm_error_year" : "tm_error_date_future";
  if (problem.kind === "pattern" || problem.kind === "check-digit") {
    const byField = { id: "tm_error_id", url: "tm_error_url", organisation_number: "tm_error_organisation_number" };
    if (byField[field.key]) return byField[field.key];
  }
  if (problem.kind === "required" && field.kind === "checkboxes") return "tm_error_choose";
  return MESSAGES[problem.kind] || "tm_error_invalid";
}

/** Where a problem of the front matter shows in the form: {key, field, source (1-based) or 0}. */
function placeOf(problem, english) {
  const source = /^sources\[(\d+)\]\.(\w+)$/.exec(problem.field);
  if (source) {
    return { key: `sources.${source[1]}.${source[2]}`, field: SOURCE_FIELDS.find((f) => f.key === source[2]), source: Number(source[1]) };
  }
  if (problem.field === "sources") {
    const reason = problem.kind === "no-primary";
    const key = reason ? "no_primary_source_reason_sv" : "sources.1.title";
    return { key, field: reason ? DRAFT_FIELDS.find((f) => f.key === key) : SOURCE_FIELDS[0], source: reason ? 0 : 1 };
  }
  const path = english ? `en.${problem.field}` : problem.field;
  const field = DRAFT_FIELDS.find((f) => f.path === path);
  return field ? { key: field.key, field, source: 0 } : null;
}

/** The free-text answers that go into the draft's text, in model order: [question]. */
function bodyQuestions(index, answers) {
  return index.sections.flatMap(({ section }) =>
    section.questions.filter((q) => q.type === "long-text" && isAnswered(answers[q.id]))
  );
}

/**
 * The problems of the form's values, in form order: [{key, message}] where `key` names the
 * control ("summary_sv", "sources.2.url"), or is null for an answer that the draft quotes
 * (`index` and `answers`: the assessment). `t` is the tool's string lookup.
 */
export function draftProblems(data, rules, day, t, index = null, answers = {}) {
  const { swedish, english } = draftMeta(data, rules, day);
  const placed = [
    ...metaProblems(swedish, rules.schema, day).map((problem) => [problem, placeOf(problem, false)]),
    ...englishProblems(english, swedish, rules.english_schema, day).map((problem) => [problem, placeOf(problem, true)]),
  ].filter(([, place]) => place && place.field);
  const several = swedish.sources.length > 1;
  const order = (place) => {
    const position = DRAFT_FIELDS.findIndex((f) => f.key === (place.source ? "sources" : place.key));
    return position * 1000 + place.source * 10 + SOURCE_FIELDS.indexOf(place.field);
  };
  placed.sort(([, a], [, b]) => order(a) - order(b));
  const inBody = index ? bodyQuestions(index, answers).filter((q) => hasPlaceholder(answers[q.id])) : [];
  const bodyProblems = inBody.map((q) => ({ key: null, message: t("tm_error_answer_todo", { number: q.number }) }));
  return placed.map(([problem, place]) => {
    const path = place.source ? `sources.${place.field.key}` : place.field.path;
    let name = labelOf(place.field, path, rules, t);
    if (place.source && several) name = t("tm_draft_source_nth", { field: name, n: place.source });
    const value = place.source ? undefined : data[place.key];
    const values = { field: name, max: problem.limit, count: typeof value === "string" ? [...value.trim()].length : 0, date: problem.limit };
    return { key: place.key, message: t(messageKey(problem, place.field), values) };
  }).concat(bodyProblems);
}

/** The body of a draft: the free-text answers, section by section, as editable Markdown. */
export function draftBody(index, assessment, lang, translate, t) {
  const lines = [`<!-- ${t("tm_draft_body_todo", null, lang)} -->`, ""];
  if (translate) lines.push(`<!-- ${t("tm_draft_translate_todo", null, lang)} -->`, "");
  lines.push(`## ${markdownEscape(t("tm_draft_body_heading", null, lang))} { #self-assessment }`, "");
  const quoted = new Set(bodyQuestions(index, assessment.answers));
  for (const { section } of index.sections) {
    const answered = section.questions.filter((q) => quoted.has(q));
    if (!answered.length) continue;
    lines.push(`### ${markdownEscape(section.title[lang])} { #${section.id} }`, "");
    for (const question of answered) {
      lines.push(`**${markdownEscape(question.text[lang])}**`, "");
      for (const paragraph of assessment.answers[question.id].split(/\n\s*\n/)) {
        lines.push(markdownEscape(paragraph.trim()), "");
      }
    }
  }
  return lines.join("\n");
}

/** The two files of the draft: [{name, text}] for <id>.md (Swedish) and <id>.en.md. */
export function draftFiles(index, assessment, data, rules, day, t) {
  const { swedish, english } = draftMeta(data, rules, day);
  return [
    { name: `${swedish.id}.md`, text: frontMatter(swedish, rules.schema) + draftBody(index, assessment, "sv", false, t) },
    { name: `${swedish.id}.en.md`, text: frontMatter(english, rules.english_schema) + draftBody(index, assessment, "en", true, t) },
  ];
}

/** GitHub refuses addresses much longer than this; the details are shortened to fit. */
export const MAX_ISSUE_URL = 7000;

/**
 * The address of `repository`'s form for proposing an example
 * (.github/ISSUE_TEMPLATE/propose-example.yml), prefilled with the draft: the issue's
 * title, and the form's text fields by their ids. The form's lists take labels, not
 * codes, so the reader picks them there; the Swedish file (`files[0]`, with every code)
 * goes in "details", shortened ("…") when the address would be too long.
 */
export function issueUrl(repository, data, files) {
  const text = (value) => (typeof value === "string" ? value.trim() : "");
  const sources = (Array.isArray(data.sources) ? data.sources : []).filter((s) => text(s.title) || text(s.url));
  const primary = sources.find((s) => s.kind === "primary" && text(s.url));
  const fields = {
    template: "propose-example.yml",
    title: `Exempel / Example: ${text(data.title_sv)}`,
    summary: text(data.summary_sv),
    organisation: text(data.organisation),
    organisation_number: text(data.organisation_number),
    year_started: text(data.year_started),
    year_ended: text(data.year_ended),
    own_page: primary ? text(primary.url) : "",
    sources: sources.map((s) => [s.title, s.publisher, s.url, s.date].map(text).filter(Boolean).join(" – ")).join("\n"),
  };
  const params = new URLSearchParams(Object.entries(fields).filter(([, value]) => value));
  const base = `${repository.replace(/\/+$/, "")}/issues/new?${params}&details=`;
  const encoded = (value) => new URLSearchParams({ d: value }).toString().length - 2;
  let details = files[0].text;
  while (details && base.length + encoded(details) > MAX_ISSUE_URL) {
    const keep = Math.floor((details.length * (MAX_ISSUE_URL - base.length)) / encoded(details)) - 10;
    details = keep > 0 ? `${details.slice(0, keep)}\n…` : "";
  }
  return base + new URLSearchParams({ d: details }).toString().slice(2);
}
