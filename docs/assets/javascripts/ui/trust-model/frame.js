/*
 * The tool's frame: a compact bar naming the open assessment, with the "Manage and save"
 * area folded away (switch, new, rename, save and load files, the answers a file could not
 * place, and, less prominent and confirmed, delete and clear all), and the view switcher.
 * Saving and loading files is in files.js (reached through app.files, set by main.js).
 *
 * Messages: one at a time, next to the control that caused it (app.say clears every
 * `.oai-tm-message` slot first), and read out through the visually hidden live regions.
 */

import { shortDateTime } from "../../core/dates.js";
import { cleanText } from "../../core/text.js";
import { emptyAssessment, touch } from "../../core/trust-model/assessments.js";
import { MAX_NAME, questionLabel } from "../../core/trust-model/model.js";
import { button as baseButton, el } from "../dom.js";

const button = (...args) => baseButton("oai-tm", ...args);
/** A button that looks like a link: for actions that should not draw the eye (delete, clear all). */
const quietButton = (label, onclick) => el("button", { type: "button", class: "oai-tm-quiet", onclick }, label);

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

const WARNINGS = { unavailable: "tm_storage_unavailable", newer: "tm_storage_newer", failed: "tm_storage_failed" };

/** Show `messages` (a text or a list) in `slot`, and nothing in any other message slot. */
export function say(app, slot, messages, isError = false) {
  const list = [].concat(messages);
  for (const node of app.root.querySelectorAll(".oai-tm-message")) node.replaceChildren();
  slot.replaceChildren(...list.map((text) => el("p", { class: isError ? "oai-tm-error" : "oai-tm-note" }, text)));
  app.announce(list.join(" "), isError);
}

/** The warning above the tool when the browser does not keep the answers (`kind`: a key of WARNINGS). */
export function showStorageWarning(app, kind) {
  app.frame.warning.textContent = app.t(WARNINGS[kind]);
  app.frame.warning.hidden = false;
  if (kind === "failed") app.announce(app.t(WARNINGS[kind]), true);
}

export function buildFrame(app) {
  const { t, frame, uid } = app;
  app.root.replaceChildren();
  app.say = (slot, messages, isError) => say(app, slot, messages, isError);
  frame.warning = el("p", { class: "oai-tm-warning", hidden: true });
  if (app.storageProblem) showStorageWarning(app, app.storageProblem);

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
  frame.assessmentMessage = el("div", { class: "oai-tm-message" });

  // Files
  const fileId = uid("file");
  frame.fileInput = el("input", { id: fileId, type: "file", accept: ".json,application/json", onchange: () => app.files.load() });
  frame.fileMessage = el("div", { class: "oai-tm-message" });
  frame.choice = el("div", { class: "oai-tm-confirm", hidden: true });
  frame.unmatched = el("div", { class: "oai-tm-unmatched" });

  // Less prominent, and confirmed before anything is removed
  frame.deleteButton = quietButton(t("tm_assessment_delete"), () => openConfirm(app, "delete"));
  frame.clearButton = quietButton(t("tm_clear_all"), () => openConfirm(app, "clear"));
  frame.confirm = el("div", { class: "oai-tm-confirm", hidden: true });

  frame.manage = el(
    "details",
    { class: "oai-tm-manage" },
    el("summary", {}, t("tm_manage")),
    el(
      "div",
      { class: "oai-tm-manage__body" },
      el("p", { class: "oai-tm-privacy" }, t("tm_privacy_note")),
      el("p", {}, t("tm_assessments_intro")),
      el(
        "div",
        { class: "oai-tm-row" },
        el("label", { for: selectId }, t("tm_assessment_select")),
        frame.select,
        button(t("tm_assessment_new"), () => onNew(app)),
        frame.renameButton
      ),
      frame.renameForm,
      frame.assessmentMessage,
      el(
        "div",
        { class: "oai-tm-row" },
        button(t("tm_save_file"), () => app.files.save()),
        el("span", { class: "oai-tm-file" }, el("label", { for: fileId }, t("tm_load_file")), frame.fileInput)
      ),
      frame.fileMessage,
      frame.choice,
      frame.unmatched,
      el("div", { class: "oai-tm-row oai-tm-manage__quiet" }, frame.deleteButton, frame.clearButton),
      frame.confirm
    )
  );
  frame.current = el("p", { class: "oai-tm-bar__current" });

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
  const bar = el("div", { class: "oai-tm-bar oai-tm-controls" }, frame.current, frame.manage);
  app.root.append(status, alert, frame.warning, bar, nav, ...Object.values(app.views));
}

/** The list of assessments, the bar's name and date, and the answers that did not fit: after every change. */
export function refreshAssessments(app) {
  const { t, lang, frame } = app;
  const selected = app.current();
  const label = (a) => (a.changed ? `${app.name(a)} (${t("tm_changed", { date: shortDateTime(a.changed, lang) })})` : app.name(a));
  frame.select.replaceChildren(
    ...app.state.assessments.map((a) => el("option", { value: a.id, selected: a.id === selected.id }, label(a)))
  );
  frame.select.value = selected.id;
  const unmatched = selected.unmatched.length;
  frame.current.replaceChildren(
    el("span", { class: "oai-tm-bar__label" }, `${t("tm_manage_current")} `),
    label(selected),
    unmatched ? ` · ${t("tm_unmatched_count", { count: unmatched })}` : ""
  );
  refreshUnmatched(app);
}

function refreshUnmatched(app) {
  const { t, frame, index, lang } = app;
  const assessment = app.current();
  frame.unmatched.replaceChildren();
  if (!assessment.unmatched.length) return;
  const headingId = app.uid("unmatched");
  const items = assessment.unmatched.map((item) => {
    const value = Array.isArray(item.value) ? item.value.join("; ") : String(item.value);
    const shown = value.length > 300 ? `${value.slice(0, 300)} …` : value;
    const question = questionLabel(index, item.id, lang) || item.id;
    return el("li", {}, t(UNMATCHED_STRINGS[item.reason], { id: item.id, question, value: shown }));
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
  if (node !== app.frame.renameForm) node.replaceChildren();
  if (focusTarget) focusTarget.focus();
}

function openRename(app) {
  const { frame } = app;
  closeInline(app, frame.confirm, null);
  frame.renameInput.value = app.name(app.current());
  frame.renameForm.hidden = false;
  frame.renameInput.focus();
  frame.renameInput.select();
}

function onRename(app, event) {
  event.preventDefault();
  const name = cleanText(app.frame.renameInput.value).trim().slice(0, MAX_NAME);
  app.change(() => {
    const assessment = app.current();
    assessment.name = name;
    touch(assessment);
  });
  refreshAssessments(app);
  closeInline(app, app.frame.renameForm, app.frame.renameButton);
  app.say(app.frame.assessmentMessage, app.t("tm_renamed", { name: app.name(app.current()) }));
}

/**
 * An inline question with two answers in `box` (a confirmation, or the choice on loading a
 * known file): `options` {text, yes: [label, action], no: [label, action], focus: "yes"|"no"}.
 */
export function ask(app, box, options) {
  const questionId = app.uid("ask");
  const close = () => {
    box.hidden = true;
    box.replaceChildren();
  };
  const yes = button(options.yes[0], () => {
    close();
    options.yes[1]();
  }, { primary: true });
  const no = button(options.no[0], () => {
    close();
    options.no[1]();
  });
  box.replaceChildren(el("p", { id: questionId }, options.text), el("div", { class: "oai-tm-row" }, yes, no));
  box.setAttribute("role", "group");
  box.setAttribute("aria-labelledby", questionId);
  box.hidden = false;
  (options.focus === "yes" ? yes : no).focus();
}

function openConfirm(app, kind) {
  const { t, frame } = app;
  frame.renameForm.hidden = true;
  const opener = kind === "delete" ? frame.deleteButton : frame.clearButton;
  ask(app, frame.confirm, {
    text: kind === "delete" ? t("tm_assessment_delete_confirm", { name: app.name(app.current()) }) : t("tm_clear_all_confirm"),
    yes: [t(kind === "delete" ? "tm_assessment_delete_yes" : "tm_clear_all_yes"), () => (kind === "delete" ? onDelete(app) : onClearAll(app))],
    no: [t("tm_cancel"), () => opener.focus()],
    focus: "no",
  });
}

/** Open the assessment `id` at its first section (after new, delete, clear and load). */
export function openFresh(app, id) {
  app.change((state) => {
    state.current = id;
    state.section = 0;
  });
  refreshAssessments(app);
}

function switchTo(app, id) {
  openFresh(app, id);
  app.renderView();
  app.say(app.frame.assessmentMessage, app.t("tm_switched", { name: app.name(app.current()) }));
}

function onNew(app) {
  const assessment = emptyAssessment(app.makeId);
  app.change((state) => state.assessments.push(assessment));
  openFresh(app, assessment.id);
  app.showView("questions", false);
  app.say(app.frame.assessmentMessage, app.t("tm_created"));
  app.frame.select.focus();
}

function onDelete(app) {
  const { id } = app.current();
  const name = app.name(app.current());
  app.change((state) => {
    state.assessments = state.assessments.filter((a) => a.id !== id);
    if (!state.assessments.length) state.assessments.push(emptyAssessment(app.makeId));
  });
  openFresh(app, app.state.assessments[0].id);
  app.renderView();
  app.say(app.frame.assessmentMessage, app.t("tm_deleted", { name }));
  app.frame.select.focus();
}

function onClearAll(app) {
  app.clearStorage();
  const assessment = emptyAssessment(app.makeId);
  app.change((state) => {
    state.assessments = [assessment];
  });
  openFresh(app, assessment.id);
  app.showView("questions", false);
  app.say(app.frame.assessmentMessage, app.t("tm_cleared"));
  app.frame.select.focus();
}

function onDiscardUnmatched(app) {
  app.change(() => {
    const assessment = app.current();
    assessment.unmatched = [];
    touch(assessment);
  });
  refreshAssessments(app);
  app.say(app.frame.fileMessage, app.t("tm_unmatched_discarded"));
  app.frame.select.focus();
}
