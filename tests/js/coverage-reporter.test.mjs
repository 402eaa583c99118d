// The coverage gate of `make test-js` must be able to fail: fed a report under the minimum,
// it says so and sets a failing exit code.
import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";

import coverageReporter, { coreCoverage } from "../../scripts/js_coverage.mjs";

const core = (name) => path.join("/repo", "docs", "assets", "javascripts", "core", name);
const summary = (covered) => ({
  files: [
    { path: core("a.js"), coveredLineCount: covered, totalLineCount: 100 },
    { path: core(path.join("trust-model", "b.js")), coveredLineCount: 50, totalLineCount: 50 },
    { path: path.join("/repo", "tests", "js", "a.test.mjs"), coveredLineCount: 0, totalLineCount: 500 },
  ],
});

async function run(events) {
  async function* source() {
    yield* events;
  }
  const before = process.exitCode;
  let output = "";
  for await (const text of coverageReporter(source())) output += text;
  const code = process.exitCode;
  process.exitCode = before;
  return { output, code };
}

test("only core/ counts", () => {
  assert.deepEqual(
    { ...coreCoverage(summary(85)), files: undefined },
    { covered: 135, total: 150, percent: 90, files: undefined }
  );
});

test("at the minimum the run passes; under it, it fails", async () => {
  const pass = await run([{ type: "test:pass", data: {} }, { type: "test:coverage", data: { summary: summary(85) } }]);
  assert.match(pass.output, /core\/ line coverage: 135 of 150 lines = 90\.00 %/);
  assert.notEqual(pass.code, 1);
  const fail = await run([{ type: "test:coverage", data: { summary: summary(84) } }]);
  assert.match(fail.output, /FAIL: the pure modules/);
  assert.equal(fail.code, 1);
});

test("no coverage report at all fails", async () => {
  const { output, code } = await run([{ type: "test:pass", data: {} }]);
  assert.match(output, /no coverage report/);
  assert.equal(code, 1);
  const empty = await run([{ type: "test:coverage", data: { summary: { files: [] } } }]);
  assert.equal(empty.code, 1);
});
