"""Create the two files of a new example: docs/exempel/<id>.md and docs/exempel/<id>.en.md.

Everything not given on the command line (or at the prompts) is left as a TODO
placeholder, which the build rejects until it is filled in, so a half-written example
cannot be published by mistake. Existing files are never overwritten.

    python scripts/new_example.py goteborg-chattbot --organisation "Göteborgs stad"
    python scripts/new_example.py            # asks for each value
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

from offentligai.errors import ContentError
from offentligai.examples.vocabularies import Vocabularies, load_vocabularies

ROOT = Path(__file__).resolve().parent.parent

ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
TODO = "TODO"
SOURCE_PLACEHOLDER = "https://example.invalid/TODO"


def parse_args(argv: list[str], vocabularies: Vocabularies) -> argparse.Namespace:
    codes = {field: vocabulary.codes for field, vocabulary in vocabularies.items()}
    parser = argparse.ArgumentParser(
        description="Create docs/exempel/<id>.md and <id>.en.md for a new example, with TODO placeholders.",
    )
    parser.add_argument("id", nargs="?", help="lowercase a–z, 0–9 and hyphens, e.g. goteborg-chattbot")
    parser.add_argument("--organisation", "--org", help="the organisation's official name")
    parser.add_argument("--organisation-type", choices=codes["organisation_type"])
    parser.add_argument("--organisation-number", help="organisationsnummer NNNNNN-NNNN, if known")
    parser.add_argument("--function", action="append", choices=codes["functions"], dest="functions")
    parser.add_argument("--technique", action="append", choices=codes["techniques"], dest="techniques")
    parser.add_argument("--status", choices=codes["status"])
    parser.add_argument("--year-started", type=int)
    parser.add_argument("--decision-role", choices=codes["decision_role"])
    parser.add_argument("--personal-data", choices=["true", "false"])
    parser.add_argument("--title", help="title in Swedish")
    parser.add_argument("--title-en", help="title in English")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs" / "exempel", help=argparse.SUPPRESS)
    parser.add_argument("--no-input", action="store_true", help="never ask; leave what is missing as TODO")
    return parser.parse_args(argv)


def ask(args: argparse.Namespace, vocabularies: Vocabularies) -> None:
    """Ask for what the command line did not give (Enter leaves it as TODO)."""
    if not args.id:
        while not args.id or not ID.match(args.id):
            args.id = input("id (lowercase a–z, 0–9 and hyphens, e.g. goteborg-chattbot): ").strip()
    prompts = [
        ("organisation", "Organisation (official name)", None),
        ("organisation_type", "Type of organisation", "organisation_type"),
        ("functions", "Area(s) of government, separated by spaces", "functions"),
        ("techniques", "Technique(s), separated by spaces", "techniques"),
        ("status", "Status", "status"),
        ("decision_role", "Role in decisions about individuals", "decision_role"),
        ("personal_data", "Processes personal data (true/false)", None),
        ("title", "Title in Swedish", None),
        ("title_en", "Title in English", None),
    ]
    for name, text, field in prompts:
        if getattr(args, name):
            continue
        hint = f" [{', '.join(vocabularies[field].codes)}]" if field else ""
        answer = input(f"{text}{hint} (Enter: fill in later): ").strip()
        if not answer:
            continue
        if field and vocabularies[field].multiple:
            setattr(args, name, answer.split())
        else:
            setattr(args, name, answer)


def yaml_text(value: str) -> str:
    """A YAML double-quoted string (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def swedish_file(args: argparse.Namespace, vocabularies: Vocabularies, today: dt.date) -> str:
    def codes_comment(field: str) -> str:
        return "# allowed: " + ", ".join(vocabularies[field].codes)

    def listed(values: list[str] | None) -> str:
        return "[" + ", ".join(values) + "]" if values else f"[{TODO}]"

    lines = [
        "---",
        f"id: {args.id}",
        f"title: {yaml_text(args.title or 'TODO: rubrik på svenska')}",
        f"summary: {yaml_text('TODO: en sammanfattning på klarspråk, högst 300 tecken')}",
        f"organisation: {yaml_text(args.organisation or 'TODO: organisationens officiella namn')}",
        codes_comment("organisation_type"),
        f"organisation_type: {args.organisation_type or TODO}",
    ]
    lines += [
        "# the organisation's own number, NNNNNN-NNNN (its web site or Bolagsverket's register)",
        f"organisation_number: {yaml_text(args.organisation_number or 'TODO: NNNNNN-NNNN')}",
        codes_comment("functions"),
        f"functions: {listed(args.functions)}",
        codes_comment("techniques"),
        f"techniques: {listed(args.techniques)}",
        codes_comment("status"),
        f"status: {args.status or TODO}",
        "# the date of the newest source that confirms the status (not later than its date)",
        f"status_confirmed: {TODO}",
        f"year_started: {args.year_started or TODO}",
        "# year_ended: YYYY  (optional; remove the # when the use has ended)",
        codes_comment("decision_role"),
        f"decision_role: {args.decision_role or TODO}",
        f"personal_data: {args.personal_data or TODO}  # true or false",
        "sources:",
        "  # at least one primary source: the organisation itself, an authority, a court, a paper",
        f"  - title: {yaml_text('TODO: källans titel')}",
        f"    url: {SOURCE_PLACEHOLDER}",
        f"    publisher: {yaml_text('TODO: utgivare')}",
        "    " + codes_comment("source_kind"),
        f"    kind: {TODO}",
        "    date: YYYY-MM-DD  # the source's publication date; remove the line only if it has none",
        f"last_reviewed: {today.isoformat()}",
        "---",
        "",
        "## Vad systemet gör { #what-it-does }",
        "",
        f"{TODO}: beskriv vad systemet gör, för vem och hur det används.",
        "",
        "## Bakgrund och syfte { #background }",
        "",
        f"{TODO}: varför organisationen började använda AI här.",
        "",
        "## Resultat och erfarenheter { #outcome }",
        "",
        f"{TODO}: vad som hänt, med källor.",
        "",
        "## Att lära av exemplet { #lessons }",
        "",
        f"- {TODO}: vad andra kan lära sig, med länkar till AI-guiden eller förtroendemodellen.",
        "",
    ]
    return "\n".join(lines)


def english_file(args: argparse.Namespace) -> str:
    return "\n".join(
        [
            "---",
            f"title: {yaml_text(args.title_en or 'TODO: title in English')}",
            f"summary: {yaml_text('TODO: a plain-language summary, at most 300 characters')}",
            "---",
            "",
            "## What the system does { #what-it-does }",
            "",
            f"{TODO}: describe what the system does, for whom and how it is used.",
            "",
            "## Background and purpose { #background }",
            "",
            f"{TODO}: why the organisation started using AI here.",
            "",
            "## Results and experience { #outcome }",
            "",
            f"{TODO}: what has happened, with sources.",
            "",
            "## Lessons from the example { #lessons }",
            "",
            f"- {TODO}: what others can learn, with links to the AI guide or the trust model.",
            "",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    try:
        vocabularies = load_vocabularies(ROOT / "data" / "vocabularies.yml")
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 2
    args = parse_args(sys.argv[1:] if argv is None else argv, vocabularies)
    if not args.no_input and sys.stdin.isatty():
        ask(args, vocabularies)
    if not args.id or not ID.match(args.id):
        print(f"error: the id {args.id!r} must be lowercase a–z, 0–9 and hyphens", file=sys.stderr)
        return 2
    for field in ("functions", "techniques"):
        unknown = [code for code in getattr(args, field) or [] if code not in vocabularies[field].labels]
        if unknown:
            allowed = ", ".join(vocabularies[field].codes)
            print(f"error: {field}: {', '.join(unknown)}: allowed: {allowed}", file=sys.stderr)
            return 2
    swedish = args.docs / f"{args.id}.md"
    english = args.docs / f"{args.id}.en.md"
    existing = [path for path in (swedish, english) if path.exists()]
    if existing:
        names = ", ".join(_shown(path) for path in existing)
        verb = "exists" if len(existing) == 1 else "exist"
        print(f"error: {names} already {verb}; choose another id or edit the file", file=sys.stderr)
        return 1
    swedish.write_text(swedish_file(args, vocabularies, dt.date.today()), encoding="utf-8")
    english.write_text(english_file(args), encoding="utf-8")
    print(f"Created {_shown(swedish)} and {_shown(english)}.")
    print("Next: replace every TODO (the build lists each one that is left), then run `make serve`")
    print(f"and read the page at http://127.0.0.1:8000/exempel/{args.id}/ and /en/exempel/{args.id}/.")
    return 0


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return path.as_posix()


if __name__ == "__main__":
    sys.exit(main())
