/*
 * Saving the open assessment to a file and loading one: the outcome is shown next to the
 * file controls. A loaded file takes the place of an assessment nobody has worked on; when
 * an assessment of the same name exists, the reader chooses: replace it, or keep both
 * (the new one then gets a name of its own, "Name (2)").
 */

import { FileProblem, checkSize } from "../../core/files.js";
import {
  FILE_PROBLEM_STRINGS,
  answersFile,
  answersFileName,
  answersFileSpec,
  isUntouched,
  parseAnswersFile,
  uniqueName,
} from "../../core/trust-model/assessments.js";
import { download } from "../dom.js";
import { ask, openFresh } from "./frame.js";

export function onSaveFile(app) {
  const assessment = app.current();
  const name = answersFileName(app.t, app.name(assessment));
  const spec = answersFileSpec(app.settings);
  download(name, answersFile(spec, assessment, app.name(assessment), app.index.model.version), "application/json");
  app.say(app.frame.fileMessage, app.t("tm_saved_file", { file: name }));
}

/** The name a loaded assessment goes by: its own, else the system's name; "" when it has neither. */
function loadedName(app, assessment) {
  const answer = assessment.answers[app.settings.name_question];
  return assessment.name.trim() || (typeof answer === "string" ? answer.trim() : "");
}

/** Put `result.assessment` in the list (`how`: "add", "keep-both", "replace" of `target`) and say so. */
function place(app, result, how, target) {
  const { t } = app;
  const loaded = result.assessment;
  let shownId = loaded.id;
  app.change((state) => {
    if (how === "replace") {
      const existing = state.assessments.find((a) => a.id === target.id);
      if (existing) {
        Object.assign(existing, { name: loaded.name, changed: loaded.changed, answers: loaded.answers, unmatched: loaded.unmatched });
        shownId = existing.id;
        return;
      }
    }
    if (how === "keep-both") loaded.name = uniqueName(loadedName(app, loaded), state.assessments.map((a) => app.name(a)));
    const empty = state.assessments.findIndex((a) => a.id === state.current && isUntouched(a));
    if (empty >= 0) state.assessments.splice(empty, 1, loaded);
    else state.assessments.push(loaded);
  });
  openFresh(app, shownId);
  const shown = app.current();
  const count = Object.keys(shown.answers).length;
  const messages = [t(how === "replace" ? "tm_load_replaced" : "tm_load_ok", { name: app.name(shown), count })];
  const version = app.index.model.version;
  if (result.modelVersion && result.modelVersion !== version) {
    messages.push(t("tm_load_older", { file: result.modelVersion, current: version }));
  }
  for (const key of result.ignored) messages.push(t("tm_load_ignored_key", { key }));
  app.say(app.frame.fileMessage, messages);
  app.showView("questions", false);
}

/** Read the chosen file: {result} or {problem} (the key of the message). */
async function readChosen(app, file) {
  const spec = answersFileSpec(app.settings);
  try {
    checkSize(file.size, spec);
    let text;
    try {
      text = await file.text();
    } catch {
      return { problem: "tm_load_error_read" };
    }
    return { result: parseAnswersFile(text, spec, app.index, app.makeId) };
  } catch (error) {
    if (error instanceof FileProblem) return { problem: FILE_PROBLEM_STRINGS[error.code] };
    throw error;
  }
}

export async function onLoadFile(app) {
  const { t, frame } = app;
  const file = frame.fileInput.files && frame.fileInput.files[0];
  frame.fileInput.value = ""; // the same file can be chosen again
  if (!file) return;
  frame.manage.open = true; // the outcome shows next to the file controls
  frame.choice.hidden = true;
  frame.choice.replaceChildren();
  const { result, problem } = await readChosen(app, file);
  if (problem) {
    app.say(frame.fileMessage, t(problem), true);
    return;
  }
  const name = loadedName(app, result.assessment);
  const same = name && app.state.assessments.find((a) => !isUntouched(a) && app.name(a) === name);
  if (!same) {
    place(app, result, "add");
    return;
  }
  app.say(frame.fileMessage, []);
  const text = t("tm_load_duplicate", { name });
  const choose = (how) => () => {
    place(app, result, how, same);
    frame.select.focus();
  };
  ask(app, frame.choice, {
    text,
    yes: [t("tm_load_replace"), choose("replace")],
    no: [t("tm_load_keep_both"), choose("keep-both")],
    focus: "no",
  });
  app.announce(text);
}
