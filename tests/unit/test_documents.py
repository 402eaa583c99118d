"""Unit tests of the guide's downloadable templates (hooks/offentligai/guide/documents.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from offentligai.errors import ContentError
from offentligai.guide import documents as d
from tests.helpers.documents_text import docx_blocks, odt_blocks

DOCX, ODT = d.FORMATS
REVIEWED = dt.date(2026, 12, 3)
SOURCE = (
    "## Policy för [namn] { #policy }\n\n"
    "Beslutad den [datum] enligt 32 § förvaltningslagen (2017:900).\n\n"
    "### Ansvar { #roles }\n\n"
    "- Jurist: bedömer, se [lagen](https://rkrattsbaser.gov.se/sfst?bet=2017:900).\n"
    "- Dataskyddsombud: ger råd.\n\n"
    "| Roll | Ansvar |\n| --- | --- |\n| IT | Drift |\n"
)
EXPECTED = [
    "Policy för [namn]",
    "Beslutad den [datum] enligt 32 § förvaltningslagen (2017:900).",
    "Ansvar",
    "Jurist: bedömer, se lagen.",
    "Dataskyddsombud: ger råd.",
    "Roll",
    "Ansvar",
    "IT",
    "Drift",
]


def page(body: str) -> str:
    return f"# Mall\n\nInledning.\n\n{d.START}\n\n{body}\n{d.END}\n\n## Källor {{ #sources }}\n"


# --- reading the page ------------------------------------------------------------------


def test_a_page_without_markers_has_no_document():
    assert d.extract("# Sida\n\nText.\n", "guide/x.md") is None


def test_the_template_part_is_the_text_between_the_markers():
    assert d.extract(page(SOURCE), "guide/mallar/x.md") == SOURCE


@pytest.mark.parametrize(
    ("markdown", "message"),
    [
        (f"# Mall\n\n{d.START}\n\n## Titel\n", "a page has one of each, or none"),
        (f"# Mall\n\n{d.END}\n\n## Titel\n\n{d.START}\n", f"must come after {d.START}"),
        (page(SOURCE) + f"\n{d.START}\n{d.END}\n", "a page has one of each, or none"),
        (page("Bara text.\n"), "must start with a level-2 heading"),
        (
            page("## Titel\n\nSe [kapitlet](../juridik.md).\n"),
            "../juridik.md: a downloaded template cannot follow",
        ),
    ],
)
def test_bad_template_parts_are_reported_with_the_file(markdown, message):
    with pytest.raises(ContentError) as error:
        d.extract(markdown, "guide/mallar/x.md")
    report = error.value.report()
    assert "guide/mallar/x.md" in report and message in report


def test_the_document_name_and_review_date_come_from_front_matter():
    assert d.document_name({"document": "ai-policy"}, "f.md") == "ai-policy"
    assert d.review_date({"last_reviewed": REVIEWED}, "f.md") == REVIEWED
    assert d.review_date({"last_reviewed": "2026-12-03"}, "f.md") == REVIEWED
    for meta in ({}, {"document": "AI Policy"}, {"document": 3}):
        with pytest.raises(ContentError, match="f.md: document"):
            d.document_name(meta, "f.md")
    for meta in ({}, {"last_reviewed": "snart"}):
        with pytest.raises(ContentError, match="f.md: last_reviewed"):
            d.review_date(meta, "f.md")


# --- where the documents go -------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "path", "href"),
    [
        ("guide/mallar/ai-policy/", "guide/mallar/ai-policy.docx", "../ai-policy.docx"),
        ("en/guide/mallar/ai-policy/", "en/guide/mallar/ai-policy.docx", "../ai-policy.docx"),
        ("guide/mallar/ai-policy.html", "guide/mallar/ai-policy.docx", "ai-policy.docx"),  # offline build
        ("mall/", "ai-policy.docx", "../ai-policy.docx"),
    ],
)
def test_documents_sit_beside_the_template_pages(url, path, href):
    made = d.download(url, "ai-policy", DOCX, 1234)
    assert (made.path, made.href, made.size) == (path, href, 1234)
    assert d.size_label(1234) == "1 kB" and d.size_label(14_400) == "14 kB" and d.size_label(12) == "1 kB"


def test_pandoc_runs_sandboxed_with_the_language_and_the_first_heading_as_title():
    args = d.pandoc_arguments(ODT, "en")
    assert "--sandbox" in args and "--to=odt" in args and "--shift-heading-level-by=-1" in args
    assert "--metadata=lang:en-GB" in args and "--from=markdown-smart" in args


def test_the_cache_key_changes_with_everything_that_decides_the_output():
    key = d.cache_key(SOURCE, DOCX, "sv", REVIEWED, "1.17")
    assert key == d.cache_key(SOURCE, DOCX, "sv", REVIEWED, "1.17")
    others = {
        d.cache_key(SOURCE + "x", DOCX, "sv", REVIEWED, "1.17"),
        d.cache_key(SOURCE, ODT, "sv", REVIEWED, "1.17"),
        d.cache_key(SOURCE, DOCX, "en", REVIEWED, "1.17"),
        d.cache_key(SOURCE, DOCX, "sv", dt.date(2027, 1, 1), "1.17"),
        d.cache_key(SOURCE, DOCX, "sv", REVIEWED, "1.18"),
    }
    assert key not in others and len(others) == 5


# --- conversion with the real pandoc ----------------------------------------------------


@pytest.mark.parametrize(("fmt", "read"), [(DOCX, docx_blocks), (ODT, odt_blocks)])
def test_pandoc_makes_a_document_with_the_same_text(tmp_path, fmt, read):
    data, converted = d.convert(SOURCE, fmt, "sv", REVIEWED, tmp_path / "cache", "f.md")
    assert converted
    target = tmp_path / f"policy.{fmt.extension}"
    target.write_bytes(data)
    assert read(target) == EXPECTED


def test_a_second_conversion_of_the_same_text_comes_from_the_cache(tmp_path):
    cache = tmp_path / "cache"
    first, converted = d.convert(SOURCE, ODT, "sv", REVIEWED, cache, "f.md")
    assert converted
    [cached] = cache.iterdir()
    stamp = cached.stat().st_mtime_ns
    again, converted = d.convert(SOURCE, ODT, "sv", REVIEWED, cache, "f.md")
    assert not converted and again == first and cached.stat().st_mtime_ns == stamp
    _, converted = d.convert(SOURCE.replace("[namn]", "[organisation]"), ODT, "sv", REVIEWED, cache, "f.md")
    assert converted and len(list(cache.iterdir())) == 2
    assert not list(cache.glob("*.part")), "no half-written file is left behind"


def test_the_same_text_gives_the_same_bytes(tmp_path):
    """Dates inside the files are the review date, so a rebuild changes nothing."""
    first = d.run_pandoc(SOURCE, DOCX, "sv", REVIEWED, "f.md")
    assert d.run_pandoc(SOURCE, DOCX, "sv", REVIEWED, "f.md") == first


def test_a_pandoc_failure_is_one_clear_problem(tmp_path):
    broken = d.Format("xyz", "no-such-writer", "application/x-none", "doc_format_docx")
    with pytest.raises(ContentError) as error:
        d.run_pandoc(SOURCE, broken, "sv", REVIEWED, "guide/mallar/x.md")
    assert "guide/mallar/x.md: document: xyz: pandoc failed" in error.value.report()
