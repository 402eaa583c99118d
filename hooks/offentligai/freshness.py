"""How old a dated fact may get: the limits in ``data/review.yml`` and month arithmetic.

The site uses ``status_unconfirmed_months`` to tell readers that an example's status has not
been confirmed for a long time; ``scripts/review.py`` (``make review``) uses both limits to list
what the maintainers should look at next. ``load_limits`` is the one reader of the file.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .datafiles import read_yaml
from .errors import ContentError, Problem

LIMITS_PATH = "data/review.yml"


@dataclass(frozen=True)
class Limits:
    """Ages in whole months; the defaults apply when the file leaves a limit out."""

    review_limit_months: int = 12  # an example not reviewed for longer fails `make review --check`
    status_unconfirmed_months: int = 24  # older status confirmations are flagged on the site


def load_limits(root: Path) -> Limits:
    """The limits of ``data/review.yml`` under ``root`` (defaults if the file is missing)."""
    path = root / LIMITS_PATH
    if not path.exists():
        return Limits()
    data = read_yaml(path, LIMITS_PATH) or {}
    known = set(Limits.__dataclass_fields__)
    if not isinstance(data, dict):
        raise ContentError([Problem(LIMITS_PATH, "", "", "must be a mapping of limit names to months")])
    problems = [
        Problem(LIMITS_PATH, str(key), "", "unknown limit; allowed: " + ", ".join(sorted(known)))
        for key in data
        if key not in known
    ]
    problems += [
        Problem(LIMITS_PATH, key, value, "must be a whole number of months, 1 or more")
        for key, value in data.items()
        if key in known and (isinstance(value, bool) or not isinstance(value, int) or value < 1)
    ]
    if problems:
        raise ContentError(problems)
    return Limits(**data)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved ``months`` calendar months on; the 31st becomes the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def months_between(earlier: dt.date, later: dt.date) -> int:
    """Whole calendar months from ``earlier`` to ``later`` (0 if ``later`` is not after it)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if months > 0 and add_months(earlier, months) > later:
        months -= 1
    return max(months, 0)


def older_than(day: dt.date, months: int, today: dt.date) -> bool:
    """True when more than ``months`` months have passed from ``day`` to ``today``."""
    return add_months(day, months) < today
