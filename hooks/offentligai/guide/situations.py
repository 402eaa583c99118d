"""Dated boxes: statements about a situation that moves, each with the day it was true.

A bill not yet passed, an authority not yet appointed, guidelines announced, a date moved
by an amendment: such statements go into one Markdown construct, an admonition of type
``situation`` whose title is the ISO date on which the writer checked them::

    !!! situation "2026-12-03"

        Regeringen har inte lämnat någon proposition om …

The build shows the date as the box's title ("Läget den 3 december 2026" / "As of
3 December 2026"). ``collect`` lists every box of the site and ``stale`` picks those
older than six months, for ``make review`` (``scripts/situations.py``) and the tests.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from pathlib import Path

from ..dates import long_date
from ..errors import ContentError, Problem

TYPE = "situation"
STALE_AFTER_MONTHS = 6
_BOX = re.compile(
    r"^(?P<indent>[ \t]*)(?P<marker>!!!|\?\?\?\+?)[ \t]+" + TYPE + r"\b(?P<rest>[^\n]*)$",
    re.M,
)
_TITLE = re.compile(r'^[ \t]+"(?P<title>[^"]*)"[ \t]*$')
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Fenced code shows Markdown as it is written; a box in it is an example, not a box.
_FENCE = re.compile(r"^([ \t]*)(`{3,}|~{3,}).*?^\1\2[ \t]*$", re.M | re.S)
_MARKUP = re.compile(r"\[([^\]]*)\]\([^)]*\)|[*_`>#]|\{[^}]*\}|<[^>]+>")


@dataclass(frozen=True)
class Situation:
    """One dated box: where it is, the day it describes and how it begins."""

    file: str
    line: int  # the line of the ``!!! situation`` marker
    last_line: int  # the last line of the box's text
    date: dt.date
    first_words: str

    @property
    def lines(self) -> range:
        return range(self.line, self.last_line + 1)


def _indent_width(text: str) -> int:
    return len(text.expandtabs(4)) - len(text.expandtabs(4).lstrip(" "))


def _first_words(body: list[str], count: int = 12) -> str:
    words = " ".join(_MARKUP.sub(lambda m: m.group(1) or " ", line) for line in body).split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def parse(text: str, file: str, today: dt.date | None = None, first_line: int = 1) -> list[Situation]:
    """Every dated box in a Markdown page; a box without a valid past date is an error.

    ``first_line`` is the number of the text's first line in its file (a page's text comes
    after its front matter), so that line numbers name the line of the file.
    """
    lines = text.split("\n")
    shift = first_line - 1
    problems: list[Problem] = []
    found: list[Situation] = []
    outside_code = _FENCE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    for match in _BOX.finditer(outside_code):
        number = text.count("\n", 0, match.start()) + 1
        where = f"line {number + shift}"
        title = _TITLE.match(match.group("rest"))
        value = title.group("title") if title else match.group("rest").strip()
        if not title or not _ISO.match(value):
            problems.append(
                Problem(
                    file,
                    where,
                    value,
                    f'a dated box is written !!! {TYPE} "YYYY-MM-DD" (the day you checked)',
                )
            )
            continue
        try:
            date = dt.date.fromisoformat(value)
        except ValueError:
            problems.append(Problem(file, where, value, "is not a real date"))
            continue
        if today is not None and date > today:
            problems.append(
                Problem(
                    file,
                    where,
                    value,
                    f"is after today ({today.isoformat()}); date the box the day you checked it",
                )
            )
            continue
        base = _indent_width(match.group("indent"))
        body: list[str] = []
        last = number
        for offset, line in enumerate(lines[number:], start=number + 1):
            if line.strip() and _indent_width(line) <= base:
                break
            if line.strip():
                body.append(line.strip())
                last = offset
        if not body:
            problems.append(Problem(file, where, value, "a dated box needs its text indented below it"))
            continue
        found.append(Situation(file, number + shift, last + shift, date, _first_words(body)))
    if problems:
        raise ContentError(problems)
    return found


def dated_lines(situations: list[Situation]) -> set[int]:
    """The line numbers that lie inside dated boxes."""
    return {line for situation in situations for line in situation.lines}


def title_html(date: dt.date, label: str, lang: str) -> str:
    """The box's title: ``label`` with ``{date}`` replaced by the date, as a ``<time>``."""
    when = f'<time datetime="{date.isoformat()}">{html.escape(long_date(date, lang))}</time>'
    return html.escape(label).replace("{date}", when)


def render(text: str, situations: list[Situation], label: str, lang: str, first_line: int = 1) -> str:
    """Replace each box's ISO date title with the written-out title of ``lang``."""
    lines = text.split("\n")
    for situation in situations:
        index = situation.line - first_line
        head, _, _ = lines[index].partition(TYPE)
        lines[index] = f'{head}{TYPE} "{title_html(situation.date, label, lang)}"'
    return "\n".join(lines)


def stale_before(today: dt.date, months: int = STALE_AFTER_MONTHS) -> dt.date:
    """The day ``months`` calendar months before ``today`` (clamped to the month's end)."""
    month_index = today.year * 12 + today.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    next_month = dt.date(year + (month == 12), month % 12 + 1, 1)
    return dt.date(year, month, min(today.day, (next_month - dt.timedelta(days=1)).day))


def stale(situations: list[Situation], today: dt.date, months: int = STALE_AFTER_MONTHS) -> list[Situation]:
    """The boxes whose date lies more than ``months`` months before ``today``."""
    limit = stale_before(today, months)
    return [situation for situation in situations if situation.date < limit]


def collect(docs: Path, today: dt.date | None = None, relative_to: Path | None = None) -> list[Situation]:
    """Every dated box of every page under ``docs`` (both languages), in file order.

    Pages are named by their path relative to ``relative_to`` when they lie below it.
    """
    found: list[Situation] = []
    problems: list[Problem] = []
    for path in sorted(docs.rglob("*.md")):
        name = path.as_posix()
        if relative_to is not None and path.resolve().is_relative_to(relative_to.resolve()):
            name = path.resolve().relative_to(relative_to.resolve()).as_posix()
        try:
            found.extend(parse(path.read_text(encoding="utf-8"), name, today))
        except ContentError as error:
            problems.extend(error.problems)
    if problems:
        raise ContentError(problems)
    return found


def row(situation: Situation) -> str:
    """One line of the list: ``2026-12-03  docs/guide/juridik.md:120  Regeringen har …``."""
    return f"{situation.date.isoformat()}  {situation.file}:{situation.line}  {situation.first_words}"
