// The decision aid's engine: the reference's edge cases as fixtures, and the engine's rules
// for answers (tests/fixtures/ai-act/edge-cases.json; docs/assets/javascripts/core/ai-act/).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  AnswerProblem,
  checkAnswers,
  chosenOptions,
  derive,
  evaluate,
  holds,
  possibleAnswers,
  questionById,
  walk,
} from "../../../docs/assets/javascripts/core/ai-act/engine.js";
import { compactRef } from "../../../docs/assets/javascripts/core/ai-act/refs.js";
import { loadAid, loadCases, view } from "./helpers.mjs";

const aid = loadAid();
const cases = loadCases();

function summary(data, answers, date) {
  const result = evaluate(data, answers, date);
  return {
    outcomes: result.outcomes,
    roles: result.roles,
    duties: Object.fromEntries(result.duties.map((duty) => [duty.id, [duty.appliesFrom, duty.appliesNow]])),
    dutyRoles: Object.fromEntries(result.duties.map((duty) => [duty.id, duty.roles])),
    articles: Object.fromEntries(result.duties.map((duty) => [duty.id, duty.refs.map((ref) => compactRef(ref, data.acts))])),
    notes: result.notes,
    annexIii: result.annexIii,
  };
}

describe("the reference's edge cases", () => {
  test("there is a fixture for every numbered edge case that answers can express", () => {
    const covered = new Set(cases.map((item) => item.reference));
    // 23 (AI literacy everywhere), 24 (language parity), 25 (dates in one table) and 26 (tree
    // integrity) are properties of all answers: paths.test.mjs and tests/unit check them.
    for (let number = 1; number <= 22; number += 1) assert.ok(covered.has(number), `edge case ${number}`);
  });

  for (const item of cases) {
    test(`${item.id}: ${item.description}`, () => {
      const got = summary(aid, item.answers, item.date);
      const expect = item.expect;
      assert.deepEqual(got.outcomes, expect.outcomes);
      assert.deepEqual(got.roles, expect.roles);
      assert.deepEqual(got.duties, expect.duties);
      for (const note of expect.notes_include || []) assert.ok(got.notes.includes(note), `note ${note}`);
      for (const note of expect.notes_exclude || []) assert.ok(!got.notes.includes(note), `no note ${note}`);
      if (expect.annex_iii) assert.deepEqual(got.annexIii, expect.annex_iii);
      for (const [duty, articles] of Object.entries(expect.articles || {})) assert.deepEqual(got.articles[duty], articles);
      for (const [duty, roles] of Object.entries(expect.duty_roles || {})) assert.deepEqual(got.dutyRoles[duty], roles);
      const checked = checkAnswers(aid, item.answers);
      assert.deepEqual(checked.unused, expect.unused || []);
    });
  }

  test("Swedish, English and scrambled texts give the same ids for every case", () => {
    const sv = view(aid, (text) => text.sv);
    const en = view(aid, (text) => text.en);
    const scrambled = view(aid, (text) => [...text.en].reverse().join(""));
    for (const item of cases) {
      const expected = summary(aid, item.answers, item.date);
      for (const data of [sv, en, scrambled]) assert.deepEqual(summary(data, item.answers, item.date), expected, item.id);
    }
  });

  test("a duty applies from its own day: before it, not now; on it, now", () => {
    const item = cases.find((entry) => entry.id === "new-bans-dated");
    const ban = (date) => evaluate(aid, item.answers, date).duties.find((duty) => duty.id === "ban");
    assert.equal(ban("2026-12-01").appliesNow, false);
    assert.equal(ban("2026-12-02").appliesNow, true);
  });
});

describe("conditions", () => {
  const names = new Set(["a", "b"]);
  test("labels, all, any and not", () => {
    assert.equal(holds("a", names), true);
    assert.equal(holds("c", names), false);
    assert.equal(holds({ all: ["a", "b"] }, names), true);
    assert.equal(holds({ all: ["a", "c"] }, names), false);
    assert.equal(holds({ any: ["c", "b"] }, names), true);
    assert.equal(holds({ not: "c" }, names), true);
    assert.equal(holds({ not: { any: ["a"] } }, names), false);
    assert.equal(holds(undefined, names), true);
  });
  test("anything else is refused", () => {
    assert.throws(() => holds({ some: ["a"] }, names), TypeError);
  });
  test("facts are derived in order, each from the labels and the facts above it", () => {
    const names2 = derive(aid, ["annex3", "role-deployer"]);
    assert.ok(names2.has("hr3") && names2.has("high-risk") && names2.has("deployer"));
    assert.ok(!derive(aid, ["annex3", "63-ok"]).has("hr3"));
  });
});

describe("answers", () => {
  const a1 = questionById(aid, "A1");
  const p1 = questionById(aid, "P1");
  const problem = (fn) => {
    try {
      fn();
    } catch (error) {
      assert.ok(error instanceof AnswerProblem);
      return error.code;
    }
    return null;
  };
  test("a single-choice question takes one known answer id", () => {
    assert.deepEqual(chosenOptions(a1, "yes").map((option) => option.id), ["yes"]);
    assert.equal(problem(() => chosenOptions(a1, "maybe")), "unknown-answer");
    assert.equal(problem(() => chosenOptions(a1, ["yes"])), "wrong-type");
  });
  test("a multiple-choice question takes a list of different answer ids; none stands alone", () => {
    assert.equal(chosenOptions(p1, ["a", "c"]).length, 2);
    assert.equal(problem(() => chosenOptions(p1, "a")), "wrong-type");
    assert.equal(problem(() => chosenOptions(p1, [])), "wrong-type");
    assert.equal(problem(() => chosenOptions(p1, ["a", "a"])), "repeated");
    assert.equal(problem(() => chosenOptions(p1, ["a", "none"])), "exclusive");
    assert.equal(problem(() => chosenOptions(p1, ["z"])), "unknown-answer");
  });
  test("the possible answers of a multiple-choice question are its non-empty sets and each exclusive answer", () => {
    const t2 = questionById(aid, "T2");
    assert.equal(possibleAnswers(t2).length, 2 ** 3 - 1 + 1);
    assert.equal(possibleAnswers(a1).length, 3);
  });
  test("a whole set of answers: unknown questions, missing answers and answers off the path", () => {
    assert.equal(problem(() => checkAnswers(aid, [])), "not-an-object");
    assert.equal(problem(() => checkAnswers(aid, null)), "not-an-object");
    assert.equal(problem(() => checkAnswers(aid, { A1: "yes", X9: "yes" })), "unknown-question");
    assert.equal(problem(() => checkAnswers(aid, { A1: "yes" })), "missing-answer");
    assert.equal(problem(() => evaluate(aid, { A1: "yes" }, "2026-12-03")), "missing-answer");
    assert.deepEqual(checkAnswers(aid, { A1: "no", A2: "system" }).unused, ["A2"]);
    assert.equal(problem(() => checkAnswers(aid, { A1: "no", A2: "nonsense" })), "unknown-answer");
  });
  test("walking stops at the first question without an answer, and after an outcome that ends", () => {
    assert.equal(walk(aid, {}).next, "A1");
    assert.equal(walk(aid, { A1: "unsure" }).next, "A1a");
    const done = walk(aid, { A1: "no" });
    assert.equal(done.complete, true);
    assert.deepEqual(done.path.map((step) => step.question), ["A1"]);
  });
  test("a changed answer drops the questions that no longer apply", () => {
    const answers = { A1: "unsure", A1a: "no", A1b: "yes", A1c: "yes" };
    assert.deepEqual(walk(aid, answers).path.map((step) => step.question), ["A1", "A1a", "A1b", "A1c"]);
    assert.deepEqual(walk(aid, { ...answers, A1: "yes" }).path.map((step) => step.question), ["A1"]);
    assert.equal(walk(aid, { ...answers, A1: "yes" }).next, "A2");
  });
});
