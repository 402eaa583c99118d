/*
 * Förtroendemodellen: the self-assessment tool.
 *
 * Plain JavaScript with no dependencies and no network use: it works offline, from
 * file:// and on an intranet. The page carries everything as JSON data blocks: the
 * question model (#oai-trust-model) and the tool's settings and strings in both
 * languages (#oai-trust-model-ui). Answers live only in this browser (localStorage)
 * and in files the reader saves. Nothing that comes from answers or files is ever
 * parsed as HTML: every text is set with textContent.
 */
(() => {
  "use strict";

  const root = document.querySelector("[data-oai-tm-app]");
  const modelBlock = document.getElementById("oai-trust-model");
  const uiBlock = document.getElementById("oai-trust-model-ui");
  if (!root || !modelBlock || !uiBlock) return;

  let MODEL;
  let UI;
  try {
    MODEL = JSON.parse(modelBlock.textContent);
    UI = JSON.parse(uiBlock.textContent);
  } catch (error) {
    return; // the static message without JavaScript stays in place
  }

  const LANG = UI.lang;
  const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);
  const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
  const MAX_NAME = 200;
  const MAX_UNMATCHED_TEXT = 2000;

  // ---------------------------------------------------------------------------
  // Small helpers
  // ---------------------------------------------------------------------------

  /** A UI string in `lang` with {placeholders} filled in. */
  function t(key, values, lang) {
    const texts = UI.strings[key];
    let text = texts ? texts[lang || LANG] || texts.sv : key;
    if (values) {
      text = text.replace(/\{(\w+)\}/g, (whole, name) =>
        Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole
      );
    }
    return text;
  }

  /** An element with attributes and children (strings become text nodes, never HTML). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === false || value === null || value === undefined) continue;
      if (name === "class") node.className = value;
      else if (name === "text") node.textContent = value;
      else if (name.startsWith("on") && typeof value === "function") node.addEventListener(name.slice(2), value);
      else if (value === true) node.setAttribute(name, "");
      else node.setAttribute(name, String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  /** A button of the tool: Material's look, a smaller size; `primary` for the main action. */
  function button(label, onclick, options) {
    const { primary = false, disabled = false, type = "button" } = options || {};
    const classes = `oai-tm-button md-button${primary ? " md-button--primary" : ""}`;
    return el("button", { type, class: classes, disabled, onclick }, label);
  }

  /** "Read more in the AI guide: <chapter>" for a guide slug, or null. */
  function guideLink(key, slug) {
    const guide = slug && GUIDES.get(slug);
    return guide ? el("p", { class: "oai-tm-guide" }, `${t(key)} `, el("a", { href: guide.href }, guide.title)) : null;
  }

  function own(object, key) {
    return object !== null && typeof object === "object" && Object.prototype.hasOwnProperty.call(object, key)
      ? object[key]
      : undefined;
  }

  function isPlainObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  /** Text without control characters (line breaks and tabs are kept). */
  function cleanText(value) {
    return String(value).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u2028\u2029]/g, "");
  }

  function todayIso() {
    const now = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }

  function longDate(iso, lang) {
    const match = DATE_PATTERN.exec(iso);
    if (!match) return iso;
    const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    try {
      return new Intl.DateTimeFormat(lang === "sv" ? "sv-SE" : "en-GB", { dateStyle: "long" }).format(date);
    } catch (error) {
      return iso;
    }
  }

  function slugify(text, max) {
    const slug = String(text || "")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
    return slug.slice(0, max || 60).replace(/-+$/g, "");
  }

  function newId() {
    return `a${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  }

  let uniqueCounter = 0;
  function uid(prefix) {
    uniqueCounter += 1;
    return `oai-tm-${prefix}-${uniqueCounter}`;
  }

  /** Offer `text` as a file download (Blob + a[download]; works offline and from file://). */
  function download(filename, text, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = el("a", { href: url, download: filename, class: "oai-tm-download-link" });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  // ---------------------------------------------------------------------------
  // The model
  // ---------------------------------------------------------------------------

  const SECTIONS = []; // [{part, section}] in order
  const QUESTIONS = new Map(); // id → {question, section, part}
  for (const part of MODEL.parts) {
    for (const section of part.sections) {
      SECTIONS.push({ part, section });
      for (const question of section.questions) QUESTIONS.set(question.id, { question, section, part });
    }
  }
  const TOTAL = QUESTIONS.size;

  const GUIDES = new Map(); // slug → {href, title}
  for (const link of document.querySelectorAll("[data-oai-tm-guide]")) {
    GUIDES.set(link.getAttribute("data-oai-tm-guide"), { href: link.href, title: link.textContent });
  }

  function optionOf(question, id) {
    return (question.options || []).find((option) => option.id === id);
  }

  function isAnswered(value) {
    if (Array.isArray(value)) return value.length > 0;
    return typeof value === "string" && value.trim() !== "";
  }

  function validDate(text) {
    const match = DATE_PATTERN.exec(text);
    if (!match) return false;
    const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    return date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3]);
  }

  /**
   * Fit one saved value to a question of the current model.
   * Returns {value, rest}: `value` is what can be kept as the answer (undefined if nothing),
   * `rest` ({reason, value}) is what does not fit and goes to `unmatched`.
   */
  function fitAnswer(question, raw) {
    const type = question.type;
    const wrongType = { rest: { reason: "wrong-type", value: raw } };
    if (type === "short-text" || type === "long-text") {
      return typeof raw === "string" ? { value: cleanText(raw) } : wrongType;
    }
    if (type === "date") {
      return typeof raw === "string" && validDate(raw) ? { value: raw } : wrongType;
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
  function keepable(raw) {
    if (typeof raw === "string") return cleanText(raw).slice(0, MAX_UNMATCHED_TEXT * 10);
    if (Array.isArray(raw) && raw.every((item) => typeof item === "string")) return raw.map(cleanText);
    let text;
    try {
      text = JSON.stringify(raw);
    } catch (error) {
      text = String(raw);
    }
    return cleanText(String(text)).slice(0, MAX_UNMATCHED_TEXT);
  }

  /**
   * Sort saved answers into those that fit the model and those that do not.
   * Returns {answers, unmatched, ignored}: `ignored` lists keys that were refused outright.
   */
  function fitAnswers(rawAnswers, rawUnmatched) {
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
        const entry = QUESTIONS.get(key);
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
          reason: ["unknown-question", "unknown-option", "wrong-type"].includes(reason) ? reason : "wrong-type",
        });
      }
    }
    return { answers, unmatched, ignored };
  }

  /** An assessment as stored, checked against the model (storage may be old or edited). */
  function cleanAssessment(raw) {
    const fitted = fitAnswers(own(raw, "answers"), own(raw, "unmatched"));
    const name = own(raw, "name");
    const id = own(raw, "id");
    const draft = own(raw, "draft");
    return {
      id: typeof id === "string" && /^[a-z0-9]{1,40}$/.test(id) ? id : newId(),
      name: typeof name === "string" ? cleanText(name).slice(0, MAX_NAME) : "",
      answers: fitted.answers,
      unmatched: fitted.unmatched,
      draft: isPlainObject(draft) ? cleanDraft(draft) : {},
    };
  }

  function cleanDraft(raw) {
    const draft = Object.create(null);
    for (const key of Object.keys(raw)) {
      if (FORBIDDEN_KEYS.has(key) || !/^[a-z_]{1,40}$/.test(key)) continue;
      const value = raw[key];
      if (typeof value === "string") draft[key] = cleanText(value).slice(0, 5000);
      else if (Array.isArray(value)) draft[key] = value.filter((v) => typeof v === "string").map(cleanText);
    }
    return draft;
  }

  function emptyAssessment() {
    return { id: newId(), name: "", answers: Object.create(null), unmatched: [], draft: {} };
  }

  // ---------------------------------------------------------------------------
  // Storage (localStorage only)
  // ---------------------------------------------------------------------------

  const state = { assessments: [], current: null, view: "questions", section: 0, reportLang: LANG };
  let storageOk = true;

  function readStore() {
    let raw = null;
    try {
      raw = window.localStorage.getItem(UI.storage_key);
    } catch (error) {
      storageOk = false;
    }
    let data = null;
    try {
      data = raw ? JSON.parse(raw) : null;
    } catch (error) {
      data = null;
    }
    const list = own(data, "assessments");
    state.assessments = Array.isArray(list) ? list.filter(isPlainObject).slice(0, 200).map(cleanAssessment) : [];
    if (!state.assessments.length) state.assessments.push(emptyAssessment());
    const current = own(data, "current");
    state.current = state.assessments.some((a) => a.id === current) ? current : state.assessments[0].id;
    const section = own(data, "section");
    state.section = Number.isInteger(section) && section >= 0 && section < SECTIONS.length ? section : 0;
    const reportLang = own(data, "report_lang");
    state.reportLang = UI.languages.includes(reportLang) ? reportLang : LANG;
  }

  function writeStore() {
    if (!storageOk) return;
    const data = {
      format: "offentligai-trust-model-store",
      version: 1,
      current: state.current,
      section: state.section,
      report_lang: state.reportLang,
      assessments: state.assessments,
    };
    try {
      window.localStorage.setItem(UI.storage_key, JSON.stringify(data));
    } catch (error) {
      storageOk = false;
      announce(t("tm_storage_failed"), true);
    }
  }

  function current() {
    return state.assessments.find((a) => a.id === state.current) || state.assessments[0];
  }

  /** The name shown for an assessment: its own name, else the system's name, else a number. */
  function displayName(assessment) {
    if (assessment.name.trim()) return assessment.name.trim();
    const fromAnswer = assessment.answers[UI.name_question];
    if (typeof fromAnswer === "string" && fromAnswer.trim()) return fromAnswer.trim().slice(0, MAX_NAME);
    return t("tm_assessment_unnamed", { n: state.assessments.indexOf(assessment) + 1 });
  }

  // ---------------------------------------------------------------------------
  // Saved-answers files
  // ---------------------------------------------------------------------------

  function fileData(assessment) {
    const data = {
      format: UI.format,
      format_version: UI.format_version,
      model_version: MODEL.version,
      saved: new Date().toISOString(),
      assessment: { name: displayName(assessment), answers: assessment.answers },
    };
    if (assessment.unmatched.length) data.assessment.unmatched = assessment.unmatched;
    return data;
  }

  class FileProblem extends Error {}

  /** Read a saved-answers file; throws FileProblem(stringKey) when it cannot be used. */
  function parseFile(text) {
    let data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new FileProblem("tm_load_error_not_json");
    }
    if (!isPlainObject(data) || own(data, "format") !== UI.format) throw new FileProblem("tm_load_error_format");
    const version = own(data, "format_version");
    if (!Number.isInteger(version) || version < 1) throw new FileProblem("tm_load_error_format");
    if (version > UI.format_version) throw new FileProblem("tm_load_error_newer");
    const assessment = own(data, "assessment");
    if (!isPlainObject(assessment) || !isPlainObject(own(assessment, "answers"))) {
      throw new FileProblem("tm_load_error_format");
    }
    const fitted = fitAnswers(own(assessment, "answers"), own(assessment, "unmatched"));
    const name = own(assessment, "name");
    const modelVersion = own(data, "model_version");
    return {
      assessment: {
        id: newId(),
        name: typeof name === "string" ? cleanText(name).trim().slice(0, MAX_NAME) : "",
        answers: fitted.answers,
        unmatched: fitted.unmatched,
        draft: {},
      },
      ignored: fitted.ignored,
      modelVersion: typeof modelVersion === "string" ? cleanText(modelVersion).slice(0, 40) : "",
    };
  }

  // ---------------------------------------------------------------------------
  // Announcements
  // ---------------------------------------------------------------------------

  const status = el("div", { class: "oai-tm-status", role: "status", "aria-live": "polite" });
  const alertRegion = el("div", { class: "oai-tm-alert", role: "alert" });

  /** Say something through a live region (errors through the assertive one). */
  function announce(message, isError) {
    const region = isError ? alertRegion : status;
    region.textContent = "";
    // A fresh text node after a tick makes screen readers repeat an identical message.
    setTimeout(() => {
      region.textContent = message;
    }, 50);
  }

  // ---------------------------------------------------------------------------
  // Progress
  // ---------------------------------------------------------------------------

  function sectionProgress(assessment, section) {
    const answered = section.questions.filter((q) => isAnswered(assessment.answers[q.id])).length;
    return { answered, total: section.questions.length };
  }

  function overallProgress(assessment) {
    let answered = 0;
    for (const id of QUESTIONS.keys()) if (isAnswered(assessment.answers[id])) answered += 1;
    return { answered, total: TOTAL };
  }

  /** The attention notes that apply to a question's answer: [{option, note}]. */
  function attentionFor(question, value) {
    const ids = Array.isArray(value) ? value : [value];
    return ids
      .map((id) => optionOf(question, id))
      .filter((option) => option && option.attention)
      .map((option) => ({ option, note: option.attention }));
  }

  /** An answer as text in `lang`: option labels for choices, the date or the text itself. */
  function answerText(question, value, lang) {
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

  // ---------------------------------------------------------------------------
  // The frame: storage note, assessments, files, views
  // ---------------------------------------------------------------------------

  const views = {};
  const viewButtons = {};
  const frame = {};

  function buildFrame() {
    root.replaceChildren();
    const privacy = el("p", { class: "oai-tm-privacy" }, t("tm_privacy_note"));
    const storageWarning = storageOk ? null : el("p", { class: "oai-tm-warning" }, t("tm_storage_unavailable"));

    // Assessments
    const selectId = uid("select");
    frame.select = el("select", { id: selectId, onchange: () => switchTo(frame.select.value) });
    const renameInputId = uid("rename");
    frame.renameInput = el("input", { id: renameInputId, type: "text", maxlength: MAX_NAME, autocomplete: "off" });
    frame.renameForm = el(
      "form",
      { class: "oai-tm-inline-form", hidden: true, onsubmit: onRename },
      el("label", { for: renameInputId }, t("tm_assessment_rename_label")),
      frame.renameInput,
      button(t("tm_assessment_rename_save"), null, { primary: true, type: "submit" }),
      button(t("tm_cancel"), () => closeInline(frame.renameForm, frame.renameButton))
    );
    frame.renameButton = button(t("tm_assessment_rename"), openRename);
    frame.deleteButton = button(t("tm_assessment_delete"), () => openConfirm("delete"));
    frame.confirm = el("div", { class: "oai-tm-confirm", hidden: true });

    // Files
    const fileId = uid("file");
    frame.fileInput = el("input", { id: fileId, type: "file", accept: ".json,application/json", onchange: onLoadFile });
    frame.clearButton = button(t("tm_clear_all"), () => openConfirm("clear"));
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
        button(t("tm_assessment_new"), onNew),
        frame.renameButton,
        frame.deleteButton
      ),
      frame.renameForm,
      frame.confirm,
      el("h3", {}, t("tm_files_heading")),
      el(
        "div",
        { class: "oai-tm-row" },
        button(t("tm_save_file"), onSaveFile),
        el("span", { class: "oai-tm-file" }, el("label", { for: fileId }, t("tm_load_file")), frame.fileInput),
        frame.clearButton
      ),
      frame.notes,
      frame.unmatched
    );

    // View switcher
    const nav = el("nav", { class: "oai-tm-views oai-tm-controls", "aria-label": t("tm_views") });
    const list = el("ul", {});
    for (const [name, key] of [
      ["questions", "tm_view_questions"],
      ["summary", "tm_view_summary"],
      ["report", "tm_view_report"],
      ["draft", "tm_view_draft"],
    ]) {
      viewButtons[name] = el("button", { type: "button", class: "oai-tm-views__button", onclick: () => showView(name, true) },
        t(key));
      list.append(el("li", {}, viewButtons[name]));
      views[name] = el("div", { class: `oai-tm-view oai-tm-view--${name}`, hidden: true });
    }
    nav.append(list);

    root.append(...[privacy, storageWarning, status, alertRegion, panel, nav, ...Object.values(views)].filter(Boolean));
  }

  function refreshAssessments() {
    const selected = current();
    frame.select.replaceChildren(
      ...state.assessments.map((a) => el("option", { value: a.id, selected: a.id === selected.id }, displayName(a)))
    );
    frame.select.value = selected.id;
    refreshUnmatched();
  }

  function refreshUnmatched() {
    const assessment = current();
    frame.unmatched.replaceChildren();
    if (!assessment.unmatched.length) return;
    const headingId = uid("unmatched");
    const items = assessment.unmatched.map((item) => el("li", {}, unmatchedText(item)));
    frame.unmatched.append(
      el("h3", { id: headingId }, t("tm_unmatched_heading")),
      el("p", {}, t("tm_unmatched_intro")),
      el("ul", { "aria-labelledby": headingId }, items),
      button(t("tm_unmatched_discard"), onDiscardUnmatched)
    );
  }

  function unmatchedText(item) {
    const value = Array.isArray(item.value) ? item.value.join("; ") : String(item.value);
    const shown = value.length > 300 ? `${value.slice(0, 300)} …` : value;
    const key = {
      "unknown-question": "tm_unmatched_unknown_question",
      "unknown-option": "tm_unmatched_unknown_option",
      "wrong-type": "tm_unmatched_wrong_type",
    }[item.reason];
    return t(key, { id: item.id, value: shown });
  }

  function closeInline(node, focusTarget) {
    node.hidden = true;
    if (node === frame.confirm) node.replaceChildren();
    if (focusTarget) focusTarget.focus();
  }

  function openRename() {
    frame.confirm.hidden = true;
    frame.renameInput.value = displayName(current());
    frame.renameForm.hidden = false;
    frame.renameInput.focus();
    frame.renameInput.select();
  }

  function onRename(event) {
    event.preventDefault();
    const assessment = current();
    assessment.name = cleanText(frame.renameInput.value).trim().slice(0, MAX_NAME);
    writeStore();
    refreshAssessments();
    closeInline(frame.renameForm, frame.renameButton);
    announce(t("tm_renamed", { name: displayName(assessment) }));
  }

  function openConfirm(kind) {
    frame.renameForm.hidden = true;
    const opener = kind === "delete" ? frame.deleteButton : frame.clearButton;
    const questionId = uid("confirm");
    const text =
      kind === "delete"
        ? t("tm_assessment_delete_confirm", { name: displayName(current()) })
        : t("tm_clear_all_confirm");
    const cancel = button(t("tm_cancel"), () => closeInline(frame.confirm, opener));
    const onYes = () => {
      closeInline(frame.confirm, null);
      if (kind === "delete") onDelete();
      else onClearAll();
    };
    const yes = button(t(kind === "delete" ? "tm_assessment_delete_yes" : "tm_clear_all_yes"), onYes, { primary: true });
    frame.confirm.replaceChildren(el("p", { id: questionId }, text), el("div", { class: "oai-tm-row" }, yes, cancel));
    frame.confirm.setAttribute("role", "group");
    frame.confirm.setAttribute("aria-labelledby", questionId);
    frame.confirm.hidden = false;
    cancel.focus();
  }

  function switchTo(id) {
    state.current = id;
    state.section = 0;
    writeStore();
    refreshAssessments();
    frame.notes.replaceChildren();
    renderView();
    announce(t("tm_switched", { name: displayName(current()) }));
  }

  function onNew() {
    const assessment = emptyAssessment();
    state.assessments.push(assessment);
    state.current = assessment.id;
    state.section = 0;
    writeStore();
    refreshAssessments();
    frame.notes.replaceChildren();
    showView("questions", false);
    announce(t("tm_created"));
    frame.select.focus();
  }

  function onDelete() {
    const assessment = current();
    const name = displayName(assessment);
    state.assessments = state.assessments.filter((a) => a !== assessment);
    if (!state.assessments.length) state.assessments.push(emptyAssessment());
    state.current = state.assessments[0].id;
    state.section = 0;
    writeStore();
    refreshAssessments();
    renderView();
    announce(t("tm_deleted", { name }));
    frame.select.focus();
  }

  function onClearAll() {
    try {
      window.localStorage.removeItem(UI.storage_key);
    } catch (error) {
      // nothing stored, nothing to remove
    }
    state.assessments = [emptyAssessment()];
    state.current = state.assessments[0].id;
    state.section = 0;
    writeStore();
    refreshAssessments();
    frame.notes.replaceChildren();
    showView("questions", false);
    announce(t("tm_cleared"));
    frame.select.focus();
  }

  function onDiscardUnmatched() {
    current().unmatched = [];
    writeStore();
    refreshUnmatched();
    announce(t("tm_unmatched_discarded"));
    frame.select.focus();
  }

  function onSaveFile() {
    const assessment = current();
    const name = `fortroendemodellen-${slugify(displayName(assessment)) || "svar"}-${todayIso()}.json`;
    download(name, `${JSON.stringify(fileData(assessment), null, 2)}\n`, "application/json");
    announce(t("tm_saved_file", { file: name }));
  }

  async function onLoadFile() {
    const file = frame.fileInput.files && frame.fileInput.files[0];
    frame.fileInput.value = ""; // the same file can be chosen again
    if (!file) return;
    frame.notes.replaceChildren();
    if (file.size > UI.max_file_bytes) {
      showLoadError("tm_load_error_too_large");
      return;
    }
    let text;
    try {
      text = await file.text();
    } catch (error) {
      showLoadError("tm_load_error_read");
      return;
    }
    let result;
    try {
      result = parseFile(text);
    } catch (error) {
      if (error instanceof FileProblem) {
        showLoadError(error.message);
        return;
      }
      throw error;
    }
    state.assessments.push(result.assessment);
    state.current = result.assessment.id;
    state.section = 0;
    writeStore();
    refreshAssessments();
    const count = Object.keys(result.assessment.answers).length;
    const messages = [t("tm_load_ok", { name: displayName(result.assessment), count })];
    if (result.modelVersion && result.modelVersion !== MODEL.version) {
      messages.push(t("tm_load_older", { file: result.modelVersion, current: MODEL.version }));
    }
    for (const key of result.ignored) messages.push(t("tm_load_ignored_key", { key }));
    frame.notes.replaceChildren(...messages.map((message) => el("p", { class: "oai-tm-note" }, message)));
    showView("questions", false);
    announce(messages.join(" "));
  }

  function showLoadError(key) {
    frame.notes.replaceChildren(el("p", { class: "oai-tm-error" }, t(key)));
    announce(t(key), true);
  }

  function showView(name, focus) {
    state.view = name;
    for (const [view, button] of Object.entries(viewButtons)) {
      if (view === name) button.setAttribute("aria-current", "true");
      else button.removeAttribute("aria-current");
      views[view].hidden = view !== name;
    }
    renderView();
    if (focus) {
      const heading = views[name].querySelector("h2");
      if (heading) heading.focus();
    }
  }

  function renderView() {
    if (state.view === "questions") renderQuestions();
    else if (state.view === "summary") renderSummary();
    else if (state.view === "report") renderReportView();
    else if (state.view === "draft") renderDraft();
  }

  // ---------------------------------------------------------------------------
  // Questions view
  // ---------------------------------------------------------------------------

  const progress = {};

  function renderQuestions() {
    const view = views.questions;
    const assessment = current();
    const { part, section } = SECTIONS[state.section];

    progress.overallText = el("p", { class: "oai-tm-progress__text", id: uid("progress") });
    progress.overallBar = el("progress", { max: TOTAL, value: 0, "aria-labelledby": progress.overallText.id });
    progress.navCounts = [];

    const nav = el("nav", { class: "oai-tm-sectionnav oai-tm-controls", "aria-label": t("tm_sections") });
    let index = 0;
    for (const p of MODEL.parts) {
      const items = [];
      for (const s of p.sections) {
        const position = index;
        const count = el("span", { class: "oai-tm-sectionnav__count" });
        progress.navCounts.push({ node: count, section: s });
        const button = el(
          "button",
          { type: "button", class: "oai-tm-sectionnav__button", "aria-current": position === state.section ? "step" : null,
            onclick: () => goToSection(position) },
          el("span", { class: "oai-tm-sectionnav__title" }, `${s.number}. ${s.title[LANG]}`),
          " ",
          count
        );
        items.push(el("li", {}, button));
        index += 1;
      }
      nav.append(el("p", { class: "oai-tm-sectionnav__part" }, p.title[LANG]), el("ol", {}, items));
    }

    const headingId = uid("section");
    progress.sectionText = el("p", { class: "oai-tm-section__progress" });
    const questionList = el("ol", { class: "oai-tm-form" }, section.questions.map((q) => el("li", {}, questionControl(q, assessment))));
    const isLast = state.section === SECTIONS.length - 1;
    const pager = el(
      "div",
      { class: "oai-tm-pager oai-tm-controls" },
      button(t("tm_previous"), () => goToSection(state.section - 1), { disabled: state.section === 0 }),
      isLast
        ? button(t("tm_to_summary"), () => showView("summary", true), { primary: true })
        : button(t("tm_next"), () => goToSection(state.section + 1), { primary: true })
    );
    const panel = el(
      "section",
      { class: "oai-tm-section", "aria-labelledby": headingId },
      el("p", { class: "oai-tm-section__position" },
        `${t("tm_section_position", { n: state.section + 1, total: SECTIONS.length })} · ${part.title[LANG]}`),
      el("h2", { id: headingId, tabindex: "-1" }, `${section.number}. ${section.title[LANG]}`),
      progress.sectionText,
      section.intro ? el("p", { class: "oai-tm-section__intro" }, section.intro[LANG]) : null,
      guideLink("tm_section_guide_link", section.guide),
      questionList,
      pager
    );
    view.replaceChildren(
      el("div", { class: "oai-tm-progress" }, progress.overallText, progress.overallBar),
      el("div", { class: "oai-tm-layout" }, nav, panel)
    );
    updateProgress();
  }

  function updateProgress() {
    const assessment = current();
    const overall = overallProgress(assessment);
    progress.overallText.textContent = t("tm_progress_overall", overall);
    progress.overallBar.value = overall.answered;
    for (const { node, section } of progress.navCounts) {
      const p = sectionProgress(assessment, section);
      node.textContent = t("tm_progress_section", p);
      node.classList.toggle("oai-tm-sectionnav__count--done", p.answered === p.total);
    }
    progress.sectionText.textContent = t("tm_progress_section", sectionProgress(assessment, SECTIONS[state.section].section));
  }

  function goToSection(index) {
    if (index < 0 || index >= SECTIONS.length) return;
    state.section = index;
    writeStore();
    renderQuestions();
    const heading = views.questions.querySelector(".oai-tm-section h2");
    heading.focus();
    const { section } = SECTIONS[index];
    const p = sectionProgress(current(), section);
    announce(t("tm_section_announce", {
      n: index + 1, total: SECTIONS.length, title: section.title[LANG], answered: p.answered, count: p.total,
    }));
  }

  /** The control(s) for one question, wired to store its answer. */
  function questionControl(question, assessment) {
    const base = `oai-tm-q-${question.id}`;
    const helpId = question.help ? `${base}-help` : null;
    const help = question.help ? el("p", { id: helpId, class: "oai-tm-question__help" }, question.help[LANG]) : null;
    const number = el("span", { class: "oai-tm-question__number" }, question.number);
    const attentionBox = el("div", { class: "oai-tm-question__attention", "aria-live": "polite" });
    const readMore = guideLink("tm_guide_link", question.guide);
    const value = assessment.answers[question.id];

    const setAnswer = (newValue, announceIt) => {
      const target = current();
      if (isAnswered(newValue)) target.answers[question.id] = newValue;
      else delete target.answers[question.id];
      writeStore();
      showAttention(attentionBox, question, newValue);
      updateProgress();
      if (question.id === UI.name_question) refreshAssessments();
      if (announceIt) announce(t("tm_answer_saved", overallProgress(target)));
    };

    let control;
    if (question.type === "short-text" || question.type === "long-text" || question.type === "date") {
      const attrs = { id: base, "aria-describedby": helpId, class: "oai-tm-input" };
      if (question.type === "long-text") {
        control = el("textarea", { ...attrs, rows: 4 });
      } else {
        control = el("input", { ...attrs, type: question.type === "date" ? "date" : "text" });
      }
      control.value = typeof value === "string" ? value : "";
      control.addEventListener("input", () => setAnswer(cleanText(control.value), false));
      control.addEventListener("change", () => setAnswer(cleanText(control.value), true));
      return el(
        "div",
        { class: `oai-tm-question oai-tm-question--${question.type}`, id: `${base}-block` },
        el("label", { for: base, class: "oai-tm-question__text" }, number, " ", question.text[LANG]),
        help,
        control,
        readMore
      );
    }

    const multiple = question.type === "multiple-choice";
    const inputs = question.options.map((option) => {
      const inputId = `${base}-${option.id}`;
      const checked = multiple ? Array.isArray(value) && value.includes(option.id) : value === option.id;
      const input = el("input", { type: multiple ? "checkbox" : "radio", name: base, id: inputId, value: option.id, checked });
      return { input, row: el("div", { class: "oai-tm-option" }, input, el("label", { for: inputId }, option.label[LANG])) };
    });
    const read = () =>
      multiple
        ? inputs.filter(({ input }) => input.checked).map(({ input }) => input.value)
        : (inputs.find(({ input }) => input.checked) || { input: { value: "" } }).input.value;
    for (const { input } of inputs) input.addEventListener("change", () => setAnswer(read(), true));
    const clear = el("button", {
      type: "button",
      class: "oai-tm-clear",
      onclick: () => {
        for (const { input } of inputs) input.checked = false;
        setAnswer(multiple ? [] : "", false);
        announce(t("tm_answer_cleared"));
        (inputs[0] && inputs[0].input).focus();
      },
    }, t("tm_clear_answer"));
    const legendId = `${base}-legend`;
    clear.setAttribute("aria-describedby", legendId);
    control = el(
      "fieldset",
      { class: `oai-tm-question oai-tm-question--${question.type}`, id: `${base}-block`, "aria-describedby": helpId },
      el("legend", { id: legendId, class: "oai-tm-question__text" }, number, " ", question.text[LANG]),
      help,
      el("div", { class: "oai-tm-options" }, inputs.map(({ row }) => row)),
      attentionBox,
      el("div", { class: "oai-tm-question__actions" }, clear),
      readMore
    );
    showAttention(attentionBox, question, value);
    return control;
  }

  function showAttention(box, question, value) {
    const notes = isAnswered(value) ? attentionFor(question, value) : [];
    box.replaceChildren(
      ...notes.map(({ note }) =>
        el("p", { class: "oai-tm-attention" }, el("strong", {}, `${t("tm_attention")}: `), note[LANG])
      )
    );
  }

  // ---------------------------------------------------------------------------
  // Summary view
  // ---------------------------------------------------------------------------

  function renderSummary() {
    const assessment = current();
    const overall = overallProgress(assessment);
    const children = [
      el("h2", { tabindex: "-1" }, t("tm_view_summary")),
      el("p", {}, t("tm_summary_intro")),
      el("p", { class: "oai-tm-progress__text" }, t("tm_progress_overall", overall)),
    ];
    let index = 0;
    for (const part of MODEL.parts) {
      children.push(el("h3", {}, part.title[LANG]));
      for (const section of part.sections) {
        const position = index;
        const p = sectionProgress(assessment, section);
        const items = [];
        for (const question of section.questions) {
          const value = assessment.answers[question.id];
          if (!isAnswered(value)) continue;
          for (const { note } of attentionFor(question, value)) {
            items.push(
              el(
                "li",
                { class: "oai-tm-summary__item" },
                el("p", { class: "oai-tm-summary__question" }, el("strong", {}, `${question.number} ${question.text[LANG]}`)),
                el("p", {}, t("tm_summary_answer", { answer: answerText(question, value, LANG) })),
                el("p", { class: "oai-tm-attention" }, el("strong", {}, `${t("tm_attention")}: `), note[LANG]),
                guideLink("tm_guide_link", question.guide)
              )
            );
          }
        }
        const sectionGuide = section.guide && GUIDES.get(section.guide);
        children.push(
          el(
            "section",
            { class: "oai-tm-summary__section" },
            el("h4", {}, `${section.number}. ${section.title[LANG]}`),
            el("p", { class: "oai-tm-section__progress" }, t("tm_progress_section", p)),
            items.length
              ? [el("p", { class: "oai-tm-summary__label" }, t("tm_summary_attention")), el("ul", { class: "oai-tm-summary__list" }, items)]
              : el("p", {}, t("tm_summary_no_attention")),
            el(
              "p",
              { class: "oai-tm-summary__links oai-tm-controls" },
              button(t("tm_summary_go", { title: section.title[LANG] }), () => {
                showView("questions", false);
                goToSection(position);
              }),
              sectionGuide ? [" ", el("a", { href: sectionGuide.href }, `${t("tm_section_guide_link")} ${sectionGuide.title}`)] : null
            )
          )
        );
        index += 1;
      }
    }
    views.summary.replaceChildren(...children);
  }

  // ---------------------------------------------------------------------------
  // Report: on screen, in print and as Markdown
  // ---------------------------------------------------------------------------

  /** Everything a report shows, in `lang`: one structure for the page and the Markdown file. */
  function reportData(assessment, lang) {
    const name = displayName(assessment);
    const organisation = assessment.answers[UI.organisation_question];
    const overall = overallProgress(assessment);
    return {
      lang,
      title: t("tm_report_title", { name }, lang),
      facts: [
        typeof organisation === "string" && organisation.trim()
          ? [t("tm_report_organisation", null, lang), organisation.trim()]
          : null,
        [t("tm_report_date", null, lang), longDate(todayIso(), lang)],
        [t("tm_report_model_version", null, lang), MODEL.version],
        [t("tm_report_progress", null, lang), t("tm_progress_overall", overall, lang)],
      ].filter(Boolean),
      parts: MODEL.parts.map((part) => ({
        title: part.title[lang],
        sections: part.sections.map((section) => ({
          title: `${section.number}. ${section.title[lang]}`,
          questions: section.questions.map((question) => {
            const value = assessment.answers[question.id];
            return {
              number: question.number,
              text: question.text[lang],
              answer: isAnswered(value) ? answerText(question, value, lang) : null,
              attention: isAnswered(value) ? attentionFor(question, value).map(({ note }) => note[lang]) : [],
            };
          }),
        })),
      })),
      source: t("tm_report_source", null, lang),
    };
  }

  function reportElement(data) {
    const lang = data.lang;
    const article = el("article", { class: "oai-tm-report", lang });
    article.append(
      el("h2", { class: "oai-tm-report__title" }, data.title),
      el("dl", { class: "oai-tm-report__facts" }, data.facts.map(([term, value]) => [el("dt", {}, term), el("dd", {}, value)]))
    );
    for (const part of data.parts) {
      article.append(el("h3", { class: "oai-tm-report__part" }, part.title));
      for (const section of part.sections) {
        article.append(el("h4", {}, section.title));
        const list = el("ol", { class: "oai-tm-report__questions" });
        for (const q of section.questions) {
          list.append(
            el(
              "li",
              { class: "oai-tm-report__question" },
              el("p", { class: "oai-tm-report__text" }, el("span", { class: "oai-tm-question__number" }, q.number), " ", q.text),
              q.answer === null
                ? el("p", { class: "oai-tm-report__answer oai-tm-report__answer--none" }, t("tm_no_answer", null, lang))
                : el(
                  "p",
                  { class: "oai-tm-report__answer" },
                  el("span", { class: "oai-visually-hidden" }, `${t("tm_report_answer", null, lang)}: `),
                  q.answer
                ),
              q.attention.map((note) =>
                el("p", { class: "oai-tm-attention" }, el("strong", {}, `${t("tm_attention", null, lang)}: `), note)
              )
            )
          );
        }
        article.append(list);
      }
    }
    article.append(el("p", { class: "oai-tm-report__source" }, data.source));
    return article;
  }

  /** Text made safe for Markdown: no HTML, no formatting characters, no accidental structure. */
  function markdownEscape(text) {
    return String(text)
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/([\\`*_[\]{}#|!~])/g, "\\$1")
      .replace(/^(\s*)([-+])(\s)/gm, "$1\\$2$3")
      .replace(/^(\s*)(\d+)([.)])(\s)/gm, "$1$2\\$3$4");
  }

  function markdownQuote(text) {
    return text.split(/\r?\n/).map((line) => (line.trim() ? `> ${markdownEscape(line)}` : ">")).join("\n");
  }

  function reportMarkdown(data) {
    const lines = [`# ${markdownEscape(data.title)}`, ""];
    for (const [term, value] of data.facts) lines.push(`- **${markdownEscape(term)}:** ${markdownEscape(value)}`);
    lines.push("");
    for (const part of data.parts) {
      lines.push(`## ${markdownEscape(part.title)}`, "");
      for (const section of part.sections) {
        lines.push(`### ${markdownEscape(section.title)}`, "");
        for (const q of section.questions) {
          lines.push(`**${markdownEscape(q.number)} ${markdownEscape(q.text)}**`, "");
          lines.push(q.answer === null ? `*${markdownEscape(t("tm_no_answer", null, data.lang))}*` : markdownQuote(q.answer), "");
          for (const note of q.attention) {
            lines.push(`*${markdownEscape(t("tm_attention", null, data.lang))}:* ${markdownEscape(note)}`, "");
          }
        }
      }
    }
    lines.push("---", "", markdownEscape(data.source), "");
    return lines.join("\n");
  }

  function renderReportView() {
    const selectId = uid("report-lang");
    const select = el(
      "select",
      { id: selectId, onchange: () => { state.reportLang = select.value; writeStore(); renderReport(); } },
      UI.languages.map((lang) => el("option", { value: lang, selected: lang === state.reportLang }, t(`tm_language_${lang}`)))
    );
    frame.report = el("div", { class: "oai-tm-report-holder" });
    views.report.replaceChildren(
      el("h2", { tabindex: "-1", class: "oai-tm-controls" }, t("tm_view_report")),
      el("p", { class: "oai-tm-controls" }, t("tm_report_intro")),
      el(
        "div",
        { class: "oai-tm-row oai-tm-controls" },
        el("label", { for: selectId }, t("tm_report_language")),
        select,
        button(t("tm_report_print"), () => window.print(), { primary: true }),
        button(t("tm_report_markdown"), onDownloadMarkdown)
      ),
      frame.report
    );
    renderReport();
  }

  function renderReport() {
    if (frame.report) frame.report.replaceChildren(reportElement(reportData(current(), state.reportLang)));
  }

  function onDownloadMarkdown() {
    const assessment = current();
    const name = `fortroendemodellen-${slugify(displayName(assessment)) || "rapport"}-${todayIso()}.md`;
    download(name, reportMarkdown(reportData(assessment, state.reportLang)), "text/markdown");
    announce(t("tm_report_downloaded", { file: name }));
  }

  // Printing always prints the report (the print stylesheet shows nothing else).
  window.addEventListener("beforeprint", () => {
    if (state.view !== "report") showView("report", false);
    renderReport();
  });

  // ---------------------------------------------------------------------------
  // Example draft (Exempelsamlingen)
  // ---------------------------------------------------------------------------

  const DRAFT_FIELDS = [
    { key: "id", kind: "text", label: "tm_draft_id", help: "tm_draft_id_help", required: true },
    { key: "title_sv", kind: "text", label: "tm_draft_title_sv", required: true },
    { key: "title_en", kind: "text", label: "tm_draft_title_en", required: true },
    { key: "summary_sv", kind: "textarea", label: "tm_draft_summary_sv", required: true, max: 300 },
    { key: "summary_en", kind: "textarea", label: "tm_draft_summary_en", required: true, max: 300 },
    { key: "organisation", kind: "text", label: "tm_draft_organisation", required: true },
    { key: "organisation_number", kind: "text", label: "tm_draft_organisation_number" },
    { key: "organisation_type", kind: "select", label: "tm_draft_organisation_type", vocabulary: "organisation_types", required: true },
    { key: "functions", kind: "checkboxes", label: "tm_draft_functions", vocabulary: "functions", required: true },
    { key: "techniques", kind: "checkboxes", label: "tm_draft_techniques", vocabulary: "techniques", required: true },
    { key: "status", kind: "select", label: "tm_draft_status", vocabulary: "statuses", required: true },
    { key: "year_started", kind: "year", label: "tm_draft_year_started", required: true },
    { key: "year_ended", kind: "year", label: "tm_draft_year_ended" },
    { key: "decision_role", kind: "select", label: "tm_draft_decision_role", vocabulary: "decision_roles", required: true },
    { key: "personal_data", kind: "yesno", label: "tm_draft_personal_data", required: true },
    { key: "source_title", kind: "text", label: "tm_draft_source_title", required: true },
    { key: "source_url", kind: "url", label: "tm_draft_source_url", required: true },
  ];

  /** Draft values suggested by the answers, for fields the reader has not filled in yet. */
  function draftDefaults(assessment) {
    const defaults = Object.create(null);
    const answer = (field) => {
      const rule = UI.draft_prefill[field];
      return rule ? assessment.answers[rule.question] : undefined;
    };
    const vocabularyCodes = (name) => new Set(((UI.vocabularies || {})[name] || []).map((term) => term.code));
    const text = (value) => (typeof value === "string" ? value.trim() : "");
    defaults.title_sv = text(answer("title")) || displayName(assessment);
    defaults.title_en = defaults.title_sv;
    defaults.organisation = text(answer("organisation"));
    const summary = text(answer("summary")).replace(/\s+/g, " ");
    defaults.summary_sv = summary.length > 300 ? `${summary.slice(0, 298).replace(/\s+\S*$/, "")} …` : summary;
    defaults.summary_en = "";
    defaults.id = slugify([defaults.organisation, defaults.title_sv].filter(Boolean).join(" "), 60);
    for (const field of ["techniques"]) {
      const value = answer(field);
      const rule = UI.draft_prefill[field];
      if (Array.isArray(value) && rule) defaults[field] = value.filter((code) => vocabularyCodes(rule.vocabulary).has(code));
    }
    for (const field of ["decision_role", "status"]) {
      const value = answer(field);
      const rule = UI.draft_prefill[field];
      if (typeof value === "string" && rule && vocabularyCodes(rule.vocabulary).has(value)) defaults[field] = value;
    }
    const personal = answer("personal_data");
    const rule = UI.draft_prefill.personal_data;
    if (rule && typeof personal === "string" && rule.values && typeof rule.values[personal] === "boolean") {
      defaults.personal_data = rule.values[personal] ? "true" : "false";
    }
    return defaults;
  }

  function renderDraft() {
    const view = views.draft;
    const heading = el("h2", { tabindex: "-1" }, t("tm_view_draft"));
    if (!UI.vocabularies) {
      view.replaceChildren(heading, el("p", {}, t("tm_draft_unavailable")));
      return;
    }
    const assessment = current();
    const values = Object.assign(draftDefaults(assessment), assessment.draft);
    const controls = {};
    const errorBox = el("div", { class: "oai-tm-errors", tabindex: "-1", hidden: true });
    const output = el("div", { class: "oai-tm-draft-output" });
    const fields = DRAFT_FIELDS.map((field) => {
      const id = `oai-tm-draft-${field.key}`;
      const errorId = `${id}-error`;
      const helpId = field.help ? `${id}-help` : null;
      const labelText = field.required ? `${t(field.label)} (${t("tm_draft_required")})` : t(field.label);
      const error = el("p", { id: errorId, class: "oai-tm-field__error", hidden: true });
      const describedBy = [helpId, errorId].filter(Boolean).join(" ");
      const help = helpId ? el("p", { id: helpId, class: "oai-tm-field__help" }, t(field.help)) : null;
      let control;
      if (field.kind === "checkboxes" || field.kind === "yesno") {
        const options =
          field.kind === "yesno"
            ? [{ code: "true", label: t("tm_answer_yes") }, { code: "false", label: t("tm_answer_no") }]
            : UI.vocabularies[field.vocabulary].map((term) => ({ code: term.code, label: term[LANG] }));
        const inputs = options.map((option) => {
          const inputId = `${id}-${option.code}`;
          const selected = field.kind === "yesno" ? values[field.key] === option.code
            : Array.isArray(values[field.key]) && values[field.key].includes(option.code);
          const input = el("input", { type: field.kind === "yesno" ? "radio" : "checkbox", id: inputId, name: id,
            value: option.code, checked: selected });
          return { input, row: el("div", { class: "oai-tm-option" }, input, el("label", { for: inputId }, option.label)) };
        });
        controls[field.key] = {
          focusTarget: inputs[0].input,
          read: () => field.kind === "yesno"
            ? (inputs.find(({ input }) => input.checked) || { input: { value: "" } }).input.value
            : inputs.filter(({ input }) => input.checked).map(({ input }) => input.value),
          group: null,
        };
        const fieldset = el("fieldset", { class: "oai-tm-field", "aria-describedby": describedBy },
          el("legend", {}, labelText), help, el("div", { class: "oai-tm-options" }, inputs.map(({ row }) => row)), error);
        controls[field.key].group = fieldset;
        controls[field.key].error = error;
        return fieldset;
      }
      if (field.kind === "select") {
        control = el("select", { id }, el("option", { value: "" }, t("tm_draft_choose")),
          UI.vocabularies[field.vocabulary].map((term) =>
            el("option", { value: term.code, selected: values[field.key] === term.code }, term[LANG])
          ));
      } else if (field.kind === "textarea") {
        control = el("textarea", { id, rows: 3 });
        control.value = values[field.key] || "";
      } else {
        control = el("input", {
          id,
          type: field.kind === "url" ? "url" : "text",
          inputmode: field.kind === "year" ? "numeric" : null,
          autocomplete: "off",
          spellcheck: field.key === "id" ? "false" : null,
        });
        control.value = values[field.key] || "";
      }
      control.setAttribute("aria-describedby", describedBy);
      controls[field.key] = { focusTarget: control, read: () => control.value, control, error };
      return el("div", { class: "oai-tm-field" }, el("label", { for: id }, labelText), help, control, error);
    });

    const form = el("form", { class: "oai-tm-draft", novalidate: true }, fields,
      el("div", { class: "oai-tm-row" }, button(t("tm_draft_create"), null, { primary: true, type: "submit" })));
    const readAll = () => {
      const result = Object.create(null);
      for (const field of DRAFT_FIELDS) {
        const value = controls[field.key].read();
        result[field.key] = Array.isArray(value) ? value : cleanText(value).trim();
      }
      return result;
    };
    form.addEventListener("input", () => {
      current().draft = cleanDraft(readAll());
      writeStore();
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const data = readAll();
      current().draft = cleanDraft(data);
      writeStore();
      const problems = validateDraft(data);
      for (const field of DRAFT_FIELDS) {
        const entry = controls[field.key];
        const problem = problems.find((p) => p.key === field.key);
        entry.error.hidden = !problem;
        entry.error.textContent = problem ? problem.message : "";
        const target = entry.group || entry.control;
        if (problem) target.setAttribute("aria-invalid", "true");
        else target.removeAttribute("aria-invalid");
      }
      if (problems.length) {
        output.replaceChildren();
        errorBox.replaceChildren(
          el("p", {}, t("tm_draft_errors")),
          el("ul", {}, problems.map((p) => el("li", {}, el("a", { href: `#${controls[p.key].focusTarget.id}`,
            onclick: (e) => { e.preventDefault(); controls[p.key].focusTarget.focus(); } }, p.message))))
        );
        errorBox.hidden = false;
        errorBox.focus();
        announce(`${t("tm_draft_errors")} ${problems.map((p) => p.message).join(" ")}`, true);
        return;
      }
      errorBox.hidden = true;
      errorBox.replaceChildren();
      showDraftOutput(output, draftFiles(assessment, data));
    });
    const intro = el("p", {}, t("tm_draft_intro"));
    view.replaceChildren(...[heading, intro, draftSubmission(), errorBox, form, output].filter(Boolean));
  }

  /**
   * Where to send a draft: the repository (REPO_URL) and the editorial contact
   * (EDITORIAL_CONTACT), each when the site has one (UI.contact, from mkdocs.yml).
   */
  function draftSubmission() {
    const { repository, editorial } = UI.contact || {};
    const sentences = [];
    if (repository) sentences.push(withLink("tm_draft_submit_repository", repository, "tm_draft_repository"));
    if (editorial) {
      const key = repository ? "tm_draft_submit_editors_also" : "tm_draft_submit_editors";
      sentences.push(withLink(key, editorial, "tm_draft_editors"));
    }
    if (!sentences.length) return null;
    return el("p", { class: "oai-tm-draft-submit" }, sentences.flatMap((s, i) => (i ? [" ", s] : [s])));
  }

  /** The string `key` with its {link} made a link to `href`, labelled with the string `label`. */
  function withLink(key, href, label) {
    const [before, after = ""] = t(key).split("{link}");
    return el("span", {}, before, el("a", { href }, t(label)), after);
  }

  /** Problems with the draft form, in field order: [{key, message}]. */
  function validateDraft(data) {
    const problems = [];
    const year = new Date().getFullYear();
    const label = (key) => t(DRAFT_FIELDS.find((f) => f.key === key).label);
    for (const field of DRAFT_FIELDS) {
      const value = data[field.key];
      const name = label(field.key);
      const empty = Array.isArray(value) ? value.length === 0 : value === "";
      if (empty) {
        if (field.required) {
          const key = field.kind === "checkboxes" ? "tm_error_choose" : "tm_error_required";
          problems.push({ key: field.key, message: t(key, { field: name }) });
        }
        continue;
      }
      if (field.key === "id" && !ID_PATTERN.test(value)) {
        problems.push({ key: field.key, message: t("tm_error_id", { field: name }) });
      }
      if (field.max && value.length > field.max) {
        problems.push({ key: field.key, message: t("tm_error_too_long", { field: name, max: field.max, count: value.length }) });
      }
      if (field.kind === "year" && (!/^\d{4}$/.test(value) || Number(value) > year)) {
        problems.push({ key: field.key, message: t("tm_error_year", { field: name }) });
      } else if (field.key === "year_ended" && /^\d{4}$/.test(data.year_started) && Number(value) < Number(data.year_started)) {
        problems.push({ key: field.key, message: t("tm_error_year_order", { field: name }) });
      }
      if (field.kind === "url" && !/^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value)) {
        problems.push({ key: field.key, message: t("tm_error_url", { field: name }) });
      }
      if (field.key === "organisation_number" && !validOrganisationNumber(value)) {
        problems.push({ key: field.key, message: t("tm_error_organisation_number", { field: name }) });
      }
    }
    return problems;
  }

  /** A Swedish organisationsnummer NNNNNN-NNNN whose last digit is its Luhn check digit. */
  function validOrganisationNumber(value) {
    if (!/^\d{6}-\d{4}$/.test(value)) return false;
    const digits = value.replace("-", "").split("").map(Number);
    let sum = 0;
    for (let i = 0; i < 10; i += 1) {
      let d = digits[i] * (i % 2 === 0 ? 2 : 1);
      if (d > 9) d -= 9;
      sum += d;
    }
    return sum % 10 === 0;
  }

  /** A YAML scalar: JSON's double-quoted strings are valid YAML and escape everything needed. */
  function yamlString(text) {
    return JSON.stringify(cleanText(text).replace(/\s*\n\s*/g, " "));
  }

  /** The two files of an example: docs/exempel/<id>.md (Swedish) and <id>.en.md (English). */
  function draftFiles(assessment, data) {
    const front = [
      "---",
      `id: ${data.id}`,
      `title: ${yamlString(data.title_sv)}`,
      `summary: ${yamlString(data.summary_sv)}`,
      `organisation: ${yamlString(data.organisation)}`,
    ];
    if (data.organisation_number) front.push(`organisation_number: ${yamlString(data.organisation_number)}`);
    front.push(
      `organisation_type: ${data.organisation_type}`,
      `functions: [${data.functions.join(", ")}]`,
      `techniques: [${data.techniques.join(", ")}]`,
      `status: ${data.status}`,
      `year_started: ${Number(data.year_started)}`
    );
    if (data.year_ended) front.push(`year_ended: ${Number(data.year_ended)}`);
    front.push(
      `decision_role: ${data.decision_role}`,
      `personal_data: ${data.personal_data === "true" ? "true" : "false"}`,
      "sources:",
      `  - title: ${yamlString(data.source_title)}`,
      `    url: ${yamlString(data.source_url)}`,
      `last_reviewed: ${todayIso()}`,
      "---",
      ""
    );
    const frontEn = ["---", `title: ${yamlString(data.title_en)}`, `summary: ${yamlString(data.summary_en)}`, "---", ""];
    return [
      { name: `${data.id}.md`, text: front.join("\n") + draftBody(assessment, "sv", false) },
      { name: `${data.id}.en.md`, text: frontEn.join("\n") + draftBody(assessment, "en", true) },
    ];
  }

  /** The body of a draft: the free-text answers, section by section, as editable Markdown. */
  function draftBody(assessment, lang, translate) {
    const lines = [`<!-- ${t("tm_draft_body_todo", null, lang)} -->`, ""];
    if (translate) lines.push(`<!-- ${t("tm_draft_translate_todo", null, lang)} -->`, "");
    lines.push(`## ${markdownEscape(t("tm_draft_body_heading", null, lang))} { #self-assessment }`, "");
    for (const { section } of SECTIONS) {
      const answered = section.questions.filter(
        (q) => q.type === "long-text" && isAnswered(assessment.answers[q.id])
      );
      if (!answered.length) continue;
      lines.push(`### ${markdownEscape(section.title[lang])} { #${section.id} }`, "");
      for (const question of answered) {
        lines.push(`**${markdownEscape(question.text[lang])}**`, "");
        const paragraphs = assessment.answers[question.id].split(/\n\s*\n/);
        for (const paragraph of paragraphs) lines.push(markdownEscape(paragraph.trim()), "");
      }
    }
    return lines.join("\n");
  }

  function showDraftOutput(output, files) {
    const blocks = files.map((file) => {
      const id = uid("draft-file");
      const area = el("textarea", { id, readonly: true, rows: 14, class: "oai-tm-draft-file", spellcheck: "false" });
      area.value = file.text;
      return el(
        "div",
        { class: "oai-tm-field" },
        el("label", { for: id }, t("tm_draft_file", { file: file.name })),
        area,
        button(t("tm_draft_download", { file: file.name }), () => download(file.name, file.text, "text/markdown"))
      );
    });
    const heading = el("h3", { tabindex: "-1" }, t("tm_draft_created"));
    output.replaceChildren(heading, ...blocks);
    heading.focus();
    announce(t("tm_draft_created"));
  }

  // ---------------------------------------------------------------------------
  // Start
  // ---------------------------------------------------------------------------

  readStore();
  buildFrame();
  refreshAssessments();
  for (const node of document.querySelectorAll("[data-oai-tm-nojs]")) node.hidden = true;
  document.documentElement.classList.add("oai-tm-active");
  root.hidden = false;
  showView("questions", false);
})();
