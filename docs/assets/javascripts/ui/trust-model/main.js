/*
 * Förtroendemodellen: the self-assessment tool (entry point of assets/javascripts/trust-model.js).
 *
 * No dependencies and no network use: it works offline, from file:// and on an intranet.
 * The page carries everything as JSON data blocks: the question model (#oai-trust-model),
 * the tool's settings and strings in both languages (#oai-trust-model-ui) and the example
 * collection's rules for the example draft (#oai-example-rules). Answers live only in this
 * browser (localStorage) and in files the reader saves. The logic is in core/; the modules
 * here build the page and share one context object, `app`.
 *
 * Several tabs may have the tool open. Every change goes through app.change(), which first
 * takes in what another tab has stored since (so no tab writes over another's answers), and
 * a `storage` event from another tab brings this one up to date at once.
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
  syncState,
} from "../../core/trust-model/assessments.js";
import { indexModel } from "../../core/trust-model/model.js";
import { browserStorage, jsonBlock, liveRegions } from "../dom.js";
import { renderDraft } from "./draft.js";
import { onLoadFile, onSaveFile } from "./files.js";
import { buildFrame, refreshAssessments, showStorageWarning } from "./frame.js";
import { goToSection, renderQuestions } from "./questions.js";
import { renderReport, renderReportView } from "./report.js";
import { renderSummary } from "./summary.js";

/** Render the open view again without losing the reader's place: focus, selection and scroll. */
function refresh(app) {
  const active = document.activeElement;
  const id = active && app.root.contains(active) ? active.id : "";
  const selection = id && typeof active.selectionStart === "number" ? [active.selectionStart, active.selectionEnd] : null;
  const scroll = window.scrollY;
  refreshAssessments(app);
  app.renderView();
  const again = id && document.getElementById(id);
  if (again) {
    again.focus({ preventScroll: true });
    if (selection && typeof again.setSelectionRange === "function") again.setSelectionRange(...selection);
  }
  window.scrollTo(window.scrollX, scroll);
}

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
  const stateOptions = { lang, makeId: () => newId() };

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
    state: restoreState(loaded.data, index, stateOptions),
    storageProblem: loaded.problem === "newer" ? "newer" : store.available ? null : "unavailable",
    view: "questions",
    views: {},
    viewButtons: {},
    frame: {},
  };
  app.announce = app.live.announce;
  app.current = () => currentAssessment(app.state);
  app.name = (assessment) => displayName(app.state, assessment, settings.name_question, app.t);

  /**
   * Take in what another tab has stored since this tab last read or wrote: true when the
   * assessments changed (not only the other tab's place in them).
   */
  const sync = () => {
    if (!store.changedElsewhere()) return false;
    const again = store.load();
    if (again.problem === "newer") {
      showStorageWarning(app, "newer");
      return false;
    }
    const before = JSON.stringify(app.state.assessments);
    app.state = syncState(app.state, again.data, index, stateOptions);
    return JSON.stringify(app.state.assessments) !== before;
  };
  /**
   * Change the state with `mutate(state)` and store it: true when stored. `mutate` must find
   * what it changes in app.state (app.current(), ids), never keep objects from before: the
   * state may have been replaced by another tab's just before it runs.
   */
  app.change = (mutate) => {
    const synced = sync();
    mutate(app.state);
    const wasAvailable = store.available;
    const record = storedState(app.state);
    const saved = record ? store.save(record) : !store.locked && store.clear();
    if (!saved && wasAvailable && !store.available) showStorageWarning(app, "failed");
    if (synced) setTimeout(() => refresh(app), 0);
    return saved;
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
  app.files = { save: () => onSaveFile(app), load: () => onLoadFile(app) };

  buildFrame(app);
  refreshAssessments(app);
  for (const node of document.querySelectorAll("[data-oai-tm-nojs]")) node.hidden = true;
  document.documentElement.classList.add("oai-tm-active");
  root.hidden = false;
  app.showView("questions", false);

  // Another tab stored answers (or cleared them): show them here at once.
  window.addEventListener("storage", (event) => {
    if (event.key !== null && event.key !== settings.storage_key) return;
    if (!sync()) return;
    refresh(app);
    app.announce(app.t("tm_synced"));
  });
  // Printing always prints the report (the print stylesheet shows nothing else).
  window.addEventListener("beforeprint", () => {
    if (app.view !== "report") app.showView("report", false);
    renderReport(app);
  });
}

start();
