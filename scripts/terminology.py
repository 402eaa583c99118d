#!/usr/bin/env python3
"""Check the site's pages against data/terminology.yml (run by `make lint`).

    python scripts/terminology.py                # check docs/, exit 1 on any finding
    python scripts/terminology.py docs/guide     # check one folder (or some files)

Three checks, each printing `file:line: found 'X', use 'Y'`:

- a rejected variant in the Swedish prose of a page (`page.md`), such as "chattrobot";
- an English article or section reference written another way than "Article 6(3)" or
  "Section 32" in an English page (`page.en.md`);
- in the guide (docs/guide/), a time word that goes out of date ("nu", "snart", "now",
  "soon" …) outside a dated box (`!!! situation "YYYY-MM-DD"`).

Quotations, inline code, code blocks, link addresses and front matter keys are exempt.
Bad data (terminology file, dated boxes) is reported as one line per problem, exit 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from offentligai.errors import ContentError
from offentligai.guide import situations
from offentligai.terminology import Finding, Terminology, find_rejected, find_undated, load_terminology

ROOT = Path(__file__).resolve().parent.parent
GUIDE = "guide"


def language_of(path: Path) -> str:
    return "en" if path.name.endswith(".en.md") else "sv"


def pages(targets: list[Path]) -> list[Path]:
    found: set[Path] = set()
    for target in targets:
        if target.is_dir():
            found.update(target.rglob("*.md"))
        elif target.suffix == ".md":
            found.add(target)
    return sorted(found)


def in_guide(path: Path, docs: Path) -> bool:
    try:
        return path.resolve().relative_to(docs.resolve()).parts[0] == GUIDE
    except (ValueError, IndexError):
        return False


def check_page(path: Path, text: str, terms: Terminology, docs: Path, name: str) -> list[Finding]:
    """Every finding of one page (``name`` is how the page is named in the report)."""
    lang = language_of(path)
    findings = find_rejected(text, name, terms.words_for(lang), lang)
    if in_guide(path, docs):
        boxes = situations.parse(text, name)
        findings += find_undated(text, name, terms.undated[lang], lang, situations.dated_lines(boxes))
    return sorted(findings, key=lambda finding: finding.line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("targets", nargs="*", type=Path, help="pages or folders (default: docs/)")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="the docs folder (default: docs/)")
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "terminology.yml")
    args = parser.parse_args(argv)

    findings: list[Finding] = []
    try:
        terms = load_terminology(args.data)
        for path in pages(args.targets or [args.docs]):
            name = (
                path.relative_to(Path.cwd()).as_posix()
                if path.is_relative_to(Path.cwd())
                else path.as_posix()
            )
            findings += check_page(path, path.read_text(encoding="utf-8"), terms, args.docs, name)
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 2
    for finding in findings:
        print(finding)
    if findings:
        count = len(findings)
        print(
            f"{count} word{'s' if count != 1 else ''} to change; the choices are in data/terminology.yml.",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
