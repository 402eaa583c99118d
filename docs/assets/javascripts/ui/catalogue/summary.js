/*
 * The catalogue's summary next to the filters: the active filters as removable chips, and
 * the first matches while the list itself is out of view (below the screen).
 *
 * The summary sticks to the bottom of the screen while the filters are in view (CSS), so
 * whoever changes a filter sees at once how many examples match and which come first.
 */

import { el } from "../dom.js";

const PREVIEW_SIZE = 3;

/** The labels of every value the form offers: Map "param=value" → {filter, value}. */
export function filterLabels(form) {
  const labels = new Map();
  for (const box of form.querySelectorAll("input[type=checkbox][data-label]")) {
    const legend = box.closest("fieldset")?.querySelector("legend");
    labels.set(`${box.name}=${box.value}`, { filter: legend ? legend.textContent.trim() : box.name, value: box.dataset.label });
  }
  for (const select of form.querySelectorAll("select")) {
    const label = form.querySelector(`label[for="${select.id}"]`);
    for (const option of select.options) {
      if (!option.value) continue;
      labels.set(`${select.name}=${option.value}`, {
        filter: label ? label.textContent.trim() : select.name,
        value: option.dataset.label || option.value,
      });
    }
  }
  return labels;
}

/**
 * The summary's parts: `chips(list)` shows the active filters (each a button that calls
 * `onRemove(chip)`), `preview(items)` the first matching list items, and `focusChip(index)`
 * puts the focus on a chip after another was removed.
 */
export function summaryView({ chipBox, previewList, heading, onRemove }) {
  const chipList = chipBox.querySelector("ul");
  let changed = false; // the first matches show only after the reader has changed something
  let listBelow = false; // the list's heading is below the screen
  let previewItems = [];

  function renderPreview() {
    const show = changed && listBelow && previewItems.length > 0;
    if (show) {
      previewList.replaceChildren(
        ...previewItems.slice(0, PREVIEW_SIZE).map((item) => {
          const link = item.querySelector("a");
          return el("li", {}, el("a", { href: link.getAttribute("href"), lang: link.getAttribute("lang") }, link.textContent));
        })
      );
    }
    if (previewList.hidden === show) previewList.hidden = !show;
  }

  if ("IntersectionObserver" in window) {
    new IntersectionObserver((entries) => {
      const entry = entries[entries.length - 1];
      listBelow = !entry.isIntersecting && entry.boundingClientRect.top > 0;
      renderPreview();
    }).observe(heading);
  }

  return {
    chips(list) {
      chipList.replaceChildren(
        ...list.map((chip) =>
          el(
            "li",
            {},
            el(
              "button",
              { type: "button", class: "oai-cat__chip", "aria-label": chip.remove, onclick: () => onRemove(chip) },
              chip.text,
              el("span", { "aria-hidden": "true", class: "oai-cat__chip-x" }, "×")
            )
          )
        )
      );
      chipBox.hidden = list.length === 0;
    },
    preview(items, afterChange) {
      previewItems = items;
      changed = changed || afterChange;
      renderPreview();
    },
    hidePreview() {
      changed = false;
      renderPreview();
    },
    focusChip(index) {
      const buttons = chipList.querySelectorAll("button");
      const target = buttons[Math.min(index, buttons.length - 1)];
      if (target) target.focus();
      return Boolean(target);
    },
  };
}
