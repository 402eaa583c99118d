import assert from "node:assert/strict";
import { test } from "node:test";

import {
  englishProblems,
  fieldRule,
  frontMatter,
  luhnValid,
  metaProblems,
} from "../../docs/assets/javascripts/core/example-rules.js";
import { site } from "./site-data.mjs";

const { schema, english_schema: englishSchema } = site.rules;
const TODAY = "2026-12-03";

/** A complete, valid front matter (the same facts as the browser test's draft). */
function valid() {
  return {
    id: "exempelby-kommun-bygglovsassistenten",
    title: "Bygglovsassistenten",
    summary: "En chattbot som svarar på frågor om bygglov.",
    organisation: "Exempelby kommun",
    organisation_type: "municipality",
    organisation_number: "212000-0142",
    functions: ["housing-community"],
    techniques: ["natural-language-processing"],
    status: "pilot",
    status_confirmed: "2024-05-02",
    year_started: 2024,
    decision_role: "none",
    personal_data: true,
    sources: [
      { title: "Pressmeddelande", url: "https://example.org/press", publisher: "Exempelby kommun", kind: "primary", date: "2024-05-02" },
    ],
    last_reviewed: TODAY,
  };
}

const fields = (meta, s = schema) => metaProblems(meta, s, TODAY).map((problem) => `${problem.field}:${problem.kind}`);

test("the rules are the collection's schema", () => {
  assert.equal(fieldRule(schema, "summary").maxLength, 300);
  assert.equal(fieldRule(schema, "id").pattern, "^[a-z0-9]+(-[a-z0-9]+)*$");
  assert.deepEqual(fieldRule(schema, "sources.kind").enum, ["primary", "secondary"]);
  assert.equal(fieldRule(schema, "sources.kind").labels[0].sv, "Primärkälla");
  assert.equal(fieldRule(schema, "nothing.here"), undefined);
  assert.ok(schema.required.includes("status_confirmed") && schema.required.includes("organisation_number"));
});

test("the organisation number's check digit (Luhn)", () => {
  for (const number of ["212000-0142", "202100-5489", "556677-8899"]) assert.equal(luhnValid(number), true, number);
  for (const number of ["212000-0143", "21200-0142", "212000-01420", ""]) assert.equal(luhnValid(number), false, number);
});

test("a complete front matter has no problems", () => {
  assert.deepEqual(fields(valid()), []);
});

test("missing, wrong and unknown fields are reported per field", () => {
  const meta = valid();
  delete meta.title;
  meta.id = "Inte Ett Id";
  meta.summary = "x".repeat(301);
  meta.functions = [];
  meta.techniques = ["generative-ai", "generative-ai"];
  meta.status = "testing";
  meta.year_started = "2024";
  meta.year_ended = 1800;
  meta.personal_data = "yes";
  meta.organisation_number = "212000-0143";
  meta.sources = [{ title: "T", url: "javascript:alert(1)", kind: "tertiary", date: "2024-02-30", extra: 1 }];
  meta.unknown = "x";
  assert.deepEqual(fields(meta).sort(), [
    "functions:min-items",
    "id:pattern",
    "organisation_number:check-digit",
    "personal_data:type",
    "sources[1].date:date",
    "sources[1].extra:unknown",
    "sources[1].kind:enum",
    "sources[1].publisher:required",
    "sources[1].url:pattern",
    "status:enum",
    "status_confirmed:needs-dated-source", // the only source's date is not a day
    "summary:too-long",
    "techniques:repeated",
    "title:required",
    "unknown:unknown",
    "year_ended:minimum",
    "year_started:type",
  ]);
});

test("rules a schema cannot express: future, order, placeholders", () => {
  const meta = valid();
  meta.year_started = 2027;
  meta.year_ended = 2026;
  meta.last_reviewed = "2026-12-04";
  meta.organisation = "TODO: namnet";
  meta.sources[0].date = "2027-01-01";
  assert.deepEqual(fields(meta), [
    "organisation:todo",
    "year_started:future",
    "year_ended:before-start",
    "last_reviewed:future",
    "sources[1].date:future",
  ]);
});

test("the source policy: a primary source or a reason; status confirmed by a dated source", () => {
  const secondary = valid();
  secondary.sources[0].kind = "secondary";
  assert.deepEqual(fields(secondary), ["sources:no-primary"]);
  secondary.no_primary_source_reason = "Kommunen har inte publicerat något själv.";
  assert.deepEqual(fields(secondary), []);
  const both = valid();
  both.no_primary_source_reason = "Onödigt.";
  assert.deepEqual(fields(both), ["no_primary_source_reason:reason-with-primary"]);
  const undated = valid();
  delete undated.sources[0].date;
  assert.deepEqual(fields(undated), ["status_confirmed:needs-dated-source"]);
  const later = valid();
  later.status_confirmed = "2024-06-01";
  const [problem] = metaProblems(later, schema, TODAY);
  assert.deepEqual(problem, { field: "status_confirmed", kind: "after-newest-source", limit: "2024-05-02" });
  const reported = valid();
  reported.sources[0].kind = "nonsense"; // already reported: not counted for or against the policy
  assert.deepEqual(fields(reported), ["sources[1].kind:enum"]);
});

test("the English file: title and summary, and the reason exactly when the Swedish file has one", () => {
  const swedish = valid();
  const problems = (english) => englishProblems(english, swedish, englishSchema, TODAY).map((p) => `${p.field}:${p.kind}`);
  assert.deepEqual(problems({ title: "T", summary: "S" }), []);
  assert.deepEqual(problems({ title: "T" }), ["summary:required"]);
  assert.deepEqual(problems({ title: "T", summary: "S", no_primary_source_reason: "R" }), ["no_primary_source_reason:unknown"]);
  swedish.no_primary_source_reason = "Skäl";
  assert.deepEqual(problems({ title: "T", summary: "S" }), ["no_primary_source_reason:required"]);
  assert.deepEqual(problems({ title: "T", summary: "S", no_primary_source_reason: "R" }), []);
});

test("front matter in the schema's order, quoted where YAML would misread it", () => {
  const meta = valid();
  meta.title = 'Chattbot "Eva": yes';
  meta.id = "no";
  const text = frontMatter({ last_reviewed: meta.last_reviewed, ...meta }, schema);
  const lines = text.split("\n");
  assert.equal(lines[0], "---");
  assert.equal(lines[1], 'id: "no"');
  assert.equal(lines[2], 'title: "Chattbot \\"Eva\\": yes"');
  assert.ok(text.includes("functions: [housing-community]\n"));
  assert.ok(text.includes("year_started: 2024\npersonal_data: true\n") || text.includes("personal_data: true\n"));
  assert.ok(
    text.includes(
      'sources:\n  - title: "Pressmeddelande"\n    url: "https://example.org/press"\n    publisher: "Exempelby kommun"\n' +
        "    kind: primary\n    date: 2024-05-02\n"
    ),
    text
  );
  assert.ok(text.endsWith(`last_reviewed: ${TODAY}\n---\n`));
  assert.equal(lines.filter((line) => line.startsWith("last_reviewed")).length, 1);
});
