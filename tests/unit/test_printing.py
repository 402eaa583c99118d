"""offentligai.printing and scripts/pdf.py: putting chapters together, and the PDF link (no build)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from offentligai.printing import document
from scripts import pdf

CHAPTERS = {"guide/juridik/": "juridik", "guide/data/": "data"}


def test_a_chapter_loses_its_h1_and_its_headings_move_one_level_down():
    html = '<h1 id="juridik">Juridik</h1>\n<p>Text</p><h2 id="a">A</h2><h3 id="b">B</h3></h3>'
    prepared = document.prepare(html, "juridik", "guide/juridik/", CHAPTERS, "guide/utskrift/")
    assert "<h1" not in prepared and "Juridik</h" not in prepared
    assert '<h3 id="juridik--a">A</h3><h4 id="juridik--b">B</h4>' in prepared


def test_references_to_ids_follow_the_ids_to_their_new_names():
    html = (
        '<aside aria-labelledby="t other" aria-describedby="outside"><p id="t">T</p>'
        '<label for="f">F</label><input id="f"></aside>'
    )
    prepared = document.prepare(html, "juridik", "guide/juridik/", CHAPTERS, "guide/utskrift/")
    assert 'aria-labelledby="juridik--t other"' in prepared and 'id="juridik--t"' in prepared
    assert 'for="juridik--f"' in prepared and 'id="juridik--f"' in prepared
    assert 'aria-describedby="outside"' in prepared  # not an id of the chapter: left alone


def test_a_chapter_loses_its_reading_time():
    html = (
        '<h1 id="juridik">Juridik</h1>\n<p class="oai-reading-time" data-oai="reading-time" '
        "data-search-exclude>Lästid: cirka 9 minuter</p>\n<p>Text</p>"
    )
    prepared = document.prepare(html, "juridik", "guide/juridik/", CHAPTERS, "guide/utskrift/")
    assert prepared == "<p>Text</p>"


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("#checklist", "#juridik--checklist"),
        ("../data/", "#data"),
        ("../data/#quality", "#data--quality"),
        ("../data/index.html", "../data/index.html"),  # not a chapter address: left alone
        ("../../fortroendemodellen/utveckling/#x", "../../fortroendemodellen/utveckling/#x"),
        ("https://eur-lex.europa.eu/eli/reg/2024/1689/oj", "https://eur-lex.europa.eu/eli/reg/2024/1689/oj"),
        ("mailto:a@example.se", "mailto:a@example.se"),
    ],
)
def test_links_between_chapters_stay_inside_the_document(href, expected):
    prepared = document.prepare(
        f'<p><a href="{href}">x</a></p>', "juridik", "guide/juridik/", CHAPTERS, "guide/utskrift/"
    )
    assert f'href="{expected}"' in prepared


def test_links_work_the_same_without_directory_urls():
    chapters = {"guide/juridik.html": "juridik", "guide/data.html": "data"}
    prepared = document.prepare(
        '<a href="data.html#x">x</a><a href="../om/x.html">y</a>',
        "juridik",
        "guide/juridik.html",
        chapters,
        "guide/utskrift.html",
    )
    assert 'href="#data--x"' in prepared and 'href="../om/x.html"' in prepared


def test_links_and_files_of_a_chapter_in_a_subfolder_lead_to_the_same_place_from_the_print_page():
    chapters = {"guide/mallar/ai-policy/": "ai-policy", "guide/data/": "data"}
    content = (
        '<a href="../../data/#x">in</a> <a href="../../../om/licens/">out</a> '
        '<a href="ai-policy.sv.docx">file</a> <img src="../bild.png" alt="">'
    )
    prepared = document.prepare(content, "ai-policy", "guide/mallar/ai-policy/", chapters, "guide/utskrift/")
    assert 'href="#data--x"' in prepared
    assert 'href="../../om/licens/"' in prepared
    assert 'href="../mallar/ai-policy/ai-policy.sv.docx"' in prepared
    assert 'src="../mallar/bild.png"' in prepared


def test_chapter_names_come_from_their_addresses():
    assert document.chapter_slug("guide/juridik/") == "juridik"
    assert document.chapter_slug("en/guide/juridik/") == "juridik"
    assert document.chapter_slug("guide/juridik.html") == "juridik"


def _toc(level, title, id_, children=()):
    return SimpleNamespace(level=level, title=title, id=id_, children=list(children))


def test_sections_are_the_level_two_headings_wherever_the_toc_puts_them():
    guide = [_toc(1, "Juridik", "juridik", [_toc(2, "Dataskydd &amp; sekretess", "a"), _toc(2, "EU", "b")])]
    trust_model = [_toc(2, "1. Syfte", "purpose")]
    assert [(s.id, s.title) for s in document.sections(guide, "juridik")] == [
        ("juridik--a", "Dataskydd & sekretess"),
        ("juridik--b", "EU"),
    ]
    assert [s.id for s in document.sections(trust_model, "before")] == ["before--purpose"]


def test_sources_are_every_outside_link_once_in_order():
    first = '<a href="https://a.example/">Lag <em>A</em></a> <a href="../data/">intern</a>'
    second = '<a href="https://b.example/">B</a><a href="https://a.example/">A igen</a>'
    found = document.sources([first, second])
    assert [(s.text, s.href) for s in found] == [("Lag A", "https://a.example/"), ("B", "https://b.example/")]


PAGE = (
    '<p><a href="../utskrift/">Hela guiden</a></p>\n'
    '<p class="oai-print-pdf" data-oai-pdf="pdf/guide.pdf" hidden>'
    '<a data-oai-pdf-href="../pdf/guide.pdf">PDF</a> (PDF)</p>'
)


def test_the_pdf_link_is_inert_until_the_pdf_exists():
    assert ' href="../pdf/guide.pdf"' not in PAGE
    assert document.enable_pdf_links(PAGE, "pdf/other.pdf") == PAGE
    enabled = document.enable_pdf_links(PAGE, "pdf/guide.pdf")
    assert (
        '<p class="oai-print-pdf" data-oai-pdf="pdf/guide.pdf">'
        '<a href="../pdf/guide.pdf" type="application/pdf" download>PDF</a>' in enabled
    )
    assert " hidden" not in enabled and document.enable_pdf_links(enabled, "pdf/guide.pdf") == enabled


def test_the_template_writes_what_the_pdf_step_looks_for():
    from tests.helpers import ROOT

    template = (ROOT / "overrides" / "partials" / "print-downloads.html").read_text(encoding="utf-8")
    assert document.PDF_PARAGRAPH.format(path="{{ pdf_path }}") in template
    assert f'<a {document.PDF_LINK}"{{{{ pdf_href }}}}"' in template


def test_pdf_dates_are_fixed_without_moving_anything():
    raw = b"<< /CreationDate (D:20261203094510+00'00') /ModDate (D:20261203094511+00'00') >>"
    fixed = pdf.fixed_dates(raw, 1767225600)
    assert fixed == b"<< /CreationDate (D:20260101000000+00'00') /ModDate (D:20260101000000+00'00') >>"
    assert len(fixed) == len(raw)


def test_requests_are_answered_from_the_built_files_only(tmp_path):
    (tmp_path / "guide" / "utskrift").mkdir(parents=True)
    (tmp_path / "guide" / "utskrift" / "index.html").write_text("x", encoding="utf-8")
    (tmp_path / "a b.css").write_text("x", encoding="utf-8")
    root = "https://example.org/oai/"
    assert pdf.local_file(tmp_path, root, root + "guide/utskrift/") == tmp_path / "guide/utskrift/index.html"
    assert pdf.local_file(tmp_path, root, root + "a%20b.css?v=1") == tmp_path / "a b.css"
    assert pdf.local_file(tmp_path, root, root + "missing.js") is None
    assert pdf.local_file(tmp_path, root, "https://cdn.example/x.js") is None


def test_the_site_root_is_found_from_the_canonical_address(tmp_path):
    page = tmp_path / "en" / "guide" / "utskrift" / "index.html"
    job = pdf.Job(page, "pdf/x.pdf", "https://example.org/oai/en/guide/utskrift/")
    assert pdf.site_root_address(job, tmp_path) == "https://example.org/oai/"
    offline = pdf.Job(
        tmp_path / "guide" / "utskrift.html", "pdf/x.pdf", "https://example.org/guide/utskrift.html"
    )
    assert pdf.site_root_address(offline, tmp_path) == "https://example.org/"
