// A reporter for `node --test --experimental-test-coverage` (Node 20 has no threshold flag):
// it sums the line coverage of the pure browser modules (docs/assets/javascripts/core/),
// prints it, and fails the run when it is under the minimum. `make test-js` uses it next
// to the usual "spec" reporter:
//
//   node --test --experimental-test-coverage --test-reporter=spec --test-reporter-destination=stdout \
//     --test-reporter=./scripts/js_coverage.mjs --test-reporter-destination=stdout tests/js/
import path from "node:path";

const MINIMUM = 90; // per cent of the lines of core/
const CORE = `${path.sep}docs${path.sep}assets${path.sep}javascripts${path.sep}core${path.sep}`;

/** {covered, total, percent, files} of the files under core/ in a coverage summary. */
export function coreCoverage(summary) {
  const files = summary.files.filter((file) => file.path.includes(CORE));
  const covered = files.reduce((sum, file) => sum + file.coveredLineCount, 0);
  const total = files.reduce((sum, file) => sum + file.totalLineCount, 0);
  return { covered, total, percent: total ? (100 * covered) / total : 0, files };
}

export default async function* coverageReporter(source) {
  let seen = false;
  for await (const event of source) {
    if (event.type !== "test:coverage") continue;
    seen = true;
    const { covered, total, percent, files } = coreCoverage(event.data.summary);
    yield `\ncore/ line coverage: ${covered} of ${total} lines = ${percent.toFixed(2)} % (${files.length} files; minimum ${MINIMUM} %)\n`;
    if (!files.length || percent < MINIMUM) {
      yield `FAIL: the pure modules (docs/assets/javascripts/core/) need at least ${MINIMUM} % line coverage\n`;
      process.exitCode = 1;
    }
  }
  if (!seen) {
    yield "FAIL: no coverage report; run node with --experimental-test-coverage\n";
    process.exitCode = 1;
  }
}
