#!/usr/bin/env python3
"""Report broken external links in the site's pages and data, without ever failing.

Reads the Markdown pages and YAML data files (no build needed), requests every http(s) address
once, with a timeout and a User-Agent, retries once after a pause, and prints a report grouped
by outcome. On GitHub Actions it also writes the report to the job summary and marks each broken
link with a warning annotation on the line that holds it.

The exit status is 0 whatever the links do: a website that is down for an hour must not block
anyone. It is 2 only when the command is used wrongly. The weekly workflow
.github/workflows/links.yml runs it; run it yourself with

    python scripts/check_external_links.py                  # docs/, data/, README, CONTRIBUTING
    python scripts/check_external_links.py docs/guide/data.md docs/exempel

It uses the standard library only, so it runs without the project's virtual environment.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import ssl
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO
from urllib.parse import urldefrag, urlsplit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PATHS = ("docs", "data", "README.md", "CONTRIBUTING.md", "CONTRIBUTING.en.md")
SUFFIXES = frozenset({".md", ".yml", ".yaml"})
# Addresses that are never meant to be fetched: this machine, and the domains reserved for
# documentation (RFC 2606), which examples and templates use.
SKIP_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "example.com", "example.org", "example.net"})
USER_AGENT = (
    "Mozilla/5.0 (compatible; OffentligAI-linkcheck/1.0; +https://github.com/offentligai/offentligai)"
)
# Answers that mean "the server refuses robots", not "the page is gone"; 999 is LinkedIn's.
REFUSED = frozenset({401, 403, 429, 999})

_URL = re.compile(r"https?://[^\s<>\"'`|\[\]{}]+")
_TRAILING = ".,;:!?*_'\u2019\u201d\u00bb"

Fetch = Callable[[str, float], int]


# ---------------------------------------------------------------------------
# Finding links
# ---------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Location:
    """Where a link is written: a file relative to the repository root and a line number."""

    file: str
    line: int


def clean_url(raw: str) -> str:
    """Strip what the URL pattern swallowed from the surrounding prose or Markdown.

    A closing parenthesis belongs to the URL only when the URL opened one, as in
    ``https://en.wikipedia.org/wiki/Gartner_(company)``; otherwise it closes a Markdown link.
    """
    url = raw
    while True:
        before = url
        url = url.rstrip(_TRAILING)
        if url.endswith(")") and url.count("(") < url.count(")"):
            url = url[:-1]
        if url == before:
            return url


def extract_urls(text: str) -> list[tuple[int, str]]:
    """Every http(s) address in ``text`` with its line number (1-based), in reading order."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        for match in _URL.finditer(line):
            url = clean_url(match.group(0))
            if urlsplit(url).hostname:
                found.append((number, url))
    return found


def source_files(paths: Iterable[Path]) -> list[Path]:
    """The Markdown and YAML files named by ``paths`` (files, or folders searched recursively)."""
    files: set[Path] = set()
    for path in paths:
        if path.is_dir():
            files.update(p for p in path.rglob("*") if p.is_file() and p.suffix in SUFFIXES)
        elif path.is_file():
            files.add(path)
    return sorted(files)


def collect(
    files: Iterable[Path], root: Path, skip_hosts: frozenset[str] = SKIP_HOSTS
) -> dict[str, list[Location]]:
    """Map each address (without its #fragment, which is never sent) to where it is written."""
    links: dict[str, list[Location]] = {}
    for path in files:
        name = _display_name(path, root)
        for line, url in extract_urls(path.read_text(encoding="utf-8")):
            address = urldefrag(url).url
            if (urlsplit(address).hostname or "").lower() in skip_hosts:
                continue
            links.setdefault(address, []).append(Location(name, line))
    return links


def _display_name(path: Path, root: Path) -> str:
    """The path relative to the repository root, as GitHub annotations want it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


# ---------------------------------------------------------------------------
# Checking links
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    """What one address answered. ``kind`` is ``ok``, ``broken`` or ``unverified``."""

    url: str
    kind: str
    detail: str


def fetch_status(url: str, timeout: float) -> int:
    """The HTTP status of a GET request after redirects; network errors are raised."""
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,*/*;q=0.8",
            "Accept-Language": "sv,en;q=0.8",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def classify(status: int | None, error: BaseException | None = None) -> tuple[str, str]:
    """Turn a status or a network error into a kind and a short human-readable detail."""
    if error is not None:
        reason = getattr(error, "reason", error)
        if isinstance(reason, ssl.SSLError) or isinstance(error, ssl.SSLError):
            return "unverified", f"TLS problem: {reason}"
        if isinstance(reason, TimeoutError) or isinstance(error, TimeoutError):
            return "broken", "no answer (timeout)"
        return "broken", f"network error: {reason}"
    assert status is not None
    if status < 400:
        return "ok", str(status)
    if status in REFUSED:
        return "unverified", f"{status} (the server refuses automated requests)"
    return "broken", str(status)


def check_url(url: str, timeout: float, fetch: Fetch = fetch_status, pause: float = 2.0) -> Result:
    """Request ``url``; if that fails, wait ``pause`` seconds and try once more."""
    kind, detail = "broken", ""
    for attempt in range(2):
        if attempt:
            time.sleep(pause)
        try:
            kind, detail = classify(fetch(url, timeout))
        # URLError, timeouts and TLS errors are OSErrors; a garbled answer is an HTTPException.
        except (OSError, ValueError, http.client.HTTPException) as error:
            kind, detail = classify(None, error)
        if kind == "ok":
            break
    return Result(url, kind, detail)


def check_all(urls: Sequence[str], timeout: float, workers: int, fetch: Fetch = fetch_status) -> list[Result]:
    """Check every address, several at a time; the results keep the order of ``urls``."""
    if not urls:
        return []
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        return list(pool.map(lambda url: check_url(url, timeout, fetch), urls))


# ---------------------------------------------------------------------------
# Reporting
# ---------------------------------------------------------------------------


def report(results: Sequence[Result], links: Mapping[str, list[Location]]) -> str:
    """A Markdown report: broken links first, then the ones that could not be verified."""
    broken = [r for r in results if r.kind == "broken"]
    unverified = [r for r in results if r.kind == "unverified"]
    lines = [
        "# External links",
        "",
        f"Checked {len(results)} addresses: {len(results) - len(broken) - len(unverified)} answered, "
        f"{len(broken)} broken, {len(unverified)} could not be verified.",
    ]
    sections = (
        ("Broken", broken, "Fix or replace these links (or open an issue)."),
        ("Could not be verified", unverified, "Open these in a browser before changing anything."),
    )
    for title, group, advice in sections:
        if not group:
            continue
        lines += ["", f"## {title} ({len(group)})", "", advice, ""]
        lines += ["| Address | Answer | Where |", "| --- | --- | --- |"]
        for result in group:
            where = ", ".join(f"{loc.file}:{loc.line}" for loc in sorted(links.get(result.url, [])))
            lines.append(f"| {_cell(result.url)} | {_cell(result.detail)} | {_cell(where)} |")
    return "\n".join(lines) + "\n"


def annotations(results: Sequence[Result], links: Mapping[str, list[Location]]) -> list[str]:
    """GitHub Actions warning commands, one per place where a broken link is written."""
    commands = []
    for result in results:
        if result.kind != "broken":
            continue
        for loc in sorted(links.get(result.url, [])):
            commands.append(
                f"::warning file={_escape_property(loc.file)},line={loc.line},title=Broken link::"
                f"{_escape_data(f'{result.url} answered {result.detail}')}"
            )
    return commands


def _cell(text: str) -> str:
    """Text that is safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


# ---------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------


def run(
    paths: Sequence[Path],
    root: Path,
    *,
    timeout: float,
    workers: int,
    out: TextIO,
    summary: Path | None = None,
    annotate: bool = False,
    skip_hosts: frozenset[str] = SKIP_HOSTS,
    fetch: Fetch = fetch_status,
) -> int:
    """Check the links in ``paths`` and report them; always returns 0."""
    links = collect(source_files(paths), root, skip_hosts)
    results = check_all(sorted(links), timeout, workers, fetch)
    text = report(results, links)
    out.write(text)
    if summary is not None:
        with summary.open("a", encoding="utf-8") as handle:
            handle.write(text)
    if annotate:
        for command in annotations(results, links):
            out.write(command + "\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "paths", nargs="*", type=Path, help=f"files or folders (default: {', '.join(DEFAULT_PATHS)})"
    )
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per request (default: 20)")
    parser.add_argument("--workers", type=int, default=8, help="requests at a time (default: 8)")
    args = parser.parse_args(argv)
    paths = args.paths or [ROOT / name for name in DEFAULT_PATHS]
    missing = [str(p) for p in args.paths if not p.exists()]
    if missing:
        parser.error(f"no such file or folder: {', '.join(missing)}")
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    return run(
        paths,
        ROOT,
        timeout=args.timeout,
        workers=args.workers,
        out=sys.stdout,
        summary=Path(summary) if summary else None,
        annotate=os.environ.get("GITHUB_ACTIONS") == "true",
    )


if __name__ == "__main__":
    sys.exit(main())
