/*
 * The guide's checklists become tickable (entry point of assets/javascripts/checklists.js,
 * loaded on pages with a checklist). Markdown renders the boxes disabled; where the browser
 * keeps data, they are enabled, what the reader ticks is kept per page (core/checklists.js),
 * and each list says how many items are done and offers to clear them. Without JavaScript,
 * or where the browser keeps nothing, the lists stay as they were: lists to print or copy.
 *
 * The texts come from the script element's data attributes (data-kept, data-count, data-clear).
 * This script does without ui/dom.js: it runs on every guide chapter, where each kilobyte counts.
 */

import { itemId, readTicks, sitePath, tickedOn, withTicks, writeTicks } from "../../core/checklists.js";
import { fill } from "../../core/text.js";

/** localStorage, or null where the browser refuses it (or refuses to write to it). */
function usableStorage() {
  try {
    const storage = window.localStorage;
    const probe = "offentligai.probe";
    storage.setItem(probe, "1");
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

/** The text of the heading just before `list` (its checklist's name), or "". */
function headingBefore(list) {
  for (let node = list.previousElementSibling; node; node = node.previousElementSibling) {
    if (/^H[2-6]$/.test(node.tagName)) return node.textContent.replace(/¶\s*$/, "").trim();
  }
  return "";
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  node.className = className;
  if (text) node.textContent = text;
  return node;
}

function start(strings) {
  const storage = usableStorage();
  const config = document.getElementById("__config");
  if (!storage || !config) return;
  const base = JSON.parse(config.textContent).base.replace(/\/?$/, "/");
  const page = sitePath(window.location.pathname, new URL(base, window.location.href).pathname);

  const checklists = Array.from(document.querySelectorAll(".md-typeset ul.task-list"), (list) => {
    const boxes = Array.from(list.querySelectorAll(":scope > li > input[type=checkbox]"), (box) => ({
      box,
      id: itemId(box.getAttribute("aria-label") || box.parentElement.textContent),
    }));
    const count = element("span", "oai-checklist__count");
    const clear = element("button", "oai-checklist__clear", strings.clear);
    clear.type = "button";
    const name = headingBefore(list);
    if (name) clear.setAttribute("aria-label", `${strings.clear}: ${name}`);
    const tools = element("p", "oai-checklist__tools", strings.kept);
    tools.append(" ", count, " ", clear);
    list.after(tools);
    return { list, boxes, count, clear };
  });

  // Show the stored ticks and each list's count.
  function show() {
    const ticked = tickedOn(readTicks(storage), page);
    for (const { boxes, count, clear } of checklists) {
      for (const { box, id } of boxes) box.checked = ticked.has(id);
      const done = boxes.filter(({ box }) => box.checked).length;
      count.textContent = fill(strings.count, { done, total: boxes.length });
      clear.hidden = done === 0;
    }
  }

  function save(ids, on) {
    writeTicks(storage, withTicks(readTicks(storage), page, ids, on));
    show();
  }

  for (const { list, boxes, clear } of checklists) {
    for (const { box, id } of boxes) {
      box.disabled = false;
      box.addEventListener("change", () => save([id], box.checked));
    }
    clear.addEventListener("click", () => {
      save(
        boxes.map(({ id }) => id),
        false
      );
      list.querySelector("input").focus();
    });
  }
  // Another tab of the site ticked something: show it here too.
  window.addEventListener("storage", () => show());
  show();
}

start({ ...document.currentScript.dataset });
