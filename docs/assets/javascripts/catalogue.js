/* Exempelsamlingen: instant filtering of the example catalogue.
 *
 * The page holds the full list and a <form method="get"> of filters (hidden until this
 * script runs, since without JavaScript it could not filter). Each list item carries its
 * filter values as data-f="param=value ..." tokens, the same as the form's name=value
 * pairs, so a filter change only toggles `hidden` on items and updates the counts.
 * Within one filter the chosen values are alternatives (OR); different filters and the
 * words of the free-text search must all match (AND). The filter state lives in the
 * URL query, so views can be shared and the back button works.
 *
 * The matches are shown a page at a time (data-page-size on the list) with a button for
 * more: laying out a thousand entries on every change would make filtering slow.
 */
(() => {
  "use strict";

  const form = document.getElementById("oai-cat-form");
  const list = document.getElementById("oai-cat-list");
  const status = document.getElementById("oai-cat-status");
  const more = document.getElementById("oai-cat-more");
  const stringsBlock = document.getElementById("oai-cat-strings");
  if (!form || !list || !status || !more || !stringsBlock) return;

  const strings = JSON.parse(stringsBlock.textContent);
  const textParam = form.dataset.textParam;
  const pageSize = Number(list.dataset.pageSize) || 50;
  const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLocaleLowerCase();

  // Index built once: each item's tokens grouped by filter, and its folded text.
  const items = Array.from(list.children, (element) => {
    const byParam = new Map();
    for (const token of element.dataset.f.split(" ")) {
      const param = token.slice(0, token.indexOf("="));
      if (!byParam.has(param)) byParam.set(param, []);
      byParam.get(param).push(token);
    }
    return { element, byParam, text: fold(element.textContent) };
  });
  const counters = Array.from(form.querySelectorAll("[data-count]"), (element) => ({
    element,
    token: element.dataset.count,
    label: element.dataset.label || null,
  }));
  let limit = pageSize;

  function readState() {
    const selected = new Map();
    let words = [];
    for (const [name, value] of new FormData(form)) {
      if (name === textParam) {
        words = fold(value).split(/\s+/).filter(Boolean);
      } else if (value) {
        if (!selected.has(name)) selected.set(name, new Set());
        selected.get(name).add(`${name}=${value}`);
      }
    }
    return { selected, words };
  }

  // Show the first `limit` matching items; count, for every value, the items that would
  // match if it were chosen (the other filters staying as they are). Returns the number
  // of matches.
  function apply() {
    const { selected, words } = readState();
    const counts = new Map();
    const add = (tokens) => {
      for (const token of tokens) counts.set(token, (counts.get(token) || 0) + 1);
    };
    let matches = 0;
    for (const item of items) {
      let failed = words.every((word) => item.text.includes(word)) ? null : undefined;
      if (failed === null) {
        for (const [param, wanted] of selected) {
          const tokens = item.byParam.get(param) || [];
          if (tokens.some((token) => wanted.has(token))) continue;
          if (failed !== null) {
            failed = undefined; // fails two filters: counts for none
            break;
          }
          failed = param;
        }
      }
      let visible = false;
      if (failed === null) {
        matches += 1;
        visible = matches <= limit;
        for (const tokens of item.byParam.values()) add(tokens);
      } else if (failed) {
        add(item.byParam.get(failed) || []);
      }
      if (item.element.hidden === visible) item.element.hidden = !visible;
    }
    for (const counter of counters) {
      const count = String(counts.get(counter.token) || 0);
      const text = counter.label === null ? count : `${counter.label} (${count})`;
      if (counter.element.textContent !== text) counter.element.textContent = text;
    }
    const remaining = matches - limit;
    more.hidden = remaining <= 0;
    if (remaining > 0) more.textContent = strings.more.replace("{remaining}", String(remaining));
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
    const total = String(items.length);
    const message =
      matches === 0
        ? strings.none
        : matches === items.length
          ? strings.all.replace("{total}", total)
          : strings.some.replace("{matches}", String(matches)).replace("{total}", total);
    announceTimer = window.setTimeout(() => {
      if (status.textContent !== message) status.textContent = message;
    }, delay);
  }

  function query() {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (value.trim()) params.append(name, value.trim());
    }
    const text = params.toString();
    return text ? `?${text}` : "";
  }

  function writeUrl(push) {
    const search = query();
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
})();
