import assert from "node:assert/strict";
import { test } from "node:test";

import { FileProblem } from "../../docs/assets/javascripts/core/files.js";
import { RECORD_ID } from "../../docs/assets/javascripts/core/ids.js";
import { createStore, memoryStorage } from "../../docs/assets/javascripts/core/storage.js";
import { createTranslator } from "../../docs/assets/javascripts/core/strings.js";
import {
  FILE_PROBLEM_STRINGS,
  STORE_FORMAT,
  answersFile,
  answersFileSpec,
  cleanAssessment,
  cleanDraft,
  currentAssessment,
  displayName,
  emptyAssessment,
  answersFileName,
  isUntouched,
  parseAnswersFile,
  restoreState,
  storeSpec,
  storedState,
  syncState,
  touch,
  uniqueName,
} from "../../docs/assets/javascripts/core/trust-model/assessments.js";
import { indexModel } from "../../docs/assets/javascripts/core/trust-model/model.js";
import { fixture, site } from "./site-data.mjs";

const index = indexModel(site.model);
const settings = site.settings;
const t = createTranslator(settings.strings, "sv");
let counter = 0;
const makeId = () => `id${(counter += 1)}`;
const OPTIONS = { languages: settings.languages, lang: "sv", makeId };
const KEY = settings.storage_key;

test("the stored record round-trips through a store", () => {
  const storage = memoryStorage();
  const store = createStore(storeSpec(storage, KEY));
  const state = restoreState(null, index, OPTIONS);
  assert.equal(state.assessments.length, 1);
  assert.equal(storedState(state), null); // nothing worth keeping yet
  state.assessments[0].answers["purpose-system-name"] = "Eva";
  touch(state.assessments[0], new Date(Date.UTC(2026, 11, 3, 13, 5)));
  state.reportLang = "en";
  assert.equal(store.save(storedState(state)), true);
  const raw = JSON.parse(storage.getItem(KEY));
  assert.equal(raw.format, STORE_FORMAT);
  assert.equal(raw.version, 2);
  assert.equal("report_lang" in raw, false); // the report's language follows the page
  const again = restoreState(store.load().data, index, OPTIONS);
  assert.equal(again.reportLang, "sv");
  assert.equal(currentAssessment(again).answers["purpose-system-name"], "Eva");
  assert.equal(currentAssessment(again).changed, "2026-12-03T13:05:00.000Z");
});

test("an assessment nobody has worked on is untouched; anything done to it counts", () => {
  const fresh = emptyAssessment(makeId);
  assert.equal(fresh.changed, "");
  assert.equal(isUntouched(fresh), true);
  for (const change of [
    (a) => (a.name = "Eget"),
    (a) => (a.answers.x = "y"),
    (a) => a.unmatched.push({ id: "q", value: "v", reason: "unknown-question" }),
    (a) => (a.draft.id = "x"),
    (a) => (a.ai_act = { outcomes: ["MINIMAL"] }), // a result carried from the AI Act decision aid
  ]) {
    const assessment = emptyAssessment(makeId);
    change(assessment);
    assert.equal(isUntouched(assessment), false);
  }
  const state = restoreState(null, index, OPTIONS);
  state.assessments.push(emptyAssessment(makeId));
  assert.equal(storedState(state).assessments.length, 2); // two are kept: the reader made the second
});

test("a tab takes in another tab's record but keeps its own place", () => {
  const mine = restoreState(null, index, OPTIONS);
  const other = emptyAssessment(makeId);
  other.answers["purpose-system-name"] = "Från den andra fliken";
  const theirs = { current: other.id, section: 7, assessments: [mine.assessments[0], other] };
  mine.section = 2;
  mine.reportLang = "en";
  const synced = syncState(mine, theirs, index, OPTIONS);
  assert.equal(synced.assessments.length, 2);
  assert.equal(synced.assessments[1].answers["purpose-system-name"], "Från den andra fliken");
  assert.equal(synced.current, mine.current);
  assert.equal(synced.section, 2);
  assert.equal(synced.reportLang, "en");
  const gone = syncState(mine, { current: other.id, assessments: [other] }, index, OPTIONS);
  assert.equal(gone.current, other.id); // this tab's assessment was deleted in the other
  const cleared = syncState(mine, null, index, OPTIONS);
  assert.equal(cleared.assessments.length, 1);
  assert.equal(isUntouched(cleared.assessments[0]), true);
});

test("names are made unique, and file names follow the page's language", () => {
  assert.equal(uniqueName("Eva", ["Adam"]), "Eva");
  assert.equal(uniqueName("Eva", ["Eva", "Eva (2)"]), "Eva (3)");
  const day = new Date(2026, 11, 3, 12);
  assert.equal(answersFileName(t, "Chattbot Eva", day), "fortroendemodellen-chattbot-eva-2026-12-03.json");
  const en = createTranslator(settings.strings, "en");
  assert.equal(answersFileName(en, "Chattbot Eva", day), "trust-model-chattbot-eva-2026-12-03.json");
  assert.equal(answersFileName(en, "", day), "trust-model-answers-2026-12-03.json");
  assert.match(answersFileName(t, ""), /^fortroendemodellen-svar-\d{4}-\d{2}-\d{2}\.json$/);
});

test("version 1 of the stored record: the draft's one source becomes a list", () => {
  const v1 = {
    format: STORE_FORMAT,
    version: 1,
    current: "abc",
    section: 3,
    report_lang: "en",
    assessments: [
      { id: "abc", name: "A", answers: {}, unmatched: [], draft: { id: "x", source_title: "Källa", source_url: "https://example.org/" } },
      { id: "def", name: "B", answers: {}, unmatched: [], draft: { source_title: "", source_url: "" } },
      { id: "ghi", name: "C", answers: {} },
    ],
  };
  const store = createStore(storeSpec(memoryStorage({ [KEY]: JSON.stringify(v1) }), KEY));
  const { data, problem } = store.load();
  assert.equal(problem, null);
  const state = restoreState(data, index, OPTIONS);
  assert.equal(state.current, "abc");
  assert.equal(state.section, 3);
  assert.equal(state.reportLang, "sv"); // a stored report language is no longer used
  assert.equal(state.assessments[0].changed, "");
  const plain = (value) => JSON.parse(JSON.stringify(value));
  assert.deepEqual(plain(state.assessments[0].draft), { id: "x", sources: [{ title: "Källa", url: "https://example.org/" }] });
  assert.deepEqual({ ...state.assessments[1].draft }, {});
  assert.deepEqual({ ...state.assessments[2].draft }, {});
  const notAList = createStore(storeSpec(memoryStorage({ [KEY]: JSON.stringify({ ...v1, assessments: "x" }) }), KEY));
  assert.equal(restoreState(notAList.load().data, index, OPTIONS).assessments.length, 1);
});

test("an edited or broken store is cleaned, never trusted", () => {
  const data = {
    current: "nowhere",
    section: 9999,
    report_lang: "fr",
    assessments: [
      { id: "BAD ID!", name: 5, answers: { "purpose-system-name": "Eva", __proto__: "x" }, draft: ["x"] },
      "not an assessment",
      { id: "ok1", name: "Namn\u0000", answers: null, unmatched: [{ id: "q", value: { a: 1 }, reason: "odd" }] },
    ],
  };
  const state = restoreState(data, index, OPTIONS);
  assert.equal(state.assessments.length, 2);
  assert.match(state.assessments[0].id, RECORD_ID);
  assert.notEqual(state.assessments[0].id, "BAD ID!");
  assert.equal(state.assessments[0].name, "");
  assert.equal(state.assessments[1].name, "Namn");
  assert.deepEqual(state.assessments[1].unmatched, [{ id: "q", value: '{"a":1}', reason: "wrong-type" }]);
  assert.equal(state.current, state.assessments[0].id);
  assert.equal(state.section, 0);
  assert.equal(state.reportLang, "sv");
  const many = { assessments: Array.from({ length: 250 }, () => ({})) };
  assert.equal(restoreState(many, index, OPTIONS).assessments.length, 200);
});

test("a draft keeps texts, lists of texts and flat records only", () => {
  const draft = cleanDraft(JSON.parse(`{
    "id": "x\\u0000y", "functions": ["a", 5, "b"], "BadKey": "x", "__proto__": "x", "constructor": "y",
    "sources": [{"title": "T", "url": 5, "__proto__": {"p": 1}, "nested": {"a": 1}}, "text", null],
    "long": "${"z".repeat(6000)}", "number": 5
  }`));
  assert.deepEqual(Object.keys(draft).sort(), ["functions", "id", "long", "sources"]);
  assert.equal(draft.id, "xy");
  assert.deepEqual(draft.functions, ["a", "b"]);
  assert.deepEqual({ ...draft.sources[0] }, { title: "T" });
  assert.equal(draft.sources.length, 1);
  assert.equal(draft.long.length, 5000);
  assert.deepEqual({ ...cleanDraft(null) }, {});
});

test("the name shown: own name, else the system's name, else a number", () => {
  const state = restoreState(null, index, OPTIONS);
  const [first] = state.assessments;
  assert.equal(displayName(state, first, settings.name_question, t), "Namnlös självskattning 1");
  first.answers[settings.name_question] = "  Eva  ";
  assert.equal(displayName(state, first, settings.name_question, t), "Eva");
  first.name = " Eget ";
  assert.equal(displayName(state, first, settings.name_question, t), "Eget");
  const second = emptyAssessment(makeId);
  state.assessments.push(second);
  assert.equal(displayName(state, second, settings.name_question, t), "Namnlös självskattning 2");
});

const spec = answersFileSpec(settings);

test("save then load gives identical answers", () => {
  const assessment = cleanAssessment(index, {
    answers: { "purpose-system-name": "Handläggningsstöd ÅÄÖ", "purpose-benefit-type": ["efficiency"], "legal-basis-dpia-date": "2026-05-31" },
    unmatched: [{ id: "old", value: "x", reason: "unknown-question" }],
  }, makeId);
  const text = answersFile(spec, assessment, "Handläggningsstöd ÅÄÖ", site.model.version, new Date(Date.UTC(2026, 0, 1)));
  const data = JSON.parse(text);
  assert.equal(data.format, "offentligai-trust-model-answers");
  assert.equal(data.format_version, 1);
  assert.equal(data.model_version, site.model.version);
  assert.equal(data.saved, "2026-01-01T00:00:00.000Z");
  assert.equal("changed" in data.assessment, false); // never changed: the file says nothing
  const loaded = parseAnswersFile(text, spec, index, makeId);
  assert.equal(loaded.assessment.changed, "2026-01-01T00:00:00.000Z"); // then the day it was saved
  assert.deepEqual({ ...loaded.assessment.answers }, { ...assessment.answers });
  assert.deepEqual(loaded.assessment.unmatched, assessment.unmatched);
  assert.equal(loaded.assessment.name, "Handläggningsstöd ÅÄÖ");
  assert.equal(loaded.modelVersion, site.model.version);
  const bare = JSON.parse(answersFile(spec, emptyAssessment(makeId), "x", "1"));
  assert.equal("unmatched" in bare.assessment, false);
  touch(assessment, new Date(Date.UTC(2025, 5, 1)));
  const dated = answersFile(spec, assessment, "x", "1", new Date(Date.UTC(2026, 0, 1)));
  assert.equal(JSON.parse(dated).assessment.changed, "2025-06-01T00:00:00.000Z");
  assert.equal(parseAnswersFile(dated, spec, index, makeId).assessment.changed, "2025-06-01T00:00:00.000Z");
  const odd = JSON.stringify({ ...JSON.parse(dated), saved: "yesterday", assessment: { name: "x", answers: {}, changed: "2025-13-01T00:00:00Z" } });
  assert.equal(parseAnswersFile(odd, spec, index, makeId).assessment.changed, "");
});

test("the older-model and hostile fixtures load as far as they fit", () => {
  const older = parseAnswersFile(fixture("trust_model/answers-older-model.json"), spec, index, makeId);
  assert.equal(Object.keys(older.assessment.answers).length, 5);
  assert.equal(older.assessment.unmatched.length, 6);
  assert.equal(older.modelVersion, "2025.1");
  const hostile = parseAnswersFile(fixture("trust_model/answers-hostile.json"), spec, index, makeId);
  assert.deepEqual(hostile.ignored, ["__proto__", "constructor"]);
  assert.equal(hostile.assessment.name, '<img src=x onerror="window.__pwned=1">');
  assert.equal({}.polluted, undefined);
});

test("broken files are refused with the message for their problem", () => {
  const cases = [
    ["this is not JSON {", "tm_load_error_not_json"],
    ['{"format": "something-else", "assessment": {"answers": {}}}', "tm_load_error_format"],
    ['["a", "list"]', "tm_load_error_format"],
    ['{"format": "offentligai-trust-model-answers", "format_version": 99, "assessment": {"answers": {}}}', "tm_load_error_newer"],
    ['{"format": "offentligai-trust-model-answers", "format_version": 1, "assessment": "x"}', "tm_load_error_format"],
    ['{"format": "offentligai-trust-model-answers", "format_version": 1, "assessment": {"answers": []}}', "tm_load_error_format"],
    ['{"format": "offentligai-trust-model-answers", "format_version": "1", "assessment": {"answers": {}}}', "tm_load_error_format"],
    [`{"format": "offentligai-trust-model-answers", "x": "${"a".repeat(2 * 1024 * 1024)}"}`, "tm_load_error_too_large"],
  ];
  for (const [text, key] of cases) {
    assert.throws(
      () => parseAnswersFile(text, spec, index, makeId),
      (error) => error instanceof FileProblem && FILE_PROBLEM_STRINGS[error.code] === key,
      text.slice(0, 80)
    );
    assert.ok(settings.strings[key].sv && settings.strings[key].en, key);
  }
});

test("wrong types and huge strings in a file are cut down to what fits", () => {
  const text = JSON.stringify({
    format: "offentligai-trust-model-answers",
    format_version: 1,
    model_version: { v: 1 },
    assessment: { name: "N".repeat(1000), answers: { [`q${"x".repeat(500)}`]: ["a"] }, unmatched: "not a list" },
  });
  const loaded = parseAnswersFile(text, spec, index, makeId);
  assert.equal(loaded.assessment.name.length, 200);
  assert.equal(loaded.modelVersion, "");
  assert.equal(loaded.assessment.unmatched[0].id.length, 200);
});
