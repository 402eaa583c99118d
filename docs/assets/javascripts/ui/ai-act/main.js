/*
 * AI-förordningen – vad gäller för oss? The decision aid (entry point of
 * assets/javascripts/ai-act.js).
 *
 * No dependencies and no network use: it works offline, from file:// and on an intranet. The
 * page carries the aid's data in its language (#oai-ai-act) and the tool's settings and
 * strings (#oai-ai-act-ui) as JSON data blocks. The rules are evaluated by
 * core/ai-act/engine.js, the same module as `node scripts/ai-act.mjs`. Answers live only in
 * this browser (localStorage) and in files the reader saves. The modules here build the page
 * and share one context object, `app`.
 */

import { displayName, currentAssessment, restoreState, storeSpec, storedState } from "../../core/ai-act/assessments.js";
import { currentQuestion } from "../../core/ai-act/progress.js";
import { isoDay, validIsoDate } from "../../core/dates.js";
import { idMaker, newId } from "../../core/ids.js";
import { createStore } from "../../core/storage.js";
import { createTranslator } from "../../core/strings.js";
import { browserStorage, el, jsonBlock, liveRegions } from "../dom.js";
import { buildManager, refreshAssessments, setOpen } from "./manage.js";
import { renderQuestion } from "./question.js";
import { renderResult } from "./result.js";

/** The links the page's text holds for each duty (resolved by MkDocs for this page). */
function dutyLinks(attribute) {
  const links = new Map();
  for (const link of document.querySelectorAll(`[${attribute}]`)) {
    const duty = link.getAttribute(attribute);
    if (!links.has(duty)) links.set(duty, []);
    links.get(duty).push({ href: link.href, title: link.textContent });
  }
  return links;
}

function start() {
  const root = document.querySelector("[data-oai-aa-app]");
  const aid = jsonBlock("oai-ai-act");
  const settings = jsonBlock("oai-ai-act-ui");
  if (!root || !aid || !settings) return; // the text for readers without JavaScript stays in place

  const lang = settings.lang;
  const store = createStore(storeSpec(browserStorage(), settings.storage_key));
  const loaded = store.load();
  const makeId = () => newId();
  const trustTool = document.querySelector("[data-oai-aa-trust-tool]");

  const app = {
    root,
    aid,
    lang,
    settings,
    t: createTranslator(settings.strings, lang),
    uid: idMaker("oai-aa"),
    makeId,
    today: () => isoDay(),
    live: liveRegions("oai-aa"),
    state: restoreState(loaded.data, aid, makeId),
    storageProblem: loaded.problem === "newer" ? "newer" : store.available ? null : "unavailable",
    guideLinks: dutyLinks("data-oai-aa-guide"),
    trustLinks: dutyLinks("data-oai-aa-trust"),
    trustToolHref: trustTool ? trustTool.href : null,
    view: el("div", { class: "oai-aa-view" }),
    manager: {},
  };
  app.announce = app.live.announce;
  app.current = () => currentAssessment(app.state);
  app.name = (assessment) => displayName(app.state, assessment, app.t);
  app.date = () => (validIsoDate(app.state.date) ? app.state.date : app.today());
  app.save = () => {
    const wasAvailable = store.available;
    if (!store.save(storedState(app.state)) && wasAvailable && !store.available) {
      app.announce(app.t("aa_storage_failed"), true);
    }
  };
  /** Show question `id` (or "result"); `focus` moves the focus to its heading. */
  app.show = (id, focus) => {
    const shown = currentQuestion(aid, app.current().answers, id);
    app.state.question = shown;
    app.save();
    if (shown === "result") renderResult(app);
    else renderQuestion(app, shown);
    if (focus) {
      const heading = app.view.querySelector("h2");
      if (heading) heading.focus();
    }
  };

  const warningKey = { unavailable: "aa_storage_unavailable", newer: "aa_storage_newer" }[app.storageProblem];
  const warning = warningKey ? el("p", { class: "oai-aa-warning" }, app.t(warningKey)) : null;
  root.replaceChildren(...[warning, app.live.status, app.live.alert, app.view, buildManager(app)].filter(Boolean));
  refreshAssessments(app);
  if (warning) setOpen(app, true);
  for (const node of document.querySelectorAll("[data-oai-aa-nojs]")) node.hidden = true;
  document.documentElement.classList.add("oai-aa-active");
  root.hidden = false;
  app.show(app.state.question, false);

  // Printing prints the result when every answer is in (the print stylesheet shows only the view).
  window.addEventListener("beforeprint", () => {
    if (app.state.question !== "result" && currentQuestion(aid, app.current().answers, "result") === "result") {
      app.show("result", false);
    }
  });
}

start();
