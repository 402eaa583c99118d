/*
 * The example-draft view: a form for what an example needs beyond the answers, and the two
 * files it makes. Labels, required fields, limits and codes come from the example
 * collection's rules (core/trust-model/draft.js); the form is stored with the assessment.
 */

import { cleanDraft } from "../../core/trust-model/assessments.js";
import {
  DRAFT_FIELDS,
  SOURCE_FIELDS,
  choices,
  draftDefaults,
  draftFiles,
  issueUrl,
  draftProblems,
  isRequired,
  labelOf,
} from "../../core/trust-model/draft.js";
import { button as baseButton, download, el } from "../dom.js";
import { optionRow } from "./questions.js";

const button = (...args) => baseButton("oai-tm", ...args);
const MAX_SOURCES = 10;

/** One field: {node, entry}; `entry` reads the value and shows the field's error. */
function fieldControl(app, field, path, id, value) {
  const { t, lang, rules } = app;
  const errorId = `${id}-error`;
  const helpId = field.help ? `${id}-help` : null;
  const label = labelOf(field, path, rules, t);
  const labelText = isRequired(rules, path) ? `${label} (${t("tm_draft_required")})` : label;
  const error = el("p", { id: errorId, class: "oai-tm-field__error", hidden: true });
  const describedBy = [helpId, errorId].filter(Boolean).join(" ");
  const help = helpId ? el("p", { id: helpId, class: "oai-tm-field__help" }, t(field.help)) : null;

  if (field.kind === "checkboxes" || field.kind === "yesno") {
    const options =
      field.kind === "yesno"
        ? [{ code: "true", label: t("tm_answer_yes") }, { code: "false", label: t("tm_answer_no") }]
        : choices(rules, path).map((term) => ({ code: term.code, label: term[lang] }));
    const inputs = options.map((option) => {
      const inputId = `${id}-${option.code}`;
      const selected = field.kind === "yesno" ? value === option.code : Array.isArray(value) && value.includes(option.code);
      const input = el("input", {
        type: field.kind === "yesno" ? "radio" : "checkbox",
        id: inputId,
        name: id,
        value: option.code,
        checked: selected,
      });
      return { input, row: optionRow(input, option.label) };
    });
    const group = el(
      "fieldset",
      { class: "oai-tm-field", "aria-describedby": describedBy },
      el("legend", {}, labelText),
      help,
      el("div", { class: "oai-tm-options" }, inputs.map(({ row }) => row)),
      error
    );
    const read = () =>
      field.kind === "yesno"
        ? (inputs.find(({ input }) => input.checked) || { input: { value: "" } }).input.value
        : inputs.filter(({ input }) => input.checked).map(({ input }) => input.value);
    return { node: group, entry: { focusTarget: inputs[0].input, read, target: group, error } };
  }

  let control;
  if (field.kind === "select") {
    control = el(
      "select",
      { id },
      el("option", { value: "" }, t("tm_draft_choose")),
      choices(rules, path).map((term) => el("option", { value: term.code, selected: value === term.code }, term[lang]))
    );
  } else if (field.kind === "textarea") {
    control = el("textarea", { id, rows: 3 });
  } else {
    const types = { url: "url", date: "date" };
    control = el("input", {
      id,
      type: types[field.kind] || "text",
      inputmode: field.kind === "year" ? "numeric" : null,
      autocomplete: "off",
      spellcheck: field.key === "id" ? "false" : null,
    });
  }
  if (field.kind !== "select") control.value = typeof value === "string" ? value : "";
  control.setAttribute("aria-describedby", describedBy);
  const node = el("div", { class: "oai-tm-field" }, el("label", { for: id }, labelText), help, control, error);
  return { node, entry: { focusTarget: control, read: () => control.value, target: control, error } };
}

/** The sources: one group per source, with buttons to add and remove sources. */
function sourcesControl(app, sources, controls, rerender) {
  const { t } = app;
  const groups = sources.map((source, position) => {
    const n = position + 1;
    const legendId = `oai-tm-draft-sources-${n}-legend`;
    const fields = SOURCE_FIELDS.map((field) => {
      const { node, entry } = fieldControl(app, field, `sources.${field.key}`, `oai-tm-draft-sources-${n}-${field.key}`, source[field.key]);
      controls[`sources.${n}.${field.key}`] = entry;
      return node;
    });
    const remove =
      sources.length > 1
        ? button(t("tm_draft_source_remove", { n }), () => rerender((data) => data.sources.splice(position, 1), position || 1))
        : null;
    if (remove) remove.setAttribute("aria-describedby", legendId);
    return el("fieldset", { class: "oai-tm-source" }, el("legend", { id: legendId }, t("tm_draft_source_legend", { n })), fields, remove);
  });
  const add =
    sources.length < MAX_SOURCES
      ? button(t("tm_draft_source_add"), () => rerender((data) => data.sources.push({}), sources.length + 1))
      : null;
  return el("div", { class: "oai-tm-sources" }, el("h3", {}, t("tm_draft_sources")), el("p", {}, t("tm_draft_sources_intro")), groups, add);
}

export function renderDraft(app, focusSource = 0) {
  const { t, rules } = app;
  const view = app.views.draft;
  const heading = el("h2", { tabindex: "-1" }, t("tm_view_draft"));
  if (!rules) {
    view.replaceChildren(heading, el("p", {}, t("tm_draft_unavailable")));
    return;
  }
  const assessment = app.current();
  const values = Object.assign(draftDefaults(assessment, app.settings.draft_prefill, rules, app.name(assessment)), assessment.draft);
  const sources = Array.isArray(values.sources) && values.sources.length ? values.sources : [{}];
  const controls = {};
  const errorBox = el("div", { class: "oai-tm-errors", tabindex: "-1", hidden: true });
  const output = el("div", { class: "oai-tm-draft-output" });

  const readAll = () => {
    const result = Object.create(null);
    for (const field of DRAFT_FIELDS) {
      if (field.kind !== "sources") result[field.key] = controls[field.key].read();
    }
    result.sources = sources.map((_, position) => {
      const source = {};
      for (const field of SOURCE_FIELDS) source[field.key] = controls[`sources.${position + 1}.${field.key}`].read();
      return source;
    });
    return result;
  };
  // Not a change of the answers: the assessment's `changed` (the report's date) stays.
  const store = (data) => app.change(() => {
    app.current().draft = cleanDraft(data);
  });
  const rerender = (change, focus) => {
    const data = readAll();
    change(data);
    store(data);
    renderDraft(app, focus);
  };

  const fields = DRAFT_FIELDS.map((field) => {
    if (field.kind === "sources") return sourcesControl(app, sources, controls, rerender);
    const { node, entry } = fieldControl(app, field, field.path, `oai-tm-draft-${field.key}`, values[field.key]);
    controls[field.key] = entry;
    return node;
  });

  const form = el(
    "form",
    { class: "oai-tm-draft", novalidate: true },
    fields,
    el("div", { class: "oai-tm-row" }, button(t("tm_draft_create"), null, { primary: true, type: "submit" }))
  );
  form.addEventListener("input", () => store(readAll()));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = readAll();
    store(data);
    const problems = draftProblems(data, rules, app.today(), t, app.index, app.current().answers);
    for (const [key, entry] of Object.entries(controls)) {
      const problem = problems.find((p) => p.key === key);
      entry.error.hidden = !problem;
      entry.error.textContent = problem ? problem.message : "";
      if (problem) entry.target.setAttribute("aria-invalid", "true");
      else entry.target.removeAttribute("aria-invalid");
    }
    if (problems.length) {
      output.replaceChildren();
      const link = (p) =>
        !p.key ? p.message : el(
          "a",
          {
            href: `#${controls[p.key].focusTarget.id}`,
            onclick: (e) => {
              e.preventDefault();
              controls[p.key].focusTarget.focus();
            },
          },
          p.message
        );
      errorBox.replaceChildren(el("p", {}, t("tm_draft_errors")), el("ul", {}, problems.map((p) => el("li", {}, link(p)))));
      errorBox.hidden = false;
      errorBox.focus();
      app.announce(`${t("tm_draft_errors")} ${problems.map((p) => p.message).join(" ")}`, true);
      return;
    }
    errorBox.hidden = true;
    errorBox.replaceChildren();
    showDraftOutput(app, output, draftFiles(app.index, app.current(), data, rules, app.today(), t), data);
  });
  view.replaceChildren(
    ...[
      heading,
      el("p", { class: "oai-tm-draft-sources-note" }, t("tm_draft_source_needed")),
      el("p", {}, t("tm_draft_intro")),
      draftSubmission(app), // null without a repository and an editorial contact
      errorBox,
      form,
      output,
    ].filter(Boolean)
  );
  if (focusSource) {
    const target = controls[`sources.${Math.min(focusSource, sources.length)}.title`];
    if (target) target.focusTarget.focus();
  }
}

/**
 * Where to send a draft: the repository (REPO_URL) and the editorial contact
 * (EDITORIAL_CONTACT), each when the site has one (settings.contact, from mkdocs.yml);
 * null when it has neither.
 */
function draftSubmission(app) {
  const { repository, editorial } = app.settings.contact || {};
  const sentences = [];
  if (repository) sentences.push(withLink(app, "tm_draft_submit_repository", repository, "tm_draft_repository"));
  if (editorial) {
    const key = repository ? "tm_draft_submit_editors_also" : "tm_draft_submit_editors";
    sentences.push(withLink(app, key, editorial, "tm_draft_editors"));
  }
  if (!sentences.length) return null;
  return el("p", { class: "oai-tm-draft-submit" }, sentences.flatMap((s, i) => (i ? [" ", s] : [s])));
}

/** The string `key` with its {link} made a link to `href`, labelled with the string `label`. */
function withLink(app, key, href, label) {
  const [before, after = ""] = app.t(key).split("{link}");
  return el("span", {}, before, el("a", { href }, app.t(label)), after);
}

/** The way to the repository's issue form, prefilled with the draft; null without a repository. */
function issueLink(app, data, files) {
  const { repository } = app.settings.contact || {};
  if (!repository) return null;
  return el(
    "div",
    { class: "oai-tm-draft-issue" },
    el("p", {}, app.t("tm_draft_issue_help")),
    el("p", {}, el("a", { class: "md-button md-button--primary", href: issueUrl(repository, data, files) }, app.t("tm_draft_issue")))
  );
}

function showDraftOutput(app, output, files, data) {
  const { t } = app;
  const blocks = files.map((file) => {
    const id = app.uid("draft-file");
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
  output.replaceChildren(...[heading, issueLink(app, data, files), ...blocks].filter(Boolean));
  heading.focus();
  app.announce(t("tm_draft_created"));
}
