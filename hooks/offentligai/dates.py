"""Dates written out the way readers of each language expect."""

from __future__ import annotations

import datetime as dt

MONTHS = {
    "sv": [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


def long_date(value: dt.date, lang: str) -> str:
    """``28 november 2026`` in Swedish, ``28 November 2026`` in English."""
    return f"{value.day} {MONTHS[lang][value.month - 1]} {value.year}"


def month_year(value: dt.date, lang: str) -> str:
    """``mars 2023`` in Swedish, ``March 2023`` in English."""
    return f"{MONTHS[lang][value.month - 1]} {value.year}"
