"""Page quality budget: Lighthouse scores, page weight and build speed, on every page type.

    python -m scripts.audit                 # what `make audit` runs
    python -m scripts.audit --runs 1 --skip-rebuild

1. Builds the site strictly (timed) for the address it is then served at.
2. Checks the build's HTML with the Nu HTML Checker (``scripts/html_check.py``): an error in
   our own markup fails the audit; errors in Material's stock templates are listed.
3. Times the rebuild after a one-line edit under `make serve` (until both languages show
   it) and `make serve-fast`, in a temporary copy of the repository.
4. Serves the build with the repository's nginx configuration (deploy/nginx/, gzip on;
   brotli off, so that the weights are gzip sizes) and runs Lighthouse in its mobile
   profile, several times per page, on every page type in both languages.
5. Writes build/audit/report.json and build/audit/report.md, and exits 1 when a page is
   below a score budget or above its weight budget, or the HTML has an error of ours.

Performance is the median of the runs (Lighthouse's advice: single runs vary); the other
three categories must reach their budget in every run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from deploy.nginx import serve as nginx
from scripts import chromium, html_check
from scripts.repository import copy_sources

ROOT = Path(__file__).resolve().parent.parent

CHROMIUM = chromium.EXECUTABLE
NODE_RUNNER = ROOT / "scripts" / "lighthouse_runs.mjs"

# One page of each type; the English page is the same path under en/.
PAGE_TYPES: dict[str, str] = {
    "start": "",
    "guide-chapter": "guide/juridik/",
    "trust-model-tool": "fortroendemodellen/verktyg/",
    "catalogue": "exempel/",
    "example": "exempel/arbetsformedlingen-bedomningsstod/",
    "about": "om/",
    "404": "404.html",
}
LANGUAGES = ("sv", "en")

SCORE_BUDGET = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
CATEGORIES = tuple(SCORE_BUDGET)

# The CPU speed of the phone the audit emulates, as Lighthouse's benchmarkIndex. Lighthouse
# slows the CPU down four times by default, so its phone is as fast as the machine allows:
# the same page scored 99 on a machine reading 2810 and 87 on the same kind of machine
# reading 1286 (a busy host). The budgets were set on 2026-11-28 at 2810 with the default
# slowdown: the device is 2810 / 4. scripts/lighthouse_runs.mjs reads the machine's speed
# first and slows the CPU down by benchmarkIndex / DEVICE_BENCHMARK_INDEX (at least 1).
DEVICE_BENCHMARK_INDEX = 702

# Bytes transferred per page (gzip, headers included), by kind of resource: what the
# browser fetches while loading the page. "data" is what the page fetches by itself after
# loading; the search index waits until the reader opens search, so it is not counted here,
# and a budget of 2 KiB catches it should it start loading with every page again.
# Measured 2026-11-28 (BENCHMARKS.md), plus about 10 % room; the catalogue's HTML has room for
# some 80 more examples. Raise a budget only with the reason in the commit message.
KINDS = ("html", "css", "js", "data", "images", "other")
KB = 1024


def _budget(html: float, css: float, js: float, total: float) -> dict[str, int]:
    kib = {"html": html, "css": css, "js": js, "data": 2, "images": 4, "other": 4, "total": total}
    return {kind: int(size * KB) for kind, size in kib.items()}


WEIGHT_BUDGET: dict[str, dict[str, int]] = {
    "start": _budget(html=8.5, css=33, js=41, total=86),
    "guide-chapter": _budget(html=18, css=33, js=43, total=98),
    # The question model in both languages is in the page: the report can be written in
    # either language, and the tool works without a server (offline zip).
    "trust-model-tool": _budget(html=66, css=38, js=66, total=172),
    "catalogue": _budget(html=40, css=37, js=45, total=126),
    "example": _budget(html=9.5, css=37, js=41, total=90),
    "about": _budget(html=8.5, css=33, js=41, total=86),
    "404": _budget(html=6.5, css=33, js=41, total=84),
}

# Lighthouse's resourceType of a request -> our kind.
_KIND_OF = {
    "Document": "html",
    "Stylesheet": "css",
    "Script": "js",
    "Fetch": "data",
    "XHR": "data",
    "Image": "images",
}


# ---------------------------------------------------------------------------
# Reading Lighthouse results (pure functions; tests/build/test_audit.py)
# ---------------------------------------------------------------------------


def scores(lhr: dict) -> dict[str, int]:
    """Category scores 0-100 of one Lighthouse result (-1 where Lighthouse gave none)."""
    found = {}
    for category in CATEGORIES:
        score = lhr.get("categories", {}).get(category, {}).get("score")
        found[category] = -1 if score is None else round(score * 100)
    return found


def weights(lhr: dict) -> dict[str, int]:
    """Bytes transferred by kind (html, css, js, data, images, other) and in total."""
    items = lhr.get("audits", {}).get("network-requests", {}).get("details", {}).get("items", [])
    found = dict.fromkeys(KINDS, 0)
    for item in items:
        kind = _KIND_OF.get(item.get("resourceType", ""), "other")
        found[kind] += int(item.get("transferSize") or 0)
    found["total"] = sum(found[kind] for kind in KINDS)
    return found


def metrics(lhr: dict) -> dict[str, float]:
    """The timings behind the performance score, in milliseconds (CLS unitless)."""
    audits = lhr.get("audits", {})
    names = {
        "fcp": "first-contentful-paint",
        "lcp": "largest-contentful-paint",
        "tbt": "total-blocking-time",
        "cls": "cumulative-layout-shift",
        "si": "speed-index",
    }
    return {key: float(audits.get(name, {}).get("numericValue") or 0) for key, name in names.items()}


def failing_audits(lhr: dict, category: str) -> list[str]:
    """The audits that cost ``category`` points: "id: title (display value)"."""
    audits = lhr.get("audits", {})
    found = []
    for ref in lhr.get("categories", {}).get(category, {}).get("auditRefs", []):
        audit = audits.get(ref.get("id"), {})
        if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
            value = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
            found.append(f"{audit.get('id')}: {audit.get('title')}{value}")
    return found


def median_run(runs: list[dict]) -> dict:
    """The run with the median performance score (the lower middle one for an even count)."""
    ordered = sorted(runs, key=lambda lhr: scores(lhr)["performance"])
    return ordered[(len(ordered) - 1) // 2]


@dataclass(frozen=True)
class PageResult:
    page_type: str
    lang: str
    path: str
    scores: dict[str, int]  # performance of the median run; the lowest of the runs for the others
    run_scores: list[dict[str, int]]
    metrics: dict[str, float]  # of the median run
    weights: dict[str, int]  # of the median run
    budget: dict[str, int]
    failures: list[str]  # empty when the page is within every budget
    benchmark_index: float  # Lighthouse's CPU speed reading of this machine (median run)

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def judge(page_type: str, lang: str, path: str, runs: list[dict]) -> PageResult:
    """Compare a page's Lighthouse runs with the score and weight budgets."""
    middle = median_run(runs)
    run_scores = [scores(lhr) for lhr in runs]
    result_scores = {
        category: (
            scores(middle)[category]
            if category == "performance"
            else min(found[category] for found in run_scores)
        )
        for category in CATEGORIES
    }
    failures = []
    for category, budget in SCORE_BUDGET.items():
        if result_scores[category] < budget:
            worst = middle if category == "performance" else min(runs, key=lambda r: scores(r)[category])
            reasons = "; ".join(failing_audits(worst, category)) or "no audit named"
            failures.append(f"{category} {result_scores[category]} < {budget}: {reasons}")
    weight = weights(middle)
    budget = WEIGHT_BUDGET[page_type]
    for kind, limit in budget.items():
        if weight[kind] > limit:
            failures.append(f"{kind} weighs {weight[kind]:,} B > budget {limit:,} B")
    return PageResult(
        page_type=page_type,
        lang=lang,
        path=path,
        scores=result_scores,
        run_scores=run_scores,
        metrics=metrics(middle),
        weights=weight,
        budget=budget,
        failures=failures,
        benchmark_index=float(middle.get("environment", {}).get("benchmarkIndex") or 0),
    )


# ---------------------------------------------------------------------------
# The report
# ---------------------------------------------------------------------------


def _kb(size: int) -> str:
    return f"{size / KB:.1f}"


def markdown_report(report: dict) -> str:
    """The short Markdown version of report.json."""
    lines = [
        "# Page quality audit",
        "",
        f"- Date: {report['date']}",
        f"- Command: `{report['command']}`",
        f"- Machine: {report['machine']['description']}",
        f"- Lighthouse {report['lighthouse']}, mobile profile (simulated throttling), "
        f"{report['runs']} runs per page; Chromium {report['chromium']}",
        f"- CPU slowed down {report['cpu']['cpu_slowdown']:g}× (this machine's benchmarkIndex "
        f"{report['cpu']['benchmark_index']:.0f} before the runs; the emulated phone's "
        f"{report['cpu']['device_benchmark_index']})",
        f"- Runs repeated after a Lighthouse runtime error: {len(report.get('retried_runs', []))}"
        + "".join(f" ({r['page']} run {r['run']}: {r['error']})" for r in report.get("retried_runs", [])),
        f"- Served by nginx with deploy/nginx/ (gzip) at {report['served_at']}",
        f"- Result: **{'within budget' if report['passed'] else 'OVER BUDGET'}**",
        "",
        "## Lighthouse scores",
        "",
        "Performance is the median run; the other categories are the lowest of the runs. "
        f"Budget: performance ≥ {SCORE_BUDGET['performance']}, the others "
        f"{SCORE_BUDGET['accessibility']}.",
        "",
        "| page | language | performance | accessibility | best practices | SEO | FCP ms | LCP ms | TBT ms |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for page in report["pages"]:
        s, m = page["scores"], page["metrics"]
        perf_runs = "/".join(str(run["performance"]) for run in page["run_scores"])
        lines.append(
            f"| {page['page_type']} | {page['lang']} | {s['performance']} ({perf_runs}) | "
            f"{s['accessibility']} | {s['best-practices']} | {s['seo']} | "
            f"{m['fcp']:.0f} | {m['lcp']:.0f} | {m['tbt']:.0f} |"
        )
    lines += [
        "",
        "## Page weight",
        "",
        "KiB transferred (gzip, with headers) by the median run; budget in brackets.",
        "",
        "| page | language | HTML | CSS | JS | data | images | other | total |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for page in report["pages"]:
        w, b = page["weights"], page["budget"]
        cells = " | ".join(f"{_kb(w[kind])} ({_kb(b[kind])})" for kind in (*KINDS, "total"))
        lines.append(f"| {page['page_type']} | {page['lang']} | {cells} |")
    build = report.get("build", {})
    lines += ["", "## Build speed", ""]
    if "full_build_s" in build:
        lines.append(f"- Full strict build, both languages: {build['full_build_s']:.1f} s")
    for name, found in build.get("rebuild", {}).items():
        runs = ", ".join(f"{value:.1f}" for value in found["runs_s"])
        cpu = ", ".join(f"{value:.1f}" for value in found.get("cpu_s", []))
        languages = " in both languages" if len(found.get("languages", ())) > 1 else ""
        server = (
            f"; CPU time of the server meanwhile: {found['median_cpu_s']:.1f} s (median; {cpu} s)"
            if cpu
            else ""
        )
        lines.append(
            f"- `{name}`: first build {found['first_build_s']:.1f} s; after a one-line edit the page "
            f"showed the change{languages} in {found['median_s']:.1f} s (median; runs: {runs} s)" + server
        )
    html = report.get("html")
    if html is not None:
        lines += ["", "## HTML (Nu HTML Checker)", ""]
        lines.append(f"- Errors in our markup (glossary, overrides, hooks, pages): **{len(html['ours'])}**")
        lines += [
            f"  - `{e['file']}` line {e['line']}: {e['message']} (`{e['extract'][:160]}`)"
            for e in html["ours"]
        ]
        for item in html["material"]:
            lines.append(
                f"- In Material's `{item['template']}`: {item['count']} on {item['pages']} pages: "
                f"{item['message']} ({item['note']})"
            )
    failures = [(page, failure) for page in report["pages"] for failure in page["failures"]]
    if failures:
        lines += ["", "## Over budget", ""]
        lines += [f"- {page['page_type']} ({page['lang']}): {failure}" for page, failure in failures]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------


def machine() -> dict:
    """What the figures were measured on."""
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        first = meminfo.read_text(encoding="utf-8").splitlines()[0].split()
        memory = f"{int(first[1]) / 1024 / 1024:.0f} GiB"
    cores = os.cpu_count() or 0
    description = f"{model or platform.processor() or 'unknown CPU'}, {cores} cores, {memory} RAM, "
    description += f"{platform.system()} {platform.release()}, Python {platform.python_version()}"
    return {"cpu": model, "cores": cores, "memory": memory, "description": description}


def _env(site_url: str) -> dict[str, str]:
    return {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}


def timed_build(site_dir: Path, site_url: str) -> float:
    """Wall-clock seconds of a strict build of both languages into ``site_dir``."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site_dir)],
        cwd=ROOT,
        env=_env(site_url),
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"audit: the build failed:\n{result.stdout}{result.stderr}")
    return elapsed


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (loopback)
            return response.read().decode("utf-8")
    except (urllib.error.URLError, OSError):
        return None


def _wait_for(url: str, text: str, deadline: float, process: subprocess.Popen) -> float | None:
    """The moment ``url`` first served a page containing ``text`` (None if never or if the
    server stopped)."""
    while time.monotonic() < deadline and process.poll() is None:
        page = _fetch(url)
        if page is not None and text in page:
            return time.monotonic()
        time.sleep(0.1)  # each request costs the server a little CPU: not too often
    return None


@contextmanager
def _make_serve(copy: Path, target: str, port: int, log: Path) -> Iterator[subprocess.Popen]:
    """`make <target>` running in ``copy``; its output goes to ``log`` (a pipe could fill up)."""
    with log.open("w", encoding="utf-8") as output:
        process = subprocess.Popen(
            ["make", "--no-print-directory", target, f"PORT={port}"],
            cwd=copy,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        yield process
    finally:
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            with suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def serve_cpu_seconds(process: subprocess.Popen) -> float:
    """CPU time (user and system) used so far by the processes of `make serve`'s session.

    ``_make_serve`` starts make in a session of its own, so its process group holds make and
    mkdocs. Read from /proc (Linux); 0 where there is no /proc.
    """
    ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text(encoding="utf-8").rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # the process ended meanwhile
        if int(fields[2]) == process.pid:  # fields after the name: state, ppid, pgrp, …
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


# The guide chapter that the rebuild timing edits, in each language: (source, address).
EDITED_PAGES = {
    "sv": ("docs/guide/juridik.md", "guide/juridik/"),
    "en": ("docs/guide/juridik.en.md", "en/guide/juridik/"),
}
# The languages each target builds: `make serve-fast` builds Swedish only.
SERVED_LANGUAGES = {"serve": ("sv", "en"), "serve-fast": ("sv",)}


def rebuild_times(target: str, edits: int = 5) -> dict:
    """Seconds from a one-line edit of a guide chapter until `make <target>` serves it in every
    language it builds, and the CPU seconds the server used meanwhile (the rebuild, and its
    file watcher's polling).

    Each edit adds a line to the chapter's Swedish and English files (written one right after
    the other, so that one rebuild takes both in); the time is until both pages show their line.
    """
    languages = SERVED_LANGUAGES.get(target, ("sv",))
    with tempfile.TemporaryDirectory(prefix="audit-serve-") as temp:
        copy = Path(temp) / "repo"
        copy_sources(copy)
        (copy / ".venv").symlink_to(ROOT / ".venv")  # the Makefile's installed venv
        port = nginx.free_port()
        urls = {lang: f"http://127.0.0.1:{port}/{EDITED_PAGES[lang][1]}" for lang in languages}
        files = {lang: copy / EDITED_PAGES[lang][0] for lang in languages}
        originals = {lang: file.read_text(encoding="utf-8") for lang, file in files.items()}
        log = Path(temp) / "serve.log"
        with _make_serve(copy, target, port, log) as process:
            started = time.monotonic()
            for url in urls.values():
                if _wait_for(url, "</html>", started + 300, process) is None:
                    with suppress(ProcessLookupError):
                        os.killpg(process.pid, signal.SIGTERM)
                    raise SystemExit(f"audit: `make {target}` did not serve {url}:\n{log.read_text()}")
            first = time.monotonic() - started
            time.sleep(2)  # let the watcher settle after the first build
            runs, cpu = [], []
            for number in range(1, edits + 1):
                tokens = {lang: f"Mätpunkt{number}{lang}x{os.getpid()}" for lang in languages}
                cpu_before = serve_cpu_seconds(process)
                edited = time.monotonic()
                for lang, file in files.items():
                    line = f"\n\n{tokens[lang]} är en rad som lagts till för mätningen.\n"
                    file.write_text(originals[lang].rstrip("\n") + line, encoding="utf-8")
                seen = []
                for lang, url in urls.items():
                    moment = _wait_for(url, tokens[lang], edited + 120, process)
                    if moment is None:
                        source = EDITED_PAGES[lang][0]
                        raise SystemExit(f"audit: `make {target}` never showed the edit of {source}")
                    seen.append(moment)
                runs.append(max(seen) - edited)
                cpu.append(serve_cpu_seconds(process) - cpu_before)
                time.sleep(1.5)
    return {
        "languages": list(languages),
        "first_build_s": first,
        "runs_s": runs,
        "median_s": statistics.median(runs),
        "cpu_s": cpu,
        "median_cpu_s": statistics.median(cpu),
    }


def lighthouse(
    base_url: str, out: Path, runs: int
) -> tuple[dict[tuple[str, str], list[dict]], list[dict], dict]:
    """Lighthouse results per (page type, language), the runs repeated after a Lighthouse
    runtime error, and the CPU calibration (the machine's benchmarkIndex, the slowdown)."""
    pages = []
    for page_type, path in PAGE_TYPES.items():
        for lang in LANGUAGES:
            prefix = "" if lang == "sv" else f"{lang}/"
            pages.append({"name": f"{page_type}-{lang}", "url": f"{base_url}{prefix}{path}"})
    job = write_job(out / "job.json", pages, runs, out / "lighthouse")
    node = shutil.which("node") or "node"
    result = subprocess.run([node, str(NODE_RUNNER), str(job)], cwd=ROOT)
    if result.returncode != 0:
        raise SystemExit("audit: Lighthouse could not load every page (see above)")
    retries = json.loads((out / "lighthouse" / "retries.json").read_text(encoding="utf-8"))
    calibration = json.loads((out / "lighthouse" / "calibration.json").read_text(encoding="utf-8"))
    found = {}
    for page_type in PAGE_TYPES:
        for lang in LANGUAGES:
            files = [out / "lighthouse" / f"{page_type}-{lang}.{run}.json" for run in range(1, runs + 1)]
            found[(page_type, lang)] = [json.loads(file.read_text(encoding="utf-8")) for file in files]
    return found, retries, calibration


def chromium_version() -> str:
    result = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True)
    return result.stdout.strip().removeprefix("Chromium ").split()[0] if result.returncode == 0 else "?"


def write_job(path: Path, pages: list[dict[str, str]], runs: int, out: Path) -> Path:
    """The job file of scripts/lighthouse_runs.mjs: browser, its flags, runs and pages."""
    job = {
        "chrome": CHROMIUM,
        "flags": chromium.LIGHTHOUSE_FLAGS,
        "runs": runs,
        "out": str(out),
        "device_benchmark_index": DEVICE_BENCHMARK_INDEX,
        "pages": pages,
    }
    path.write_text(json.dumps(job), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (default 3)")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "audit", help="report folder")
    parser.add_argument("--skip-rebuild", action="store_true", help="do not time `make serve` rebuilds")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"audit: {CHROMIUM} is missing: apt-get install chromium", file=sys.stderr)
        return 2
    out = args.out.resolve()
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)

    port = nginx.free_port()
    base_url = f"http://127.0.0.1:{port}/"
    site = out / "site"
    print(f"audit: building the site for {base_url} …", flush=True)
    build: dict = {"full_build_s": timed_build(site, base_url)}
    print("audit: checking the HTML with the Nu HTML Checker …", flush=True)
    html = html_check.summary(html_check.check(site))
    print(html_check.report(html, sum(1 for _ in site.rglob("*.html"))), flush=True)
    if not args.skip_rebuild:
        build["rebuild"] = {}
        for target in ("serve", "serve-fast"):
            print(f"audit: timing a one-line edit under `make {target}` …", flush=True)
            build["rebuild"][f"make {target}"] = rebuild_times(target)

    print(f"audit: Lighthouse, {args.runs} runs on each of {2 * len(PAGE_TYPES)} pages …", flush=True)
    with nginx.running(site, out / "nginx", port=port, brotli=False):
        results, retries, calibration = lighthouse(base_url, out, args.runs)
    pages = [
        judge(page_type, lang, ("" if lang == "sv" else f"{lang}/") + path, results[(page_type, lang)])
        for page_type, path in PAGE_TYPES.items()
        for lang in LANGUAGES
    ]
    any_run = results[("start", "sv")][0]
    report = {
        "date": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "command": os.environ.get("AUDIT_COMMAND") or " ".join(["python -m scripts.audit", *sys.argv[1:]]),
        "machine": {
            **machine(),
            "lighthouse_benchmark_index": statistics.median(page.benchmark_index for page in pages),
        },
        "lighthouse": any_run.get("lighthouseVersion", "?"),
        "chromium": chromium_version(),
        "runs": args.runs,
        "cpu": {**calibration, "device_benchmark_index": DEVICE_BENCHMARK_INDEX},
        "retried_runs": retries,
        "served_at": base_url,
        "budgets": {"scores": SCORE_BUDGET, "weights": WEIGHT_BUDGET},
        "build": build,
        "html": html,
        "pages": [page.as_dict() for page in pages],
        "passed": not any(page.failures for page in pages) and not html["ours"],
    }
    report["machine"]["description"] += (
        f"; Lighthouse benchmarkIndex {report['machine']['lighthouse_benchmark_index']:.0f}"
    )
    report_json = json.dumps(report, indent=2, ensure_ascii=False) + "\n"
    (out / "report.json").write_text(report_json, encoding="utf-8")
    markdown = markdown_report(report)
    (out / "report.md").write_text(markdown, encoding="utf-8")
    shutil.rmtree(site, ignore_errors=True)  # the report stays; the built copy is not needed
    print(markdown)
    print(f"audit: report in {out / 'report.md'} and {out / 'report.json'}")
    return 0 if report["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
