/*
 * The tool's frame: the storage note, the list of assessments (new, rename, delete), saving
 * and loading files, the answers a file could not place, and the view switcher.
 */

import { FileProblem, checkSize, fileName } from "../../core/files.js";
import { cleanText } from "../../core/text.js";
import {
  FILE_PROBLEM_STRINGS,
  answersFile,
  answersFileSpec,
  emptyAssessment,
  parseAnswersFile,
} from "../../core/trust-model/assessments.js";
import { MAX_NAME } from "../../core/trust-model/model.js";
import { button as baseButton, download, el } from "../dom.js";

const button = (...args) => baseButton("oai-tm", ...args);

const VIEWS = [
  ["questions", "tm_view_questions"],
  ["summary", "tm_view_summary"],
  ["report", "tm_view_report"],
  ["draft", "tm_view_draft"],
];

const UNMATCHED_STRINGS = {
  "unknown-question": "tm_unmatched_unknown_question",
  "unknown-option": "tm_unmatched_unknown_option",
  "wrong-type": "tm_unmatched_wrong_type",
};

export function buildFrame(app) {
  const { t, frame, uid } = app;
  app.root.replaceChildren();
  const privacy = el("p", { class: "oai-tm-privacy" }, t("tm_privacy_note"));
  const warningKey = { unavailable: "tm_storage_unavailable", newer: "tm_storage_newer" }[app.storageProblem];
  const storageWarning = warningKey ? el("p", { class: "oai-tm-warning" }, t(warningKey)) : null;

  // Assessments
  const selectId = uid("select");
  frame.select = el("select", { id: selectId, onchange: () => switchTo(app, frame.select.value) });
  const renameInputId = uid("rename");
  frame.renameInput = el("input", { id: renameInputId, type: "text", maxlength: MAX_NAME, autocomplete: "off" });
  frame.renameForm = el(
    "form",
    { class: "oai-tm-inline-form", hidden: true, onsubmit: (event) => onRename(app, event) },
    el("label", { for: renameInputId }, t("tm_assessment_rename_label")),
    frame.renameInput,
    button(t("tm_assessment_rename_save"), null, { primary: true, type: "submit" }),
    button(t("tm_cancel"), () => closeInline(app, frame.renameForm, frame.renameButton))
  );
  frame.renameButton = button(t("tm_assessment_rename"), () => openRename(app));
  frame.deleteButton = button(t("tm_assessment_delete"), () => openConfirm(app, "delete"));
  frame.confirm = el("div", { class: "oai-tm-confirm", hidden: true });

  // Files
  const fileId = uid("file");
  frame.fileInput = el("input", { id: fileId, type: "file", accept: ".json,application/json", onchange: () => onLoadFile(app) });
  frame.clearButton = button(t("tm_clear_all"), () => openConfirm(app, "clear"));
  frame.notes = el("div", { class: "oai-tm-notes" });
  frame.unmatched = el("div", { class: "oai-tm-unmatched" });

  const headingId = uid("heading");
  const panel = el(
    "section",
    { class: "oai-tm-panel oai-tm-controls", "aria-labelledby": headingId },
    el("h2", { id: headingId }, t("tm_assessments_heading")),
    el("p", {}, t("tm_assessments_intro")),
    el(
      "div",
      { class: "oai-tm-row" },
      el("label", { for: selectId }, t("tm_assessment_select")),
      frame.select,
      button(t("tm_assessment_new"), () => onNew(app)),
      frame.renameButton,
      frame.deleteButton
    ),
    frame.renameForm,
    frame.confirm,
    el("h3", {}, t("tm_files_heading")),
    el(
      "div",
      { class: "oai-tm-row" },
      button(t("tm_save_file"), () => onSaveFile(app)),
      el("span", { class: "oai-tm-file" }, el("label", { for: fileId }, t("tm_load_file")), frame.fileInput),
      frame.clearButton
    ),
    frame.notes,
    frame.unmatched
  );

  // View switcher
  const nav = el("nav", { class: "oai-tm-views oai-tm-controls", "aria-label": t("tm_views") });
  const list = el("ul", {});
  for (const [name, key] of VIEWS) {
    app.viewButtons[name] = el(
      "button",
      { type: "button", class: "oai-tm-views__button", onclick: () => app.showView(name, true) },
      t(key)
    );
    list.append(el("li", {}, app.viewButtons[name]));
    app.views[name] = el("div", { class: `oai-tm-view oai-tm-view--${name}`, hidden: true });
  }
  nav.append(list);

  const { status, alert } = app.live;
  app.root.append(...[privacy, storageWarning, status, alert, panel, nav, ...Object.values(app.views)].filter(Boolean));
}

export function refreshAssessments(app) {
  const selected = app.current();
  app.frame.select.replaceChildren(
    ...app.state.assessments.map((a) => el("option", { value: a.id, selected: a.id === selected.id }, app.name(a)))
  );
  app.frame.select.value = selected.id;
  refreshUnmatched(app);
}

function refreshUnmatched(app) {
  const { t, frame } = app;
  const assessment = app.current();
  frame.unmatched.replaceChildren();
  if (!assessment.unmatched.length) return;
  const headingId = app.uid("unmatched");
  const items = assessment.unmatched.map((item) => {
    const value = Array.isArray(item.value) ? item.value.join("; ") : String(item.value);
    const shown = value.length > 300 ? `${value.slice(0, 300)} …` : value;
    return el("li", {}, t(UNMATCHED_STRINGS[item.reason], { id: item.id, value: shown }));
  });
  frame.unmatched.append(
    el("h3", { id: headingId }, t("tm_unmatched_heading")),
    el("p", {}, t("tm_unmatched_intro")),
    el("ul", { "aria-labelledby": headingId }, items),
    button(t("tm_unmatched_discard"), () => onDiscardUnmatched(app))
  );
}

function closeInline(app, node, focusTarget) {
  node.hidden = true;
  if (node === app.frame.confirm) node.replaceChildren();
  if (focusTarget) focusTarget.focus();
}

function openRename(app) {
  const { frame } = app;
  frame.confirm.hidden = true;
  frame.renameInput.value = app.name(app.current());
  frame.renameForm.hidden = false;
  frame.renameInput.focus();
  frame.renameInput.select();
}

function onRename(app, event) {
  event.preventDefault();
  const assessment = app.current();
  assessment.name = cleanText(app.frame.renameInput.value).trim().slice(0, MAX_NAME);
  app.save();
  refreshAssessments(app);
  closeInline(app, app.frame.renameForm, app.frame.renameButton);
  app.announce(app.t("tm_renamed", { name: app.name(assessment) }));
}

function openConfirm(app, kind) {
  const { t, frame } = app;
  frame.renameForm.hidden = true;
  const opener = kind === "delete" ? frame.deleteButton : frame.clearButton;
  const questionId = app.uid("confirm");
  const text =
    kind === "delete" ? t("tm_assessment_delete_confirm", { name: app.name(app.current()) }) : t("tm_clear_all_confirm");
  const cancel = button(t("tm_cancel"), () => closeInline(app, frame.confirm, opener));
  const onYes = () => {
    closeInline(app, frame.confirm, null);
    if (kind === "delete") onDelete(app);
    else onClearAll(app);
  };
  const yes = button(t(kind === "delete" ? "tm_assessment_delete_yes" : "tm_clear_all_yes"), onYes, { primary: true });
  frame.confirm.replaceChildren(el("p", { id: questionId }, text), el("div", { class: "oai-tm-row" }, yes, cancel));
  frame.confirm.setAttribute("role", "group");
  frame.confirm.setAttribute("aria-labelledby", questionId);
  frame.confirm.hidden = false;
  cancel.focus();
}

/** Open `assessment`'s first section (after new, delete, clear and load). */
function openFresh(app, id) {
  app.state.current = id;
  app.state.section = 0;
  app.save();
  refreshAssessments(app);
}

function switchTo(app, id) {
  openFresh(app, id);
  app.frame.notes.replaceChildren();
  app.renderView();
  app.announce(app.t("tm_switched", { name: app.name(app.current()) }));
}

function onNew(app) {
  const assessment = emptyAssessment(app.makeId);
  app.state.assessments.push(assessment);
  openFresh(app, assessment.id);
  app.frame.notes.replaceChildren();
  app.showView("questions", false);
  app.announce(app.t("tm_created"));
  app.frame.select.focus();
}

function onDelete(app) {
  const assessment = app.current();
  const name = app.name(assessment);
  app.state.assessments = app.state.assessments.filter((a) => a !== assessment);
  if (!app.state.assessments.length) app.state.assessments.push(emptyAssessment(app.makeId));
  openFresh(app, app.state.assessments[0].id);
  app.renderView();
  app.announce(app.t("tm_deleted", { name }));
  app.frame.select.focus();
}

function onClearAll(app) {
  app.clearStorage();
  app.state.assessments = [emptyAssessment(app.makeId)];
  openFresh(app, app.state.assessments[0].id);
  app.frame.notes.replaceChildren();
  app.showView("questions", false);
  app.announce(app.t("tm_cleared"));
  app.frame.select.focus();
}

function onDiscardUnmatched(app) {
  app.current().unmatched = [];
  app.save();
  refreshUnmatched(app);
  app.announce(app.t("tm_unmatched_discarded"));
  app.frame.select.focus();
}

function onSaveFile(app) {
  const assessment = app.current();
  const name = fileName("fortroendemodellen", app.name(assessment), app.today(), "json", "svar");
  const spec = answersFileSpec(app.settings);
  download(name, answersFile(spec, assessment, app.name(assessment), app.index.model.version), "application/json");
  app.announce(app.t("tm_saved_file", { file: name }));
}

function showLoadError(app, key) {
  app.frame.notes.replaceChildren(el("p", { class: "oai-tm-error" }, app.t(key)));
  app.announce(app.t(key), true);
}

async function onLoadFile(app) {
  const { t, frame } = app;
  const file = frame.fileInput.files && frame.fileInput.files[0];
  frame.fileInput.value = ""; // the same file can be chosen again
  if (!file) return;
  frame.notes.replaceChildren();
  const spec = answersFileSpec(app.settings);
  let result;
  try {
    checkSize(file.size, spec);
    let text;
    try {
      text = await file.text();
    } catch {
      showLoadError(app, "tm_load_error_read");
      return;
    }
    result = parseAnswersFile(text, spec, app.index, app.makeId);
  } catch (error) {
    if (error instanceof FileProblem) {
      showLoadError(app, FILE_PROBLEM_STRINGS[error.code]);
      return;
    }
    throw error;
  }
  app.state.assessments.push(result.assessment);
  openFresh(app, result.assessment.id);
  const count = Object.keys(result.assessment.answers).length;
  const messages = [t("tm_load_ok", { name: app.name(result.assessment), count })];
  const version = app.index.model.version;
  if (result.modelVersion && result.modelVersion !== version) {
    messages.push(t("tm_load_older", { file: result.modelVersion, current: version }));
  }
  for (const key of result.ignored) messages.push(t("tm_load_ignored_key", { key }));
  frame.notes.replaceChildren(...messages.map((message) => el("p", { class: "oai-tm-note" }, message)));
  app.showView("questions", false);
  app.announce(messages.join(" "));
}
