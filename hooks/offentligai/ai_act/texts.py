"""Dates in the decision aid's texts: written once in the date table, referred to as {date:id}.

Every other way of writing a date (``2 december 2027``, ``2 Dec 2027``, ``December 2, 2027``,
``2027-12-02``, ``2.12.2027``, ``augusti 2026``) is a *date literal*: the build refuses it in
the aid's data, and a test refuses it in the aid's other files, so that a date can never be
changed in one place and forgotten in another.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from ..dates import long_date

PLACEHOLDER = re.compile(r"\{date:([a-z0-9]+(?:-[a-z0-9]+)*)\}")
# Any other {…} in a text is a mistake (a misspelt placeholder).
OTHER_BRACES = re.compile(r"\{(?!date:[a-z0-9-]+\})[^}]*\}")

_MONTHS = (
    # Swedish
    "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|"
    # English
    "january|february|march|may|june|july|august|october|"
    # Abbreviations in both languages
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th|:e|:a)?\.?"
DATE_LITERAL = re.compile(
    "|".join(
        [
            r"\b\d{4}-\d{1,2}-\d{1,2}\b",  # 2027-12-02
            r"\b\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})\b",  # 2.12.2027, 02/12/27
            rf"\b{_DAY}\s+(?:{_MONTHS})\b\.?(?:\s+\d{{4}})?",  # 2 december 2027, 2 Dec, 1 februari
            rf"\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?",  # December 2, 2027
            rf"\b(?:{_MONTHS})\.?\s+\d{{4}}\b",  # augusti 2026
        ]
    ),
    re.IGNORECASE,
)


def date_literals(text: str) -> list[str]:
    """Every date written out in ``text`` (placeholders such as {date:general} are not dates)."""
    return [match.group(0) for match in DATE_LITERAL.finditer(PLACEHOLDER.sub(" ", text))]


def placeholders(text: str) -> list[str]:
    """The date ids that ``text`` refers to."""
    return PLACEHOLDER.findall(text)


def fill_dates(text: str, dates: Mapping[str, dt.date], lang: str) -> str:
    """``text`` with each {date:id} written out: ``2 december 2027`` / ``2 December 2027``."""
    return PLACEHOLDER.sub(lambda match: long_date(dates[match.group(1)], lang), text)
