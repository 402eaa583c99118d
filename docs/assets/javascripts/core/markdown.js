/*
 * Markdown and YAML text made from readers' answers: nothing a reader typed may turn into
 * HTML, formatting or structure in a report or a drafted page.
 */

import { cleanText } from "./text.js";

/** Text made safe for Markdown: no HTML, no formatting characters, no accidental structure. */
export function markdownEscape(text) {
  return String(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]{}#|!~])/g, "\\$1")
    .replace(/^(\s*)([-+])(\s)/gm, "$1\\$2$3")
    .replace(/^(\s*)(\d+)([.)])(\s)/gm, "$1$2\\$3$4");
}

/** Text as a Markdown block quote, line by line, escaped. */
export function markdownQuote(text) {
  return String(text)
    .split(/\r?\n/)
    .map((line) => (line.trim() ? `> ${markdownEscape(line)}` : ">"))
    .join("\n");
}

/** A YAML scalar on one line: JSON's double-quoted strings are valid YAML and escape everything. */
export function yamlString(text) {
  return JSON.stringify(cleanText(text).replace(/\s*\n\s*/g, " "));
}
