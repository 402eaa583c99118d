// Walking every path through the decision aid, fast enough for a test.
//
// A path is one complete set of answers. There are far too many to list (multiple-choice
// questions multiply them), so they are counted exactly by dynamic programming: what can
// still happen after a question depends only on the position reached and on the labels that
// later conditions read, so walks that agree on both are merged and counted together.
//
// To be fast the data is compiled: every label and fact gets a bit, conditions become
// functions of a bit mask, and the answers of each question are grouped by the labels they
// set (1,023 ways to answer P1 set far fewer different labels). `checkAgainstEngine` walks
// sampled states with the engine itself, so the compiled walk cannot drift from it.

import { derive, nextQuestion, possibleAnswers, labelsOf } from "../../../docs/assets/javascripts/core/ai-act/engine.js";

export function conditionNames(condition, out = new Set()) {
  if (condition === undefined || condition === null) return out;
  if (typeof condition === "string") out.add(condition);
  else {
    for (const part of condition.all || condition.any || []) conditionNames(part, out);
    if ("not" in condition) conditionNames(condition.not, out);
  }
  return out;
}

/** The conditions a result reads: outcomes, roles, duties and their date rules and variants, notes. */
export function resultConditions(aid) {
  return [
    ...aid.outcomes.map((item) => item.when),
    ...aid.roles.map((item) => item.when),
    ...aid.duties.flatMap((item) => [item.when, ...(item.refs_when || []).map((variant) => variant.when)]),
    ...aid.notes.map((item) => item.when),
    ...aid.date_rules.flatMap((rule) => rule.rules.map((step) => step.when)),
  ];
}

export function compile(aid) {
  const bits = new Map();
  const bit = (name) => {
    if (!bits.has(name)) bits.set(name, 1n << BigInt(bits.size));
    return bits.get(name);
  };
  for (const question of aid.questions) for (const option of question.options) option.sets.forEach(bit);
  aid.facts.forEach((fact) => bit(fact.id));

  const test = (condition) => {
    if (condition === undefined || condition === null) return () => true;
    if (typeof condition === "string") {
      const b = bit(condition);
      return (mask) => (mask & b) !== 0n;
    }
    if (condition.all) {
      const parts = condition.all.map(test);
      return (mask) => parts.every((part) => part(mask));
    }
    if (condition.any) {
      const parts = condition.any.map(test);
      return (mask) => parts.some((part) => part(mask));
    }
    const inner = test(condition.not);
    return (mask) => !inner(mask);
  };

  // What each fact uses directly, and the first position from which no question sets any
  // label it rests on: from there its value is final ("settled"), and a state can keep the
  // fact instead of its labels (R2's three answers become one fact, role-25).
  const uses = new Map(aid.facts.map((fact) => [fact.id, [...conditionNames(fact.when)]]));
  const lastSetter = new Map();
  aid.questions.forEach((question, index) => {
    for (const option of question.options) for (const label of option.sets) lastSetter.set(label, index);
  });
  const settledFrom = new Map();
  for (const fact of aid.facts) {
    let from = 0;
    for (const name of uses.get(fact.id)) from = Math.max(from, settledFrom.get(name) ?? (lastSetter.get(name) ?? -1) + 1);
    settledFrom.set(fact.id, from);
  }
  const expandAt = (name, position) => {
    if (!uses.has(name) || settledFrom.get(name) <= position) return bit(name);
    let mask = 0n;
    for (const used of uses.get(name)) mask |= expandAt(used, position);
    return mask;
  };
  const labelsOfConditions = (conditions, position) => {
    let mask = 0n;
    for (const condition of conditions) for (const name of conditionNames(condition)) mask |= expandAt(name, position);
    return mask;
  };
  const facts = aid.facts.map((fact) => ({ bit: bit(fact.id), holds: test(fact.when) }));
  const derived = (mask) => {
    let names = mask;
    for (const fact of facts) if (fact.holds(names)) names |= fact.bit;
    return names;
  };
  const ends = test({ any: aid.outcomes.filter((outcome) => outcome.ends).map((outcome) => outcome.when) });
  const questions = aid.questions.map((question) => {
    const groups = new Map();
    for (const answer of possibleAnswers(question)) {
      let mask = 0n;
      for (const label of labelsOf(question, answer)) mask |= bit(label);
      const group = groups.get(mask) || { mask, count: 0n, example: answer };
      group.count += 1n;
      groups.set(mask, group);
    }
    return { id: question.id, asked: test(question.ask_when), answers: [...groups.values()] };
  });
  const endConditions = aid.outcomes.filter((outcome) => outcome.ends).map((outcome) => outcome.when);
  const names = (mask) => new Set([...bits].filter(([, b]) => (mask & b) !== 0n).map(([name]) => name));
  return { aid, bits, questions, derived, ends, labelsOfConditions, endConditions, names };
}

/** What a state at each position keeps: labels and settled facts a later question, an ending outcome or `conditions` read. */
function liveMasks(compiled, conditions) {
  const { aid, labelsOfConditions, endConditions } = compiled;
  const live = [];
  for (let position = 0; position <= aid.questions.length; position += 1) {
    const later = aid.questions.slice(position).map((question) => question.ask_when);
    live.push(labelsOfConditions([...later, ...endConditions, ...conditions], position));
  }
  return live;
}

/** The compiled engine.nextQuestion. */
function nextIndex({ questions, ends }) {
  return (position, names) => {
    if (ends(names)) return -1;
    for (let index = position; index < questions.length; index += 1) if (questions[index].asked(names)) return index;
    return -1;
  };
}

/**
 * A complete set of answers whose result `accept`s, or null when no path gives one.
 * `accept(answers)` may run the engine; it must depend only on what `conditions` read, so
 * that one answer set stands for every path that ends in the same state.
 */
export function findPath(compiled, conditions, accept) {
  const { questions, derived } = compiled;
  const live = liveMasks(compiled, conditions);
  const next = nextIndex(compiled);
  const seen = live.map(() => new Set());
  const answers = {};
  let found = null;
  function visit(position, state) {
    if (seen[position].has(state)) return false;
    seen[position].add(state);
    const index = next(position, derived(state));
    if (index < 0) {
      const candidate = { ...answers };
      if (accept(candidate)) found = candidate;
      return found !== null;
    }
    const question = questions[index];
    for (const { mask, example } of question.answers) {
      answers[question.id] = example;
      if (visit(index + 1, derived(state | mask) & live[index + 1])) return true;
    }
    delete answers[question.id];
    return false;
  }
  visit(0, 0n);
  return found;
}

/**
 * Every path, counted; `conditions` are what the end states must still tell apart.
 * Returns {paths, ends: Map(mask → names as a Set), reached, states}.
 */
export function enumerate(compiled, conditions = []) {
  const { questions, derived } = compiled;
  const live = liveMasks(compiled, conditions);
  const next = nextIndex(compiled);
  const memo = live.map(() => new Map());
  const endStates = new Map();
  const reached = new Set();

  function visit(position, state) {
    const known = memo[position].get(state);
    if (known !== undefined) return known;
    const names = derived(state);
    const index = next(position, names);
    let count = 0n;
    if (index < 0) {
      endStates.set(state, names);
      count = 1n;
    } else {
      const question = questions[index];
      reached.add(question.id);
      const groups = new Map();
      for (const { mask, count: many } of question.answers) {
        const after = derived(state | mask) & live[index + 1];
        groups.set(after, (groups.get(after) || 0n) + many);
      }
      for (const [after, many] of groups) count += many * visit(index + 1, after);
    }
    memo[position].set(state, count);
    return count;
  }

  const paths = visit(0, 0n);
  const states = memo.reduce((sum, map) => sum + map.size, 0);
  return { paths, ends: new Map([...endStates].map(([mask, names]) => [mask, compiled.names(names)])), reached, states };
}

/**
 * Walk `samples` random complete paths with the engine itself and with the compiled walk;
 * returns the number of paths on which they asked the same questions (all, if they agree).
 */
export function checkAgainstEngine(compiled, samples, seed = 1) {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const { aid } = compiled;
  let agreed = 0;
  for (let run = 0; run < samples; run += 1) {
    const answers = {};
    const asked = [];
    const labels = new Set();
    let mask = 0n;
    let index = nextQuestion(aid, 0, derive(aid, labels));
    let compiledIndex = 0;
    let same = true;
    while (index >= 0) {
      const question = aid.questions[index];
      // the compiled walk must stop at the same question
      const names = compiled.derived(mask);
      compiledIndex = compiled.ends(names) ? -1 : compiled.questions.findIndex((q, i) => i >= compiledIndex && q.asked(names));
      if (compiledIndex !== index) same = false;
      const options = possibleAnswers(question);
      const answer = options[Math.floor(random() * options.length)];
      answers[question.id] = answer;
      asked.push(question.id);
      for (const label of labelsOf(question, answer)) {
        labels.add(label);
        mask |= compiled.bits.get(label);
      }
      index = nextQuestion(aid, index + 1, derive(aid, labels));
      compiledIndex += 1;
    }
    const names = compiled.derived(mask);
    if (!compiled.ends(names) && compiled.questions.some((q, i) => i >= compiledIndex && q.asked(names))) same = false;
    if (same) agreed += 1;
  }
  return agreed;
}
