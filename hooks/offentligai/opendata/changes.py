"""What changed and when: the review dates of pages and examples, and the editions.

The guide's chapters and the trust model's parts carry ``last_reviewed`` in their front matter;
the examples carry it in theirs (read by ``offentligai.examples``). The editions are listed by
the people who publish them in ``data/editions.yml`` (see CONTRIBUTING.md). From these the
build makes the feed of changes and the edition page; nothing here reads the clock.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from .. import frontmatter
from ..errors import ContentError, Problem
from ..languages import DEFAULT_LANGUAGE, LANGUAGES, PREFIX

SECTIONS = ("guide", "fortroendemodellen")  # the parts whose pages the feed of changes follows
EDITION = re.compile(r"^\d{4}\.\d{1,3}$")  # as scripts/publish.py names them
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Change:
    """A page or an example, as reviewed on a date, in one language."""

    src: str  # the Markdown file under docs/, without the language suffix (guide/juridik.md)
    title: str
    summary: str
    reviewed: dt.date
    lang: str  # the language of title and summary


@dataclass(frozen=True)
class Edition:
    version: str
    date: dt.date
    summary: Mapping[str, str]  # language -> text


@dataclass(frozen=True)
class Period:
    """The changes that went into one edition, or (``edition`` None) those not yet published."""

    edition: Edition | None
    changes: tuple[Change, ...]


def page_url(src: str, lang: str, directory_urls: bool = True) -> str:
    """The site-relative address of a Markdown file's page in ``lang`` (as MkDocs makes it)."""
    stem = src[: -len(".md")]
    folder, name = posixpath.split(stem)
    if name == "index":
        path = f"{folder}/" if folder else ""
        return PREFIX[lang] + (path if directory_urls else path + "index.html")
    return PREFIX[lang] + (f"{stem}/" if directory_urls else f"{stem}.html")


def page_changes(docs: Path, lang: str, sections: tuple[str, ...] = SECTIONS) -> list[Change]:
    """The pages of ``sections`` that carry a review date, read in ``lang``.

    A page without its own file in ``lang`` is read in Swedish (the site shows the Swedish text).
    An unreadable front matter or a review date that is not ``YYYY-MM-DD`` stops the build.
    """
    problems: list[Problem] = []
    changes: list[Change] = []
    for section in sections:
        for path in sorted((docs / section).glob("*.md")):
            if path.name.endswith(".en.md"):
                continue
            translated = path.with_name(path.stem + ".en.md")
            source = translated if lang != DEFAULT_LANGUAGE and translated.exists() else path
            name = source.relative_to(docs.parent).as_posix()
            try:
                meta = frontmatter.split(source.read_text(encoding="utf-8")).meta
            except frontmatter.FrontMatterError as error:
                problems.append(Problem(name, "front matter", "", str(error)))
                continue
            reviewed = meta.get("last_reviewed")
            if reviewed is None:
                continue
            day = _date(reviewed)
            if day is None:
                problems.append(Problem(name, "last_reviewed", str(reviewed), "a date YYYY-MM-DD"))
                continue
            changes.append(
                Change(
                    src=path.relative_to(docs).as_posix(),
                    title=str(meta.get("title", "")),
                    summary=str(meta.get("description", "")),
                    reviewed=day,
                    lang=DEFAULT_LANGUAGE if source == path else lang,
                )
            )
    if problems:
        raise ContentError(problems)
    return changes


def load_editions(path: Path, today: dt.date) -> tuple[Edition, ...]:
    """The published editions, newest first; raises ``ContentError`` naming every problem."""
    name = path.name if not path.parent.name else f"{path.parent.name}/{path.name}"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ContentError(
            [Problem(name, "", "", f"cannot be read ({' '.join(str(error).split())})")]
        ) from None
    data = {} if data is None else data
    if not isinstance(data, dict) or not isinstance(data.get("editions", []), list):
        raise ContentError([Problem(name, "editions", "", "must be a list of {version, date, summary}")])
    problems: list[Problem] = []
    editions: list[Edition] = []
    for number, item in enumerate(data.get("editions") or [], start=1):
        where = f"editions[{number}]"
        if not isinstance(item, dict) or set(item) != {"version", "date", "summary"}:
            problems.append(Problem(name, where, "", "needs exactly version, date and summary"))
            continue
        version, day, summary = str(item["version"]), _date(item["date"]), item["summary"]
        if not EDITION.match(version):
            problems.append(Problem(name, f"{where}.version", version, "YEAR.NUMBER, such as 2026.1"))
        if day is None or day > today:
            problems.append(
                Problem(name, f"{where}.date", str(item["date"]), "a date YYYY-MM-DD, not in the future")
            )
        texts = summary if isinstance(summary, dict) else {}
        for lang in LANGUAGES:
            if not isinstance(texts.get(lang), str) or not texts[lang].strip():
                problems.append(
                    Problem(name, f"{where}.summary.{lang}", "", "a text in every language (sv, en)")
                )
        if day is not None and EDITION.match(version):
            editions.append(Edition(version, day, {lang: str(texts.get(lang, "")) for lang in LANGUAGES}))
    versions = [edition.version for edition in editions]
    for version in sorted({v for v in versions if versions.count(v) > 1}):
        problems.append(Problem(name, "editions", version, "each edition is listed once"))
    ordered = sorted(editions, key=lambda e: (e.date, _version_key(e.version)), reverse=True)
    if not problems and [e.version for e in ordered] != versions:
        problems.append(Problem(name, "editions", ", ".join(versions), "newest first, by date and number"))
    if problems:
        raise ContentError(problems)
    return tuple(ordered)


def periods(editions: tuple[Edition, ...], changes: list[Change]) -> list[Period]:
    """The changes grouped by the edition they went into, newest first.

    A change belongs to the first edition published on or after its review date; changes after
    the newest edition form a first period without an edition (left out when there are none).
    """
    oldest_first = sorted(editions, key=lambda e: (e.date, _version_key(e.version)))
    result: list[Period] = []
    previous: dt.date | None = None
    for edition in oldest_first:
        inside = [
            c for c in changes if (previous is None or c.reviewed > previous) and c.reviewed <= edition.date
        ]
        result.append(Period(edition, _ordered(inside)))
        previous = edition.date
    later = [c for c in changes if previous is None or c.reviewed > previous]
    if later or not editions:
        result.append(Period(None, _ordered(later)))
    return list(reversed(result))


def _ordered(changes: list[Change]) -> tuple[Change, ...]:
    return tuple(sorted(changes, key=lambda c: (-c.reviewed.toordinal(), c.src)))


def _version_key(version: str) -> tuple[int, int]:
    year, number = version.split(".")
    return int(year), int(number)


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None
