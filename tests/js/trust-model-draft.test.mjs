import assert from "node:assert/strict";
import { test } from "node:test";

import { createTranslator } from "../../docs/assets/javascripts/core/strings.js";
import {
  DRAFT_FIELDS,
  choices,
  draftDefaults,
  draftFiles,
  draftMeta,
  draftProblems,
  isRequired,
  issueUrl,
  MAX_ISSUE_URL,
  labelOf,
} from "../../docs/assets/javascripts/core/trust-model/draft.js";
import { indexModel } from "../../docs/assets/javascripts/core/trust-model/model.js";
import { site } from "./site-data.mjs";

const { rules, settings } = site;
const index = indexModel(site.model);
const sv = createTranslator(settings.strings, "sv");
const en = createTranslator(settings.strings, "en");
const DAY = "2026-12-03";

/** The form's values of a complete draft. */
function form() {
  return {
    id: "exempelby-kommun-bygglovsassistenten",
    title_sv: "Bygglovsassistenten",
    title_en: "The building permit assistant",
    summary_sv: "En chattbot som svarar på frågor om bygglov.",
    summary_en: "A chatbot that answers questions about building permits.",
    organisation: "Exempelby kommun",
    organisation_number: "212000-0142",
    organisation_type: "municipality",
    functions: ["housing-community"],
    techniques: ["natural-language-processing"],
    status: "pilot",
    status_confirmed: "2024-05-02",
    year_started: "2024",
    year_ended: "",
    decision_role: "none",
    personal_data: "true",
    sources: [{ title: "Pressmeddelande", url: "https://example.org/press", publisher: "Exempelby kommun", kind: "primary", date: "2024-05-02" }],
    no_primary_source_reason_sv: "",
    no_primary_source_reason_en: "",
  };
}

test("labels, required fields and choices come from the schema", () => {
  const summary = DRAFT_FIELDS.find((field) => field.key === "summary_sv");
  assert.equal(labelOf(summary, summary.path, rules, sv), "Sammanfattning på svenska (högst 300 tecken)");
  assert.equal(labelOf(summary, summary.path, rules, en), "Summary in Swedish (at most 300 characters)");
  assert.equal(isRequired(rules, "organisation_number"), true);
  assert.equal(isRequired(rules, "year_ended"), false);
  assert.equal(isRequired(rules, "en.summary"), true);
  assert.equal(isRequired(rules, "en.no_primary_source_reason"), false);
  assert.equal(isRequired(rules, "sources.publisher"), true);
  assert.equal(isRequired(rules, "sources.date"), false);
  assert.deepEqual(choices(rules, "sources.kind").map((term) => term.code), ["primary", "secondary"]);
  assert.ok(choices(rules, "functions").length === 10);
  assert.deepEqual(choices(rules, "title"), []);
});

test("the answers prefill the draft", () => {
  const answers = {
    "purpose-system-name": "Bygglovsassistenten",
    "purpose-organisation": "Exempelby kommun",
    "purpose-problem": `Handläggarna   lägger tid.\n${"ord ".repeat(100)}`,
    "purpose-technique": ["natural-language-processing", "not-a-code"],
    "affected-decision-role": "none",
    "monitoring-status": "pilot",
    "data-readiness-personal-data": "sensitive",
  };
  const defaults = draftDefaults({ answers }, settings.draft_prefill, rules, "Namn");
  assert.equal(defaults.id, "exempelby-kommun-bygglovsassistenten");
  assert.equal(defaults.title_sv, "Bygglovsassistenten");
  assert.ok(defaults.summary_sv.startsWith("Handläggarna lägger tid. ord"));
  assert.ok(defaults.summary_sv.length <= 300 && defaults.summary_sv.endsWith(" …"));
  assert.deepEqual(defaults.techniques, ["natural-language-processing"]);
  assert.equal(defaults.decision_role, "none");
  assert.equal(defaults.status, "pilot");
  assert.equal(defaults.personal_data, "true");
  assert.deepEqual(defaults.sources, [{}]);
  const empty = draftDefaults({ answers: { "monitoring-status": "not-a-status" } }, settings.draft_prefill, rules, "Namn");
  assert.equal(defaults.title_en, ""); // never the Swedish title
  assert.equal(empty.title_sv, "Namn");
  assert.equal(empty.status, undefined);
  assert.equal(empty.personal_data, undefined);
});

test("a complete form gives front matter without problems", () => {
  assert.deepEqual(draftProblems(form(), rules, DAY, sv), []);
  const { swedish, english } = draftMeta(form(), rules, DAY);
  assert.equal(swedish.year_started, 2024);
  assert.equal(swedish.personal_data, true);
  assert.equal("year_ended" in swedish, false);
  assert.equal(swedish.last_reviewed, DAY);
  assert.deepEqual(english, { title: "The building permit assistant", summary: "A chatbot that answers questions about building permits." });
});

test("an empty form lists every required field, in form order, in either language", () => {
  const problems = draftProblems({ sources: [{}] }, rules, DAY, sv);
  const keys = problems.map((problem) => problem.key);
  assert.deepEqual(keys.slice(0, 3), ["id", "title_sv", "title_en"]);
  assert.ok(keys.includes("sources.1.publisher") && keys.includes("status_confirmed"));
  assert.equal(problems.find((p) => p.key === "functions").message, "Verksamhetsområden: välj minst ett alternativ.");
  assert.equal(problems.find((p) => p.key === "organisation_type").message, "Typ av organisation: fyll i det här fältet.");
  const english = draftProblems({}, rules, DAY, en);
  assert.equal(english.find((p) => p.key === "sources.1.title").message, "Source, title: please fill in this field.");
});

test("wrong values get the message of their rule", () => {
  const data = form();
  Object.assign(data, {
    id: "Inte Ett Id",
    summary_sv: "x".repeat(301),
    organisation_number: "212000-0143",
    year_started: "3000",
    year_ended: "abc",
    status_confirmed: "2027-01-01",
  });
  data.sources[0].url = "javascript:alert(1)";
  const messages = Object.fromEntries(draftProblems(data, rules, DAY, sv).map((p) => [p.key, p.message]));
  assert.equal(messages.id, "Id (blir filnamnet): använd bara små bokstäver a–z, siffror och enstaka bindestreck.");
  assert.equal(messages.summary_sv, "Sammanfattning på svenska (högst 300 tecken): högst 300 tecken (nu 301).");
  assert.equal(messages.organisation_number, "Organisationsnummer (NNNNNN-NNNN): skriv det som NNNNNN-NNNN med rätt kontrollsiffra.");
  assert.equal(messages.year_started, "År då arbetet startade: ett årtal med fyra siffror, inte senare än i år.");
  assert.match(messages.year_ended, /ett årtal med fyra siffror/);
  assert.equal(messages["sources.1.url"], "Källa, webbadress (https://…): en webbadress som börjar med http:// eller https://.");
  assert.equal(messages.status_confirmed, "Datum då statusen bekräftades: datumet får inte vara senare än i dag.");
  const order = form();
  order.year_ended = "2020";
  assert.deepEqual(draftProblems(order, rules, DAY, sv).map((p) => p.key), ["year_ended"]);
});

test("the source policy in the form: a primary source, or a reason in both languages", () => {
  const data = form();
  data.sources[0].kind = "secondary";
  const problems = draftProblems(data, rules, DAY, sv);
  assert.deepEqual(problems.map((p) => p.key), ["no_primary_source_reason_sv"]);
  assert.match(problems[0].message, /ingen källa är en primärkälla/);
  data.no_primary_source_reason_sv = "Kommunen har inte publicerat något själv.";
  assert.deepEqual(draftProblems(data, rules, DAY, sv).map((p) => p.key), ["no_primary_source_reason_en"]);
  data.no_primary_source_reason_en = "The municipality has published nothing itself.";
  assert.deepEqual(draftProblems(data, rules, DAY, sv), []);
  const { swedish, english } = draftMeta(data, rules, DAY);
  assert.equal(english.no_primary_source_reason, "The municipality has published nothing itself.");
  assert.equal(swedish.no_primary_source_reason, "Kommunen har inte publicerat något själv.");
  data.no_primary_source_reason_sv = "";
  const withoutSwedish = draftProblems(data, rules, DAY, sv);
  assert.deepEqual(withoutSwedish.map((p) => p.key), ["no_primary_source_reason_sv", "no_primary_source_reason_en"]);
  assert.match(withoutSwedish[1].message, /skriv skälet på svenska också/);
  // With a primary source, the reason fields are left out.
  const primary = form();
  primary.no_primary_source_reason_sv = "Onödigt";
  assert.equal("no_primary_source_reason" in draftMeta(primary, rules, DAY).swedish, false);
});

test("several sources: empty ones are dropped, problems name their source", () => {
  const data = form();
  data.sources.push({ title: "", url: "" }, { title: "Artikel", url: "https://example.org/a", publisher: "Tidningen" });
  data.status_confirmed = "2024-06-01";
  const problems = draftProblems(data, rules, DAY, sv);
  assert.deepEqual(problems.map((p) => p.key), ["sources.2.kind", "status_confirmed"]);
  assert.equal(problems[0].message, "Källa, typ (källa 2): fyll i det här fältet.");
  assert.equal(problems[1].message, "Datum då statusen bekräftades: får inte vara senare än den nyaste källans datum (2024-05-02).");
  data.sources[0].date = "";
  assert.equal(draftProblems(data, rules, DAY, en).find((p) => p.key === "status_confirmed").message,
    "Date the status was confirmed: give the date of publication of the source that confirms the status.");
});

test("the two files: front matter in the schema's order and the free-text answers", () => {
  const assessment = { answers: { "purpose-problem": "Rad ett\n\nRad två med <tecken>", "purpose-system-name": "Kort" } };
  const [swedish, english] = draftFiles(index, assessment, form(), rules, DAY, sv);
  assert.equal(swedish.name, "exempelby-kommun-bygglovsassistenten.md");
  assert.equal(english.name, "exempelby-kommun-bygglovsassistenten.en.md");
  const keys = [...swedish.text.matchAll(/^([a-z_]+):/gm)].map((match) => match[1]);
  assert.deepEqual(keys, [
    "id", "title", "summary", "organisation", "organisation_type", "organisation_number", "functions", "techniques",
    "status", "status_confirmed", "year_started", "decision_role", "personal_data", "sources", "last_reviewed",
  ]);
  assert.ok(swedish.text.includes("## Beskrivning från självskattningen { #self-assessment }"));
  assert.ok(swedish.text.includes("Rad två med &lt;tecken&gt;"));
  assert.ok(!swedish.text.includes("Kort")); // only long texts go into the body
  assert.ok(english.text.startsWith('---\ntitle: "The building permit assistant"\nsummary: "A chatbot'));
  assert.ok(english.text.includes("<!-- Translate the text below into English. -->"));
  assert.ok(!/TODO/.test(swedish.text + english.text));
});

test("an answer the draft quotes may not hold the placeholder TODO", () => {
  const answers = { "purpose-problem": "Vi skriver TODO här", "purpose-goals": "Inga platshållare", "purpose-system-name": "TODO" };
  const problems = draftProblems(form(), rules, DAY, sv, index, answers);
  const question = index.questions.get("purpose-problem").question;
  assert.deepEqual(problems, [{ key: null, message: `Svaret på fråga ${question.number} innehåller ordet TODO, som inte får finnas i ett exempel. Ändra svaret under Frågor.` }]);
  assert.deepEqual(draftProblems(form(), rules, DAY, sv, index, { "purpose-problem": "TODOS" }), []);
});

test("the issue form of the repository is prefilled with the draft, within GitHub's limits", () => {
  const data = form();
  data.sources.push({ title: "Tidningen", url: "https://example.org/news", publisher: "Tidningen", kind: "secondary" });
  const files = [{ name: "x.md", text: "---\nid: x\n---\nText med å och & och =" }];
  const url = new URL(issueUrl("https://github.com/offentligai/offentligai/", data, files));
  assert.equal(url.origin + url.pathname, "https://github.com/offentligai/offentligai/issues/new");
  const q = url.searchParams;
  assert.equal(q.get("template"), "propose-example.yml");
  assert.equal(q.get("title"), "Exempel / Example: Bygglovsassistenten");
  assert.equal(q.get("summary"), data.summary_sv);
  assert.equal(q.get("organisation"), "Exempelby kommun");
  assert.equal(q.get("organisation_number"), "212000-0142");
  assert.equal(q.get("year_started"), "2024");
  assert.equal(q.has("year_ended"), false); // empty fields are left out
  assert.equal(q.get("own_page"), "https://example.org/press"); // the primary source
  assert.equal(
    q.get("sources"),
    "Pressmeddelande – Exempelby kommun – https://example.org/press – 2024-05-02\nTidningen – Tidningen – https://example.org/news"
  );
  assert.equal(q.get("details"), files[0].text);
  const long = [{ name: "x.md", text: "ö".repeat(20000) }];
  const shortened = issueUrl("https://github.com/o/r", { sources: "none" }, long);
  assert.ok(shortened.length <= MAX_ISSUE_URL, shortened.length);
  const details = new URL(shortened).searchParams.get("details");
  assert.ok(details.endsWith("\n…") && details.length > 500);
  assert.equal(new URL(shortened).searchParams.has("own_page"), false);
});
