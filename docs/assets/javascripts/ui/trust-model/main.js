/*
 * Förtroendemodellen: the self-assessment tool (entry point of assets/javascripts/trust-model.js).
 *
 * No dependencies and no network use: it works offline, from file:// and on an intranet.
 * The page carries everything as JSON data blocks: the question model (#oai-trust-model),
 * the tool's settings and strings in both languages (#oai-trust-model-ui) and the example
 * collection's rules for the example draft (#oai-example-rules). Answers live only in this
 * browser (localStorage) and in files the reader saves. The logic is in core/; the modules
 * here build the page and share one context object, `app`.
 */

import { isoDay } from "../../core/dates.js";
import { idMaker, newId } from "../../core/ids.js";
import { createStore } from "../../core/storage.js";
import { createTranslator } from "../../core/strings.js";
import {
  currentAssessment,
  displayName,
  restoreState,
  storeSpec,
  storedState,
} from "../../core/trust-model/assessments.js";
import { indexModel } from "../../core/trust-model/model.js";
import { browserStorage, jsonBlock, liveRegions } from "../dom.js";
import { renderDraft } from "./draft.js";
import { buildFrame, refreshAssessments } from "./frame.js";
import { goToSection, renderQuestions } from "./questions.js";
import { renderReport, renderReportView } from "./report.js";
import { renderSummary } from "./summary.js";

function start() {
  const root = document.querySelector("[data-oai-tm-app]");
  const model = jsonBlock("oai-trust-model");
  const settings = jsonBlock("oai-trust-model-ui");
  if (!root || !model || !settings) return; // the static message without JavaScript stays in place

  const lang = settings.lang;
  const index = indexModel(model);
  const store = createStore(storeSpec(browserStorage(), settings.storage_key));
  const loaded = store.load();
  const guides = new Map(); // guide slug → {href, title}
  for (const link of document.querySelectorAll("[data-oai-tm-guide]")) {
    guides.set(link.getAttribute("data-oai-tm-guide"), { href: link.href, title: link.textContent });
  }

  const app = {
    root,
    lang,
    settings,
    index,
    guides,
    rules: jsonBlock("oai-example-rules"), // null: the example draft is switched off
    t: createTranslator(settings.strings, lang),
    uid: idMaker("oai-tm"),
    makeId: () => newId(),
    today: () => isoDay(),
    live: liveRegions("oai-tm"),
    state: restoreState(loaded.data, index, { languages: settings.languages, lang, makeId: () => newId() }),
    storageProblem: loaded.problem === "newer" ? "newer" : store.available ? null : "unavailable",
    view: "questions",
    views: {},
    viewButtons: {},
    frame: {},
  };
  app.announce = app.live.announce;
  app.current = () => currentAssessment(app.state);
  app.name = (assessment) => displayName(app.state, assessment, settings.name_question, app.t);
  app.save = () => {
    const wasAvailable = store.available;
    if (!store.save(storedState(app.state)) && wasAvailable && !store.available) {
      app.announce(app.t("tm_storage_failed"), true);
    }
  };
  app.clearStorage = () => store.clear();
  app.renderView = () => {
    const render = { questions: renderQuestions, summary: renderSummary, report: renderReportView, draft: renderDraft };
    render[app.view](app);
  };
  app.showView = (name, focus) => {
    app.view = name;
    for (const [view, viewButton] of Object.entries(app.viewButtons)) {
      if (view === name) viewButton.setAttribute("aria-current", "true");
      else viewButton.removeAttribute("aria-current");
      app.views[view].hidden = view !== name;
    }
    app.renderView();
    if (focus) {
      const heading = app.views[name].querySelector("h2");
      if (heading) heading.focus();
    }
  };
  app.goToSection = (position) => goToSection(app, position);

  buildFrame(app);
  refreshAssessments(app);
  for (const node of document.querySelectorAll("[data-oai-tm-nojs]")) node.hidden = true;
  document.documentElement.classList.add("oai-tm-active");
  root.hidden = false;
  app.showView("questions", false);

  // Printing always prints the report (the print stylesheet shows nothing else).
  window.addEventListener("beforeprint", () => {
    if (app.view !== "report") app.showView("report", false);
    renderReport(app);
  });
}

start();
