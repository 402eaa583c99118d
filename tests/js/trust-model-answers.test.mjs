import assert from "node:assert/strict";
import { test } from "node:test";

import {
  answerText,
  attentionFor,
  fitAnswer,
  fitAnswers,
  indexModel,
  isAnswered,
  keepable,
  nextUnfinished,
  overallProgress,
  questionLabel,
  sectionProgress,
  unfinishedSections,
} from "../../docs/assets/javascripts/core/trust-model/model.js";
import { fixture, site } from "./site-data.mjs";

const index = indexModel(site.model);
const question = (id) => index.questions.get(id).question;

test("the model is indexed in reading order", () => {
  assert.equal(index.sections[0].section.id, "purpose");
  assert.equal(index.total, [...index.questions.keys()].length);
  assert.ok(index.total > 100);
  assert.equal(index.questions.get("affected-scale").section.id, "affected");
});

test("answers of every type fit, or say why not", () => {
  assert.deepEqual(fitAnswer(question("purpose-system-name"), "Eva\u0000"), { value: "Eva" });
  assert.deepEqual(fitAnswer(question("purpose-system-name"), 5), { rest: { reason: "wrong-type", value: 5 } });
  assert.deepEqual(fitAnswer(question("legal-basis-dpia-date"), "2026-05-31"), { value: "2026-05-31" });
  assert.equal(fitAnswer(question("legal-basis-dpia-date"), "2025-13-45").rest.reason, "wrong-type");
  assert.deepEqual(fitAnswer(question("affected-decision-role"), "none"), { value: "none" });
  assert.deepEqual(fitAnswer(question("affected-decision-role"), ["none"]), { value: "none" }); // was multiple-choice
  assert.deepEqual(fitAnswer(question("affected-decision-role"), "fully-automated"), {
    rest: { reason: "unknown-option", value: "fully-automated" },
  });
  assert.equal(fitAnswer(question("affected-decision-role"), ["none", "unknown"]).rest.reason, "wrong-type");
  assert.deepEqual(fitAnswer(question("purpose-benefit-type"), "quality"), { value: ["quality"], rest: undefined }); // was single-choice
  assert.deepEqual(fitAnswer(question("purpose-benefit-type"), ["quality", "quality", "gone"]), {
    value: ["quality"],
    rest: { reason: "unknown-option", value: ["gone"] },
  });
  assert.equal(fitAnswer(question("purpose-benefit-type"), [1]).rest.reason, "wrong-type");
  assert.equal(fitAnswer({ type: "a-new-type" }, "x").rest.reason, "wrong-type");
});

test("what does not fit is kept as text, never as an object", () => {
  assert.equal(keepable("a\u0007b"), "ab");
  assert.deepEqual(keepable(["a", "b\u0000"]), ["a", "b"]);
  assert.equal(keepable({ toString: "<img>" }), '{"toString":"<img>"}');
  assert.equal(keepable(true), "true");
  assert.equal(keepable({ deep: "x".repeat(5000) }).length, 2000);
  assert.equal(keepable("y".repeat(30000)).length, 20000);
  assert.equal(keepable(10n), "10"); // JSON cannot write it
});

test("a file from an older model keeps what maps and lists the rest", () => {
  const file = JSON.parse(fixture("trust_model/answers-older-model.json"));
  const { answers, unmatched, ignored } = fitAnswers(index, file.assessment.answers, file.assessment.unmatched);
  assert.deepEqual({ ...answers }, {
    "purpose-system-name": "Gammal chattbot",
    "purpose-organisation": "Exempelkommunen",
    "purpose-benefit-type": ["efficiency"],
    "purpose-strategy": "no",
    "affected-scale": "under-100",
  });
  assert.deepEqual(unmatched.map((item) => [item.id, item.reason]), [
    ["purpose-benefit-type", "unknown-option"],
    ["affected-decision-role", "unknown-option"],
    ["purpose-alternatives", "wrong-type"],
    ["legal-basis-dpia-date", "wrong-type"],
    ["purpose-old-question", "unknown-question"],
    ["even-older-question", "unknown-question"],
  ]);
  assert.deepEqual(unmatched[2].value, "true");
  assert.deepEqual(ignored, []);
});

test("a hostile file's keys are refused and nothing is polluted", () => {
  const file = JSON.parse(fixture("trust_model/answers-hostile.json"));
  const { answers, unmatched, ignored } = fitAnswers(index, file.assessment.answers, file.assessment.unmatched);
  assert.deepEqual(ignored, ["__proto__", "constructor"]);
  assert.equal(Object.getPrototypeOf(answers), null);
  assert.equal({}.polluted, undefined);
  assert.equal(answers["purpose-system-name"], '<img src=x onerror="window.__pwned=2">');
  assert.equal(unmatched.length, 3);
  assert.deepEqual(unmatched.map((item) => item.reason), ["unknown-question", "wrong-type", "wrong-type"]);
  assert.equal(unmatched[1].value, '{"toString":"<img src=x onerror=\\"window.__pwned=6\\">"}');
  assert.deepEqual(unmatched[2].value, ["<b>a</b>"]); // an unknown reason becomes wrong-type
  assert.deepEqual(fitAnswers(index, "not an object", "not a list"), { answers: Object.create(null), unmatched: [], ignored: [] });
  assert.deepEqual(fitAnswers(index, [], [null, 5, { id: 7 }]).unmatched, []);
});

test("progress, attention notes and answers as text in both languages", () => {
  const answers = { "purpose-system-name": "Eva", "purpose-benefit-type": ["efficiency", "unknown"], "purpose-goals": " " };
  assert.equal(isAnswered(answers["purpose-goals"]), false);
  assert.equal(isAnswered([]), false);
  assert.deepEqual(sectionProgress(answers, index.sections[0].section), { answered: 2, total: index.sections[0].section.questions.length });
  assert.deepEqual(overallProgress(index, answers), { answered: 2, total: index.total });
  const benefit = question("purpose-benefit-type");
  const notes = attentionFor(benefit, answers["purpose-benefit-type"]);
  assert.equal(notes.length, 1);
  assert.match(notes[0].note.sv, /Om nyttan är oklar/);
  assert.deepEqual(attentionFor(benefit, []), []);
  assert.equal(answerText(benefit, ["efficiency", "gone"], "en"), `${benefit.options[0].label.en}; gone`);
  assert.equal(answerText(question("affected-decision-role"), "none", "sv"), question("affected-decision-role").options[0].label.sv);
  assert.equal(answerText(question("affected-decision-role"), "gone", "sv"), "gone");
  assert.equal(answerText(question("legal-basis-dpia-date"), "2026-05-31", "sv"), "31 maj 2026");
  assert.equal(answerText(question("legal-basis-dpia-date"), "2026-05-31", "en"), "31 May 2026");
  assert.equal(answerText(question("purpose-system-name"), "Eva", "en"), "Eva");
  assert.equal(answerText(question("purpose-system-name"), "", "en"), "");
});

test("questions are named by number and text; what is left, and where to go on", () => {
  assert.equal(questionLabel(index, "purpose-system-name", "sv"), "1.1 Vad heter AI-systemet?");
  assert.equal(questionLabel(index, "purpose-system-name", "en"), "1.1 What is the AI system called?");
  assert.equal(questionLabel(index, "no-such-question", "sv"), null);
  const first = index.sections[0].section;
  const all = Object.fromEntries(first.questions.map((q) => [q.id, q.type === "multiple-choice" ? ["x"] : "x"]));
  const left = unfinishedSections(index, all);
  assert.equal(left.length, index.sections.length - 1);
  assert.deepEqual([left[0].position, left[0].left], [1, index.sections[1].section.questions.length]);
  assert.equal(nextUnfinished(index, all).position, 1);
  assert.equal(nextUnfinished(index, all, 4).position, 4);
  const lastOnly = Object.fromEntries(
    index.sections.slice(0, -1).flatMap(({ section }) => section.questions.map((q) => [q.id, ["x"]]))
  );
  assert.equal(nextUnfinished(index, lastOnly, 2).position, index.sections.length - 1);
  assert.equal(nextUnfinished(index, { ...lastOnly, ...all }, index.sections.length - 1).position, index.sections.length - 1);
  const everything = Object.fromEntries([...index.questions.keys()].map((id) => [id, ["x"]]));
  assert.equal(nextUnfinished(index, everything), null);
  assert.deepEqual(unfinishedSections(index, everything), []);
});
