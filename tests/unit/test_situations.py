"""Unit tests of dated boxes (hooks/offentligai/guide/situations.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from offentligai.errors import ContentError
from offentligai.guide import situations

TODAY = dt.date(2026, 12, 3)
PAGE = """# Juridik

Text före rutan.

!!! situation "2026-12-03"

    Regeringen har inte lämnat någon **proposition** om en kompletterande lag.
    Se [SOU 2025:101](https://example.se).

    Ett andra stycke.

Text efter rutan.

- En lista

    !!! situation "2026-05-01"
        Indragen ruta i en lista.

Slut.
"""


def test_boxes_are_found_with_their_lines_dates_and_first_words():
    boxes = situations.parse(PAGE, "docs/guide/juridik.md", TODAY)
    assert [(b.line, b.last_line, b.date) for b in boxes] == [
        (5, 10, dt.date(2026, 12, 3)),
        (16, 17, dt.date(2026, 5, 1)),
    ]
    assert boxes[0].first_words == (
        "Regeringen har inte lämnat någon proposition om en kompletterande lag. Se SOU …"
    )
    assert situations.dated_lines(boxes) == {5, 6, 7, 8, 9, 10, 16, 17}
    assert situations.row(boxes[1]) == "2026-05-01  docs/guide/juridik.md:16  Indragen ruta i en lista."


def test_the_first_line_shifts_line_numbers_to_the_file():
    boxes = situations.parse(PAGE, "p.md", TODAY, first_line=6)
    assert [b.line for b in boxes] == [10, 21]
    rendered = situations.render(PAGE, boxes, "As of {date}", "en", first_line=6)
    assert 'situation "As of <time datetime="2026-12-03">3 December 2026</time>"' in rendered


def test_render_writes_the_date_out_in_each_language():
    boxes = situations.parse(PAGE, "p.md", TODAY)
    swedish = situations.render(PAGE, boxes, "Läget den {date}", "sv")
    assert '!!! situation "Läget den <time datetime="2026-12-03">3 december 2026</time>"' in swedish
    assert '    !!! situation "Läget den <time datetime="2026-05-01">1 maj 2026</time>"' in swedish
    assert swedish.count("\n") == PAGE.count("\n")


@pytest.mark.parametrize(
    ("head", "message"),
    [
        ("!!! situation", 'a dated box is written !!! situation "YYYY-MM-DD"'),
        ('!!! situation "3 december 2026"', "3 december 2026: a dated box is written"),
        ('!!! situation "2026-02-30"', "2026-02-30: is not a real date"),
        ('!!! situation "2026-12-04"', "2026-12-04: is after today (2026-12-03)"),
    ],
)
def test_a_box_without_a_valid_past_date_is_a_clear_error(head, message):
    with pytest.raises(ContentError) as caught:
        situations.parse(f"Text.\n\n{head}\n\n    Något.\n", "docs/a.md", TODAY)
    assert f"docs/a.md: line 3: {message}" in caught.value.report()


def test_a_box_without_text_is_an_error():
    with pytest.raises(ContentError, match="a dated box needs its text indented below it"):
        situations.parse('!!! situation "2026-01-01"\n\nInte indraget.\n', "a.md", TODAY)


def test_a_box_in_fenced_code_is_an_example_not_a_box():
    text = 'Så här:\n\n```markdown\n!!! situation "2026-12-03"\n\n    Text.\n```\n\n!!! situation "x"\n'
    text = text.replace('!!! situation "x"\n', '~~~\n!!! situation "x"\n~~~\n')
    assert situations.parse(text, "a.md", TODAY) == []


def test_other_admonitions_are_not_dated_boxes():
    text = '!!! note "2026-01-01"\n\n    Text.\n\n!!! situations "x"\n\n    Text.\n'
    assert situations.parse(text, "a.md", TODAY) == []


@pytest.mark.parametrize(
    ("today", "limit"),
    [
        (dt.date(2026, 12, 3), dt.date(2026, 6, 3)),
        (dt.date(2026, 8, 31), dt.date(2026, 2, 28)),
        (dt.date(2027, 3, 15), dt.date(2026, 9, 15)),
        (dt.date(2026, 6, 30), dt.date(2025, 12, 30)),
    ],
)
def test_six_months_back_is_counted_in_calendar_months(today, limit):
    assert situations.stale_before(today) == limit


def test_boxes_older_than_six_months_are_stale():
    boxes = situations.parse(PAGE, "p.md", TODAY)
    assert [b.date for b in situations.stale(boxes, TODAY)] == [dt.date(2026, 5, 1)]
    assert situations.stale(boxes, dt.date(2026, 11, 1)) == []
    assert [b.date for b in situations.stale(boxes, dt.date(2027, 6, 4))] == [
        dt.date(2026, 12, 3),
        dt.date(2026, 5, 1),
    ]


def test_collect_reads_every_page_and_reports_every_bad_box(tmp_path):
    (tmp_path / "guide").mkdir()
    (tmp_path / "guide" / "a.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "guide" / "a.en.md").write_text('!!! situation "2026-12-03"\n\n    Text.\n', encoding="utf-8")
    assert [b.file.endswith("a.en.md") for b in situations.collect(tmp_path, TODAY)] == [True, False, False]
    (tmp_path / "b.md").write_text('!!! situation "x"\n\n    Text.\n', encoding="utf-8")
    (tmp_path / "c.md").write_text('!!! situation "2027-01-01"\n\n    Text.\n', encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        situations.collect(tmp_path, TODAY)
    assert len(caught.value.problems) == 2
