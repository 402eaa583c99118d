/*
 * Exempelsamlingen: instant filtering of the example catalogue (entry point of
 * assets/javascripts/catalogue.js).
 *
 * The page holds the full list and a <form method="get"> of filters (hidden until this
 * script runs, since without JavaScript it could not filter). A filter change only toggles
 * `hidden` on items and updates the counts (core/catalogue.js decides which). The filter
 * state lives in the URL query, so views can be shared, the back button works, and the
 * language switch leads to the same view in the other language.
 *
 * The matches are shown a page at a time (data-page-size on the list) with a button for
 * more: laying out a thousand entries on every change would make filtering slow. Next to the
 * filters, a summary (summary.js) shows the number of matches, the active filters as chips
 * and the first matches; its "Visa" button leads to the list.
 */

import {
  activeFilters,
  filterEntries,
  indexEntry,
  queryString,
  selection,
  statusText,
} from "../../core/catalogue.js";
import { fill } from "../../core/text.js";
import { withQuery } from "../../core/urls.js";
import { jsonBlock } from "../dom.js";
import { filterLabels, summaryView } from "./summary.js";

function start() {
  const form = document.getElementById("oai-cat-form");
  const list = document.getElementById("oai-cat-list");
  const status = document.getElementById("oai-cat-status");
  const more = document.getElementById("oai-cat-more");
  const summaryBox = document.getElementById("oai-cat-summary");
  const heading = document.getElementById("oai-cat-list-heading");
  const strings = jsonBlock("oai-cat-strings");
  if (!form || !list || !status || !more || !summaryBox || !heading || !strings) return;

  const lang = document.documentElement.lang === "en" ? "en" : "sv";
  const textParam = form.dataset.textParam;
  const pageSize = Number(list.dataset.pageSize) || 50;
  const items = Array.from(list.children, (element) => ({ element, ...indexEntry(element.dataset.f, element.textContent) }));
  const counters = Array.from(form.querySelectorAll("[data-count]"), (element) => ({
    element,
    token: element.dataset.count,
    label: element.dataset.label || null,
  }));
  const labels = filterLabels(form);
  const summary = summaryView({
    chipBox: document.getElementById("oai-cat-chips"),
    previewList: document.getElementById("oai-cat-preview"),
    heading,
    onRemove: remove,
  });
  let limit = pageSize;

  // Show the first `limit` matches, every value's count and the summary; returns the number of matches.
  function apply(afterChange = false) {
    const pairs = Array.from(new FormData(form));
    const { visible, matches, counts } = filterEntries(items, selection(pairs, textParam, lang), limit);
    items.forEach((item, position) => {
      if (item.element.hidden === visible[position]) item.element.hidden = !visible[position];
    });
    for (const counter of counters) {
      const count = String(counts.get(counter.token) || 0);
      const text = counter.label === null ? count : `${counter.label} (${count})`;
      if (counter.element.textContent !== text) counter.element.textContent = text;
    }
    const remaining = matches - limit;
    more.hidden = remaining <= 0;
    if (remaining > 0) more.textContent = fill(strings.more, { remaining });
    summary.chips(activeFilters(pairs, textParam, labels, strings));
    summary.preview(
      items.filter((item, position) => visible[position]).map((item) => item.element),
      afterChange
    );
    return matches;
  }

  // A new filter starts again from the first page of matches.
  function filter(afterChange = true) {
    limit = pageSize;
    return apply(afterChange);
  }

  // Tell screen readers (role="status") how many examples match; while the reader types,
  // wait for a pause so that every keystroke does not interrupt.
  let announceTimer = 0;
  function announce(matches, delay = 0) {
    window.clearTimeout(announceTimer);
    const message = statusText(strings, matches, items.length);
    announceTimer = window.setTimeout(() => {
      if (status.textContent !== message) status.textContent = message;
    }, delay);
  }

  // The language switch leads to the same filters in the other language.
  function updateLanguageLinks(search) {
    for (const link of document.querySelectorAll(".oai-language__link")) {
      link.setAttribute("href", withQuery(link.getAttribute("href"), search));
    }
  }

  // The address bar and the language switch show the current filters.
  function writeUrl(push) {
    const search = queryString(new FormData(form));
    updateLanguageLinks(search);
    if (search === window.location.search) return;
    const url = `${window.location.pathname}${search}${window.location.hash}`;
    try {
      window.history[push ? "pushState" : "replaceState"](null, "", url);
    } catch {
      // Some browsers refuse history changes on file:// pages; filtering still works.
    }
  }

  function readUrl() {
    const params = new URLSearchParams(window.location.search);
    for (const control of form.elements) {
      if (!control.name) continue;
      if (control.type === "checkbox") {
        control.checked = params.getAll(control.name).includes(control.value);
      } else if (control.tagName === "SELECT") {
        const wanted = params.get(control.name) || "";
        const known = Array.from(control.options).some((option) => option.value === wanted);
        control.value = known ? wanted : "";
      } else if (control.name === textParam) {
        control.value = params.get(textParam) || "";
      }
    }
  }

  // Open the filter groups that hold a chosen value, so that the reader sees it.
  function openChosenGroups() {
    for (const group of form.querySelectorAll("details")) {
      if (group.querySelector("input:checked")) group.open = true;
    }
  }

  // A chip's button: clear that filter, then focus the next chip (or the search field).
  function remove(chip) {
    const position = activeFilters(Array.from(new FormData(form)), textParam, labels, strings).findIndex(
      (other) => other.name === chip.name && other.value === chip.value
    );
    for (const control of form.elements) {
      if (control.name !== chip.name) continue;
      if (control.type === "checkbox" && control.value === chip.value) control.checked = false;
      else if (control.type !== "checkbox") control.value = "";
    }
    announce(filter());
    writeUrl(true);
    if (!summary.focusChip(Math.max(position, 0))) document.getElementById("oai-cat-text").focus();
  }

  // "Visa": the list comes into view, with the summary in its place just above it, and gets the focus.
  function showResults() {
    summary.hidePreview(); // the list itself is about to be in view
    const header = document.querySelector(".md-header");
    const summaryTop = form.getBoundingClientRect().bottom + parseFloat(getComputedStyle(summaryBox).marginTop);
    const top = summaryTop + window.scrollY - (header ? header.offsetHeight : 0) - 8;
    window.scrollTo({ top });
    heading.focus({ preventScroll: true });
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    announce(filter());
    writeUrl(true);
    showResults();
  });
  form.addEventListener("input", (event) => {
    if (event.target.name !== textParam) return;
    announce(filter(), 600);
    writeUrl(false);
  });
  form.addEventListener("change", (event) => {
    if (event.target.name !== textParam) announce(filter());
    writeUrl(true);
  });
  form.addEventListener("reset", () => {
    // The browser resets the controls after this event.
    window.setTimeout(() => {
      announce(filter());
      writeUrl(true);
    });
  });
  more.addEventListener("click", () => {
    const first = limit;
    limit += pageSize;
    apply();
    // Continue where the reader was: at the first entry just shown.
    const next = items.filter((item) => !item.element.hidden)[first];
    if (next) next.element.querySelector("a").focus();
  });
  window.addEventListener("popstate", () => {
    readUrl();
    announce(filter());
    updateLanguageLinks(queryString(new FormData(form)));
    openChosenGroups();
  });

  readUrl();
  announce(filter(false));
  updateLanguageLinks(queryString(new FormData(form)));
  openChosenGroups();
  form.hidden = false;
  summaryBox.querySelector(".oai-cat__show").hidden = false;
}

start();
