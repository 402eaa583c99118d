/*
 * Self-assessments of Förtroendemodellen: what the browser stores (several assessments,
 * which one is open, where the reader was) and the files readers save and load.
 * Pure: storage and files go through core/storage.js and core/files.js.
 *
 * Versions of the stored record (key `storage_key` of the tool's settings):
 *   1  the example draft had one source as source_title and source_url;
 *   2  the draft has a list `sources` of {title, url, publisher, kind, date}.
 * Optional fields that older records lack need no new version: an assessment's `changed`
 * (when its answers, name or draft last changed) reads as "" when missing. The report's
 * language is no longer stored (it follows the page unless the reader picks another).
 * Saved-answers files keep their own version (`format_version` of the tool's settings,
 * the schema /data/trust-model-answers.schema.json); they hold no draft.
 * An assessment may carry the result of the AI Act decision aid (`ai_act`, see
 * core/ai-act/carry.js): it is kept in storage and in saved files.
 */

import { cleanCarried } from "../ai-act/carry.js";
import { isoDay, timestamp } from "../dates.js";
import { FileProblem, fileName, fileText, readFile } from "../files.js";
import { RECORD_ID } from "../ids.js";
import { FORBIDDEN_KEYS, cleanText, isPlainObject, own } from "../text.js";
import { MAX_NAME, fitAnswers } from "./model.js";

export const STORE_FORMAT = "offentligai-trust-model-store";
export const STORE_VERSION = 2;
const MAX_ASSESSMENTS = 200;
const MAX_DRAFT_TEXT = 5000;
const MAX_DRAFT_ITEMS = 50;
const DRAFT_KEY = /^[a-z_]{1,40}$/;

/** Version 1 → 2: the draft's one source (source_title, source_url) becomes the list `sources`. */
function draftSourcesToList(assessment) {
  const draft = own(assessment, "draft");
  if (!isPlainObject(draft) || Object.hasOwn(draft, "sources")) return assessment;
  const moved = { ...draft };
  const source = {};
  for (const [from, to] of [["source_title", "title"], ["source_url", "url"]]) {
    if (typeof moved[from] === "string" && moved[from]) source[to] = moved[from];
    delete moved[from];
  }
  if (Object.keys(source).length) moved.sources = [source];
  return { ...assessment, draft: moved };
}

export const STORE_MIGRATIONS = {
  1: (data) => ({
    ...data,
    assessments: Array.isArray(data.assessments) ? data.assessments.map(draftSourcesToList) : [],
  }),
};

/** The spec of core/storage.js createStore for the tool's record in `storage` under `key`. */
export function storeSpec(storage, key) {
  return { storage, key, format: STORE_FORMAT, version: STORE_VERSION, migrations: STORE_MIGRATIONS };
}

export function emptyAssessment(makeId) {
  return {
    id: makeId(),
    name: "",
    changed: "",
    answers: Object.create(null),
    unmatched: [],
    draft: {},
    ai_act: null,
  };
}

/** True for an assessment nobody has worked on: no name, answers, unmatched answers, draft
 * or result carried from the AI Act decision aid. */
export function isUntouched(assessment) {
  return (
    !assessment.name.trim() &&
    !Object.keys(assessment.answers).length &&
    !assessment.unmatched.length &&
    !Object.keys(assessment.draft).length &&
    !assessment.ai_act
  );
}

/** Record that `assessment` changed at `now`. */
export function touch(assessment, now = new Date()) {
  assessment.changed = now.toISOString();
}

/** `name`, or "name (2)", "name (3)" … when `names` already has it. */
export function uniqueName(name, names) {
  const taken = new Set(names);
  let candidate = name;
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${name} (${n})`;
  return candidate;
}

function draftText(value) {
  return cleanText(value).slice(0, MAX_DRAFT_TEXT);
}

/** A draft as stored: texts, lists of texts, and lists of flat records of texts (the sources). */
export function cleanDraft(raw) {
  const draft = Object.create(null);
  if (!isPlainObject(raw)) return draft;
  const safeKey = (key) => !FORBIDDEN_KEYS.has(key) && DRAFT_KEY.test(key);
  for (const key of Object.keys(raw).filter(safeKey)) {
    const value = raw[key];
    if (typeof value === "string") draft[key] = draftText(value);
    else if (Array.isArray(value) && !value.some(isPlainObject)) {
      draft[key] = value.filter((item) => typeof item === "string").slice(0, MAX_DRAFT_ITEMS).map(draftText);
    } else if (Array.isArray(value)) {
      draft[key] = value
        .filter(isPlainObject)
        .slice(0, MAX_DRAFT_ITEMS)
        .map((item) => {
          const record = Object.create(null);
          for (const name of Object.keys(item).filter(safeKey)) {
            if (typeof item[name] === "string") record[name] = draftText(item[name]);
          }
          return record;
        });
    }
  }
  return draft;
}

/** An assessment as stored, checked against the model (storage may be old or edited). */
export function cleanAssessment(index, raw, makeId) {
  const fitted = fitAnswers(index, own(raw, "answers"), own(raw, "unmatched"));
  const name = own(raw, "name");
  const id = own(raw, "id");
  return {
    id: typeof id === "string" && RECORD_ID.test(id) ? id : makeId(),
    name: typeof name === "string" ? cleanText(name).slice(0, MAX_NAME) : "",
    changed: timestamp(own(raw, "changed")),
    answers: fitted.answers,
    unmatched: fitted.unmatched,
    draft: cleanDraft(own(raw, "draft")),
    ai_act: cleanCarried(own(raw, "ai_act")),
  };
}

/**
 * The tool's state from the stored record (null when there is none):
 * {assessments, current, section, reportLang}, always with at least one assessment.
 * The report's language starts as the page's (`options.lang`).
 */
export function restoreState(data, index, options) {
  const { lang, makeId } = options;
  const list = own(data, "assessments");
  const assessments = Array.isArray(list)
    ? list.filter(isPlainObject).slice(0, MAX_ASSESSMENTS).map((raw) => cleanAssessment(index, raw, makeId))
    : [];
  if (!assessments.length) assessments.push(emptyAssessment(makeId));
  const current = own(data, "current");
  const section = own(data, "section");
  return {
    assessments,
    current: assessments.some((a) => a.id === current) ? current : assessments[0].id,
    section: Number.isInteger(section) && section >= 0 && section < index.sections.length ? section : 0,
    reportLang: lang,
  };
}

/**
 * `state` brought up to the record another tab has stored (`data`, null when cleared):
 * its assessments, while this tab keeps its own open assessment (if it still exists),
 * section and report language.
 */
export function syncState(state, data, index, options) {
  const fresh = restoreState(data, index, options);
  const kept = fresh.assessments.some((a) => a.id === state.current);
  return { ...fresh, current: kept ? state.current : fresh.current, section: state.section, reportLang: state.reportLang };
}

/**
 * The record to store for `state` (the store adds its format and version), or null when
 * there is nothing worth keeping: one assessment that nobody has worked on.
 */
export function storedState(state) {
  if (state.assessments.length === 1 && isUntouched(state.assessments[0])) return null;
  return { current: state.current, section: state.section, assessments: state.assessments };
}

/** The open assessment of `state`. */
export function currentAssessment(state) {
  return state.assessments.find((a) => a.id === state.current) || state.assessments[0];
}

/** The name shown for an assessment: its own name, else the system's name, else a number. */
export function displayName(state, assessment, nameQuestion, t) {
  if (assessment.name.trim()) return assessment.name.trim();
  const fromAnswer = assessment.answers[nameQuestion];
  if (typeof fromAnswer === "string" && fromAnswer.trim()) return fromAnswer.trim().slice(0, MAX_NAME);
  return t("tm_assessment_unnamed", { n: state.assessments.indexOf(assessment) + 1 });
}

// ---------------------------------------------------------------------------
// Saved-answers files
// ---------------------------------------------------------------------------

/** The spec of core/files.js for saved-answers files, from the tool's settings. */
export function answersFileSpec(settings) {
  return { format: settings.format, version: settings.format_version, migrations: {}, maxBytes: settings.max_file_bytes };
}

/** The string key of the message for a FileProblem code. */
export const FILE_PROBLEM_STRINGS = {
  "too-large": "tm_load_error_too_large",
  "not-json": "tm_load_error_not_json",
  format: "tm_load_error_format",
  newer: "tm_load_error_newer",
};

/** The text of a saved-answers file of `assessment` under the name `name`. */
export function answersFile(spec, assessment, name, modelVersion, now) {
  const saved = { name, answers: assessment.answers };
  if (assessment.changed) saved.changed = assessment.changed;
  if (assessment.unmatched.length) saved.unmatched = assessment.unmatched;
  if (assessment.ai_act) saved.ai_act = assessment.ai_act;
  return fileText(spec, { model_version: modelVersion, assessment: saved }, now);
}

/**
 * Read a saved-answers file: {assessment, ignored, modelVersion}. Throws FileProblem when
 * the file cannot be used; answers that do not fit the model go to `unmatched`.
 */
export function parseAnswersFile(text, spec, index, makeId) {
  const { data } = readFile(text, spec);
  const assessment = own(data, "assessment");
  if (!isPlainObject(assessment) || !isPlainObject(own(assessment, "answers"))) throw new FileProblem("format");
  const fitted = fitAnswers(index, own(assessment, "answers"), own(assessment, "unmatched"));
  const name = own(assessment, "name");
  const modelVersion = own(data, "model_version");
  return {
    assessment: {
      id: makeId(),
      name: typeof name === "string" ? cleanText(name).trim().slice(0, MAX_NAME) : "",
      changed: timestamp(own(assessment, "changed")) || timestamp(own(data, "saved")),
      answers: fitted.answers,
      unmatched: fitted.unmatched,
      draft: {},
      ai_act: cleanCarried(own(assessment, "ai_act")),
    },
    ignored: fitted.ignored,
    modelVersion: typeof modelVersion === "string" ? cleanText(modelVersion).slice(0, 40) : "",
  };
}

/** A saved-answers file's name in the page's language ("trust-model-eva-2026-12-03.json" in English). */
export function answersFileName(t, name, now = new Date()) {
  return fileName(t("tm_file_prefix"), name, isoDay(now), "json", t("tm_file_answers"));
}
