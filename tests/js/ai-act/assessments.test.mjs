// The decision aid's stored assessments and saved files (core/ai-act/assessments.js), where
// the reader is (core/ai-act/progress.js) and the result carried to the trust model
// (core/ai-act/carry.js).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { parse } from "yaml";
import {
  answersFile,
  answersFileSpec,
  cleanAssessment,
  currentAssessment,
  displayName,
  emptyAssessment,
  fitAnswers,
  parseAnswersFile,
  restoreState,
  storeSpec,
  storedState,
} from "../../../docs/assets/javascripts/core/ai-act/assessments.js";
import {
  TRUST_MODEL_QUESTIONS,
  carriedRecord,
  carryInto,
  cleanCarried,
  trustModelAnswers,
  trustModelTargets,
} from "../../../docs/assets/javascripts/core/ai-act/carry.js";
import { evaluate } from "../../../docs/assets/javascripts/core/ai-act/engine.js";
import {
  currentQuestion,
  followingQuestion,
  pathOf,
  previousQuestion,
  steps,
} from "../../../docs/assets/javascripts/core/ai-act/progress.js";
import { FileProblem } from "../../../docs/assets/javascripts/core/files.js";
import { createStore, memoryStorage } from "../../../docs/assets/javascripts/core/storage.js";
import { ROOT, loadAid, loadCases } from "./helpers.mjs";

const aid = loadAid();
const cases = loadCases();
const answersOf = (id) => cases.find((item) => item.id === id).answers;
let counter = 0;
const makeId = () => `id${(counter += 1)}`;
const settings = { format: "offentligai-ai-act-answers", format_version: 1, max_file_bytes: 512 * 1024 };
const t = (key, values) => `${key}:${JSON.stringify(values || {})}`;

describe("stored assessments", () => {
  test("answers that no longer fit are kept aside, never lost", () => {
    const fitted = fitAnswers(aid, { A1: "yes", X9: "yes", A2: "nonsense", A3: "none", P1: ["none", "a"], __proto__: "x" }, [
      { id: "OLD", value: { a: 1 }, reason: "strange" },
      "not a record",
    ]);
    assert.deepEqual({ ...fitted.answers }, { A1: "yes" });
    assert.deepEqual(
      fitted.unmatched.map((item) => [item.id, item.reason]),
      [["X9", "unknown-question"], ["A2", "unknown-answer"], ["A3", "wrong-type"], ["P1", "unknown-answer"], ["OLD", "wrong-type"]]
    );
    assert.equal(fitted.unmatched[4].value, '{"a":1}');
    assert.deepEqual(fitAnswers(aid, "not an object", null), { answers: Object.create(null), unmatched: [] });
  });

  test("an assessment from storage is cleaned: ids, names and the trust-model link", () => {
    const cleaned = cleanAssessment(aid, { id: "BAD ID", name: 42, answers: { A1: "no" }, trust_model_id: "abc123" }, makeId);
    assert.match(cleaned.id, /^id\d+$/);
    assert.equal(cleaned.name, "");
    assert.equal(cleaned.trustModelId, "abc123");
    assert.equal(cleanAssessment(aid, { trust_model_id: "../x" }, makeId).trustModelId, "");
  });

  test("state round-trips through a versioned store", () => {
    const store = createStore(storeSpec(memoryStorage(), "k"));
    const state = restoreState(null, aid, makeId);
    assert.equal(state.assessments.length, 1);
    state.assessments[0].name = "Chattbot";
    state.assessments[0].answers = { A1: "yes" };
    state.date = "2027-12-02";
    state.question = "A2";
    assert.equal(store.save(storedState(state)), true);
    const again = restoreState(store.load().data, aid, makeId);
    assert.equal(again.assessments[0].name, "Chattbot");
    assert.deepEqual({ ...again.assessments[0].answers }, { A1: "yes" });
    assert.equal(again.date, "2027-12-02");
    assert.equal(again.question, "A2");
    assert.equal(currentAssessment(again).name, "Chattbot");
  });

  test("a broken record gives a fresh state", () => {
    const state = restoreState({ assessments: "x", current: "nope", date: "2027-02-30", question: "Z1" }, aid, makeId);
    assert.equal(state.assessments.length, 1);
    assert.equal(state.date, "");
    assert.equal(state.question, "");
    assert.equal(restoreState({ question: "result" }, aid, makeId).question, "result");
  });

  test("names: the assessment's own, else a number", () => {
    const state = { assessments: [emptyAssessment(makeId), { ...emptyAssessment(makeId), name: " Bot " }] };
    assert.equal(displayName(state, state.assessments[0], t), 'aa_assessment_unnamed:{"n":1}');
    assert.equal(displayName(state, state.assessments[1], t), "Bot");
  });
});

describe("saved files", () => {
  const spec = answersFileSpec(settings);
  test("save and load give the same answers and name", () => {
    const assessment = { ...emptyAssessment(makeId), name: "Chattbot", answers: answersOf("municipal-chatbot-on-an-llm-api") };
    const text = answersFile(spec, assessment, "Chattbot", "1.0.0", new Date("2026-12-03T10:00:00Z"));
    const parsed = JSON.parse(text);
    assert.equal(parsed.format, "offentligai-ai-act-answers");
    assert.equal(parsed.format_version, 1);
    assert.equal(parsed.aid_version, "1.0.0");
    const loaded = parseAnswersFile(text, spec, aid, makeId);
    assert.equal(loaded.assessment.name, "Chattbot");
    assert.equal(loaded.aidVersion, "1.0.0");
    assert.deepEqual({ ...loaded.assessment.answers }, assessment.answers);
  });
  test("unmatched answers are saved and read back", () => {
    const assessment = { ...emptyAssessment(makeId), answers: { A1: "yes" }, unmatched: [{ id: "X", value: "y", reason: "unknown-question" }] };
    const loaded = parseAnswersFile(answersFile(spec, assessment, "x", "1.0.0"), spec, aid, makeId);
    assert.deepEqual(loaded.assessment.unmatched, [{ id: "X", value: "y", reason: "unknown-question" }]);
  });
  test("hostile and broken files are refused with a reason", () => {
    const code = (text) => {
      try {
        parseAnswersFile(text, spec, aid, makeId);
      } catch (error) {
        assert.ok(error instanceof FileProblem);
        return error.code;
      }
      return null;
    };
    assert.equal(code("{"), "not-json");
    assert.equal(code(JSON.stringify({ format: "other" })), "format");
    assert.equal(code(JSON.stringify({ format: settings.format, format_version: 2 })), "newer");
    assert.equal(code(JSON.stringify({ format: settings.format, format_version: 1, assessment: [] })), "format");
    assert.equal(code(JSON.stringify({ format: settings.format, format_version: 1, assessment: { answers: 1 } })), "format");
    assert.equal(code("x".repeat(settings.max_file_bytes + 1)), "too-large");
    const loaded = parseAnswersFile(
      JSON.stringify({ format: settings.format, format_version: 1, aid_version: 7, assessment: { answers: { "<img>": "x" } } }),
      spec,
      aid,
      makeId
    );
    assert.equal(loaded.aidVersion, "");
    assert.equal(loaded.assessment.unmatched[0].reason, "unknown-question");
  });
});

describe("where the reader is", () => {
  test("the path holds the answered questions and the next", () => {
    assert.deepEqual(pathOf(aid, {}).ids, ["A1"]);
    assert.deepEqual(pathOf(aid, { A1: "unsure" }), { ids: ["A1", "A1a"], next: "A1a", complete: false });
    assert.equal(pathOf(aid, { A1: "no" }).complete, true);
  });
  test("back, forward and the question to show", () => {
    const answers = { A1: "yes", A2: "system" };
    assert.equal(currentQuestion(aid, answers, ""), "A3");
    assert.equal(currentQuestion(aid, answers, "A1"), "A1");
    assert.equal(currentQuestion(aid, answers, "H1"), "A3");
    assert.equal(currentQuestion(aid, answers, "result"), "A3");
    assert.equal(currentQuestion(aid, { A1: "no" }, "result"), "result");
    assert.equal(currentQuestion(aid, { A1: "no" }, ""), "result");
    assert.equal(previousQuestion(aid, answers, "A3"), "A2");
    assert.equal(previousQuestion(aid, answers, "A1"), null);
    assert.equal(previousQuestion(aid, { A1: "no" }, "result"), "A1");
    assert.equal(previousQuestion(aid, {}, "result"), "A1");
    assert.equal(followingQuestion(aid, answers, "A1"), "A2");
    assert.equal(followingQuestion(aid, answers, "A3"), null);
    assert.equal(followingQuestion(aid, { A1: "no" }, "A1"), "result");
    assert.equal(followingQuestion(aid, answers, "H4"), "A3");
  });
  test("the steps of the progress indicator", () => {
    const answers = answersOf("municipal-chatbot-on-an-llm-api");
    const atRole = steps(aid, answers, "R1");
    assert.equal(atRole.number, 4);
    assert.deepEqual(atRole.blocks.map((block) => block.state), ["done", "skipped", "current", "todo", "todo", "todo", "todo"]);
    const atEnd = steps(aid, answers, "result");
    assert.equal(atEnd.number, null);
    assert.deepEqual(atEnd.blocks.map((block) => block.state), ["done", "skipped", "done", "done", "done", "done", "skipped"]);
  });
});

describe("carrying the result to the trust model", () => {
  const trustModel = parse(readFileSync(join(ROOT, "data", "trust-model.yml"), "utf8"));
  const trustQuestions = new Map(
    trustModel.parts.flatMap((part) => part.sections.flatMap((section) => section.questions.map((q) => [q.id, q])))
  );
  const optionIds = (question) =>
    question.type === "yes-no" ? ["yes", "no", "unknown"] : (question.options || []).map((option) => option.id);

  test("every answer given to the trust model is a question and an answer it has", () => {
    for (const id of Object.values(TRUST_MODEL_QUESTIONS)) assert.ok(trustQuestions.has(id), id);
    for (const item of cases) {
      const result = evaluate(aid, item.answers, item.date);
      for (const [id, value] of Object.entries(trustModelAnswers(result, item.answers))) {
        const question = trustQuestions.get(id);
        assert.ok(question, id);
        for (const answer of Array.isArray(value) ? value : [value]) assert.ok(optionIds(question).includes(answer), `${item.id}: ${id}=${answer}`);
      }
    }
  });
  test("a chatbot, a high-risk system and something that is not AI", () => {
    const chat = answersOf("municipal-chatbot-on-an-llm-api");
    assert.deepEqual(trustModelAnswers(evaluate(aid, chat, "2026-12-03"), chat), {
      "ai-act-ai-system": "yes",
      "ai-act-role": "both",
      "ai-act-risk-class": "transparency",
      "ai-act-annex-iii-area": ["none"],
      "ai-act-fria": "not-required",
      "ai-act-registration": "not-applicable",
      "ai-act-transparency-duties": ["chatbot"],
    });
    const benefits = answersOf("benefits-on-behalf-of-a-municipality");
    const high = trustModelAnswers(evaluate(aid, benefits, "2026-12-03"), benefits);
    assert.equal(high["ai-act-risk-class"], "high-risk-annex-iii");
    assert.deepEqual(high["ai-act-annex-iii-area"], ["public-benefits"]);
    assert.equal(high["ai-act-fria"], undefined);
    assert.deepEqual(trustModelAnswers(evaluate(aid, { A1: "no" }, "2026-12-03"), { A1: "no" }), { "ai-act-ai-system": "no" });
    const news = answersOf("ai-drafted-news-without-review");
    assert.deepEqual(trustModelAnswers(evaluate(aid, news, "2026-12-03"), news)["ai-act-transparency-duties"], ["public-text"]);
    const exception = answersOf("exception-6-3");
    assert.equal(trustModelAnswers(evaluate(aid, exception, "2026-12-03"), exception)["ai-act-exception"], "yes");
    const model = answersOf("open-weights-language-model");
    assert.deepEqual(trustModelAnswers(evaluate(aid, model, "2026-12-03"), model), {});
  });
  test("the record is carried into a new or an existing trust-model assessment", () => {
    const chat = answersOf("municipal-chatbot-on-an-llm-api");
    const result = evaluate(aid, chat, "2026-12-03");
    const record = carriedRecord(result, chat, "1.0.0", "2026-12-03", "Chattbot");
    assert.deepEqual(cleanCarried(JSON.parse(JSON.stringify(record))), { ...record, answers: Object.assign(Object.create(null), chat) });
    const stored = { current: "b1", section: 3, assessments: [{ id: "b1", name: "", answers: { "purpose-system-name": "Bot", "ai-act-role": "unknown" } }] };
    assert.deepEqual(trustModelTargets(stored, "purpose-system-name"), [{ id: "b1", name: "Bot" }]);
    const now = new Date("2026-12-03T13:05:00Z");
    const into = carryInto(stored, "b1", record, trustModelAnswers(result, chat), "Chattbot", "n1", now);
    assert.equal(into.id, "b1");
    assert.equal(into.data.assessments[0].changed, "2026-12-03T13:05:00.000Z"); // shown as its last change
    assert.equal(into.data.assessments[0].answers["ai-act-role"], "both");
    assert.equal(into.data.assessments[0].answers["purpose-system-name"], "Bot");
    assert.equal(into.data.section, 3);
    assert.equal(stored.assessments[0].answers["ai-act-role"], "unknown"); // the loaded record is not changed
    const fresh = carryInto(null, "", record, {}, "Chattbot", "n1");
    assert.deepEqual(fresh.data.assessments.map((a) => [a.id, a.name]), [["n1", "Chattbot"]]);
    assert.equal(fresh.data.current, "n1");
    assert.deepEqual(trustModelTargets(null, "x"), []);
  });
  test("a hostile carried record is cleaned", () => {
    assert.equal(cleanCarried("x"), null);
    const cleaned = cleanCarried({
      version: 1,
      date: "2026-02-30",
      outcomes: ["MINIMAL", "<script>", 3],
      risk_class: "a b",
      roles: "provider",
      duties: [{ id: "lit", applies_from: "x" }, { id: "../x" }, "y"],
      answers: { A1: "yes", "bad key": "x", A2: "no way", R1: ["a", "<b>"] },
    });
    assert.deepEqual(cleaned, {
      version: "",
      date: "",
      name: "",
      outcomes: ["MINIMAL"],
      risk_class: null,
      roles: [],
      duties: [{ id: "lit", applies_from: "" }],
      answers: Object.assign(Object.create(null), { A1: "yes", R1: ["a"] }),
    });
  });
});

describe("a trust-model assessment carries the result", () => {
  test("through the trust model's storage and its saved files", async () => {
    const { site } = await import("../site-data.mjs");
    const tm = await import("../../../docs/assets/javascripts/core/trust-model/assessments.js");
    const { indexModel } = await import("../../../docs/assets/javascripts/core/trust-model/model.js");
    const index = indexModel(site.model);
    const chat = answersOf("municipal-chatbot-on-an-llm-api");
    const result = evaluate(aid, chat, "2026-12-03");
    const record = carriedRecord(result, chat, "1.0.0", "2026-12-03", "Chattbot");
    const { data } = carryInto(null, "", record, trustModelAnswers(result, chat), "Chattbot", "n1");
    const state = tm.restoreState(JSON.parse(JSON.stringify(data)), index, { languages: ["sv", "en"], lang: "sv", makeId });
    const assessment = tm.currentAssessment(state);
    assert.equal(assessment.answers["ai-act-risk-class"], "transparency");
    assert.equal(assessment.ai_act.risk_class, "MINIMAL");
    const spec = tm.answersFileSpec(site.settings);
    const loaded = tm.parseAnswersFile(tm.answersFile(spec, assessment, "Chattbot", "x"), spec, index, makeId);
    assert.deepEqual(loaded.assessment.ai_act.duties, record.duties);
    assert.equal(tm.emptyAssessment(makeId).ai_act, null);
  });
});
