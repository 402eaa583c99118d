// Shared by the decision aid's tests: the data as the command line reads it, the edge cases,
// and one-language views of the data like the ones the page gets.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

export function loadAid() {
  return parse(readFileSync(join(ROOT, "data", "ai-act.yml"), "utf8"));
}

export function loadCases() {
  return JSON.parse(readFileSync(join(ROOT, "tests", "fixtures", "ai-act", "edge-cases.json"), "utf8"));
}

const isText = (value) =>
  value !== null && typeof value === "object" && !Array.isArray(value) &&
  Object.keys(value).length === 2 && typeof value.sv === "string" && typeof value.en === "string";

/** The data with every {sv, en} text replaced by `pick(text)`: one language, or scrambled text. */
export function view(node, pick) {
  if (isText(node)) return pick(node);
  if (Array.isArray(node)) return node.map((item) => view(item, pick));
  if (node !== null && typeof node === "object") {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, view(value, pick)]));
  }
  return node;
}
