/*
 * The decision aid's assessments: what the browser stores (several assessments, which one is
 * open, the evaluation date) and the files readers save and load. Pure: storage and files go
 * through core/storage.js and core/files.js.
 *
 * Answers are keyed by question id and checked against the current data (data/ai-act.yml)
 * whenever they are read: an answer that no longer fits (a question or answer id that does
 * not exist, a value of the wrong kind) is kept aside in `unmatched`, never lost silently.
 *
 * Versions of the stored record (key `storage_key` of the tool's settings): 1.
 * Saved files: format `format` and version `format_version` of the tool's settings.
 */

import { validIsoDate } from "../dates.js";
import { FileProblem, fileText, readFile } from "../files.js";
import { RECORD_ID } from "../ids.js";
import { FORBIDDEN_KEYS, cleanText, isPlainObject, own } from "../text.js";
import { AnswerProblem, chosenOptions, questionById } from "./engine.js";

export const STORE_FORMAT = "offentligai-ai-act-store";
export const STORE_VERSION = 1;
export const MAX_NAME = 200;
const MAX_ASSESSMENTS = 200;
const MAX_UNMATCHED = 100;
const MAX_VALUE = 2000;

export const STORE_MIGRATIONS = {};

/** The spec of core/storage.js createStore for the aid's record in `storage` under `key`. */
export function storeSpec(storage, key) {
  return { storage, key, format: STORE_FORMAT, version: STORE_VERSION, migrations: STORE_MIGRATIONS };
}

export function emptyAssessment(makeId) {
  return { id: makeId(), name: "", answers: Object.create(null), unmatched: [], trustModelId: "" };
}

/** A value as it may be kept in `unmatched`: text or a list of texts, never an object. */
function keepable(raw) {
  if (typeof raw === "string") return cleanText(raw).slice(0, MAX_VALUE);
  if (Array.isArray(raw) && raw.every((item) => typeof item === "string")) return raw.slice(0, 50).map((item) => cleanText(item).slice(0, MAX_VALUE));
  let text;
  try {
    text = JSON.stringify(raw);
  } catch {
    text = String(raw);
  }
  return cleanText(String(text)).slice(0, MAX_VALUE);
}

const REASONS = { "unknown-answer": "unknown-answer", exclusive: "unknown-answer", repeated: "unknown-answer", "wrong-type": "wrong-type" };

/**
 * Fit saved answers to the current data: {answers, unmatched}. `raw` is whatever was stored
 * or loaded; `earlier` is the unmatched list kept so far.
 */
export function fitAnswers(aid, raw, earlier) {
  const answers = Object.create(null);
  const unmatched = [];
  if (isPlainObject(raw)) {
    for (const id of Object.keys(raw)) {
      if (FORBIDDEN_KEYS.has(id)) continue;
      const question = questionById(aid, id);
      const value = raw[id];
      if (!question) {
        unmatched.push({ id: cleanText(id).slice(0, MAX_NAME), value: keepable(value), reason: "unknown-question" });
        continue;
      }
      try {
        chosenOptions(question, value);
        answers[id] = Array.isArray(value) ? [...value] : value;
      } catch (error) {
        if (!(error instanceof AnswerProblem)) throw error;
        unmatched.push({ id, value: keepable(value), reason: REASONS[error.code] || "wrong-type" });
      }
    }
  }
  for (const item of Array.isArray(earlier) ? earlier : []) {
    if (!isPlainObject(item) || typeof own(item, "id") !== "string") continue;
    const reason = own(item, "reason");
    unmatched.push({
      id: cleanText(item.id).slice(0, MAX_NAME),
      value: keepable(own(item, "value")),
      reason: ["unknown-question", "unknown-answer", "wrong-type"].includes(reason) ? reason : "wrong-type",
    });
  }
  return { answers, unmatched: unmatched.slice(0, MAX_UNMATCHED) };
}

/** An assessment as stored, checked against the data (storage may be old or edited). */
export function cleanAssessment(aid, raw, makeId) {
  const fitted = fitAnswers(aid, own(raw, "answers"), own(raw, "unmatched"));
  const name = own(raw, "name");
  const id = own(raw, "id");
  const trustModelId = own(raw, "trust_model_id");
  return {
    id: typeof id === "string" && RECORD_ID.test(id) ? id : makeId(),
    name: typeof name === "string" ? cleanText(name).slice(0, MAX_NAME) : "",
    answers: fitted.answers,
    unmatched: fitted.unmatched,
    trustModelId: typeof trustModelId === "string" && RECORD_ID.test(trustModelId) ? trustModelId : "",
  };
}

/**
 * The tool's state from the stored record (null when there is none), always with at least
 * one assessment: {assessments, current, date, question}. `date` is the evaluation date the
 * reader chose ("" for today); `question` the question the reader had open ("" for the next).
 */
export function restoreState(data, aid, makeId) {
  const list = own(data, "assessments");
  const assessments = Array.isArray(list)
    ? list.filter(isPlainObject).slice(0, MAX_ASSESSMENTS).map((raw) => cleanAssessment(aid, raw, makeId))
    : [];
  if (!assessments.length) assessments.push(emptyAssessment(makeId));
  const current = own(data, "current");
  const date = own(data, "date");
  const question = own(data, "question");
  return {
    assessments,
    current: assessments.some((a) => a.id === current) ? current : assessments[0].id,
    date: validIsoDate(date) ? date : "",
    question: typeof question === "string" && (question === "result" || questionById(aid, question)) ? question : "",
  };
}

/** The record to store for `state` (the store adds its format and version). */
export function storedState(state) {
  return {
    current: state.current,
    date: state.date,
    question: state.question,
    assessments: state.assessments.map((a) => ({
      id: a.id,
      name: a.name,
      answers: a.answers,
      unmatched: a.unmatched,
      trust_model_id: a.trustModelId,
    })),
  };
}

/** The open assessment of `state`. */
export function currentAssessment(state) {
  return state.assessments.find((a) => a.id === state.current) || state.assessments[0];
}

/** The name shown for an assessment: its own name, else "Bedömning N" from `t`. */
export function displayName(state, assessment, t) {
  if (assessment.name.trim()) return assessment.name.trim();
  return t("aa_assessment_unnamed", { n: state.assessments.indexOf(assessment) + 1 });
}

// ---------------------------------------------------------------------------
// Saved files
// ---------------------------------------------------------------------------

/** The spec of core/files.js for saved files, from the tool's settings. */
export function answersFileSpec(settings) {
  return { format: settings.format, version: settings.format_version, migrations: {}, maxBytes: settings.max_file_bytes };
}

/** The string key of the message for a FileProblem code. */
export const FILE_PROBLEM_STRINGS = {
  "too-large": "aa_load_error_too_large",
  "not-json": "aa_load_error_not_json",
  format: "aa_load_error_format",
  newer: "aa_load_error_newer",
};

/** The text of a saved file of `assessment` under `name`, made with the aid's `version`. */
export function answersFile(spec, assessment, name, version, now) {
  const saved = { name, answers: assessment.answers };
  if (assessment.unmatched.length) saved.unmatched = assessment.unmatched;
  return fileText(spec, { aid_version: version, assessment: saved }, now);
}

/**
 * Read a saved file: {assessment, aidVersion}. Throws FileProblem when the file cannot be
 * used; answers that do not fit the current data go to `unmatched`.
 */
export function parseAnswersFile(text, spec, aid, makeId) {
  const { data } = readFile(text, spec);
  const assessment = own(data, "assessment");
  if (!isPlainObject(assessment) || !isPlainObject(own(assessment, "answers"))) throw new FileProblem("format");
  const cleaned = cleanAssessment(aid, { ...assessment, id: undefined, trust_model_id: undefined }, makeId);
  const version = own(data, "aid_version");
  return {
    assessment: { ...cleaned, name: cleaned.name.trim() },
    aidVersion: typeof version === "string" ? cleanText(version).slice(0, 40) : "",
  };
}
