/*
 * The questions view: one section's questions and the pager first, then the list of all
 * sections with their progress (beside the questions on a wide screen; folded away on a
 * narrow one). Every change is stored at once, and "Saved" shows at the question.
 */

import { cleanText } from "../../core/text.js";
import { touch } from "../../core/trust-model/assessments.js";
import { attentionFor, isAnswered, overallProgress, sectionProgress } from "../../core/trust-model/model.js";
import { button as baseButton, el } from "../dom.js";
import { refreshAssessments } from "./frame.js";

/** Wide enough for the section list beside the questions (as in trust-model.css). */
const WIDE = "(min-width: 60em)";

const button = (...args) => baseButton("oai-tm", ...args);

/** "Read more in the AI guide: <chapter>" for a guide slug, or null. */
export function guideLink(app, key, slug) {
  const guide = slug && app.guides.get(slug);
  return guide ? el("p", { class: "oai-tm-guide" }, `${app.t(key)} `, el("a", { href: guide.href }, guide.title)) : null;
}

/** The attention notes of an answer, in the page's language. */
export function showAttention(app, box, question, value) {
  box.replaceChildren(
    ...attentionFor(question, value).map(({ note }) =>
      el("p", { class: "oai-tm-attention" }, el("strong", {}, `${app.t("tm_attention")}: `), note[app.lang])
    )
  );
}

export function renderQuestions(app) {
  const { t, lang, index, state } = app;
  const view = app.views.questions;
  const assessment = app.current();
  const { part, section } = index.sections[state.section];
  const progress = {};
  app.progress = progress;

  progress.overallText = el("p", { class: "oai-tm-progress__text", id: app.uid("progress") });
  progress.overallBar = el("progress", { max: index.total, value: 0, "aria-labelledby": progress.overallText.id });
  progress.navCounts = [];

  const nav = el("nav", { class: "oai-tm-sectionnav", "aria-label": t("tm_sections") });
  let position = 0;
  for (const p of index.model.parts) {
    const items = [];
    for (const s of p.sections) {
      const target = position;
      const count = el("span", { class: "oai-tm-sectionnav__count" });
      progress.navCounts.push({ node: count, section: s });
      const navButton = el(
        "button",
        {
          type: "button",
          class: "oai-tm-sectionnav__button",
          "aria-current": target === state.section ? "step" : null,
          onclick: () => app.goToSection(target),
        },
        el("span", { class: "oai-tm-sectionnav__title" }, `${s.number}. ${s.title[lang]}`),
        " ",
        count
      );
      items.push(el("li", {}, navButton));
      position += 1;
    }
    nav.append(el("p", { class: "oai-tm-sectionnav__part" }, p.title[lang]), el("ol", {}, items));
  }
  if (app.sectionsOpen === undefined) app.sectionsOpen = window.matchMedia(WIDE).matches;
  const sectionList = el(
    "details",
    { class: "oai-tm-sections oai-tm-controls", open: app.sectionsOpen },
    el("summary", {}, t("tm_sections_all")),
    nav
  );
  sectionList.addEventListener("toggle", () => {
    app.sectionsOpen = sectionList.open;
  });

  const headingId = app.uid("section");
  progress.sectionText = el("span", { class: "oai-tm-section__progress" });
  const questionList = el(
    "ol",
    { class: "oai-tm-form" },
    section.questions.map((q) => el("li", {}, questionControl(app, q, assessment)))
  );
  const isLast = state.section === index.sections.length - 1;
  const pager = el(
    "div",
    { class: "oai-tm-pager oai-tm-controls" },
    button(t("tm_previous"), () => app.goToSection(state.section - 1), { disabled: state.section === 0 }),
    isLast
      ? button(t("tm_to_summary"), () => app.showView("summary", true), { primary: true })
      : button(t("tm_next"), () => app.goToSection(state.section + 1), { primary: true })
  );
  const panel = el(
    "section",
    { class: "oai-tm-section", "aria-labelledby": headingId },
    el(
      "p",
      { class: "oai-tm-section__position" },
      `${t("tm_section_position", { n: state.section + 1, total: index.sections.length })} · ${part.title[lang]} · `,
      progress.sectionText
    ),
    el("h2", { id: headingId, tabindex: "-1" }, `${section.number}. ${section.title[lang]}`),
    section.intro ? el("p", { class: "oai-tm-section__intro" }, section.intro[lang]) : null,
    questionList,
    guideLink(app, "tm_section_guide_link", section.guide), // further reading, after the questions
    pager
  );
  view.replaceChildren(
    el("div", { class: "oai-tm-progress" }, progress.overallText, progress.overallBar),
    el("div", { class: "oai-tm-layout" }, panel, sectionList)
  );
  updateProgress(app);
}

function updateProgress(app) {
  const { t, progress, index } = app;
  const { answers } = app.current();
  const overall = overallProgress(index, answers);
  progress.overallText.textContent = t("tm_progress_overall", overall);
  progress.overallBar.value = overall.answered;
  for (const { node, section } of progress.navCounts) {
    const p = sectionProgress(answers, section);
    node.textContent = t("tm_progress_section", p);
    node.classList.toggle("oai-tm-sectionnav__count--done", p.answered === p.total);
  }
  const current = index.sections[app.state.section].section;
  progress.sectionText.textContent = t("tm_progress_section", sectionProgress(answers, current));
}

/** Open the section at `position`: its heading at the top of the screen, its first question in view. */
export function goToSection(app, position) {
  const { index } = app;
  if (position < 0 || position >= index.sections.length) return;
  app.change((state) => {
    state.section = position;
  });
  renderQuestions(app);
  const panel = app.views.questions.querySelector(".oai-tm-section");
  panel.scrollIntoView({ block: "start" });
  panel.querySelector("h2").focus({ preventScroll: true });
  const { section } = index.sections[position];
  const p = sectionProgress(app.current().answers, section);
  app.announce(
    app.t("tm_section_announce", {
      n: position + 1,
      total: index.sections.length,
      title: section.title[app.lang],
      answered: p.answered,
      count: p.total,
    })
  );
}

/** An option as a full-width row that is its own label: a tap anywhere on it picks the option. */
export function optionRow(input, label) {
  return el("label", { class: "oai-tm-option" }, input, el("span", {}, label));
}

/** The control(s) for one question, wired to store its answer. */
function questionControl(app, question, assessment) {
  const { t, lang } = app;
  const base = `oai-tm-q-${question.id}`;
  const helpId = question.help ? `${base}-help` : null;
  const help = question.help ? el("p", { id: helpId, class: "oai-tm-question__help" }, question.help[lang]) : null;
  const number = el("span", { class: "oai-tm-question__number" }, question.number);
  const attentionBox = el("div", { class: "oai-tm-question__attention", "aria-live": "polite" });
  const readMore = guideLink(app, "tm_guide_link", question.guide);
  const value = assessment.answers[question.id];
  const saved = el("span", { class: "oai-tm-saved", hidden: true }, t("tm_saved_inline"));

  const setAnswer = (newValue, announceIt) => {
    const stored = app.change(() => {
      const target = app.current();
      if (isAnswered(newValue)) target.answers[question.id] = newValue;
      else delete target.answers[question.id];
      touch(target);
    });
    showAttention(app, attentionBox, question, newValue);
    updateProgress(app);
    refreshAssessments(app);
    if (app.lastSaved && app.lastSaved !== saved) app.lastSaved.hidden = true;
    saved.hidden = !stored;
    app.lastSaved = saved;
    if (announceIt) app.announce(t("tm_answer_saved", overallProgress(app.index, app.current().answers)));
  };

  if (question.type === "short-text" || question.type === "long-text" || question.type === "date") {
    const attrs = { id: base, "aria-describedby": helpId, class: "oai-tm-input" };
    const control =
      question.type === "long-text"
        ? el("textarea", { ...attrs, rows: 4 })
        : el("input", { ...attrs, type: question.type === "date" ? "date" : "text" });
    control.value = typeof value === "string" ? value : "";
    control.addEventListener("input", () => setAnswer(cleanText(control.value), false));
    control.addEventListener("change", () => setAnswer(cleanText(control.value), true));
    return el(
      "div",
      { class: `oai-tm-question oai-tm-question--${question.type}`, id: `${base}-block` },
      el("label", { for: base, class: "oai-tm-question__text" }, number, " ", question.text[lang]),
      help,
      control,
      el("div", { class: "oai-tm-question__actions" }, saved),
      readMore
    );
  }

  const multiple = question.type === "multiple-choice";
  const inputs = question.options.map((option) => {
    const inputId = `${base}-${option.id}`;
    const checked = multiple ? Array.isArray(value) && value.includes(option.id) : value === option.id;
    const input = el("input", { type: multiple ? "checkbox" : "radio", name: base, id: inputId, value: option.id, checked });
    return { input, row: optionRow(input, option.label[lang]) };
  });
  const read = () =>
    multiple
      ? inputs.filter(({ input }) => input.checked).map(({ input }) => input.value)
      : (inputs.find(({ input }) => input.checked) || { input: { value: "" } }).input.value;
  for (const { input } of inputs) input.addEventListener("change", () => setAnswer(read(), true));
  const legendId = `${base}-legend`;
  const clear = el(
    "button",
    {
      type: "button",
      class: "oai-tm-clear",
      "aria-describedby": legendId,
      onclick: () => {
        for (const { input } of inputs) input.checked = false;
        setAnswer(multiple ? [] : "", false);
        app.announce(t("tm_answer_cleared"));
        if (inputs[0]) inputs[0].input.focus();
      },
    },
    t("tm_clear_answer")
  );
  const fieldset = el(
    "fieldset",
    { class: `oai-tm-question oai-tm-question--${question.type}`, id: `${base}-block`, "aria-describedby": helpId },
    el("legend", { id: legendId, class: "oai-tm-question__text" }, number, " ", question.text[lang]),
    help,
    el("div", { class: "oai-tm-options" }, inputs.map(({ row }) => row)),
    attentionBox,
    el("div", { class: "oai-tm-question__actions" }, clear, saved),
    readMore
  );
  showAttention(app, attentionBox, question, value);
  return fieldset;
}
