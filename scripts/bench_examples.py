"""Measure how the example collection scales: build time, page sizes and filter speed.

Generates N synthetic examples (Swedish and English, ~400-word bodies written by a
word-pair model of the site's own text) into a temporary copy of the site, builds it,
and builds the same Markdown with plain MkDocs + Material (no i18n plugin, no hooks, no
templates of our own; the site's navigation, Markdown extensions and pages out of the
navigation), so that what is compared is what the collection and its plugins add. Each
setup is also built without the synthetic examples: the cost per example page is the
added CPU time divided by the added pages. Every build is run three times in this one run
of the script, and the median counts. The filter timing is the median of several changes
(the slowest is printed too: a shared machine makes single timings noisy). The figures are
written into BENCHMARKS.md (``--no-write`` leaves it alone).

Targets (exit status 1 if one is missed):
  - added build time per example page at most 1.3 x that of plain MkDocs + Material;
  - one example page's HTML under 40 KB;
  - the catalogue under 150 KB gzipped;
  - a filter change in headless Chromium under 50 ms.

    python -m scripts.bench_examples            # N = 1000
    python -m scripts.bench_examples -n 200 --no-browser
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gzip
import http.server
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from collections import defaultdict
from pathlib import Path

from offentligai.examples.vocabularies import load_vocabularies
from scripts import chromium
from scripts.repository import copy_sources

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 1.3
TARGET_PAGE_BYTES = 40_000
TARGET_CATALOGUE_GZIP = 150_000
TARGET_FILTER_MS = 50.0
PLAIN_CONFIG = """site_name: Plain
site_url: http://127.0.0.1/
theme:
  name: material
  font: false
"""
SECTIONS = {
    "sv": [
        ("Vad systemet gör", "what-it-does"),
        ("Bakgrund och syfte", "background"),
        ("Resultat och erfarenheter", "outcome"),
        ("Att lära av exemplet", "lessons"),
    ],
    "en": [
        ("What the system does", "what-it-does"),
        ("Background and purpose", "background"),
        ("Results and experience", "outcome"),
        ("Lessons from the example", "lessons"),
    ],
}


# ---------------------------------------------------------------------------
# Synthetic text
# ---------------------------------------------------------------------------


class Words:
    """A word-pair (bigram) model of real text, so that generated text compresses like real text."""

    def __init__(self, texts: list[str], rng: random.Random) -> None:
        self.rng = rng
        self.next: dict[str, list[str]] = defaultdict(list)
        self.starts: list[str] = []
        for text in texts:
            for sentence in re.split(r"(?<=[.!?])\s+", text):
                words = re.findall(r"[\wÅÄÖåäöé%–-]+[,;:]?", sentence)
                if len(words) < 4:
                    continue
                self.starts.append(words[0])
                for first, second in zip(words, words[1:] + ["."], strict=True):
                    self.next[first].append(second)

    def sentence(self, max_words: int = 24) -> str:
        word = self.rng.choice(self.starts)
        words = [word]
        while len(words) < max_words:
            word = self.rng.choice(self.next.get(word) or ["."])
            if word == ".":
                break
            words.append(word)
        return " ".join(words).rstrip(",;:") + "."

    def text(self, min_chars: int, max_chars: int) -> str:
        result = ""
        while len(result) < min_chars:
            result = f"{result} {self.sentence()}".strip()
        return result if len(result) <= max_chars else result[: max_chars - 1].rsplit(" ", 1)[0] + "."

    def paragraph_words(self, count: int) -> str:
        words: list[str] = []
        while len(words) < count:
            words += self.sentence().split()
        return " ".join(words)


def corpus(lang: str) -> list[str]:
    """The Markdown text of the site's examples and guide in ``lang``, without front matter."""
    texts = []
    for folder in ("exempel", "guide"):
        for path in sorted((ROOT / "docs" / folder).glob("*.md")):
            is_english = path.name.endswith(".en.md")
            if is_english != (lang == "en") or path.stem.startswith("index"):
                continue
            body = re.sub(r"\A---.*?\n---\n", "", path.read_text(encoding="utf-8"), flags=re.S)
            texts.append(re.sub(r"[#*`\[\]()>{}|_]", " ", re.sub(r"\(\.\./[^)]*\)", "", body)))
    return texts


def synthetic_examples(count: int, folder: Path, seed: int = 1) -> None:
    """Write ``count`` valid examples (both languages) into ``folder``."""
    vocab = load_vocabularies(ROOT / "data" / "vocabularies.yml")
    rng = random.Random(seed)
    words = {lang: Words(corpus(lang), rng) for lang in ("sv", "en")}
    kinds = ["kommun", "region", "myndigheten", "verket", "styrelsen"]
    this_year = dt.date.today().year
    for number in range(count):
        example_id = f"syntetiskt-exempel-{number:04d}"
        codes = {field: v.codes for field, v in vocab.items()}
        started = rng.randint(2012, this_year)
        ended = rng.choice([None, None, None, min(this_year, started + rng.randint(0, 4))])
        dates = sorted(
            f"{started - 1}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}" for _ in range(rng.randint(1, 4))
        )
        meta = [
            "---",
            f"id: {example_id}",
            f'title: "{words["sv"].text(30, 90).rstrip(".")}"',
            f'summary: "{words["sv"].text(160, 300)}"',
            f'organisation: "{words["sv"].sentence(2).rstrip(".").capitalize()}{rng.choice(kinds)} {number}"',
            f"organisation_type: {rng.choice(codes['organisation_type'])}",
            f"organisation_number: {organisation_number(number)}",
            f"functions: [{', '.join(rng.sample(codes['functions'], rng.randint(1, 2)))}]",
            f"techniques: [{', '.join(rng.sample(codes['techniques'], rng.randint(1, 3)))}]",
            f"status: {rng.choice(codes['status'])}",
            f"status_confirmed: {dates[-1]}",
            f"year_started: {started}",
            *([f"year_ended: {ended}"] if ended else []),
            f"decision_role: {rng.choice(codes['decision_role'])}",
            f"personal_data: {rng.choice(['true', 'false'])}",
            "sources:",
            *[
                line
                for source, date in enumerate(dates)
                for line in (
                    f'  - title: "{words["sv"].text(20, 80).rstrip(".")}"',
                    f"    url: https://example.org/kalla/{number}/{source}",
                    f"    publisher: Organisationen {number}",
                    f"    kind: {'primary' if source == 0 else rng.choice(codes['source_kind'])}",
                    f"    date: {date}",
                )
            ],
            f"last_reviewed: {dt.date.today().isoformat()}",
            "---",
        ]
        (folder / f"{example_id}.md").write_text(
            "\n".join(meta) + "\n" + body(words["sv"], "sv"), encoding="utf-8"
        )
        english = [
            "---",
            f'title: "{words["en"].text(30, 90).rstrip(".")}"',
            f'summary: "{words["en"].text(160, 300)}"',
            "---",
        ]
        (folder / f"{example_id}.en.md").write_text(
            "\n".join(english) + "\n" + body(words["en"], "en"), encoding="utf-8"
        )


def organisation_number(number: int) -> str:
    """A made-up organisation number with a valid check digit (212000-NNNN, like municipalities)."""
    nine = f"212000{number % 1000:03d}"
    total = sum(
        (value - 9 if value > 9 else value)
        for value in (int(d) * (2 if i % 2 == 0 else 1) for i, d in enumerate(nine))
    )
    return f"{nine[:6]}-{nine[6:]}{(10 - total % 10) % 10}"


def body(words: Words, lang: str) -> str:
    """About 400 words in four sections, with a list in the last one."""
    parts = []
    for heading, anchor in SECTIONS[lang]:
        parts.append(f"\n## {heading} {{ #{anchor} }}\n")
        if anchor == "lessons":
            parts += [f"- {words.paragraph_words(18)}" for _ in range(3)]
        else:
            parts += [words.paragraph_words(55), "", words.paragraph_words(55)]
    return "\n".join(parts).replace('"', "") + "\n"


# ---------------------------------------------------------------------------
# Builds
# ---------------------------------------------------------------------------


def plain_site(docs: Path, target: Path) -> None:
    """The same Markdown as a plain MkDocs + Material site: the site's navigation and Markdown
    extensions, but no i18n plugin, no hooks and no templates of our own."""
    shutil.copytree(docs, target / "docs")
    for page in (target / "docs").rglob("*.md"):  # page templates of our own are not plain
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r"\A(---\n(?:.*\n)*?)template: .*\n", r"\1", text), encoding="utf-8")
    site_config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    sections = [
        re.search(rf"^{key}:.*\n(?:[ \t]+.*\n)+", site_config, re.M)
        for key in ("not_in_nav", "nav", "markdown_extensions")
    ]
    config = PLAIN_CONFIG + "".join(match.group(0) for match in sections if match)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")


def timed_build(config: Path, site_dir: Path, repeat: int) -> list[float]:
    """CPU seconds of each of ``repeat`` clean builds; stops the script if a build fails.

    CPU time rather than wall-clock time: a build runs on one core, and CPU time does not
    grow when other programs compete for the machine.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "http://127.0.0.1/"}
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--no-strict",
        "--quiet",
        "-f",
        str(config),
        "-d",
        str(site_dir),
    ]
    times = []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        result = subprocess.run(command, cwd=config.parent, env=env, capture_output=True, text=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if result.returncode != 0:
            sys.exit(f"build of {config} failed:\n{result.stdout}\n{result.stderr}")
        times.append((after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime))
    return times


# ---------------------------------------------------------------------------
# Browser
# ---------------------------------------------------------------------------

_MEASURE = """async (selectors) => {
  const times = [];
  const settle = () => new Promise((resolve) => setTimeout(resolve, 30));
  for (const selector of selectors) {
    const control = document.querySelector(selector);
    for (let round = 0; round < 2; round += 1) {
      await settle();
      const started = performance.now();
      control.click();
      document.body.offsetHeight;  // include style and layout, not only the script
      times.push(performance.now() - started);
    }
  }
  const text = document.getElementById("oai-cat-text");
  for (const value of ["a", "an", "ana"]) {
    await settle();
    const started = performance.now();
    text.value = value;
    text.dispatchEvent(new Event("input", { bubbles: true }));
    document.body.offsetHeight;
    times.push(performance.now() - started);
  }
  return times;
}"""


def filter_times(site_dir: Path) -> list[float]:
    """Milliseconds per filter change on the catalogue (checkboxes and the text field)."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium.EXECUTABLE, args=chromium.ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/exempel/")
            page.wait_for_selector("#oai-cat-form:not([hidden])")
            page.evaluate(
                "() => document.querySelectorAll('#oai-cat-form details').forEach(d => d.open = true)"
            )
            selectors = [
                "input[name=function][value=health]",
                "input[name=status][value=production]",
                "input[name=technique][value=machine-learning]",
                "input[name=personal_data][value=true]",
            ]
            times = page.evaluate(_MEASURE, selectors)
            browser.close()
    finally:
        server.shutdown()
    return times


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------


# ---------------------------------------------------------------------------
# BENCHMARKS.md
# ---------------------------------------------------------------------------

SECTION = "## The example collection at scale (`make bench`)"


def bench_section(figures: dict) -> str:
    """The BENCHMARKS.md section with this run's figures (from the heading to before the next)."""
    count, repeat = figures["count"], figures["repeat"]
    before, after = (", ".join(f"{value:.2f}" for value in load) for load in figures["load"])
    lines = [
        SECTION,
        "",
        f"- **Date:** {dt.date.today().isoformat()}",
        f"- **Command:** `make bench N={count}` (`scripts/bench_examples.py -n {count}`), "
        "which wrote this section",
        f"- **Machine:** {os.cpu_count()} cores; load average (1, 5, 15 min) {before} before the "
        f"builds and {after} after them (other work shares the machine: CPU time is counted, not "
        "wall-clock time)",
        f"- **Method:** {count:,} synthetic examples (each in Swedish and English, about 400 words) in a "
        "temporary copy of the site; the same Markdown built with plain MkDocs + Material with the "
        "site's Markdown extensions, navigation and pages out of the navigation (no i18n plugin, hooks "
        f"or templates of ours). Cost per example page = added CPU time / {2 * count:,} added pages. "
        f"Each build ran {repeat} times in this one run of the script, in rounds of one build of each "
        "setup (so that a change in the machine's load falls on all of them alike), after a first "
        "round that is not counted (it fills the disk cache); the median counts.",
        "",
        "| build | CPU time of each run | median |",
        "| --- | --- | --- |",
    ]
    for name, runs in figures["runs"].items():
        cells = ", ".join(f"{value:.1f} s" for value in runs)
        lines.append(f"| {name} | {cells} | {statistics.median(runs):.1f} s |")
    lines += [
        "",
        "| measure | result | target |",
        "| --- | --- | --- |",
        f"| CPU time per example page, this site | {figures['per_ours']:.2f} ms | |",
        f"| CPU time per page, plain MkDocs + Material | {figures['per_plain']:.2f} ms | |",
        f"| ratio | **{figures['ratio']:.2f}** ({'met' if figures['ratio'] <= TARGET_RATIO else 'MISSED'}) "
        f"| ≤ {TARGET_RATIO} |",
    ]
    for text, ok in figures["results"][3:]:
        lines.append(f"| {text} | {'met' if ok else 'MISSED'} | |")
    return "\n".join(lines) + "\n"


def write_benchmarks(path: Path, section: str) -> None:
    """Put ``section`` in place of the benchmark's section of ``path`` (or at its end)."""
    text = path.read_text(encoding="utf-8")
    start = text.find(SECTION)
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        end = text.find("\n## ", start + len(SECTION))
        text = text[:start] + section + ("" if end < 0 else text[end:])
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "-n", "--count", type=int, default=1000, help="number of synthetic examples (default 1000)"
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="builds per setup; the median counts (default 3)"
    )
    parser.add_argument("--no-browser", action="store_true", help="skip the filter timing in Chromium")
    parser.add_argument("--no-write", action="store_true", help="do not write the figures into BENCHMARKS.md")
    parser.add_argument(
        "--keep", type=Path, help="build here and keep the files (default: a temporary folder)"
    )
    args = parser.parse_args(argv)

    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-examples-"))
    try:
        ours, plain = work / "ours", work / "plain"
        print(f"Building in {work} with N = {args.count} examples (each in Swedish and English)…", flush=True)
        copy_sources(work / "ours-0")
        plain_site(work / "ours-0" / "docs", work / "plain-0")
        copy_sources(ours)
        synthetic_examples(args.count, ours / "docs" / "exempel")
        plain_site(ours / "docs", plain)
        setups = {  # name -> (mkdocs.yml, site folder)
            "base_ours": (work / "ours-0" / "mkdocs.yml", work / "site-ours-0"),
            "base_plain": (work / "plain-0" / "mkdocs.yml", work / "site-plain-0"),
            "full_ours": (ours / "mkdocs.yml", work / "site-ours"),
            "full_plain": (plain / "mkdocs.yml", work / "site-plain"),
        }
        load_before = os.getloadavg()
        # A first round that is not counted: the first build of each setup also fills the
        # disk cache and compiles Python's bytecode, and took up to twice as long.
        for config, site_dir in setups.values():
            timed_build(config, site_dir, 1)
        # Round by round, one build of each setup: a change in the machine's load over the
        # minutes of the run then falls on every setup alike, not on one of them.
        runs: dict[str, list[float]] = {name: [] for name in setups}
        for _ in range(args.repeat):
            for name, (config, site_dir) in setups.items():
                runs[name] += timed_build(config, site_dir, 1)
        load_after = os.getloadavg()
        runs_base_ours, runs_base_plain = runs["base_ours"], runs["base_plain"]
        runs_full_ours, runs_full_plain = runs["full_ours"], runs["full_plain"]
        base_ours, base_plain = statistics.median(runs_base_ours), statistics.median(runs_base_plain)
        full_ours, full_plain = statistics.median(runs_full_ours), statistics.median(runs_full_plain)

        pages = 2 * args.count
        per_ours = (full_ours - base_ours) / pages * 1000
        per_plain = (full_plain - base_plain) / pages * 1000
        ratio = per_ours / per_plain if per_plain > 0 else float("inf")
        site = work / "site-ours"
        page_bytes = (site / "exempel" / "syntetiskt-exempel-0000" / "index.html").stat().st_size
        catalogue = (site / "exempel" / "index.html").read_bytes()
        catalogue_gzip = len(gzip.compress(catalogue, compresslevel=6))

        results = [
            (
                f"build (CPU time, median of {args.repeat}), this site: {base_ours:.1f} s without and "
                f"{full_ours:.1f} s with the examples",
                None,
            ),
            (f"build (CPU time), plain MkDocs + Material: {base_plain:.1f} s and {full_plain:.1f} s", None),
            (
                f"time per example page: {per_ours:.2f} ms (plain MkDocs + Material: {per_plain:.2f} ms), "
                f"ratio {ratio:.2f} (target ≤ {TARGET_RATIO})",
                ratio <= TARGET_RATIO,
            ),
            (
                f"one example page: {page_bytes / 1000:.1f} KB of HTML "
                f"(target < {TARGET_PAGE_BYTES / 1000:.0f} KB)",
                page_bytes < TARGET_PAGE_BYTES,
            ),
            (
                f"catalogue: {len(catalogue) / 1000:.0f} KB of HTML, {catalogue_gzip / 1000:.1f} KB gzipped "
                f"(target < {TARGET_CATALOGUE_GZIP / 1000:.0f} KB)",
                catalogue_gzip < TARGET_CATALOGUE_GZIP,
            ),
        ]
        if not args.no_browser:
            times = filter_times(site)
            worst, median = max(times), statistics.median(times)
            results.append(
                (
                    f"filter change in Chromium: median {median:.1f} ms "
                    f"(target < {TARGET_FILTER_MS:.0f} ms), slowest {worst:.1f} ms of {len(times)} changes",
                    median < TARGET_FILTER_MS,
                )
            )
        missed = 0
        for text, ok in results:
            mark = "  " if ok is None else ("ok" if ok else "MISSED")
            missed += ok is False
            print(f"{mark:>6}  {text}")
        figures = {
            "count": args.count,
            "repeat": args.repeat,
            "load": (load_before, load_after),
            "runs": {
                "this site, without the examples": runs_base_ours,
                "this site, with the examples": runs_full_ours,
                "plain MkDocs + Material, without": runs_base_plain,
                "plain MkDocs + Material, with": runs_full_plain,
            },
            "per_ours": per_ours,
            "per_plain": per_plain,
            "ratio": ratio,
            "results": results,
        }
        if not args.no_write:
            write_benchmarks(ROOT / "BENCHMARKS.md", bench_section(figures))
            print(f"bench: figures written to {ROOT / 'BENCHMARKS.md'}")
        return 1 if missed else 0
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
