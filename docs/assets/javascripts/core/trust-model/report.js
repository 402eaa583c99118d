/*
 * The report of a self-assessment, in Swedish or English whatever the page's language:
 * one structure (reportData) shown on the page and printed, and the same as Markdown.
 */

import { longDate } from "../dates.js";
import { markdownEscape, markdownQuote } from "../markdown.js";
import { answerText, attentionFor, isAnswered, overallProgress } from "./model.js";

/**
 * Everything a report shows, in `lang`.
 * `context`: {index, name, organisationQuestion, day (YYYY-MM-DD), t}.
 */
export function reportData(assessment, lang, context) {
  const { index, name, organisationQuestion, day, t } = context;
  const organisation = assessment.answers[organisationQuestion];
  const overall = overallProgress(index, assessment.answers);
  return {
    lang,
    title: t("tm_report_title", { name }, lang),
    facts: [
      typeof organisation === "string" && organisation.trim()
        ? [t("tm_report_organisation", null, lang), organisation.trim()]
        : null,
      [t("tm_report_date", null, lang), longDate(day, lang)],
      [t("tm_report_model_version", null, lang), index.model.version],
      [t("tm_report_progress", null, lang), t("tm_progress_overall", overall, lang)],
    ].filter(Boolean),
    parts: index.model.parts.map((part) => ({
      title: part.title[lang],
      sections: part.sections.map((section) => ({
        title: `${section.number}. ${section.title[lang]}`,
        questions: section.questions.map((question) => {
          const value = assessment.answers[question.id];
          const answered = isAnswered(value);
          return {
            number: question.number,
            text: question.text[lang],
            answer: answered ? answerText(question, value, lang) : null,
            attention: attentionFor(question, value).map(({ note }) => note[lang]),
          };
        }),
      })),
    })),
    source: t("tm_report_source", null, lang),
    noAnswer: t("tm_no_answer", null, lang),
    attentionLabel: t("tm_attention", null, lang),
    answerLabel: t("tm_report_answer", null, lang),
  };
}

/** The report as Markdown: every reader's text escaped, answers as block quotes. */
export function reportMarkdown(data) {
  const lines = [`# ${markdownEscape(data.title)}`, ""];
  for (const [term, value] of data.facts) lines.push(`- **${markdownEscape(term)}:** ${markdownEscape(value)}`);
  lines.push("");
  for (const part of data.parts) {
    lines.push(`## ${markdownEscape(part.title)}`, "");
    for (const section of part.sections) {
      lines.push(`### ${markdownEscape(section.title)}`, "");
      for (const q of section.questions) {
        lines.push(`**${markdownEscape(q.number)} ${markdownEscape(q.text)}**`, "");
        lines.push(q.answer === null ? `*${markdownEscape(data.noAnswer)}*` : markdownQuote(q.answer), "");
        for (const note of q.attention) lines.push(`*${markdownEscape(data.attentionLabel)}:* ${markdownEscape(note)}`, "");
      }
    }
  }
  lines.push("---", "", markdownEscape(data.source), "");
  return lines.join("\n");
}
