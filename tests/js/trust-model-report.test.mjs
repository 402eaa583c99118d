import assert from "node:assert/strict";
import { test } from "node:test";

import { markdownEscape } from "../../docs/assets/javascripts/core/markdown.js";
import { createTranslator } from "../../docs/assets/javascripts/core/strings.js";
import { indexModel } from "../../docs/assets/javascripts/core/trust-model/model.js";
import { reportData, reportFileName, reportMarkdown } from "../../docs/assets/javascripts/core/trust-model/report.js";
import { site } from "./site-data.mjs";

const index = indexModel(site.model);
const t = createTranslator(site.settings.strings, "sv"); // a Swedish page
const assessment = {
  answers: {
    "purpose-system-name": "Chattbot <b>Eva</b>",
    "purpose-organisation": " Exempelkommunen ",
    "purpose-problem": "- not a list\n# not a heading\n1. not a list",
    "purpose-benefit-type": ["unknown"],
    "legal-basis-dpia-date": "2026-05-31",
  },
};
const context = { index, name: "Chattbot <b>Eva</b>", organisationQuestion: "purpose-organisation", day: "2026-12-03", t };

test("the report in Swedish", () => {
  const data = reportData(assessment, "sv", context);
  assert.equal(data.lang, "sv");
  assert.equal(data.title, "Förtroendemodellen – Chattbot <b>Eva</b>");
  assert.deepEqual(data.facts.map(([term]) => term), ["Organisation", "Datum", "Modellens version", "Besvarade frågor"]);
  assert.deepEqual(data.facts[0], ["Organisation", "Exempelkommunen"]);
  assert.equal(data.facts[1][1], "3 december 2026");
  assert.equal(data.facts[3][1], `5 av ${index.total} frågor besvarade`);
  const questions = data.parts.flatMap((part) => part.sections.flatMap((section) => section.questions));
  assert.equal(questions.length, index.total);
  assert.equal(questions.filter((q) => q.answer === null).length, index.total - 5);
  const dpia = questions.find((q) => q.answer === "31 maj 2026");
  assert.ok(dpia);
  assert.equal(data.noAnswer, "Inget svar");
});

test("the report in English on a Swedish page, and as Markdown", () => {
  const data = reportData(assessment, "en", context);
  assert.equal(data.title, "The trust model – Chattbot <b>Eva</b>");
  assert.deepEqual(data.facts.map(([term]) => term), ["Organisation", "Date", "Model version", "Questions answered"]);
  assert.equal(data.facts[1][1], "3 December 2026");
  assert.equal(data.parts[0].sections[0].title.startsWith("1. "), true);
  const text = reportMarkdown(data);
  assert.ok(text.startsWith("# The trust model – Chattbot &lt;b&gt;Eva&lt;/b&gt;\n"));
  assert.ok(text.includes("- **Organisation:** Exempelkommunen"));
  assert.ok(text.includes("**1.1 What is the AI system called?**\n\n> Chattbot &lt;b&gt;Eva&lt;/b&gt;"));
  assert.ok(text.includes("> \\- not a list\n> \\# not a heading\n> 1\\. not a list"));
  assert.ok(text.includes("*Note:* If the benefit is unclear"));
  assert.equal(text.split("*No answer*").length - 1, index.total - 5);
  assert.ok(text.endsWith(`\n---\n\n${markdownEscape(data.source)}\n`));
});

test("a report without an organisation leaves the fact out", () => {
  const data = reportData({ answers: {} }, "sv", context);
  assert.deepEqual(data.facts.map(([term]) => term), ["Datum", "Modellens version", "Besvarade frågor"]);
  assert.deepEqual(data.notes, []); // no free-text answer to leave untranslated
  assert.equal(data.empty, null);
});

test("answered questions only: a few answers give a short report, and it says so", () => {
  const data = reportData(assessment, "sv", { ...context, answeredOnly: true });
  const questions = data.parts.flatMap((part) => part.sections.flatMap((section) => section.questions));
  assert.deepEqual(questions.map((q) => q.number), ["1.1", "1.2", "1.3", "1.5", "6.6"]);
  assert.equal(questions.every((q) => q.answer !== null), true);
  assert.equal(data.parts.flatMap((part) => part.sections).length, 2);
  assert.deepEqual(data.notes, [
    "Rapporten visar bara de frågor som är besvarade.",
    "Svar i fritext står som de skrevs. De är inte översatta.",
  ]);
  const none = reportData({ answers: {} }, "en", { ...context, answeredOnly: true });
  assert.deepEqual(none.parts, []);
  assert.equal(none.empty, "No question has been answered yet.");
  assert.ok(reportMarkdown(none).includes("\n\nNo question has been answered yet.\n"));
  assert.ok(reportMarkdown(data).includes("*Svar i fritext står som de skrevs. De är inte översatta.*"));
});

test("the report names the day the answers last changed, and its file name its language", () => {
  const changed = new Date(2026, 10, 20, 12).toISOString(); // noon, local time
  const data = reportData({ ...assessment, changed }, "sv", context);
  assert.deepEqual(data.facts[2], ["Svaren ändrades senast", "20 november 2026"]);
  assert.deepEqual(reportData({ ...assessment, changed }, "en", context).facts[2], ["Answers last changed", "20 November 2026"]);
  assert.equal(reportData({ ...assessment, changed: "yesterday" }, "sv", context).facts.length, 4);
  assert.equal(reportFileName(t, "Eva", "2026-12-03", "sv"), "fortroendemodellen-eva-2026-12-03.md");
  assert.equal(reportFileName(t, "", "2026-12-03", "en"), "trust-model-report-2026-12-03.md");
});
