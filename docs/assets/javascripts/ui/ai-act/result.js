/*
 * The result: the scope or risk class, the roles, and the duties split into those that apply
 * on the chosen day and those that apply later, each with its legal references, notes (open
 * legal questions marked as uncertain, with the date they were last checked) and links to
 * AI-guiden and the trust model; then the answers, each with a way to change it; printing;
 * and carrying the result over to the trust model.
 */

import { carriedRecord, carryInto, trustModelAnswers, trustModelTargets } from "../../core/ai-act/carry.js";
import { evaluate, questionById } from "../../core/ai-act/engine.js";
import { longDate, validIsoDate } from "../../core/dates.js";
import { storeSpec as trustStoreSpec } from "../../core/trust-model/assessments.js";
import { createStore } from "../../core/storage.js";
import { browserStorage, button as baseButton, el } from "../dom.js";
import { refsLine } from "./question.js";

const button = (...args) => baseButton("oai-aa", ...args);
const byId = (list, id) => list.find((item) => item.id === id);

function noteBlock(app, note) {
  const checked = byId(app.aid.dates, app.aid.law_baseline.checked);
  return el(
    "div",
    { class: `oai-aa-note${note.uncertain ? " oai-aa-note--uncertain" : ""}`, "data-oai-aa-note": note.id },
    el(
      "p",
      {},
      note.uncertain ? el("strong", { class: "oai-aa-uncertain" }, app.t("aa_uncertain")) : null,
      note.uncertain ? el("span", { class: "oai-aa-checked" }, ` (${app.t("aa_checked", { date: checked.long })}) `) : null,
      note.text
    ),
    refsLine(app, note.refs)
  );
}

function links(app, label, list) {
  if (!list || !list.length) return null;
  const items = list.flatMap((link, index) => [index ? ", " : "", el("a", { href: link.href }, link.title)]);
  return el("p", { class: "oai-aa-links" }, `${label}: `, items);
}

function dutyItem(app, duty) {
  const { t, aid } = app;
  const data = byId(aid.duties, duty.id);
  const roles = duty.roles.map((role) => byId(aid.roles, role).label).join(", ");
  return el(
    "li",
    { class: "oai-aa-result-duty", "data-oai-aa-result-duty": duty.id },
    el("h4", {}, data.title),
    el("p", { class: "oai-aa-result-duty__meta" }, t("aa_result_duty_roles", { roles })),
    el("p", {}, data.text),
    refsLine(app, duty.refs),
    duty.notes.map((id) => noteBlock(app, byId(aid.notes, id))),
    links(app, t("aa_duty_guide"), app.guideLinks.get(duty.id)),
    links(app, t("aa_duty_trust"), app.trustLinks.get(duty.id))
  );
}

function dutiesSection(app, result) {
  const { t, uid } = app;
  const date = app.date();
  const dateId = uid("date");
  const hintId = uid("date-hint");
  const input = el("input", { id: dateId, type: "date", value: date, "aria-describedby": hintId });
  input.addEventListener("change", () => {
    if (!validIsoDate(input.value)) return;
    app.state.date = input.value === app.today() ? "" : input.value;
    app.save();
    app.show("result", false);
    const again = app.view.querySelector("input[type=date]");
    if (again) again.focus();
  });
  const today = button(t("aa_result_today"), () => {
    app.state.date = "";
    app.save();
    app.show("result", false);
  });
  const now = result.duties.filter((duty) => duty.appliesNow);
  const later = new Map();
  for (const duty of result.duties.filter((item) => !item.appliesNow).sort((a, b) => (a.appliesFrom < b.appliesFrom ? -1 : 1))) {
    if (!later.has(duty.appliesFrom)) later.set(duty.appliesFrom, []);
    later.get(duty.appliesFrom).push(duty);
  }
  const groups = [];
  for (const [day, duties] of later) {
    groups.push(
      el("h3", {}, t("aa_result_from", { date: longDate(day, app.lang) })),
      el("ul", { class: "oai-aa-result-duties oai-aa-result-duties--later" }, duties.map((duty) => dutyItem(app, duty)))
    );
  }
  return [
    el(
      "div",
      { class: "oai-aa-date oai-aa-controls" },
      el("label", { for: dateId }, t("aa_result_date")),
      input,
      today,
      el("p", { id: hintId, class: "oai-aa-hint" }, t("aa_result_date_hint"))
    ),
    el("p", { class: "oai-aa-print-only" }, t("aa_result_printed_on", { date: longDate(date, app.lang) })),
    el("h3", {}, t("aa_result_now", { count: now.length })),
    now.length
      ? el("ul", { class: "oai-aa-result-duties" }, now.map((duty) => dutyItem(app, duty)))
      : el("p", {}, t("aa_result_now_none")),
    groups,
  ];
}

/** "5 a" in Swedish, "5(a)" in English, as the Official Journal writes Annex III's points. */
function annexPoint(point, lang) {
  const [number, letter] = [point[0], point.slice(1)];
  if (!letter) return number;
  return lang === "sv" ? `${number} ${letter}` : `${number}(${letter})`;
}

function answerText(question, answer) {
  const ids = Array.isArray(answer) ? answer : [answer];
  return ids.map((id) => question.options.find((option) => option.id === id).text).join("; ");
}

function answersSection(app, result) {
  const { t, aid } = app;
  const answers = app.current().answers;
  const items = result.path.map((id) => {
    const question = questionById(aid, id);
    return el(
      "li",
      {},
      el("span", { class: "oai-aa-answer__question" }, `${id} ${question.text}`),
      " ",
      el("strong", {}, answerText(question, answers[id])),
      " ",
      el(
        "button",
        { type: "button", class: "oai-aa-link-button oai-aa-controls", "aria-label": t("aa_result_change_label", { question: question.text }), onclick: () => app.show(id, true) },
        t("aa_result_change")
      )
    );
  });
  return [el("h3", {}, t("aa_result_answers")), el("ol", { class: "oai-aa-answers" }, items)];
}

function carrySection(app, result) {
  const { t, uid, settings } = app;
  const store = createStore(trustStoreSpec(browserStorage(), settings.trust_model_storage_key));
  if (!store.available) return null;
  const loaded = store.load();
  const selectId = uid("carry");
  const assessment = app.current();
  const targets = loaded.problem ? [] : trustModelTargets(loaded.data, settings.trust_model_name_question);
  const select = el(
    "select",
    { id: selectId },
    el("option", { value: "" }, t("aa_carry_new")),
    targets.map((target) => el("option", { value: target.id, selected: target.id === assessment.trustModelId }, target.name || target.id))
  );
  const message = el("div", { class: "oai-aa-carry__message" });
  const onCarry = () => {
    const fresh = store.load();
    if (fresh.problem) {
      message.replaceChildren(el("p", { class: "oai-aa-error" }, t("aa_carry_failed")));
      app.announce(t("aa_carry_failed"), true);
      return;
    }
    const name = app.name(assessment);
    const record = carriedRecord(result, { ...assessment.answers }, settings.version, app.date(), name);
    const carried = carryInto(fresh.data, select.value, record, trustModelAnswers(result, assessment.answers), name, app.makeId());
    if (!store.save(carried.data)) {
      message.replaceChildren(el("p", { class: "oai-aa-error" }, t("aa_carry_failed")));
      app.announce(t("aa_carry_failed"), true);
      return;
    }
    assessment.trustModelId = carried.id;
    app.save();
    const target = trustModelTargets(carried.data, settings.trust_model_name_question).find((item) => item.id === carried.id);
    const done = t("aa_carry_done", { name: (target && target.name) || name });
    message.replaceChildren(
      el("p", { class: "oai-aa-note" }, done, " ", app.trustToolHref ? el("a", { href: app.trustToolHref }, t("aa_carry_open")) : null)
    );
    app.announce(done);
  };
  return el(
    "section",
    { class: "oai-aa-carry oai-aa-controls", "aria-labelledby": `${selectId}-heading` },
    el("h3", { id: `${selectId}-heading` }, t("aa_carry_heading")),
    el("p", {}, t("aa_carry_intro")),
    el("div", { class: "oai-aa-row" }, el("label", { for: selectId }, t("aa_carry_target")), select, button(t("aa_carry_button"), onCarry)),
    message
  );
}

export function renderResult(app) {
  const { t, aid } = app;
  const result = evaluate(aid, app.current().answers, app.date());
  const outcome = (id) => byId(aid.outcomes, id);
  const main = outcome(result.scope || result.riskClass || result.outcomes[0]);
  const overlays = result.outcomes.filter((id) => id !== main.id).map(outcome);
  const checked = byId(aid.dates, aid.law_baseline.checked);
  const generalNotes = result.notes.filter((id) => !result.duties.some((duty) => duty.notes.includes(id)));
  const parts = [
    el("h2", { tabindex: "-1" }, `${t("aa_result_heading")}: ${app.name(app.current())}`),
    el(
      "section",
      { class: "oai-aa-verdict", "data-oai-aa-outcome": main.id },
      el("p", { class: "oai-aa-verdict__kind" }, t(result.scope ? "aa_result_scope" : "aa_result_class")),
      el("p", { class: "oai-aa-verdict__label" }, main.label),
      el("p", {}, main.text),
      result.annexIii.length ? el("p", {}, t("aa_result_annex_iii", { points: result.annexIii.map((point) => annexPoint(point, app.lang)).join(", ") })) : null,
      overlays.length
        ? [el("p", { class: "oai-aa-verdict__kind" }, t("aa_result_also")), el("ul", {}, overlays.map((item) => el("li", { "data-oai-aa-outcome": item.id }, el("strong", {}, item.label), ` ${item.text}`)))]
        : null
    ),
    el("h3", {}, t("aa_result_roles")),
    result.roles.length
      ? el("ul", { class: "oai-aa-roles" }, result.roles.map((id) => el("li", { "data-oai-aa-role": id }, el("strong", {}, byId(aid.roles, id).label), ` ${byId(aid.roles, id).help}`)))
      : el("p", {}, t("aa_result_no_roles")),
    dutiesSection(app, result),
    generalNotes.length ? [el("h3", {}, t("aa_result_notes")), generalNotes.map((id) => noteBlock(app, byId(aid.notes, id)))] : null,
    answersSection(app, result),
    el("p", { class: "oai-aa-baseline-line" }, t("aa_baseline_checked", { date: checked.long, version: aid.law_baseline.version })),
    el("div", { class: "oai-aa-row oai-aa-controls" }, button(t("aa_result_print"), () => window.print(), { primary: true })),
    carrySection(app, result),
  ];
  app.view.replaceChildren(...parts.flat(Infinity).filter(Boolean));
}
