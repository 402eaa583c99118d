"""AI-guiden: both languages complete, same anchors, review dates, real English."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from markupsafe import escape

from offentligai import frontmatter
from tests.helpers import ROOT

GUIDE = ROOT / "docs" / "guide"
CHAPTERS = [
    "ar-ai-ratt-losning",
    "nytta-och-strategi",
    "organisation-och-kompetens",
    "data",
    "juridik",
    "etik-och-fortroende",
    "upphandling",
    "sakerhet",
    "generativ-ai",
    "utveckling-och-drift",
]
ANCHOR = re.compile(r"^#{2,6} .*\{ *#([a-z0-9-]+) *\}\s*$", re.M)
# Frequent Swedish function words that English prose almost never contains.
SWEDISH_WORDS = {"och", "att", "det", "som", "är", "för", "med", "inte", "på", "av", "till", "ska", "kan"}


def split(path):
    document = frontmatter.split(path.read_text(encoding="utf-8"))
    return document.meta, document.body


def words(body: str) -> list[str]:
    body = re.sub(r"\]\([^)]*\)", "]", body)  # link targets are not words
    body = re.sub(r"\{ *#[a-z0-9-]+ *\}", "", body)
    return re.findall(r"[A-Za-zÅÄÖåäöÉé0-9][\wÅÄÖåäö’'-]*", body)


def test_the_guide_has_every_chapter_in_both_languages():
    present = {p.name[: -len(".md")] for p in GUIDE.glob("*.md") if not p.name.endswith(".en.md")}
    assert set(CHAPTERS) <= present
    for name in present:
        assert (GUIDE / f"{name}.en.md").is_file(), f"{name} has no English text"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_has_same_anchors_in_same_order(chapter):
    sv = ANCHOR.findall((GUIDE / f"{chapter}.md").read_text(encoding="utf-8"))
    en = ANCHOR.findall((GUIDE / f"{chapter}.en.md").read_text(encoding="utf-8"))
    assert sv, "no anchored headings"
    assert sv == en
    assert len(set(sv)) == len(sv), "anchors must be unique"
    plain = re.findall(r"^#{2,6} (?!.*\{ *#).*$", (GUIDE / f"{chapter}.md").read_text(encoding="utf-8"), re.M)
    assert not plain, f"headings without a stable anchor: {plain}"


@pytest.mark.parametrize("chapter", CHAPTERS + ["ordlista"])
def test_chapter_has_a_review_date_in_both_languages(chapter):
    sv, _ = split(GUIDE / f"{chapter}.md")
    en, _ = split(GUIDE / f"{chapter}.en.md")
    assert dt.date.fromisoformat(sv.get("last_reviewed", "")) <= dt.date.today()
    assert en.get("last_reviewed") == sv["last_reviewed"]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_opens_with_a_summary_and_has_a_checklist(chapter):
    _, sv = split(GUIDE / f"{chapter}.md")
    _, en = split(GUIDE / f"{chapter}.en.md")
    assert '!!! abstract "I korthet"' in sv
    assert '!!! abstract "In brief"' in en
    assert "- [ ] " in sv and "- [ ] " in en
    assert "fortroendemodellen/" in sv and "../exempel/" in sv, "links to trust model and examples"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_length_per_language(chapter):
    for suffix in (".md", ".en.md"):
        count = len(words(split(GUIDE / f"{chapter}{suffix}")[1]))
        assert 1200 <= count <= 2600, f"{chapter}{suffix}: {count} words"


def test_guide_has_at_least_15000_words_per_language():
    for suffix in (".md", ".en.md"):
        total = sum(len(words(split(GUIDE / f"{c}{suffix}")[1])) for c in CHAPTERS)
        assert total >= 15000, f"{suffix}: {total} words"


@pytest.mark.parametrize("chapter", CHAPTERS + ["ordlista", "index"])
def test_english_pages_are_english(chapter):
    """An English file that is really Swedish text (a silent fallback) fails here."""
    body = [w.lower() for w in words(split(GUIDE / f"{chapter}.en.md")[1])]
    swedish = sum(1 for w in body if w in SWEDISH_WORDS)
    assert swedish / max(len(body), 1) < 0.01, f"{swedish} Swedish function words in {len(body)}"


def test_built_english_chapters_are_not_fallbacks(site):
    for chapter in CHAPTERS + ["ordlista"]:
        html = (site.root / "en" / "guide" / chapter / "index.html").read_text(encoding="utf-8")
        assert 'data-oai="untranslated"' not in html, chapter
        assert '<html lang="en"' in html


def test_glossary_page_lists_every_term_in_both_languages(site):
    from offentligai.sitewide.glossary import load_glossary

    terms = load_glossary(ROOT / "data" / "glossary.yml")
    sv = (site.root / "guide" / "ordlista" / "index.html").read_text(encoding="utf-8")
    en = (site.root / "en" / "guide" / "ordlista" / "index.html").read_text(encoding="utf-8")
    for term in terms:
        # Each term is a heading: one search entry per term (the search index checks that too).
        heading = f'<h3 class="oai-glossary__term" id="{term.id}">'
        assert heading in sv and heading in en
        # The template escapes every term (autoescaping): compare with the escaped text.
        assert escape(term.term["sv"]) in sv and escape(term.term["en"]) in en
    for lang, prefix in (("sv", ""), ("en", "en/")):
        index = json.loads((site.root / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
        entries = {doc["location"]: doc for doc in index["docs"]}
        for term in terms:
            entry = entries[f"{prefix}guide/ordlista/#{term.id}"]
            assert entry["title"] == term.term[lang]
            assert escape(term.definition[lang]) in entry["text"] or term.definition[lang] in entry["text"]
        # The list is not one entry holding every definition.
        assert len(entries[f"{prefix}guide/ordlista/#terms"]["text"]) < 100


def test_glossary_page_lists_every_word_choice_and_role_in_both_languages(site):
    from offentligai.terminology import load_terminology

    terms = load_terminology(ROOT / "data" / "terminology.yml")
    pages = {
        "sv": (site.root / "guide" / "ordlista" / "index.html").read_text(encoding="utf-8"),
        "en": (site.root / "en" / "guide" / "ordlista" / "index.html").read_text(encoding="utf-8"),
    }
    for lang, html in pages.items():
        for word in terms.words:
            row = re.search(rf'<tr id="word-{word.id}">(.*?)</tr>', html, re.S)
            assert row, (lang, word.id)
            other = "" if word.lang == lang else f' lang="{word.lang}"'
            assert f"<td{other}>{word.use}</td>" in row.group(1)
        for role in terms.roles:
            assert f'<tr id="role-{role.id}">' in html
            assert f"<strong>{role.label[lang]}</strong>" in html


def test_dated_boxes_show_their_date_in_each_language(site):
    sv = (site.root / "guide" / "juridik" / "index.html").read_text(encoding="utf-8")
    en = (site.root / "en" / "guide" / "juridik" / "index.html").read_text(encoding="utf-8")
    sv_titles = re.findall(r'<p class="admonition-title">Läget den <time datetime="(\d{4}-\d\d-\d\d)">', sv)
    en_titles = re.findall(r'<p class="admonition-title">As of <time datetime="(\d{4}-\d\d-\d\d)">', en)
    assert sv_titles and sv_titles == en_titles
    assert '<div class="admonition situation">' in sv


def test_glossary_terms_are_marked_once_per_page_and_never_in_links_headings_or_code(site):
    from tests.helpers.sitecheck import NO_TERMS_INSIDE, term_marks

    marked = {"sv": 0, "en": 0}
    for lang, folder in (("sv", site.root / "guide"), ("en", site.root / "en" / "guide")):
        for path in sorted(folder.rglob("index.html")):
            html = path.read_text(encoding="utf-8")
            marks = term_marks(html[html.index('<article class="md-content__inner') :])
            name = path.relative_to(site.root).as_posix()
            titles = [mark.title for mark in marks]
            assert len(titles) == len(set(titles)), f"{name}: a term is marked more than once"
            for mark in marks:
                assert mark.focusable, f"{name}: {mark.text} cannot be reached by keyboard"
                inside = set(mark.inside) & NO_TERMS_INSIDE
                assert not inside, f"{name}: {mark.text} is marked inside {', '.join(sorted(inside))}"
            marked[lang] += len(marks)
    # Every chapter explains several terms in each language.
    assert marked["sv"] > 5 * len(CHAPTERS) and marked["en"] > 5 * len(CHAPTERS), marked
