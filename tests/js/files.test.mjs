import assert from "node:assert/strict";
import { test } from "node:test";

import { FILE_PROBLEMS, FileProblem, checkSize, fileName, fileText, readFile } from "../../docs/assets/javascripts/core/files.js";

const SPEC = { format: "example-file", version: 2, migrations: { 1: (data) => ({ ...data, items: data.list }) }, maxBytes: 1000 };

function problem(text, spec = SPEC) {
  try {
    readFile(text, spec);
  } catch (error) {
    assert.ok(error instanceof FileProblem);
    assert.ok(FILE_PROBLEMS.includes(error.code), error.code);
    return error.code;
  }
  return null;
}

test("a saved file names its format and version and reads back", () => {
  const text = fileText(SPEC, { items: ["a"], name: "Å" }, new Date(Date.UTC(2026, 11, 3, 9, 30)));
  assert.ok(text.endsWith("}\n"));
  const data = JSON.parse(text);
  assert.deepEqual(Object.keys(data), ["format", "format_version", "saved", "items", "name"]);
  assert.equal(data.saved, "2026-12-03T09:30:00.000Z");
  assert.deepEqual(readFile(text, SPEC), { version: 2, data: { saved: data.saved, items: ["a"], name: "Å" } });
});

test("an older file is migrated", () => {
  const text = JSON.stringify({ format: "example-file", format_version: 1, list: [1] });
  assert.deepEqual(readFile(text, SPEC), { version: 1, data: { list: [1], items: [1] } });
});

test("broken and foreign files are refused with a reason", () => {
  assert.equal(problem("not json {"), "not-json");
  assert.equal(problem(""), "not-json");
  assert.equal(problem(undefined), "not-json");
  assert.equal(problem('["a", "list"]'), "format");
  assert.equal(problem("null"), "format");
  assert.equal(problem('{"format": "other", "format_version": 1}'), "format");
  assert.equal(problem('{"format": "example-file"}'), "format");
  assert.equal(problem('{"format": "example-file", "format_version": "1"}'), "format");
  assert.equal(problem('{"format": "example-file", "format_version": 1.5}'), "format");
  assert.equal(problem('{"format": "example-file", "format_version": -1}'), "format");
  assert.equal(problem('{"format": "example-file", "format_version": 3}'), "newer");
  assert.equal(problem(`{"format": "example-file", "x": "${"a".repeat(2000)}"}`), "too-large");
  assert.equal(problem('{"format": "example-file", "format_version": 2}'), null);
});

test("hostile keys stay plain data", () => {
  const text = '{"format": "example-file", "format_version": 2, "__proto__": {"polluted": true}, "constructor": 1}';
  const { data } = readFile(text, SPEC);
  assert.equal({}.polluted, undefined);
  assert.equal(Object.getPrototypeOf(data), Object.prototype);
  assert.equal(data.constructor, 1); // an own value, which tools then refuse (see assessments)
});

test("size is checked before a file is read", () => {
  assert.throws(() => checkSize(1001, SPEC), (error) => error.code === "too-large");
  assert.doesNotThrow(() => checkSize(1000, SPEC));
});

test("file names: prefix, name as a slug (or a fallback) and day", () => {
  assert.equal(fileName("fortroendemodellen", "Chattbot Eva", "2026-12-03", "json", "svar"), "fortroendemodellen-chattbot-eva-2026-12-03.json");
  assert.equal(fileName("fortroendemodellen", "???", "2026-12-03", "md", "rapport"), "fortroendemodellen-rapport-2026-12-03.md");
});
