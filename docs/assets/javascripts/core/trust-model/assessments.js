/*
 * Self-assessments of Förtroendemodellen: what the browser stores (several assessments,
 * which one is open, where the reader was) and the files readers save and load.
 * Pure: storage and files go through core/storage.js and core/files.js.
 *
 * Versions of the stored record (key `storage_key` of the tool's settings):
 *   1  the example draft had one source as source_title and source_url;
 *   2  the draft has a list `sources` of {title, url, publisher, kind, date}.
 * Saved-answers files keep their own version (`format_version` of the tool's settings,
 * the schema /data/trust-model-answers.schema.json); they hold no draft.
 * An assessment may carry the result of the AI Act decision aid (`ai_act`, see
 * core/ai-act/carry.js): it is kept in storage and in saved files.
 */

import { cleanCarried } from "../ai-act/carry.js";
import { FileProblem, fileText, readFile } from "../files.js";
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
  return { id: makeId(), name: "", answers: Object.create(null), unmatched: [], draft: {}, ai_act: null };
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
    answers: fitted.answers,
    unmatched: fitted.unmatched,
    draft: cleanDraft(own(raw, "draft")),
    ai_act: cleanCarried(own(raw, "ai_act")),
  };
}

/**
 * The tool's state from the stored record (null when there is none):
 * {assessments, current, section, reportLang}, always with at least one assessment.
 */
export function restoreState(data, index, options) {
  const { languages, lang, makeId } = options;
  const list = own(data, "assessments");
  const assessments = Array.isArray(list)
    ? list.filter(isPlainObject).slice(0, MAX_ASSESSMENTS).map((raw) => cleanAssessment(index, raw, makeId))
    : [];
  if (!assessments.length) assessments.push(emptyAssessment(makeId));
  const current = own(data, "current");
  const section = own(data, "section");
  const reportLang = own(data, "report_lang");
  return {
    assessments,
    current: assessments.some((a) => a.id === current) ? current : assessments[0].id,
    section: Number.isInteger(section) && section >= 0 && section < index.sections.length ? section : 0,
    reportLang: languages.includes(reportLang) ? reportLang : lang,
  };
}

/** The record to store for `state` (the store adds its format and version). */
export function storedState(state) {
  return {
    current: state.current,
    section: state.section,
    report_lang: state.reportLang,
    assessments: state.assessments,
  };
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
      answers: fitted.answers,
      unmatched: fitted.unmatched,
      draft: {},
      ai_act: cleanCarried(own(assessment, "ai_act")),
    },
    ignored: fitted.ignored,
    modelVersion: typeof modelVersion === "string" ? cleanText(modelVersion).slice(0, 40) : "",
  };
}
