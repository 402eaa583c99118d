/*
 * The question model of Förtroendemodellen (data/trust-model.yml, published as
 * /data/trust-model.json) and how answers fit it: saved answers may come from an older
 * model, from an edited file or from an attacker, so every value is checked against the
 * question's type and options before it is kept. Pure: no DOM.
 */

import { longDate, validIsoDate } from "../dates.js";
import { FORBIDDEN_KEYS, cleanText, isPlainObject, own } from "../text.js";

export const MAX_NAME = 200; // characters of a name or an id kept from a file
export const MAX_UNMATCHED_TEXT = 2000; // characters of a value kept when it is not text
export const UNMATCHED_REASONS = ["unknown-question", "unknown-option", "wrong-type"];

/** The model in reading order: {model, sections: [{part, section}], questions: Map id → {question, section, part}, total}. */
export function indexModel(model) {
  const sections = [];
  const questions = new Map();
  for (const part of model.parts) {
    for (const section of part.sections) {
      sections.push({ part, section });
      for (const question of section.questions) questions.set(question.id, { question, section, part });
    }
  }
  return { model, sections, questions, total: questions.size };
}

/** The option `id` of a choice question, or undefined. */
export function optionOf(question, id) {
  return (question.options || []).find((option) => option.id === id);
}

/** True for a non-empty text or a non-empty list. */
export function isAnswered(value) {
  if (Array.isArray(value)) return value.length > 0;
  return typeof value === "string" && value.trim() !== "";
}

/**
 * Fit one saved value to a question of the current model.
 * Returns {value, rest}: `value` is what can be kept as the answer (undefined if nothing),
 * `rest` ({reason, value}) is what does not fit and goes to `unmatched`.
 */
export function fitAnswer(question, raw) {
  const type = question.type;
  const wrongType = { rest: { reason: "wrong-type", value: raw } };
  if (type === "short-text" || type === "long-text") {
    return typeof raw === "string" ? { value: cleanText(raw) } : wrongType;
  }
  if (type === "date") {
    return typeof raw === "string" && validIsoDate(raw) ? { value: raw } : wrongType;
  }
  if (type === "single-choice" || type === "yes-no") {
    // A one-item list (the question used to be multiple-choice) still maps.
    const value = Array.isArray(raw) && raw.length === 1 ? raw[0] : raw;
    if (typeof value !== "string") return wrongType;
    return optionOf(question, value) ? { value } : { rest: { reason: "unknown-option", value } };
  }
  if (type === "multiple-choice") {
    const list = typeof raw === "string" ? [raw] : raw; // the question used to be single-choice
    if (!Array.isArray(list) || !list.every((item) => typeof item === "string")) return wrongType;
    const known = [...new Set(list.filter((id) => optionOf(question, id)))];
    const unknown = list.filter((id) => !optionOf(question, id));
    return { value: known, rest: unknown.length ? { reason: "unknown-option", value: unknown } : undefined };
  }
  return wrongType;
}

/** A value as it may be kept in `unmatched`: text or a list of texts, never an object. */
export function keepable(raw) {
  if (typeof raw === "string") return cleanText(raw).slice(0, MAX_UNMATCHED_TEXT * 10);
  if (Array.isArray(raw) && raw.every((item) => typeof item === "string")) return raw.map(cleanText);
  let text;
  try {
    text = JSON.stringify(raw);
  } catch {
    text = String(raw);
  }
  return cleanText(String(text)).slice(0, MAX_UNMATCHED_TEXT);
}

/**
 * Sort saved answers into those that fit the model and those that do not.
 * Returns {answers, unmatched, ignored}: `ignored` lists keys that were refused outright.
 */
export function fitAnswers(index, rawAnswers, rawUnmatched) {
  const answers = Object.create(null);
  const unmatched = [];
  const ignored = [];
  if (isPlainObject(rawAnswers)) {
    for (const key of Object.keys(rawAnswers)) {
      if (FORBIDDEN_KEYS.has(key)) {
        ignored.push(key);
        continue;
      }
      const raw = rawAnswers[key];
      const id = cleanText(key).slice(0, MAX_NAME);
      const entry = index.questions.get(key);
      if (!entry) {
        unmatched.push({ id, value: keepable(raw), reason: "unknown-question" });
        continue;
      }
      const fit = fitAnswer(entry.question, raw);
      if (fit.rest) unmatched.push({ id, value: keepable(fit.rest.value), reason: fit.rest.reason });
      if (fit.value !== undefined && isAnswered(fit.value)) answers[key] = fit.value;
    }
  }
  if (Array.isArray(rawUnmatched)) {
    for (const item of rawUnmatched) {
      const id = own(item, "id");
      const reason = own(item, "reason");
      if (typeof id !== "string" || FORBIDDEN_KEYS.has(id)) continue;
      unmatched.push({
        id: cleanText(id).slice(0, MAX_NAME),
        value: keepable(own(item, "value")),
        reason: UNMATCHED_REASONS.includes(reason) ? reason : "wrong-type",
      });
    }
  }
  return { answers, unmatched, ignored };
}

/** How many questions of `section` are answered: {answered, total}. */
export function sectionProgress(answers, section) {
  const answered = section.questions.filter((q) => isAnswered(answers[q.id])).length;
  return { answered, total: section.questions.length };
}

/** "1.1 Vad heter AI-systemet?" for a question id in `lang`, or null when the model has no such question. */
export function questionLabel(index, id, lang) {
  const entry = index.questions.get(id);
  return entry ? `${entry.question.number} ${entry.question.text[lang]}` : null;
}

/**
 * The sections with unanswered questions, in the model's order: [{position, section, left}],
 * `left` being how many of its questions are unanswered.
 */
export function unfinishedSections(index, answers) {
  return index.sections
    .map(({ section }, position) => {
      const { answered, total } = sectionProgress(answers, section);
      return { position, section, left: total - answered };
    })
    .filter((item) => item.left > 0);
}

/** The next section to work on: the first unfinished one from `from` on, wrapping round; null when all are done. */
export function nextUnfinished(index, answers, from = 0) {
  const unfinished = unfinishedSections(index, answers);
  return unfinished.find((item) => item.position >= from) || unfinished[0] || null;
}

/** How many questions of the model are answered: {answered, total}. */
export function overallProgress(index, answers) {
  let answered = 0;
  for (const id of index.questions.keys()) if (isAnswered(answers[id])) answered += 1;
  return { answered, total: index.total };
}

/** The attention notes that apply to a question's answer: [{option, note}]. */
export function attentionFor(question, value) {
  if (!isAnswered(value)) return [];
  const ids = Array.isArray(value) ? value : [value];
  return ids
    .map((id) => optionOf(question, id))
    .filter((option) => option && option.attention)
    .map((option) => ({ option, note: option.attention }));
}

/** An answer as text in `lang`: option labels for choices, the date or the text itself. */
export function answerText(question, value, lang) {
  if (!isAnswered(value)) return "";
  if (question.type === "multiple-choice") {
    return value.map((id) => (optionOf(question, id) ? optionOf(question, id).label[lang] : id)).join("; ");
  }
  if (question.type === "single-choice" || question.type === "yes-no") {
    const option = optionOf(question, value);
    return option ? option.label[lang] : value;
  }
  if (question.type === "date") return longDate(value, lang);
  return value;
}
