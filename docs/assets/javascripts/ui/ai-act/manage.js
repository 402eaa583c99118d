/*
 * Managing assessments and files, folded away under the questions: choose, create, rename
 * and delete assessments; save one to a file and load a saved file; the answers a file or an
 * older version could not place.
 */

import {
  FILE_PROBLEM_STRINGS,
  MAX_NAME,
  answersFile,
  answersFileSpec,
  emptyAssessment,
  parseAnswersFile,
} from "../../core/ai-act/assessments.js";
import { FileProblem, checkSize, fileName } from "../../core/files.js";
import { cleanText } from "../../core/text.js";
import { button as baseButton, download, el } from "../dom.js";

const button = (...args) => baseButton("oai-aa", ...args);

export function buildManager(app) {
  const { t, uid, manager } = app;
  const selectId = uid("select");
  manager.select = el("select", { id: selectId, onchange: () => switchTo(app, manager.select.value) });
  const renameId = uid("rename");
  manager.renameInput = el("input", { id: renameId, type: "text", maxlength: MAX_NAME, autocomplete: "off" });
  manager.renameForm = el(
    "form",
    { class: "oai-aa-inline-form", hidden: true, onsubmit: (event) => onRename(app, event) },
    el("label", { for: renameId }, t("aa_assessment_rename_label")),
    manager.renameInput,
    button(t("aa_assessment_rename_save"), null, { primary: true, type: "submit" }),
    button(t("aa_cancel"), () => closeInline(manager.renameForm, manager.renameButton))
  );
  manager.renameButton = button(t("aa_assessment_rename"), () => openRename(app));
  manager.deleteButton = button(t("aa_assessment_delete"), () => openConfirm(app));
  manager.confirm = el("div", { class: "oai-aa-confirm", hidden: true });
  const fileId = uid("file");
  manager.fileInput = el("input", { id: fileId, type: "file", accept: ".json,application/json", onchange: () => onLoadFile(app) });
  manager.notes = el("div", { class: "oai-aa-notes" });
  manager.unmatched = el("div", { class: "oai-aa-unmatched" });
  const panelId = uid("manage");
  manager.toggle = el(
    "button",
    { type: "button", class: "oai-aa-button md-button oai-aa-manage__toggle", "aria-expanded": "false", "aria-controls": panelId },
    t("aa_manage_summary")
  );
  manager.panel = el(
    "div",
    { id: panelId, class: "oai-aa-manage__panel", hidden: true },
    el("p", { class: "oai-aa-privacy" }, t("aa_privacy_note")),
    el(
      "div",
      { class: "oai-aa-row" },
      el("label", { for: selectId }, t("aa_assessment_select")),
      manager.select,
      button(t("aa_assessment_new"), () => onNew(app)),
      manager.renameButton,
      manager.deleteButton
    ),
    manager.renameForm,
    manager.confirm,
    el(
      "div",
      { class: "oai-aa-row" },
      button(t("aa_save_file"), () => onSaveFile(app)),
      el("span", { class: "oai-aa-file" }, el("label", { for: fileId }, t("aa_load_file")), manager.fileInput)
    ),
    manager.notes,
    manager.unmatched
  );
  manager.toggle.addEventListener("click", () => setOpen(app, manager.panel.hidden));
  manager.details = el("section", { class: "oai-aa-manage oai-aa-controls", "aria-label": t("aa_manage_summary") }, manager.toggle, manager.panel);
  return manager.details;
}

/** Open or close the panel for managing assessments and files. */
export function setOpen(app, open) {
  app.manager.panel.hidden = !open;
  app.manager.toggle.setAttribute("aria-expanded", open ? "true" : "false");
}

export function refreshAssessments(app) {
  const selected = app.current();
  app.manager.select.replaceChildren(
    ...app.state.assessments.map((a) => el("option", { value: a.id, selected: a.id === selected.id }, app.name(a)))
  );
  app.manager.select.value = selected.id;
  refreshUnmatched(app);
}

function refreshUnmatched(app) {
  const { t, manager } = app;
  const assessment = app.current();
  manager.unmatched.replaceChildren();
  if (!assessment.unmatched.length) return;
  const headingId = app.uid("unmatched");
  const items = assessment.unmatched.map((item) => {
    const value = Array.isArray(item.value) ? item.value.join("; ") : String(item.value);
    return el("li", {}, t("aa_unmatched_item", { id: item.id, value: value.slice(0, 300) }));
  });
  manager.unmatched.append(
    el("h3", { id: headingId }, t("aa_unmatched_heading")),
    el("p", {}, t("aa_unmatched_intro")),
    el("ul", { "aria-labelledby": headingId }, items),
    button(t("aa_unmatched_discard"), () => {
      app.current().unmatched = [];
      app.save();
      refreshUnmatched(app);
      app.announce(t("aa_unmatched_discarded"));
      manager.select.focus();
    })
  );
}

function closeInline(node, focusTarget) {
  node.hidden = true;
  if (focusTarget) focusTarget.focus();
}

function openRename(app) {
  const { manager } = app;
  manager.confirm.hidden = true;
  manager.renameInput.value = app.name(app.current());
  manager.renameForm.hidden = false;
  manager.renameInput.focus();
  manager.renameInput.select();
}

function onRename(app, event) {
  event.preventDefault();
  const assessment = app.current();
  assessment.name = cleanText(app.manager.renameInput.value).trim().slice(0, MAX_NAME);
  app.save();
  refreshAssessments(app);
  closeInline(app.manager.renameForm, app.manager.renameButton);
  app.announce(app.t("aa_renamed", { name: app.name(assessment) }));
}

function openConfirm(app) {
  const { t, manager } = app;
  manager.renameForm.hidden = true;
  const questionId = app.uid("confirm");
  const cancel = button(t("aa_cancel"), () => {
    manager.confirm.replaceChildren();
    closeInline(manager.confirm, manager.deleteButton);
  });
  const yes = button(
    t("aa_assessment_delete_yes"),
    () => {
      manager.confirm.replaceChildren();
      manager.confirm.hidden = true;
      onDelete(app);
    },
    { primary: true }
  );
  manager.confirm.replaceChildren(
    el("p", { id: questionId }, t("aa_assessment_delete_confirm", { name: app.name(app.current()) })),
    el("div", { class: "oai-aa-row" }, yes, cancel)
  );
  manager.confirm.setAttribute("role", "group");
  manager.confirm.setAttribute("aria-labelledby", questionId);
  manager.confirm.hidden = false;
  cancel.focus();
}

/** Open assessment `id` at its next question. */
function open(app, id) {
  app.state.current = id;
  app.state.question = "";
  app.save();
  refreshAssessments(app);
  app.show("", false);
}

function switchTo(app, id) {
  open(app, id);
  app.manager.notes.replaceChildren();
  app.announce(app.t("aa_switched", { name: app.name(app.current()) }));
}

function onNew(app) {
  const assessment = emptyAssessment(app.makeId);
  app.state.assessments.push(assessment);
  app.manager.notes.replaceChildren();
  open(app, assessment.id);
  app.announce(app.t("aa_created"));
  app.manager.select.focus();
}

function onDelete(app) {
  const assessment = app.current();
  const name = app.name(assessment);
  app.state.assessments = app.state.assessments.filter((a) => a !== assessment);
  if (!app.state.assessments.length) app.state.assessments.push(emptyAssessment(app.makeId));
  open(app, app.state.assessments[0].id);
  app.announce(app.t("aa_deleted", { name }));
  app.manager.select.focus();
}

function onSaveFile(app) {
  const assessment = app.current();
  const name = fileName(app.lang === "sv" ? "ai-forordningen" : "ai-act", app.name(assessment), app.today(), "json", "bedomning");
  const spec = answersFileSpec(app.settings);
  download(name, answersFile(spec, assessment, app.name(assessment), app.settings.version), "application/json");
  app.announce(app.t("aa_saved_file", { file: name }));
}

function showLoadError(app, key) {
  app.manager.notes.replaceChildren(el("p", { class: "oai-aa-error" }, app.t(key)));
  app.announce(app.t(key), true);
}

async function onLoadFile(app) {
  const { t, manager } = app;
  const file = manager.fileInput.files && manager.fileInput.files[0];
  manager.fileInput.value = ""; // the same file can be chosen again
  if (!file) return;
  manager.notes.replaceChildren();
  const spec = answersFileSpec(app.settings);
  let result;
  try {
    checkSize(file.size, spec);
    let text;
    try {
      text = await file.text();
    } catch {
      showLoadError(app, "aa_load_error_read");
      return;
    }
    result = parseAnswersFile(text, spec, app.aid, app.makeId);
  } catch (error) {
    if (error instanceof FileProblem) {
      showLoadError(app, FILE_PROBLEM_STRINGS[error.code]);
      return;
    }
    throw error;
  }
  app.state.assessments.push(result.assessment);
  open(app, result.assessment.id);
  const count = Object.keys(result.assessment.answers).length;
  const messages = [t("aa_load_ok", { name: app.name(result.assessment), count })];
  if (result.aidVersion && result.aidVersion !== app.settings.version) {
    messages.push(t("aa_load_older", { file: result.aidVersion, current: app.settings.version }));
  }
  manager.notes.replaceChildren(...messages.map((message) => el("p", { class: "oai-aa-note" }, message)));
  app.announce(messages.join(" "));
}
