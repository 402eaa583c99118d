/*
 * The report of a self-assessment, in Swedish or English whatever the page's language:
 * one structure (reportData) shown on the page and printed, and the same as Markdown.
 */

import { isoDay, longDate, timestamp } from "../dates.js";
import { fileName } from "../files.js";
import { markdownEscape, markdownQuote } from "../markdown.js";
import { answerText, attentionFor, isAnswered, overallProgress } from "./model.js";

const FREE_TEXT = new Set(["short-text", "long-text"]);

/** The questions of `section` in the report: all of them, or the answered ones only. */
function reportQuestions(section, answers, lang, answeredOnly) {
  const questions = section.questions.map((question) => {
    const value = answers[question.id];
    return {
      number: question.number,
      text: question.text[lang],
      answer: isAnswered(value) ? answerText(question, value, lang) : null,
      attention: attentionFor(question, value).map(({ note }) => note[lang]),
    };
  });
  return answeredOnly ? questions.filter((q) => q.answer !== null) : questions;
}

/**
 * Everything a report shows, in `lang`.
 * `context`: {index, name, organisationQuestion, day (YYYY-MM-DD), t, answeredOnly}.
 * The facts name the day the answers last changed (`assessment.changed`, in local time);
 * the notes say that free-text answers are not translated and when only answers are shown.
 */
export function reportData(assessment, lang, context) {
  const { index, name, organisationQuestion, day, t, answeredOnly = false } = context;
  const { answers } = assessment;
  const organisation = answers[organisationQuestion];
  const overall = overallProgress(index, answers);
  const changed = timestamp(assessment.changed);
  const freeText = index.model.parts.some((part) =>
    part.sections.some((section) => section.questions.some((q) => FREE_TEXT.has(q.type) && isAnswered(answers[q.id])))
  );
  const parts = index.model.parts
    .map((part) => ({
      title: part.title[lang],
      sections: part.sections
        .map((section) => ({
          title: `${section.number}. ${section.title[lang]}`,
          questions: reportQuestions(section, answers, lang, answeredOnly),
        }))
        .filter((section) => section.questions.length),
    }))
    .filter((part) => part.sections.length);
  return {
    lang,
    title: t("tm_report_title", { name }, lang),
    facts: [
      typeof organisation === "string" && organisation.trim()
        ? [t("tm_report_organisation", null, lang), organisation.trim()]
        : null,
      [t("tm_report_date", null, lang), longDate(day, lang)],
      changed ? [t("tm_report_changed", null, lang), longDate(isoDay(new Date(changed)), lang)] : null,
      [t("tm_report_model_version", null, lang), index.model.version],
      [t("tm_report_progress", null, lang), t("tm_progress_overall", overall, lang)],
    ].filter(Boolean),
    notes: [
      answeredOnly ? t("tm_report_answered_only_note", null, lang) : null,
      freeText ? t("tm_report_not_translated", null, lang) : null,
    ].filter(Boolean),
    parts,
    empty: parts.length ? null : t("tm_report_empty", null, lang),
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
  for (const note of data.notes) lines.push(`*${markdownEscape(note)}*`, "");
  if (data.empty) lines.push(markdownEscape(data.empty), "");
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

/** The report's file name in the report's language: "rapport-…" / "report-…" after the tool's prefix. */
export function reportFileName(t, name, day, lang) {
  return fileName(t("tm_file_prefix", null, lang), name, day, "md", t("tm_file_report", null, lang));
}
