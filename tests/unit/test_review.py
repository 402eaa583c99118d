"""`make review`: the limits in data/review.yml, month arithmetic, and scripts/review.py."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from offentligai import freshness
from offentligai.errors import ContentError
from scripts import review
from tests.helpers import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "examples"
TODAY = dt.date(2026, 12, 3)


# ---------------------------------------------------------------------------
# Limits and months
# ---------------------------------------------------------------------------


def test_the_real_limits_are_twelve_and_twenty_four_months():
    assert freshness.load_limits(ROOT) == freshness.Limits(12, 24)


def test_limits_default_when_the_file_or_a_key_is_missing(tmp_path):
    assert freshness.load_limits(tmp_path) == freshness.Limits(12, 24)
    (tmp_path / "data").mkdir()
    (tmp_path / freshness.LIMITS_PATH).write_text("review_limit_months: 6\n", encoding="utf-8")
    assert freshness.load_limits(tmp_path) == freshness.Limits(6, 24)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "review_limit_months: 0\n",
            "data/review.yml: review_limit_months: 0: must be a whole number of months, 1 or more",
        ),
        (
            "status_unconfirmed_months: '24'\n",
            "data/review.yml: status_unconfirmed_months: 24: must be a whole number of months, 1 or more",
        ),
        (
            "review_limit_months: true\n",
            "data/review.yml: review_limit_months: True: must be a whole number of months, 1 or more",
        ),
        (
            "review_months: 12\n",
            "data/review.yml: review_months: unknown limit; allowed: "
            "review_limit_months, status_unconfirmed_months",
        ),
        ("- 12\n", "data/review.yml: must be a mapping of limit names to months"),
        ("a: [\n", "data/review.yml: is not valid YAML ("),
    ],
)
def test_bad_limits_are_one_line_naming_file_and_field(tmp_path, text, message):
    (tmp_path / "data").mkdir()
    (tmp_path / freshness.LIMITS_PATH).write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        freshness.load_limits(tmp_path)
    assert str(raised.value.problems[0]).startswith(message)
    assert "\n" not in str(raised.value.problems[0])


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2024, 1, 31), 1, dt.date(2024, 2, 29)),
        (dt.date(2023, 1, 31), 1, dt.date(2023, 2, 28)),
        (dt.date(2024, 11, 15), 2, dt.date(2025, 1, 15)),
        (dt.date(2024, 12, 3), 24, dt.date(2026, 12, 3)),
        (dt.date(2025, 3, 1), -3, dt.date(2024, 12, 1)),
    ],
)
def test_add_months(day, months, expected):
    assert freshness.add_months(day, months) == expected


@pytest.mark.parametrize(
    ("earlier", "later", "months"),
    [
        (dt.date(2024, 12, 3), dt.date(2026, 12, 3), 24),
        (dt.date(2024, 12, 4), dt.date(2026, 12, 3), 23),
        (dt.date(2026, 11, 30), dt.date(2026, 12, 3), 0),
        (dt.date(2027, 1, 1), dt.date(2026, 12, 3), 0),
        (dt.date(2019, 4, 29), dt.date(2026, 12, 3), 91),
    ],
)
def test_months_between(earlier, later, months):
    assert freshness.months_between(earlier, later) == months


def test_older_than_means_more_than_the_limit():
    assert not freshness.older_than(dt.date(2024, 12, 3), 24, TODAY)
    assert freshness.older_than(dt.date(2024, 12, 2), 24, TODAY)


# ---------------------------------------------------------------------------
# scripts/review.py
# ---------------------------------------------------------------------------


def make_root(tmp_path: Path, reviewed: dict[str, str]) -> Path:
    """A repository with the real vocabularies and the fixture site's examples, reviewed on the
    given dates (example id -> YYYY-MM-DD)."""
    (tmp_path / "data").mkdir(parents=True)
    shutil.copy(ROOT / "data" / "vocabularies.yml", tmp_path / "data")
    shutil.copy(ROOT / "data" / "review.yml", tmp_path / "data")
    folder = tmp_path / "docs" / "exempel"
    shutil.copytree(FIXTURES / "site" / "docs" / "exempel", folder)
    for stem, day in reviewed.items():
        path = folder / f"{stem}.md"
        text = path.read_text(encoding="utf-8")
        old = next(line for line in text.splitlines() if line.startswith("last_reviewed:"))
        path.write_text(text.replace(old, f"last_reviewed: {day}"), encoding="utf-8")
    return tmp_path


def test_report_lists_every_example_oldest_first_with_ages(tmp_path, capsys):
    root = make_root(tmp_path, {"kod-och-tecken": "2026-11-01", "bara-svenska": "2026-10-01"})
    assert review.main([], root, TODAY) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Review queue on 2026-12-03 (oldest first)"
    assert out[2] == "Examples (docs/exempel/): 2 items; limit: last_reviewed at most 12 months ago"
    assert out[3] == "Overdue: 0"
    assert out[4].split() == ["item", "status", "confirmed", "last", "reviewed", "note"]
    rows = out[5 : out.index("", 5)]  # up to the next section (the dated boxes: none here)
    assert [row.split()[0] for row in rows] == [
        "docs/exempel/bara-svenska.md",  # confirmed 2019: the oldest
        "docs/exempel/kod-och-tecken.md",
    ]
    assert rows[0].split()[1:7] == ["7", "y", "10", "m", "2", "m"]
    assert rows[1].split()[1:6] == ["2", "y", "7", "m", "1"]
    assert rows[1].endswith("status unconfirmed for over 24 months")


def test_check_fails_only_when_an_example_is_past_the_review_limit(tmp_path, capsys):
    root = make_root(tmp_path, {"kod-och-tecken": "2025-12-03", "bara-svenska": "2025-12-02"})
    assert review.main([], root, TODAY) == 0  # the report alone never fails
    capsys.readouterr()
    assert review.main(["--check"], root, TODAY) == 1
    captured = capsys.readouterr()
    overdue = next(
        line for line in captured.out.splitlines() if line.startswith("docs/exempel/bara-svenska.md")
    )
    assert "OVERDUE: review overdue (limit 12 months)" in overdue
    assert "Overdue: 1" in captured.out
    assert captured.err.strip() == "1 item(s) past the limit: docs/exempel/bara-svenska.md"
    make_root(tmp_path / "fresh", {"kod-och-tecken": "2025-12-03", "bara-svenska": "2026-01-01"})
    assert review.main(["--check"], tmp_path / "fresh", TODAY) == 0


def test_the_limit_comes_from_the_configuration(tmp_path, capsys):
    root = make_root(tmp_path, {"kod-och-tecken": "2026-11-01", "bara-svenska": "2026-05-01"})
    (root / "data" / "review.yml").write_text("review_limit_months: 6\n", encoding="utf-8")
    assert review.main(["--check"], root, TODAY) == 1
    assert "limit: last_reviewed at most 6 months ago" in capsys.readouterr().out


def test_broken_content_is_reported_not_a_traceback(tmp_path, capsys):
    root = make_root(tmp_path, {})
    (root / "docs" / "exempel" / "bara-svenska.md").write_text("---\nid: x\n---\n", encoding="utf-8")
    assert review.main([], root, TODAY) == 2
    err = capsys.readouterr().err
    assert "problem" in err and "docs/exempel/bara-svenska.md" in err and "Traceback" not in err


def test_a_section_is_a_function_in_the_list(tmp_path, monkeypatch, capsys):
    def boxes(root, today, limits):
        item = review.Item("docs/guide/x.md", (dt.date(2020, 1, 1),), True, "box too old")
        return review.Section("Dated boxes", "at most 1 year", ("dated",), (item,))

    monkeypatch.setattr(review, "SECTIONS", [*review.SECTIONS, boxes])
    root = make_root(tmp_path, {"kod-och-tecken": "2026-11-01", "bara-svenska": "2026-11-01"})
    assert review.main(["--check"], root, TODAY) == 1
    out = capsys.readouterr().out
    assert "Dated boxes: 1 items; limit: at most 1 year" in out
    assert "OVERDUE: box too old" in out


def test_a_dated_box_older_than_six_months_is_overdue(tmp_path, capsys):
    root = make_root(tmp_path, {"kod-och-tecken": "2026-11-01", "bara-svenska": "2026-11-01"})
    guide = root / "docs" / "guide"
    guide.mkdir(parents=True)
    (guide / "a.md").write_text('Text.\n\n!!! situation "2026-06-02"\n\n    Ett läge som rör sig.\n', "utf-8")
    (guide / "b.md").write_text('!!! situation "2026-06-04"\n\n    Ett nyare läge.\n', "utf-8")
    assert review.main(["--check"], root, TODAY) == 1
    captured = capsys.readouterr()
    assert "Dated boxes in the guide and the other pages (docs/): 2 items" in captured.out
    rows = [line for line in captured.out.splitlines() if line.startswith("docs/guide/")]
    assert rows[0].startswith("docs/guide/a.md:3") and "OVERDUE: check again (limit 6 months)" in rows[0]
    assert rows[1].startswith("docs/guide/b.md:1") and "OVERDUE" not in rows[1]
    assert captured.err.strip() == "1 item(s) past the limit: docs/guide/a.md:3"


def test_undated_items_come_first():
    items = [
        review.Item("b", (dt.date(2020, 1, 1), dt.date(2026, 1, 1))),
        review.Item("a", (None, dt.date(2026, 1, 1))),
        review.Item("c", (dt.date(2019, 1, 1), dt.date(2026, 1, 1))),
    ]
    assert [item.name for item in sorted(items, key=review._oldest_first)] == ["a", "c", "b"]


@pytest.mark.parametrize(
    ("args", "check"),
    [
        (["review"], False),
        (["review", "--check"], True),
        (["review", "CHECK=1"], True),
        (["-s", "review", "--check"], True),
    ],
)
def test_make_review_passes_check_on(args, check):
    result = subprocess.run(["make", "-n", *args], cwd=ROOT, capture_output=True, text=True, check=True)
    line = next(line for line in result.stdout.splitlines() if "scripts/review.py" in line)
    assert line.rstrip().endswith("--check") is check


def test_the_real_collection_is_within_the_review_limit():
    assert review.main(["--check"], ROOT) == 0
