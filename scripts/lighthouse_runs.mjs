// Run Lighthouse (mobile profile, the default) on a list of pages, in Debian's Chromium.
//
//   node scripts/lighthouse_runs.mjs job.json
//
// job.json: {"chrome": "/usr/bin/chromium", "flags": [...], "runs": 3, "out": "folder",
//            "device_benchmark_index": 702,
//            "pages": [{"name": "start-sv", "url": "http://127.0.0.1:8080/"}, ...]}
// Writes one Lighthouse result per run to <out>/<name>.<run>.json, <out>/retries.json and
// <out>/calibration.json.
//
// The same device on every machine: Lighthouse slows the CPU down by a fixed factor (4), so a
// slower machine emulates a slower phone and scores lower. A first run on the first page
// (not counted) reads this machine's CPU speed (Lighthouse's benchmarkIndex); every counted run
// then slows the CPU down by benchmarkIndex / device_benchmark_index (at least 1), so that the
// emulated phone has the same speed whatever machine runs the audit.
// A run that ends in a Lighthouse runtime error (such as NO_NAVSTART, "please run Lighthouse
// again") is repeated up to twice; a page that still fails makes the script exit 1.
// scripts/audit.py starts this and reads the results; the flags come from scripts/chromium.py.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";


const job = JSON.parse(readFileSync(process.argv[2], "utf8"));
mkdirSync(job.out, { recursive: true });
const ATTEMPTS = 3;
let failed = 0;
const retries = [];
// One browser for every run: Lighthouse clears the origin's cache and storage before each.
const chrome = await chromeLauncher.launch({ chromePath: job.chrome, chromeFlags: job.flags });
const options = { port: chrome.port, output: "json", logLevel: "error" };
try {
  if (job.device_benchmark_index) {
    const probe = await lighthouse(job.pages[0].url, { ...options, onlyCategories: ["performance"] });
    const machine = probe.lhr.environment?.benchmarkIndex;
    if (!Number.isFinite(machine) || machine <= 0) throw new Error("Lighthouse gave no benchmarkIndex");
    const multiplier = Math.max(1, Math.round((machine / job.device_benchmark_index) * 100) / 100);
    options.throttling = { cpuSlowdownMultiplier: multiplier };
    writeFileSync(join(job.out, "calibration.json"), JSON.stringify({ benchmark_index: machine, cpu_slowdown: multiplier }));
    console.log(`calibration: benchmarkIndex ${machine}, CPU slowdown ${multiplier}x`);
  }
  for (const page of job.pages) {
    for (let run = 1; run <= job.runs; run += 1) {
      let lhr;
      for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
        const result = await lighthouse(page.url, options);
        lhr = result.lhr;
        if (!lhr.runtimeError) break;
        retries.push({ page: page.name, run, attempt, error: lhr.runtimeError.code });
        console.log(`${page.name} run ${run}, attempt ${attempt}: ${lhr.runtimeError.code}`);
      }
      writeFileSync(join(job.out, `${page.name}.${run}.json`), JSON.stringify(lhr));
      const scores = Object.values(lhr.categories)
        .map((category) => `${category.id} ${Math.round(category.score * 100)}`)
        .join(", ");
      if (lhr.runtimeError) {
        failed += 1;
        console.log(`${page.name} run ${run}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      } else {
        console.log(`${page.name} run ${run}: ${scores}`);
      }
    }
  }
} finally {
  await chrome.kill();
}
writeFileSync(join(job.out, "retries.json"), JSON.stringify(retries, null, 2));
process.exit(failed ? 1 : 0);
