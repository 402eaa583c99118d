/*
 * The report view: the report on screen (also what is printed), in the page's language
 * unless the reader picks another, with every question or the answered ones only; and the
 * same report as a Markdown file. Neither choice is stored: a new visit starts afresh.
 */

import { reportData, reportFileName, reportMarkdown } from "../../core/trust-model/report.js";
import { button as baseButton, download, el } from "../dom.js";

const button = (...args) => baseButton("oai-tm", ...args);

function reportOf(app, assessment) {
  return reportData(assessment, app.state.reportLang, {
    index: app.index,
    name: app.name(assessment),
    organisationQuestion: app.settings.organisation_question,
    day: app.today(),
    t: app.t,
    answeredOnly: app.answeredOnly !== false,
  });
}

function reportElement(data) {
  const article = el("article", { class: "oai-tm-report", lang: data.lang });
  article.append(
    el("h2", { class: "oai-tm-report__title" }, data.title),
    el("dl", { class: "oai-tm-report__facts" }, data.facts.map(([term, value]) => [el("dt", {}, term), el("dd", {}, value)])),
    ...data.notes.map((note) => el("p", { class: "oai-tm-report__note" }, note))
  );
  if (data.empty) article.append(el("p", { class: "oai-tm-report__empty" }, data.empty));
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
              ? el("p", { class: "oai-tm-report__answer oai-tm-report__answer--none" }, data.noAnswer)
              : el(
                "p",
                { class: "oai-tm-report__answer" },
                el("span", { class: "oai-visually-hidden" }, `${data.answerLabel}: `),
                q.answer
              ),
            q.attention.map((note) => el("p", { class: "oai-tm-attention" }, el("strong", {}, `${data.attentionLabel}: `), note))
          )
        );
      }
      article.append(list);
    }
  }
  article.append(el("p", { class: "oai-tm-report__source" }, data.source));
  return article;
}

export function renderReport(app) {
  if (app.frame.report) app.frame.report.replaceChildren(reportElement(reportOf(app, app.current())));
}

function onDownloadMarkdown(app, slot) {
  const assessment = app.current();
  const name = reportFileName(app.t, app.name(assessment), app.today(), app.state.reportLang);
  download(name, reportMarkdown(reportOf(app, assessment)), "text/markdown");
  app.say(slot, app.t("tm_report_downloaded", { file: name }));
}

export function renderReportView(app) {
  const { t } = app;
  const selectId = app.uid("report-lang");
  const select = el(
    "select",
    {
      id: selectId,
      onchange: () => {
        app.state.reportLang = select.value;
        renderReport(app);
      },
    },
    app.settings.languages.map((lang) =>
      el("option", { value: lang, selected: lang === app.state.reportLang }, t(`tm_language_${lang}`))
    )
  );
  const onlyId = app.uid("report-only");
  const only = el("input", {
    type: "checkbox",
    id: onlyId,
    checked: app.answeredOnly !== false,
    onchange: () => {
      app.answeredOnly = only.checked;
      renderReport(app);
    },
  });
  const message = el("div", { class: "oai-tm-message oai-tm-controls" });
  app.frame.report = el("div", { class: "oai-tm-report-holder" });
  app.views.report.replaceChildren(
    el("h2", { tabindex: "-1", class: "oai-tm-controls" }, t("tm_view_report")),
    el("p", { class: "oai-tm-controls" }, t("tm_report_intro")),
    el(
      "div",
      { class: "oai-tm-row oai-tm-controls" },
      el("label", { for: selectId }, t("tm_report_language")),
      select,
      el("label", { class: "oai-tm-option oai-tm-option--inline" }, only, el("span", {}, t("tm_report_answered_only")))
    ),
    el(
      "div",
      { class: "oai-tm-row oai-tm-controls" },
      button(t("tm_report_print"), () => window.print(), { primary: true }),
      button(t("tm_report_markdown"), () => onDownloadMarkdown(app, message))
    ),
    message,
    app.frame.report
  );
  renderReport(app);
}
