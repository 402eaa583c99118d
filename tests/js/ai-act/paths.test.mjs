// Every path through the decision aid's questions (edge cases 23 and 26 of the reference).
//
// A path is one complete set of answers: one answer to each question asked (for a
// multiple-choice question, any non-empty set of its answers, or "none"). analysis.mjs counts
// them exactly and walks every state they pass through, merged where the future is the same.
// Each check names what its end states must still tell apart; a check that needs everything
// at once would walk millions of states, so each duty and note is found by a search that
// returns a real set of answers, which the engine then evaluates.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  dutiesOf,
  evaluate,
  holds,
  notesOf,
  outcomesOf,
  rolesOf,
} from "../../../docs/assets/javascripts/core/ai-act/engine.js";
import { checkAgainstEngine, compile, enumerate, findPath } from "./analysis.mjs";
import { loadAid, view } from "./helpers.mjs";

const DATE = "2026-12-03";
const aid = loadAid();
const compiled = compile(aid);
const classes = aid.outcomes.filter((outcome) => outcome.group !== "overlay").map((outcome) => outcome.when);
const rule = (duty) => aid.date_rules.find((item) => item.id === duty.applies_from);

const flow = enumerate(compiled, [...classes, "model-provider"]);

test("the number of paths", () => {
  // For the record; the Dutch decision aid has 3,140 paths of single answers.
  console.log(
    `ai-act paths: ${flow.paths} complete sets of answers through ${aid.questions.length} questions, ` +
      `${flow.states} states walked, ${flow.ends.size} different end states`
  );
  assert.ok(flow.paths > 0n);
});

test("the compiled walk asks the same questions as the engine (2,000 random paths)", () => {
  assert.equal(checkAgainstEngine(compiled, 2000), 2000);
});

test("every path ends in a result: a scope outcome, a risk class or a general-purpose model", () => {
  for (const names of flow.ends.values()) {
    const outcomes = outcomesOf(aid, names);
    assert.ok(outcomes.ids.length > 0, [...names].join(" "));
    if (names.has("assess-system")) assert.ok(outcomes.scope || outcomes.riskClass, [...names].join(" "));
    else assert.ok(outcomes.scope || names.has("model-provider"), [...names].join(" "));
  }
});

test("no question is unreachable", () => {
  assert.deepEqual(
    aid.questions.map((question) => question.id).filter((id) => !flow.reached.has(id)),
    []
  );
});

test("every outcome is reached, and Swedish and English give the same outcomes on every path", () => {
  const all = enumerate(compiled, aid.outcomes.map((outcome) => outcome.when));
  assert.equal(all.paths, flow.paths);
  const views = ["sv", "en"].map((lang) => view(aid, (text) => text[lang]));
  const reached = new Set();
  for (const names of all.ends.values()) {
    const mine = outcomesOf(aid, names);
    mine.ids.forEach((id) => reached.add(id));
    for (const data of views) assert.deepEqual(outcomesOf(data, names), mine);
  }
  assert.deepEqual(aid.outcomes.map((item) => item.id).filter((id) => !reached.has(id)), []);
});

const roleCondition = (ids) => aid.roles.filter((role) => ids.includes(role.id)).map((role) => role.when);

test("every role is reached by a set of answers the engine confirms", () => {
  for (const role of aid.roles) {
    const answers = findPath(compiled, [role.when], (candidate) => evaluate(aid, candidate, DATE).roles.includes(role.id));
    assert.ok(answers, role.id);
  }
});

test("every duty, and every date it can apply from, is reached by a set of answers the engine confirms", () => {
  for (const duty of aid.duties) {
    const steps = rule(duty) ? rule(duty).rules : [{ date: duty.applies_from }];
    for (const step of steps) {
      const conditions = [duty.when, ...roleCondition(duty.roles), ...steps.map((item) => item.when)];
      const answers = findPath(compiled, conditions, (candidate) =>
        evaluate(aid, candidate, DATE).duties.some((found) => found.id === duty.id && found.dateId === step.date)
      );
      assert.ok(answers, `${duty.id} from ${step.date}`);
    }
  }
});

test("every note is reached by a set of answers the engine confirms", () => {
  for (const note of aid.notes) {
    const carriers = aid.duties.filter((duty) => (duty.notes || []).includes(note.id));
    const conditions = [note.when, ...carriers.flatMap((duty) => [duty.when, ...roleCondition(duty.roles)])];
    const answers = findPath(compiled, conditions, (candidate) => evaluate(aid, candidate, DATE).notes.includes(note.id));
    assert.ok(answers, note.id);
  }
});

test("the facts behind the duties match the risk class on every path", () => {
  const walked = enumerate(compiled, [...classes, "high-risk", "hr3", "nhr63", "hr1b", "prohibited", "in-scope"]);
  for (const names of walked.ends.values()) {
    const { scope, riskClass } = outcomesOf(aid, names);
    const where = [...names].join(" ");
    if (names.has("prohibited")) assert.equal(riskClass, "PROHIBITED", where);
    if (names.has("high-risk")) assert.ok(["HIGH_RISK_ANNEX_III", "HIGH_RISK_ANNEX_I_A"].includes(riskClass), where);
    if (riskClass === "HIGH_RISK_ANNEX_III" || riskClass === "HIGH_RISK_ANNEX_I_A") assert.ok(names.has("high-risk"), where);
    if (names.has("nhr63")) assert.equal(riskClass, "NOT_HIGH_RISK_6_3", where);
    assert.equal(names.has("hr1b"), riskClass === "HIGH_RISK_ANNEX_I_B", where);
    // AI literacy's condition is exactly: a system in scope that is not under Annex I, Section B.
    assert.equal(names.has("in-scope") && !names.has("hr1b"), names.has("assess-system") && !scope && riskClass !== "HIGH_RISK_ANNEX_I_B", where);
  }
});

test("duties tied to a risk class need its facts, on every path", () => {
  const needs = {
    ban: "prohibited",
    "6-4": "nhr63",
    "annex-i-b": "hr1b",
    fria: "hr3",
    "26-8": "hr3",
    "26-10": "hr3",
    "26-11": "hr3",
    expl: "hr3",
    "hr-prov": "high-risk",
    "hr-dep": "high-risk",
    "26-7": "high-risk",
    imp: "high-risk",
    dist: "high-risk",
    legacy: "high-risk",
  };
  for (const [id, fact] of Object.entries(needs)) {
    const duty = aid.duties.find((item) => item.id === id);
    const walked = enumerate(compiled, [duty.when, fact]);
    let seen = 0;
    for (const names of walked.ends.values()) {
      if (!holds(duty.when, names)) continue;
      seen += 1;
      assert.ok(names.has(fact), `${id} without ${fact}: ${[...names].join(" ")}`);
    }
    assert.ok(seen > 0, id);
  }
  // Profiling always keeps an Annex III system high-risk (Article 6(3), third subparagraph).
  const profiled = enumerate(compiled, ["profiling", "nhr63"]);
  for (const names of profiled.ends.values()) assert.ok(!(names.has("profiling") && names.has("nhr63")));
});

test("the note on other law comes with every result", () => {
  for (const names of flow.ends.values()) {
    const duties = dutiesOf(aid, names, rolesOf(aid, names), DATE);
    assert.ok(notesOf(aid, names, duties).includes("other-law"));
  }
});
