"""The guide's glossary: one data file, rendered as a page and explained in place.

Every term's ``match`` forms become Markdown abbreviations on the guide pages of that
language, so a reader sees the definition on hover or keyboard focus without leaving
the page; the glossary page lists every term.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..datafiles import read_yaml
from ..errors import ContentError, Problem
from ..languages import LANGUAGES, collation_key

MAX_DEFINITION = 250
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Term:
    id: str
    term: dict[str, str]
    definition: dict[str, str]
    match: dict[str, list[str]]


def _texts(value: object, where: str, file: str, problems: list[Problem]) -> dict[str, str]:
    result: dict[str, str] = {}
    for lang in LANGUAGES:
        text = value.get(lang) if isinstance(value, dict) else None
        if not isinstance(text, str) or not text.strip():
            problems.append(
                Problem(
                    file, f"{where}.{lang}", text if text is not None else "", "a non-empty text is required"
                )
            )
        else:
            result[lang] = text.strip()
    return result


def parse_glossary(data: object, file: str) -> list[Term]:
    """Validate the glossary data; every problem is reported together."""
    problems: list[Problem] = []
    entries = data.get("terms") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise ContentError([Problem(file, "terms", "", "a non-empty list of terms is required")])
    terms: list[Term] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        where = f"terms[{index}]"
        if not isinstance(entry, dict):
            problems.append(
                Problem(file, where, entry, "each term must be a mapping with id, term, definition, match")
            )
            continue
        unknown = sorted(set(entry) - {"id", "term", "definition", "match"})
        for key in unknown:
            problems.append(
                Problem(file, f"{where}.{key}", "", "unknown key; allowed: id, term, definition, match")
            )
        term_id = entry.get("id")
        if not isinstance(term_id, str) or not _ID.match(term_id):
            problems.append(
                Problem(
                    file,
                    f"{where}.id",
                    term_id if term_id is not None else "",
                    "lowercase a–z, 0–9 and hyphens",
                )
            )
            term_id = f"?{index}"
        elif term_id in seen:
            problems.append(Problem(file, f"{where}.id", term_id, "ids must be unique"))
        seen.add(term_id)
        names = _texts(entry.get("term"), f"{where}.term", file, problems)
        definitions = _texts(entry.get("definition"), f"{where}.definition", file, problems)
        for lang, text in definitions.items():
            if len(text) > MAX_DEFINITION:
                problems.append(
                    Problem(
                        file,
                        f"{where}.definition.{lang}",
                        f"{len(text)} characters",
                        f"at most {MAX_DEFINITION}",
                    )
                )
            if '"' in text or "\n" in text:
                problems.append(
                    Problem(file, f"{where}.definition.{lang}", text, "one line without double quotes")
                )
        matches: dict[str, list[str]] = {}
        raw = entry.get("match")
        for lang in LANGUAGES:
            forms = raw.get(lang) if isinstance(raw, dict) else None
            if (
                not isinstance(forms, list)
                or not forms
                or not all(isinstance(f, str) and f.strip() for f in forms)
            ):
                problems.append(
                    Problem(file, f"{where}.match.{lang}", forms or "", "a non-empty list of word forms")
                )
            else:
                matches[lang] = [f.strip() for f in forms]
        terms.append(Term(term_id, names, definitions, matches))
    if problems:
        raise ContentError(problems)
    return terms


def load_glossary(path: Path) -> list[Term]:
    """Read and validate the glossary file."""
    file = path.as_posix()
    return parse_glossary(read_yaml(path, file), file)


def abbreviations(terms: list[Term], lang: str) -> str:
    """Markdown abbreviation definitions (``*[form]: definition``) for one language."""
    lines = []
    for term in terms:
        for form in term.match[lang]:
            lines.append(f"*[{form}]: {term.definition[lang]}")
    return "\n".join(lines)


def sorted_terms(terms: list[Term], lang: str) -> list[Term]:
    """Terms in alphabetical order (å, ä, ö after z) by their name in ``lang``."""
    return sorted(terms, key=lambda term: collation_key(term.term[lang]))


_ABBR = re.compile(r'<abbr title="([^"]*)">')


def focusable_first_abbreviations(html: str) -> str:
    """Make the first occurrence of each explained term reachable by keyboard.

    Every occurrence shows its explanation on hover; focusing only the first one keeps
    a chapter from filling the tab order with dozens of stops.
    """
    seen: set[str] = set()

    def replace(match: re.Match[str]) -> str:
        title = match.group(1)
        if title in seen:
            return match.group(0)
        seen.add(title)
        return f'<abbr tabindex="0" title="{title}">'

    return _ABBR.sub(replace, html)
