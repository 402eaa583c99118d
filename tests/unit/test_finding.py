"""Finding things in the guide: glossary links to the sections that explain a term, and the
reading time of chapters (no build)."""

from __future__ import annotations

import pytest

from offentligai.errors import ContentError
from offentligai.guide import reading
from offentligai.sitewide import glossary

TERM = {
    "id": "dpia",
    "term": {
        "sv": "Konsekvensbedömning avseende dataskydd (DPIA)",
        "en": "Data protection impact assessment",
    },
    "definition": {"sv": "En bedömning.", "en": "An assessment."},
    "match": {"sv": ["DPIA"], "en": ["DPIA"]},
}


def write(path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_a_term_links_to_the_section_that_explains_it_in_each_language(tmp_path):
    write(
        tmp_path / "guide/juridik.md",
        "---\ntitle: Juridik\n---\n\n# Juridik\n\n### Konsekvensbedömning { #dpia }\n",
    )
    write(
        tmp_path / "guide/juridik.en.md",
        "---\ntitle: Law\n---\n\n# Law\n\n### Impact assessments { #dpia }\n",
    )
    terms = glossary.parse_glossary({"terms": [{**TERM, "see": "guide/juridik.md#dpia"}]}, "g.yml")
    sv = glossary.see_also(terms, "sv", tmp_path, "guide/ordlista.md", "g.yml")
    assert sv == {"dpia": glossary.SeeAlso("juridik.md#dpia", "Juridik", "Konsekvensbedömning")}
    en = glossary.see_also(terms, "en", tmp_path, "guide/ordlista.en.md", "g.yml")
    assert en["dpia"] == glossary.SeeAlso("juridik.md#dpia", "Law", "Impact assessments")
    # From a page elsewhere, the path climbs out of its folder.
    assert (
        glossary.see_also(terms, "sv", tmp_path, "om/ord.md", "g.yml")["dpia"].href
        == "../guide/juridik.md#dpia"
    )


def test_a_link_to_a_missing_page_or_heading_is_reported_with_the_term(tmp_path):
    write(tmp_path / "guide/juridik.md", "---\ntitle: Juridik\n---\n\n## Annat { #other }\n")
    entries = [{**TERM, "see": "guide/juridik.md#dpia"}, {**TERM, "id": "x", "see": "guide/saknas.md#a"}]
    terms = glossary.parse_glossary({"terms": entries}, "g.yml")
    with pytest.raises(ContentError) as caught:
        glossary.see_also(terms, "sv", tmp_path, "guide/ordlista.md", "g.yml")
    report = caught.value.report()
    assert "g.yml: terms[0].see: guide/juridik.md#dpia: juridik.md has no heading with id dpia" in report
    assert "g.yml: terms[1].see: guide/saknas.md#a: no such page under docs/" in report


@pytest.mark.parametrize(
    "see", ["juridik", "guide/juridik.md", "guide/Juridik.md#x", "https://x.se/a.md#b", 3]
)
def test_a_malformed_link_is_refused_when_the_glossary_is_read(see):
    with pytest.raises(ContentError) as caught:
        glossary.parse_glossary({"terms": [{**TERM, "see": see}]}, "g.yml")
    assert "terms[0].see" in caught.value.report()
    assert "a page under docs/ and a heading id" in caught.value.report()


def test_reading_time_counts_the_words_of_the_text_not_the_markup():
    words = " ".join(["ord"] * 1000)
    html = f'<h1 id="t">Titel</h1><p>{words}</p><abbr title="lång förklaring här">AI</abbr>'
    assert reading.word_count(html) == 1002
    assert reading.reading_minutes(html) == 5
    assert reading.reading_minutes("<p>kort</p>") == 1
    assert reading.word_count("<p>AI-förordningen&nbsp;gäller, kommunens  beslut</p>") == 4


def test_the_reading_time_goes_right_under_the_title():
    assert reading.after_title("<h1>T</h1><p>x</p>", "<p>5</p>") == "<h1>T</h1><p>5</p><p>x</p>"
    assert reading.after_title("<p>x</p>", "<p>5</p>") == "<p>5</p><p>x</p>"


def test_chapters_are_the_pages_of_the_guide_that_are_read_through():
    for page in ("guide/juridik.md", "guide/juridik.en.md", "guide/sektorer/skola.md", "guide/esam.md"):
        assert reading.is_chapter(page), page
    for page in (
        "guide/index.md",
        "guide/index.en.md",
        "guide/sektorer/index.md",
        "guide/ordlista.md",
        "guide/mallar/ai-policy.md",
        "guide/utskrift.md",
        "guide/utskrift.en.md",
        "om/index.md",
        "exempel/x.md",
    ):
        assert not reading.is_chapter(page), page
