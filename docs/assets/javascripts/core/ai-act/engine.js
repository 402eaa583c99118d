/*
 * The AI Act decision aid's rules: the one evaluator, used by the page and by
 * `node scripts/ai-act.mjs`. Pure: no DOM, no storage, no clock (the evaluation date is
 * passed in).
 *
 * The law is data (data/ai-act.yml, checked by the build). Questions are asked in the order
 * of the data; a question is asked when its `ask_when` holds and no outcome that `ends` the
 * questions holds yet. Each chosen answer adds the labels in its `sets`; facts are derived
 * from labels in order; outcomes, roles, duties, dates and notes are derived from labels and
 * facts. Answers are identified by their ids; their text is never read here, so the Swedish
 * and the English text give the same result.
 *
 * Answers are {questionId: answerId} for single-choice questions and
 * {questionId: [answerId, …]} for multiple-choice questions.
 */

/** Why a set of answers cannot be evaluated. `code` is one of ANSWER_PROBLEMS. */
export class AnswerProblem extends Error {
  constructor(code, question, value, allowed) {
    super(`${question}: ${code}`);
    this.name = "AnswerProblem";
    this.code = code;
    this.question = question;
    this.value = value;
    this.allowed = allowed;
  }
}

export const ANSWER_PROBLEMS = ["not-an-object", "unknown-question", "wrong-type", "unknown-answer", "exclusive", "repeated", "missing-answer"];

const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

/** True when `condition` holds for the set of labels and facts `names` (no condition: true). */
export function holds(condition, names) {
  if (condition === undefined || condition === null) return true;
  if (typeof condition === "string") return names.has(condition);
  if (Array.isArray(condition.all)) return condition.all.every((part) => holds(part, names));
  if (Array.isArray(condition.any)) return condition.any.some((part) => holds(part, names));
  if (own(condition, "not")) return !holds(condition.not, names);
  throw new TypeError(`not a condition: ${JSON.stringify(condition)}`);
}

/** The labels plus every fact that holds for them, derived in the order of the data. */
export function derive(aid, labels) {
  const names = new Set(labels);
  for (const fact of aid.facts) {
    if (holds(fact.when, names)) names.add(fact.id);
  }
  return names;
}

/** True when an outcome that ends the questions holds. */
export function ended(aid, names) {
  return aid.outcomes.some((outcome) => outcome.ends && holds(outcome.when, names));
}

/** The position of the first question at or after `start` that is asked for `names`, or -1. */
export function nextQuestion(aid, start, names) {
  if (ended(aid, names)) return -1;
  for (let index = start; index < aid.questions.length; index += 1) {
    if (holds(aid.questions[index].ask_when, names)) return index;
  }
  return -1;
}

/** The question with id `id`, or undefined. */
export function questionById(aid, id) {
  return aid.questions.find((question) => question.id === id);
}

/**
 * The chosen options of `question` for `answer`, checked: a single-choice question takes one
 * answer id, a multiple-choice question a non-empty list of different answer ids, where an
 * exclusive answer (such as "none") stands alone. Throws AnswerProblem.
 */
export function chosenOptions(question, answer) {
  const ids = question.options.map((option) => option.id);
  const byId = (id) => question.options.find((option) => option.id === id);
  if (question.type === "single") {
    if (typeof answer !== "string") throw new AnswerProblem("wrong-type", question.id, answer, "one answer id");
    if (!ids.includes(answer)) throw new AnswerProblem("unknown-answer", question.id, answer, ids);
    return [byId(answer)];
  }
  if (!Array.isArray(answer) || answer.length === 0 || answer.some((id) => typeof id !== "string")) {
    throw new AnswerProblem("wrong-type", question.id, answer, "a non-empty list of answer ids");
  }
  for (const id of answer) {
    if (!ids.includes(id)) throw new AnswerProblem("unknown-answer", question.id, id, ids);
  }
  if (new Set(answer).size !== answer.length) throw new AnswerProblem("repeated", question.id, answer, ids);
  const chosen = answer.map(byId);
  const exclusive = chosen.find((option) => option.exclusive);
  if (exclusive && chosen.length > 1) throw new AnswerProblem("exclusive", question.id, answer, exclusive.id);
  return chosen;
}

/**
 * Every answer a question can take: each answer id of a single-choice question; each
 * non-empty set of non-exclusive answers, and each exclusive answer alone, of a
 * multiple-choice question (in the order of the options).
 */
export function possibleAnswers(question) {
  if (question.type === "single") return question.options.map((option) => option.id);
  const plain = question.options.filter((option) => !option.exclusive).map((option) => option.id);
  const answers = [];
  for (let mask = 1; mask < 1 << plain.length; mask += 1) {
    answers.push(plain.filter((_, bit) => mask & (1 << bit)));
  }
  for (const option of question.options.filter((item) => item.exclusive)) answers.push([option.id]);
  return answers;
}

/** The labels that the chosen options of `answer` set. */
export function labelsOf(question, answer) {
  return chosenOptions(question, answer).flatMap((option) => option.sets);
}

/**
 * Walk the questions with `answers`: {path, names, next, complete}. `path` lists the
 * questions asked, with their answers; `names` holds the labels and facts so far; `next` is
 * the id of the first question on the path without an answer (null when complete).
 * Answers to questions off the path are ignored. Throws AnswerProblem for a bad answer.
 */
export function walk(aid, answers) {
  const labels = new Set();
  const path = [];
  let names = derive(aid, labels);
  let index = nextQuestion(aid, 0, names);
  while (index >= 0) {
    const question = aid.questions[index];
    if (!own(answers, question.id)) return { path, names, next: question.id, complete: false };
    const answer = answers[question.id];
    for (const label of labelsOf(question, answer)) labels.add(label);
    path.push({ question: question.id, answer });
    names = derive(aid, labels);
    index = nextQuestion(aid, index + 1, names);
  }
  return { path, names, next: null, complete: true };
}

/**
 * Check a whole set of answers as a file or the command line gives it: an object whose keys
 * are known questions and whose values fit each question, complete along its path.
 * Returns {path, names, unused}: `unused` lists answered questions off the path.
 * Throws AnswerProblem.
 */
export function checkAnswers(aid, answers) {
  if (answers === null || typeof answers !== "object" || Array.isArray(answers)) {
    throw new AnswerProblem("not-an-object", "", answers, "an object {question id: answer}");
  }
  const known = aid.questions.map((question) => question.id);
  for (const id of Object.keys(answers)) {
    const question = questionById(aid, id);
    if (!question) throw new AnswerProblem("unknown-question", id, id, known);
    chosenOptions(question, answers[id]);
  }
  const result = walk(aid, answers);
  if (!result.complete) {
    const question = questionById(aid, result.next);
    throw new AnswerProblem(
      "missing-answer",
      result.next,
      undefined,
      question.options.map((option) => option.id)
    );
  }
  const asked = new Set(result.path.map((step) => step.question));
  return { ...result, unused: Object.keys(answers).filter((id) => !asked.has(id)) };
}

/** The date id of `start` (a date id or a date rule id) for `names`. */
export function dateIdFor(aid, start, names) {
  const rule = aid.date_rules.find((item) => item.id === start);
  if (!rule) return start;
  return rule.rules.find((step) => holds(step.when, names)).date;
}

/** The ISO date of a date id. */
export function isoDateOf(aid, id) {
  return aid.dates.find((item) => item.id === id).date;
}

/** The outcomes for `names`: {scope, riskClass, overlays, ids}. */
export function outcomesOf(aid, names) {
  const group = (name) => aid.outcomes.filter((outcome) => outcome.group === name && holds(outcome.when, names));
  const scope = group("scope").slice(0, 1);
  const risk = scope.length ? [] : group("risk").slice(0, 1);
  const overlays = group("overlay");
  return {
    scope: scope.length ? scope[0].id : null,
    riskClass: risk.length ? risk[0].id : null,
    overlays: overlays.map((outcome) => outcome.id),
    ids: [...scope, ...risk, ...overlays].map((outcome) => outcome.id),
  };
}

/** The ids of the reader's roles for `names`. */
export function rolesOf(aid, names) {
  return aid.roles.filter((role) => holds(role.when, names)).map((role) => role.id);
}

/**
 * The duties for `names` and the reader's `roles` on `date` (YYYY-MM-DD). Each is
 * {id, roles, refs, dateId, appliesFrom, appliesNow, notes}: the reader's roles that carry
 * it, its legal references, the day it applies from and whether it applies on `date`. A duty
 * that several roles carry appears once.
 */
export function dutiesOf(aid, names, roles, date) {
  const duties = [];
  for (const duty of aid.duties) {
    if (!holds(duty.when, names)) continue;
    const carriers = duty.roles.filter((role) => roles.includes(role));
    if (!carriers.length) continue;
    const dateId = dateIdFor(aid, duty.applies_from, names);
    const appliesFrom = isoDateOf(aid, dateId);
    const variant = (duty.refs_when || []).find((item) => holds(item.when, names));
    duties.push({
      id: duty.id,
      roles: carriers,
      refs: variant ? variant.refs : duty.refs,
      dateId,
      appliesFrom,
      appliesNow: appliesFrom <= date,
      // A duty's note that has a condition of its own comes only when that holds too.
      notes: (duty.notes || []).filter((id) => {
        const note = aid.notes.find((item) => item.id === id);
        return note.when === undefined || holds(note.when, names);
      }),
    });
  }
  return duties;
}

/** The ids of the notes for `names` and `duties`, in the order of the data. */
export function notesOf(aid, names, duties) {
  const fromDuties = new Set(duties.flatMap((duty) => duty.notes));
  return aid.notes
    .filter((note) => note.always || (note.when !== undefined && holds(note.when, names)) || fromDuties.has(note.id))
    .map((note) => note.id);
}

/**
 * The result for a complete set of answers on `date` (YYYY-MM-DD):
 * {outcomes, scope, riskClass, roles, duties, notes, annexIii, basis, path}: the outcome ids
 * (scope or risk class first, then overlays), the reader's roles, the duties (see dutiesOf),
 * the notes, the Annex III points and the legal references of the answers chosen, and the
 * questions asked. Throws AnswerProblem when an answer on the path is missing or wrong.
 */
export function evaluate(aid, answers, date) {
  const walked = walk(aid, answers);
  if (!walked.complete) {
    const question = questionById(aid, walked.next);
    throw new AnswerProblem("missing-answer", walked.next, undefined, question.options.map((o) => o.id));
  }
  const { names, path } = walked;
  const outcomes = outcomesOf(aid, names);
  const roles = rolesOf(aid, names);
  const duties = dutiesOf(aid, names, roles, date);
  const chosen = path.flatMap((step) => chosenOptions(questionById(aid, step.question), step.answer));
  return {
    outcomes: outcomes.ids,
    scope: outcomes.scope,
    riskClass: outcomes.riskClass,
    roles,
    duties,
    notes: notesOf(aid, names, duties),
    annexIii: [...new Set(chosen.flatMap((option) => option.annex_iii || []))],
    basis: chosen.flatMap((option) => option.refs || []),
    path: path.map((step) => step.question),
  };
}

/** The blocks (steps of the progress indicator) in order, with the questions of each. */
export function blocks(aid) {
  return aid.blocks.map((block) => ({
    id: block.id,
    questions: aid.questions.filter((question) => question.block === block.id).map((question) => question.id),
  }));
}
