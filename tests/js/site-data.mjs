// The real data the pure modules work with, as the build hands it to the page: the
// trust model, the tool's settings and strings, and the example rules. Python makes them
// (the same functions as the build), so the tests see exactly what readers get.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PYTHON = process.env.PYTHON || `${ROOT}.venv/bin/python`;

const CODE = `
import json
from pathlib import Path
from offentligai.trust_model import model as tm, pages
from offentligai.languages import load_strings
root = Path(".")
strings = load_strings(root / "data" / "strings")
data, _ = tm.load_model(root, root / "docs")
model = tm.normalise(data, tm.yes_no_labels(strings))
rules, problems = pages.load_draft_rules(root / "data" / "vocabularies.yml")
assert not problems, problems
print(json.dumps({"model": model, "settings": pages.tool_data(model, strings, "sv"), "rules": rules}))
`;

/** {model, settings, rules}, read once per test file. */
export const site = JSON.parse(execFileSync(PYTHON, ["-c", CODE], { cwd: ROOT, encoding: "utf8" }));

/** The text of a test fixture under tests/fixtures/. */
export function fixture(path) {
  return readFileSync(`${ROOT}tests/fixtures/${path}`, "utf8");
}
