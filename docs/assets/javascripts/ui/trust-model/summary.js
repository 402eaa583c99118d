/*
 * The summary view: what is left and where to go on, then progress per section and the
 * answers that need attention.
 */

import {
  answerText,
  attentionFor,
  nextUnfinished,
  overallProgress,
  sectionProgress,
  unfinishedSections,
} from "../../core/trust-model/model.js";
import { button as baseButton, el } from "../dom.js";
import { guideLink } from "./questions.js";

const button = (...args) => baseButton("oai-tm", ...args);

function attentionItems(app, section, answers) {
  const { t, lang } = app;
  const items = [];
  for (const question of section.questions) {
    const value = answers[question.id];
    for (const { note } of attentionFor(question, value)) {
      items.push(
        el(
          "li",
          { class: "oai-tm-summary__item" },
          el("p", { class: "oai-tm-summary__question" }, el("strong", {}, `${question.number} ${question.text[lang]}`)),
          el("p", {}, t("tm_summary_answer", { answer: answerText(question, value, lang) })),
          el("p", { class: "oai-tm-attention" }, el("strong", {}, `${t("tm_attention")}: `), note[lang]),
          guideLink(app, "tm_guide_link", question.guide)
        )
      );
    }
  }
  return items;
}

/** Open the section at `position` in the questions view. */
function openSection(app, position) {
  app.showView("questions", false);
  app.goToSection(position);
}

/** What is left: the unfinished sections and a button to the next one to work on. */
function leftToDo(app, answers) {
  const { t, lang, index } = app;
  const unfinished = unfinishedSections(index, answers);
  if (!unfinished.length) return el("p", { class: "oai-tm-summary__left" }, t("tm_summary_done"));
  const overall = overallProgress(index, answers);
  const next = nextUnfinished(index, answers, app.state.section);
  const title = (section) => `${section.number}. ${section.title[lang]}`;
  return el(
    "div",
    { class: "oai-tm-summary__left" },
    el(
      "p",
      { class: "oai-tm-controls" },
      button(t("tm_summary_next", { title: title(next.section) }), () => openSection(app, next.position), { primary: true })
    ),
    el("p", {}, t("tm_summary_left", { left: overall.total - overall.answered, total: overall.total, sections: unfinished.length })),
    el("ul", { class: "oai-tm-summary__todo" }, unfinished.map((item) => el("li", {}, t("tm_summary_left_item", { title: title(item.section), left: item.left }))))
  );
}

export function renderSummary(app) {
  const { t, lang, index } = app;
  const { answers } = app.current();
  const children = [
    el("h2", { tabindex: "-1" }, t("tm_view_summary")),
    el("p", {}, t("tm_summary_intro")),
    el("p", { class: "oai-tm-progress__text" }, t("tm_progress_overall", overallProgress(index, answers))),
    leftToDo(app, answers),
  ];
  let position = 0;
  for (const part of index.model.parts) {
    children.push(el("h3", {}, part.title[lang]));
    for (const section of part.sections) {
      const target = position;
      const items = attentionItems(app, section, answers);
      const progress = sectionProgress(answers, section);
      const sectionGuide = section.guide && app.guides.get(section.guide);
      children.push(
        el(
          "section",
          { class: "oai-tm-summary__section" },
          el("h4", {}, `${section.number}. ${section.title[lang]}`),
          el("p", { class: "oai-tm-section__progress" }, t("tm_progress_section", progress)),
          items.length
            ? [
              el("p", { class: "oai-tm-summary__label" }, t("tm_summary_attention")),
              el("ul", { class: "oai-tm-summary__list" }, items),
            ]
            : el("p", {}, t(progress.answered ? "tm_summary_no_attention" : "tm_summary_not_started")),
          el(
            "p",
            { class: "oai-tm-summary__links oai-tm-controls" },
            button(t("tm_summary_go", { title: section.title[lang] }), () => openSection(app, target)),
            sectionGuide
              ? [" ", el("a", { href: sectionGuide.href }, `${t("tm_section_guide_link")} ${sectionGuide.title}`)]
              : null
          )
        )
      );
      position += 1;
    }
  }
  app.views.summary.replaceChildren(...children);
}
