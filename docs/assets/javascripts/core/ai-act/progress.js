/*
 * Where the reader is in the decision aid: the questions on the path of the answers so far,
 * the question before and after one of them, and the state of each step (block) for the
 * progress indicator. Pure: the answers and the data are passed in.
 */

import { walk } from "./engine.js";

/**
 * The questions on the path: those answered, then the first one still without an answer.
 * {ids, next, complete}: `next` is that question's id, or null when every answer is in.
 */
export function pathOf(aid, answers) {
  const walked = walk(aid, answers);
  const ids = walked.path.map((step) => step.question);
  if (walked.next) ids.push(walked.next);
  return { ids, next: walked.next, complete: walked.complete };
}

/** The question to show: `wanted` if it is on the path, else the next one, else "result". */
export function currentQuestion(aid, answers, wanted) {
  const { ids, next } = pathOf(aid, answers);
  if (wanted && wanted !== "result" && ids.includes(wanted)) return wanted;
  if (wanted === "result" && !next) return "result";
  return next || "result";
}

/** The question before `id` on the path (null at the first); before "result", the last one. */
export function previousQuestion(aid, answers, id) {
  const { ids } = pathOf(aid, answers);
  if (id === "result") return ids.length ? ids[ids.length - 1] : null;
  const position = ids.indexOf(id);
  return position > 0 ? ids[position - 1] : null;
}

/** The question after `id` on the path, "result" after the last, or null while `id` is unanswered. */
export function followingQuestion(aid, answers, id) {
  const { ids, next } = pathOf(aid, answers);
  if (id === next) return null;
  const position = ids.indexOf(id);
  if (position < 0) return next || "result";
  return position + 1 < ids.length ? ids[position + 1] : "result";
}

/**
 * The steps of the progress indicator: each block with state "done" (every question of it on
 * the path comes before the current one), "current", "skipped" (no question of it was asked
 * although later ones were) or "todo". `number` is the current question's place on the path.
 */
export function steps(aid, answers, current) {
  const { ids } = pathOf(aid, answers);
  const blockOf = new Map(aid.questions.map((question) => [question.id, question.block]));
  const position = current === "result" ? ids.length : ids.indexOf(current);
  const currentBlock = current === "result" ? null : blockOf.get(current);
  const blockIds = aid.blocks.map((block) => block.id);
  const lastReached = Math.max(-1, ...ids.slice(0, Math.max(position, 0) + 1).map((id) => blockIds.indexOf(blockOf.get(id))));
  return {
    number: current === "result" ? null : position + 1,
    blocks: aid.blocks.map((block, index) => {
      const onPath = ids.filter((id) => blockOf.get(id) === block.id);
      let state;
      if (block.id === currentBlock) state = "current";
      else if (onPath.length && onPath.every((id) => ids.indexOf(id) < position || current === "result")) state = "done";
      else if (!onPath.length && (index < lastReached || current === "result")) state = "skipped";
      else state = "todo";
      return { id: block.id, title: block.title, state };
    }),
  };
}
