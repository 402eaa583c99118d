#!/usr/bin/env python3
"""Report pages without English text, and English pages older than their Swedish source.

    python scripts/translations.py            # report, exit 0
    python scripts/translations.py --check    # report, exit 1 if anything needs translating

A Swedish page is `page.md`, its English text `page.en.md` (mkdocs-static-i18n suffix
layout). "Outdated" compares the last commits that touched each file: when the Swedish
file changed after the English one, the English text may no longer say the same thing.
A Swedish-only commit that needs no translation (a typo fix) can say so by putting
`[sv-only]` in its commit message; such commits are not counted. When a Swedish change was
already committed without it and the English text turns out to need no change, record that
in `data/translations-checked.txt` (one line: the Swedish page, the commit its English text was
checked against, and a comment); a later change of the Swedish page counts again.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

SV_ONLY = "[sv-only]"
CHECKED = Path("data") / "translations-checked.txt"


@dataclass(frozen=True)
class Report:
    missing: list[str]  # Swedish pages with no English file
    outdated: list[str]  # Swedish pages changed after their English file
    untracked: list[str]  # pages not yet committed, so not compared

    def needs_work(self) -> bool:
        return bool(self.missing or self.outdated)


def swedish_pages(docs: Path) -> list[Path]:
    return sorted(p for p in docs.rglob("*.md") if not p.name.endswith(".en.md"))


def english_of(page: Path) -> Path:
    return page.with_name(page.name[: -len(".md")] + ".en.md")


def last_commit_time(path: Path, repo: Path, skip_sv_only: bool) -> int | None:
    """Unix time of the last commit that touched ``path`` (None if never committed)."""
    result = subprocess.run(
        ["git", "log", "--format=%ct%x09%s%x09%b%x00", "--", str(path.relative_to(repo))],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    for entry in result.stdout.split("\0"):
        entry = entry.strip()
        if not entry:
            continue
        timestamp, _, message = entry.partition("\t")
        if skip_sv_only and SV_ONLY in message:
            continue
        return int(timestamp)
    return None


def checked_against(repo: Path) -> dict[str, int]:
    """Swedish page -> the time of the commit its English text was last checked against."""
    path = repo / CHECKED
    if not path.exists():
        return {}
    checked = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        words = line.split("#", 1)[0].split()
        if not words:
            continue
        if len(words) != 2:
            raise ValueError(f"{CHECKED}:{number}: write '<Swedish page> <commit>', then '# why'")
        result = subprocess.run(
            ["git", "show", "-s", "--format=%ct", words[1]], cwd=repo, capture_output=True, text=True
        )
        if result.returncode != 0:
            raise ValueError(f"{CHECKED}:{number}: {words[1]}: no such commit")
        checked[words[0]] = int(result.stdout.strip())
    return checked


def build_report(docs: Path, repo: Path) -> Report:
    missing, outdated, untracked = [], [], []
    checked = checked_against(repo)
    for page in swedish_pages(docs):
        name = page.relative_to(repo).as_posix()
        english = english_of(page)
        if not english.exists():
            missing.append(name)
            continue
        sv_time = last_commit_time(page, repo, skip_sv_only=True)
        en_time = last_commit_time(english, repo, skip_sv_only=False)
        if en_time is not None and name in checked:
            en_time = max(en_time, checked[name])
        if sv_time is None or en_time is None:
            untracked.append(name)
        elif sv_time > en_time:
            outdated.append(name)
    return Report(missing, outdated, untracked)


def format_report(report: Report) -> str:
    lines = []
    if report.missing:
        lines.append("Pages without English text (readers of /en/ see the Swedish text with a notice):")
        lines += [f"  {name}" for name in report.missing]
    if report.outdated:
        lines.append("Pages whose Swedish text changed after the English text (check the translation):")
        lines += [f"  {name}" for name in report.outdated]
    if report.untracked:
        lines.append("Not yet committed, so not compared:")
        lines += [f"  {name}" for name in report.untracked]
    if not report.needs_work():
        lines.append("Every page has an up-to-date English text ✅")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a page needs translating")
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="the docs folder (default: docs)")
    args = parser.parse_args(argv)
    docs = args.docs.resolve()
    try:
        repo = Path(
            subprocess.run(
                ["git", "rev-parse", "--show-toplevel"], cwd=docs, capture_output=True, text=True, check=True
            ).stdout.strip()
        )
        report = build_report(docs, repo)
    except (subprocess.CalledProcessError, FileNotFoundError) as error:
        print(f"translations: cannot read the git history of {docs}: {error}", file=sys.stderr)
        return 2
    except ValueError as error:
        print(f"translations: {error}", file=sys.stderr)
        return 2
    print(format_report(report))
    return 1 if args.check and report.needs_work() else 0


if __name__ == "__main__":
    sys.exit(main())
