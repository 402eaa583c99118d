/*
 * Exempelsamlingen: instant filtering of the example catalogue (entry point of
 * assets/javascripts/catalogue.js).
 *
 * The page holds the full list and a <form method="get"> of filters (hidden until this
 * script runs, since without JavaScript it could not filter). A filter change only toggles
 * `hidden` on items and updates the counts (core/catalogue.js decides which). The filter
 * state lives in the URL query, so views can be shared and the back button works.
 *
 * The matches are shown a page at a time (data-page-size on the list) with a button for
 * more: laying out a thousand entries on every change would make filtering slow.
 */

import { filterEntries, indexEntry, queryString, selection, statusText } from "../../core/catalogue.js";
import { fill } from "../../core/text.js";
import { jsonBlock } from "../dom.js";

function start() {
  const form = document.getElementById("oai-cat-form");
  const list = document.getElementById("oai-cat-list");
  const status = document.getElementById("oai-cat-status");
  const more = document.getElementById("oai-cat-more");
  const strings = jsonBlock("oai-cat-strings");
  if (!form || !list || !status || !more || !strings) return;

  const textParam = form.dataset.textParam;
  const pageSize = Number(list.dataset.pageSize) || 50;
  const items = Array.from(list.children, (element) => ({ element, ...indexEntry(element.dataset.f, element.textContent) }));
  const counters = Array.from(form.querySelectorAll("[data-count]"), (element) => ({
    element,
    token: element.dataset.count,
    label: element.dataset.label || null,
  }));
  let limit = pageSize;

  // Show the first `limit` matches and every value's count; returns the number of matches.
  function apply() {
    const { visible, matches, counts } = filterEntries(items, selection(new FormData(form), textParam), limit);
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
    return matches;
  }

  // A new filter starts again from the first page of matches.
  function filter() {
    limit = pageSize;
    return apply();
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

  function writeUrl(push) {
    const search = queryString(new FormData(form));
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

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    announce(filter());
    writeUrl(true);
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
    openChosenGroups();
  });

  readUrl();
  announce(filter());
  openChosenGroups();
  form.hidden = false;
}

start();
