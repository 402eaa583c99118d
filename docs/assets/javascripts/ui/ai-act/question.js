/*
 * One question at a time: the progress indicator, the question with its explanation and
 * legal references, the answers, and Back and Next. An answer is saved as soon as it is
 * chosen; changing an earlier answer keeps the later ones, and the questions that no longer
 * apply are simply not asked (their answers stay until the reader changes them back).
 */

import { questionById } from "../../core/ai-act/engine.js";
import { followingQuestion, previousQuestion, steps } from "../../core/ai-act/progress.js";
import { button as baseButton, el } from "../dom.js";

const button = (...args) => baseButton("oai-aa", ...args);

/** "Läs i förordningen: artikel 3.1, …" with each reference linked to EUR-Lex. */
export function refsLine(app, refs) {
  if (!refs || !refs.length) return null;
  const links = refs.flatMap((ref, index) => [
    index ? ", " : "",
    el("a", { href: ref.url, hreflang: app.lang }, ref.text),
  ]);
  return el("p", { class: "oai-aa-refs" }, el("span", { class: "oai-aa-refs__label" }, `${app.t("aa_refs")}:`), " ", links);
}

function progress(app, id) {
  const { t } = app;
  const shown = steps(app.aid, app.current().answers, id);
  const list = el(
    "ol",
    { class: "oai-aa-steps" },
    shown.blocks.map((block) =>
      el(
        "li",
        { class: `oai-aa-step oai-aa-step--${block.state}`, "aria-current": block.state === "current" ? "step" : null },
        block.title,
        el("span", { class: "oai-visually-hidden" }, ` (${t(`aa_step_${block.state}`)})`)
      )
    )
  );
  return el("nav", { class: "oai-aa-progress oai-aa-controls", "aria-label": t("aa_steps_label") }, list);
}

function currentValue(question, form) {
  const checked = [...form.querySelectorAll("input:checked")].map((input) => input.value);
  return question.type === "single" ? checked[0] : checked;
}

export function renderQuestion(app, id) {
  const { t, uid, aid } = app;
  const question = questionById(aid, id);
  const assessment = app.current();
  const answer = assessment.answers[id];
  const block = aid.blocks.find((item) => item.id === question.block);
  const headingId = uid("question");
  const helpId = question.help ? uid("help") : null;
  const errorId = uid("error");
  const name = uid("answer");
  const error = el("p", { id: errorId, class: "oai-aa-error", hidden: true });

  const inputs = question.options.map((option) => {
    const inputId = uid("option");
    const chosen = Array.isArray(answer) ? answer.includes(option.id) : answer === option.id;
    const input = el("input", {
      id: inputId,
      type: question.type === "single" ? "radio" : "checkbox",
      name,
      value: option.id,
      checked: chosen,
      "data-exclusive": option.exclusive ? "true" : null,
      "aria-describedby": helpId,
    });
    return { input, row: el("div", { class: "oai-aa-option-row" }, input, el("label", { for: inputId }, option.text)) };
  });

  const form = el("form", { class: "oai-aa-question", novalidate: true, "data-oai-aa-question": id });
  const onChange = (event) => {
    const changed = event.target;
    if (question.type === "multiple" && changed.checked) {
      // "None of these" stands alone: choosing it clears the others, and the other way round.
      for (const { input } of inputs) {
        if (input !== changed && (changed.dataset.exclusive === "true" || input.dataset.exclusive === "true")) {
          input.checked = false;
        }
      }
    }
    const value = currentValue(question, form);
    if ((Array.isArray(value) && value.length) || (!Array.isArray(value) && value)) assessment.answers[id] = value;
    else delete assessment.answers[id];
    error.hidden = true;
    form.querySelector("fieldset").removeAttribute("aria-invalid");
    app.save();
  };

  const back = previousQuestion(aid, assessment.answers, id);
  const backButton = button(t("aa_back"), () => app.show(back, true), { disabled: !back });
  form.append(
    el(
      "fieldset",
      { "aria-describedby": errorId },
      el("legend", {}, el("h2", { id: headingId, tabindex: "-1" }, question.text)),
      el("div", { class: "oai-aa-options-list", onchange: onChange }, inputs.map((item) => item.row)),
      // The explanation comes after the answers, so that they are on the first screen of a
      // phone; each answer refers to it (aria-describedby), so screen readers give it first.
      helpId ? el("p", { id: helpId, class: "oai-aa-question__help" }, question.help) : null
    ),
    refsLine(app, question.refs),
    error,
    el("div", { class: "oai-aa-row oai-aa-nav" }, backButton, button(t("aa_next"), null, { primary: true, type: "submit" }))
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const value = currentValue(question, form);
    if (!value || (Array.isArray(value) && !value.length)) {
      error.textContent = t(question.type === "single" ? "aa_error_choose_one" : "aa_error_choose_many");
      error.hidden = false;
      form.querySelector("fieldset").setAttribute("aria-invalid", "true");
      inputs[0].input.focus();
      app.announce(error.textContent, true);
      return;
    }
    assessment.answers[id] = value;
    app.save();
    app.show(followingQuestion(aid, assessment.answers, id), true);
  });

  const where = steps(aid, assessment.answers, id);
  const counter = el(
    "p",
    { class: "oai-aa-counter" },
    t("aa_question_counter", { n: where.number, step: aid.blocks.indexOf(block) + 1, steps: aid.blocks.length, block: block.title })
  );
  app.view.replaceChildren(progress(app, id), counter, form);
}
