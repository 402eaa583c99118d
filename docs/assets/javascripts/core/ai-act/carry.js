/*
 * The decision aid's result, carried over to Förtroendemodellen (the trust model): a short
 * record of the result that a trust-model assessment keeps (`ai_act`), and the answers it
 * gives to the trust model's questions on the AI Act. Pure: the trust model's stored record
 * is passed in and a new one returned; the page stores it with core/storage.js.
 *
 * The trust model's tool cleans every assessment it reads (core/trust-model/assessments.js),
 * so what is written here is checked again there: answers against its question model, the
 * record with `cleanCarried`.
 */

import { validIsoDate } from "../dates.js";
import { RECORD_ID } from "../ids.js";
import { cleanText, isPlainObject, own } from "../text.js";

const ID = /^[A-Za-z0-9_-]{1,40}$/;
const MAX_ITEMS = 60;

// The trust model's questions on the AI Act (data/trust-model.yml, section ai-act) and the
// answers the aid's result gives them. tests/js/ai-act checks every id against that file.
export const TRUST_MODEL_QUESTIONS = {
  aiSystem: "ai-act-ai-system",
  role: "ai-act-role",
  riskClass: "ai-act-risk-class",
  areas: "ai-act-annex-iii-area",
  exception: "ai-act-exception",
  fria: "ai-act-fria",
  registration: "ai-act-registration",
  transparency: "ai-act-transparency-duties",
};
const RISK_CLASSES = {
  PROHIBITED: "prohibited",
  HIGH_RISK_ANNEX_III: "high-risk-annex-iii",
  HIGH_RISK_ANNEX_I_A: "high-risk-annex-i",
  HIGH_RISK_ANNEX_I_B: "high-risk-annex-i",
  NOT_HIGH_RISK_6_3: "minimal",
  MINIMAL: "minimal",
};
const AREAS = {
  1: "biometrics",
  2: "critical-infrastructure",
  3: "education",
  4: "employment",
  5: "public-benefits",
  6: "law-enforcement-migration",
  7: "law-enforcement-migration",
  8: "justice-democracy",
};
const TRANSPARENCY = { "t50-1": ["chatbot"], "t50-3": ["emotion-biometric"] };

/**
 * The trust model's answers for a result of the aid (`result` from engine.evaluate and the
 * answers it came from). Only questions the result settles get an answer.
 */
export function trustModelAnswers(result, answers) {
  const q = TRUST_MODEL_QUESTIONS;
  const out = {};
  if (result.scope === "OUT_NOT_AI") {
    out[q.aiSystem] = "no";
    return out;
  }
  if (!result.riskClass) return out; // excluded, or a general-purpose model only
  out[q.aiSystem] = "yes";
  const provider = result.roles.includes("provider");
  const deployer = result.roles.includes("deployer");
  if (provider || deployer) out[q.role] = provider && deployer ? "both" : provider ? "provider" : "deployer";
  const overlays = result.outcomes.filter((id) => id.startsWith("TRANSPARENCY_"));
  const riskClass = RISK_CLASSES[result.riskClass];
  out[q.riskClass] = riskClass === "minimal" && overlays.length ? "transparency" : riskClass;
  const areas = [...new Set(result.annexIii.map((point) => AREAS[point[0]]))];
  out[q.areas] = areas.length ? areas : ["none"];
  if (result.path.includes("H4")) out[q.exception] = "yes";
  const duties = new Set(result.duties.map((duty) => duty.id));
  if (deployer && !duties.has("fria")) out[q.fria] = "not-required";
  if (deployer && !duties.has("26-8")) out[q.registration] = "not-applicable";
  const transparency = new Set();
  for (const duty of result.duties) for (const id of TRANSPARENCY[duty.id] || []) transparency.add(id);
  if (duties.has("t50-4")) {
    const uses = answers.T2 || [];
    if (uses.includes("deepfake")) transparency.add("deepfake");
    if (uses.includes("public-text") && answers.T2b !== "yes") transparency.add("public-text");
  }
  if (result.path.includes("T1") || result.path.includes("T2")) {
    out[q.transparency] = transparency.size ? [...transparency] : ["none"];
  }
  return out;
}

/**
 * The record a trust-model assessment keeps of the result: the aid's version, the date the
 * duties were dated against, the outcome, roles and duty ids with dates, and the answers.
 */
export function carriedRecord(result, answers, version, date, name) {
  return {
    version,
    date,
    name,
    outcomes: result.outcomes,
    risk_class: result.riskClass,
    roles: result.roles,
    duties: result.duties.map((duty) => ({ id: duty.id, applies_from: duty.appliesFrom })),
    answers,
  };
}

const ids = (value) =>
  Array.isArray(value) ? value.filter((item) => typeof item === "string" && ID.test(item)).slice(0, MAX_ITEMS) : [];

/** A carried record as a trust-model assessment may keep it (it may come from an edited file), or null. */
export function cleanCarried(raw) {
  if (!isPlainObject(raw)) return null;
  const version = own(raw, "version");
  const date = own(raw, "date");
  const name = own(raw, "name");
  const riskClass = own(raw, "risk_class");
  const answers = Object.create(null);
  const rawAnswers = own(raw, "answers");
  if (isPlainObject(rawAnswers)) {
    for (const [key, value] of Object.entries(rawAnswers).slice(0, MAX_ITEMS)) {
      if (!ID.test(key)) continue;
      if (typeof value === "string" && ID.test(value)) answers[key] = value;
      else if (Array.isArray(value)) answers[key] = ids(value);
    }
  }
  const duties = Array.isArray(own(raw, "duties"))
    ? own(raw, "duties")
        .filter((duty) => isPlainObject(duty) && typeof duty.id === "string" && ID.test(duty.id))
        .slice(0, MAX_ITEMS)
        .map((duty) => ({ id: duty.id, applies_from: validIsoDate(duty.applies_from) ? duty.applies_from : "" }))
    : [];
  return {
    version: typeof version === "string" ? cleanText(version).slice(0, 20) : "",
    date: validIsoDate(date) ? date : "",
    name: typeof name === "string" ? cleanText(name).slice(0, 200) : "",
    outcomes: ids(own(raw, "outcomes")),
    risk_class: typeof riskClass === "string" && ID.test(riskClass) ? riskClass : null,
    roles: ids(own(raw, "roles")),
    duties,
    answers,
  };
}

/**
 * The trust model's stored record with the result carried into one assessment: the one with
 * id `targetId` if it exists, else a new one named `name` (with id `newId`). The result's
 * answers replace those the trust model had for the same questions, and the assessment counts
 * as changed at `now` (the trust model shows when each assessment last changed). Returns {data, id}.
 * `data` is the record core/storage.js loaded for the trust model ({assessments, current, …}).
 */
export function carryInto(data, targetId, record, trustAnswers, name, newId, now = new Date()) {
  const stored = isPlainObject(data) ? { ...data } : {};
  const assessments = Array.isArray(stored.assessments) ? stored.assessments.filter(isPlainObject).map((a) => ({ ...a })) : [];
  let target = RECORD_ID.test(targetId || "") ? assessments.find((a) => a.id === targetId) : undefined;
  if (!target) {
    target = { id: newId, name, answers: {}, unmatched: [], draft: {} };
    assessments.push(target);
  }
  target.answers = { ...(isPlainObject(target.answers) ? target.answers : {}), ...trustAnswers };
  target.ai_act = record;
  target.changed = now.toISOString();
  return { data: { ...stored, assessments, current: target.id }, id: target.id };
}

/**
 * The trust model's assessments as {id, name} to offer as targets: the assessment's name, else
 * its answer to the question that names the system (`nameQuestion`).
 */
export function trustModelTargets(data, nameQuestion) {
  const list = isPlainObject(data) && Array.isArray(data.assessments) ? data.assessments : [];
  return list
    .filter((a) => isPlainObject(a) && typeof a.id === "string" && RECORD_ID.test(a.id))
    .map((a) => {
      const answered = isPlainObject(a.answers) && typeof a.answers[nameQuestion] === "string" ? a.answers[nameQuestion] : "";
      const name = typeof a.name === "string" && a.name.trim() ? a.name : answered;
      return { id: a.id, name: cleanText(name).trim().slice(0, 200) };
    });
}
