"""The maintainers' work queue: dated content, oldest first, and what is overdue (`make review`).

Each section lists items with the dates that age, oldest first. For the example collection
these are each example's `status_confirmed` (when a source last confirmed its status) and its
`last_reviewed` (when someone last checked it against its sources). The limits are in
data/review.yml (read by offentligai.freshness.load_limits).

    python scripts/review.py           # the report; always exits 0
    python scripts/review.py --check   # exits 1 when an item is past its limit
    make review                        # the same as the first; `make review --check` the second

Sections: the examples, and the dated boxes (`!!! situation "YYYY-MM-DD"`) in docs/, which are
overdue six months after their date (scripts/situations.py lists them too). Adding a section:
write a function `(root, today, limits) -> Section` and add it to SECTIONS.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from offentligai.errors import ContentError
from offentligai.examples import collection, schema, vocabularies
from offentligai.freshness import Limits, load_limits, months_between, older_than
from offentligai.guide import situations

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Item:
    """One thing to look at: where it is, its dated facts, and whether it is past its limit."""

    name: str  # what to open, relative to the repository root
    dates: tuple[dt.date | None, ...]  # in the order of the section's columns; None: no date
    overdue: bool = False
    note: str = ""  # why it is overdue, or what is missing


@dataclass(frozen=True)
class Section:
    title: str
    rule: str  # the limit, in words
    columns: tuple[str, ...]  # what each date is
    items: tuple[Item, ...]


def age(day: dt.date | None, today: dt.date) -> str:
    """``3 y 2 m`` (years and months since ``day``), or ``–`` when there is no date."""
    if day is None:
        return "–"
    years, months = divmod(months_between(day, today), 12)
    return f"{years} y {months} m" if years else f"{months} m"


def _oldest_first(item: Item) -> tuple:
    # Undated items first (nothing confirms them), then by the oldest of their dates.
    dated = [day for day in item.dates if day is not None]
    return (len(dated) == len(item.dates), min(dated, default=dt.date.min), item.name)


# ---------------------------------------------------------------------------
# Sections
# ---------------------------------------------------------------------------


def examples_section(root: Path, today: dt.date, limits: Limits) -> Section:
    """Every example with the age of its status confirmation and of its last review.

    An example is overdue when its last review is more than ``review_limit_months`` old.
    A status confirmation older than ``status_unconfirmed_months`` is noted (the site flags it
    too); it is not overdue, since only a new source can change it.
    """
    vocab = vocabularies.load_vocabularies(root / "data" / "vocabularies.yml")
    check = schema.validator(schema.build_schema(vocab, schema.SCHEMA_PATH))
    examples = collection.load_collection(root / "docs" / "exempel", root, check, today)
    items = []
    for example in examples:
        overdue = older_than(example.last_reviewed, limits.review_limit_months, today)
        notes = []
        if overdue:
            notes.append(f"review overdue (limit {limits.review_limit_months} months)")
        # Every example has a status_confirmed: the schema requires it.
        if example.status_confirmed and older_than(
            example.status_confirmed, limits.status_unconfirmed_months, today
        ):
            notes.append(f"status unconfirmed for over {limits.status_unconfirmed_months} months")
        items.append(
            Item(
                f"docs/exempel/{example.id}.md",
                (example.status_confirmed, example.last_reviewed),
                overdue,
                "; ".join(notes),
            )
        )
    return Section(
        "Examples (docs/exempel/)",
        f"last_reviewed at most {limits.review_limit_months} months ago",
        ("status confirmed", "last reviewed"),
        tuple(sorted(items, key=_oldest_first)),
    )


def situations_section(root: Path, today: dt.date, limits: Limits) -> Section:
    """Every dated box in docs/ (``!!! situation "YYYY-MM-DD"``), overdue when older than
    situations.STALE_AFTER_MONTHS: the moving fact it states must be checked again."""
    months = situations.STALE_AFTER_MONTHS
    items = []
    for box in situations.collect(root / "docs", today, relative_to=root):
        overdue = box.date < situations.stale_before(today, months)
        note = f"check again (limit {months} months): {box.first_words}" if overdue else box.first_words
        items.append(Item(f"{box.file}:{box.line}", (box.date,), overdue, note))
    return Section(
        "Dated boxes in the guide and the other pages (docs/)",
        f"the box's date at most {months} months ago",
        ("dated",),
        tuple(sorted(items, key=_oldest_first)),
    )


# The report's sections, in order. Each is a function (root, today, limits) -> Section.
SECTIONS: list[Callable[[Path, dt.date, Limits], Section]] = [examples_section, situations_section]


# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------


def render(sections: Sequence[Section], today: dt.date) -> str:
    """The report as plain text: one table per section, ages in years and months."""
    lines = [f"Review queue on {today.isoformat()} (oldest first)"]
    for section in sections:
        lines += ["", f"{section.title}: {len(section.items)} items; limit: {section.rule}"]
        overdue = sum(item.overdue for item in section.items)
        lines.append(f"Overdue: {overdue}")
        width = max([len(item.name) for item in section.items] + [4])
        header = ["item".ljust(width), *(f"{column:>16}" for column in section.columns), "  note"]
        lines.append("  ".join(header).rstrip())
        for item in section.items:
            cells = [item.name.ljust(width), *(f"{age(day, today):>16}" for day in item.dates)]
            mark = "  OVERDUE: " if item.overdue else "  "
            lines.append(("  ".join(cells) + (mark + item.note if item.note else "")).rstrip())
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None, root: Path = ROOT, today: dt.date | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when an item is past its limit")
    args = parser.parse_args(argv)
    today = today or dt.date.today()
    try:
        limits = load_limits(root)
        sections = [make(root, today, limits) for make in SECTIONS]
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 2
    print(render(sections, today), end="")
    overdue = [item.name for section in sections for item in section.items if item.overdue]
    if args.check and overdue:
        print(f"\n{len(overdue)} item(s) past the limit: " + ", ".join(overdue), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
