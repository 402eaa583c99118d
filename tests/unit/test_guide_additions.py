"""AI-guiden's templates, sector pages, eSam page and worked example: both languages, anchors, sources."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import yaml

from offentligai import frontmatter
from tests.build.test_guide import ANCHOR, SWEDISH_WORDS, words
from tests.helpers import ROOT

GUIDE = ROOT / "docs" / "guide"
PAGES = [
    "mallar/index",
    "mallar/ai-policy",
    "mallar/beskrivning-av-ai-system",
    "mallar/forklaring-av-beslut",
    "mallar/konsekvensbedomning-grundlaggande-rattigheter",
    "mallar/krav-vid-upphandling",
    "sektorer/index",
    "sektorer/halso-och-sjukvard",
    "sektorer/socialtjanst",
    "sektorer/skola",
    "esam",
    "genomgang-exempelvik",
]
# Pages that state rules: each names its sources under a heading of its own.
WITH_SOURCES = [p for p in PAGES if not p.endswith("index") and p != "genomgang-exempelvik"]


def read(page: str, suffix: str) -> tuple[dict, str]:
    document = frontmatter.split((GUIDE / f"{page}{suffix}").read_text(encoding="utf-8"))
    return document.meta, document.body


@pytest.mark.parametrize("page", PAGES)
def test_page_exists_in_both_languages_with_the_same_anchors_and_review_date(page):
    (sv_meta, sv), (en_meta, en) = read(page, ".md"), read(page, ".en.md")
    assert ANCHOR.findall(sv) == ANCHOR.findall(en), "anchors differ between the languages"
    plain = re.findall(r"^#{2,6} (?!.*\{ *#).*$", sv, re.M)
    assert not plain, f"headings without a stable anchor: {plain}"
    assert dt.date.fromisoformat(sv_meta["last_reviewed"]) <= dt.date.today()
    assert en_meta["last_reviewed"] == sv_meta["last_reviewed"]
    assert sv_meta["title"] and en_meta["title"] and sv_meta["title"] != en_meta["title"]
    assert 0 < len(sv_meta["description"]) <= 200 and 0 < len(en_meta["description"]) <= 200


@pytest.mark.parametrize("page", PAGES)
def test_english_text_is_english(page):
    body = [w.lower() for w in words(read(page, ".en.md")[1])]
    swedish = [w for w in body if w in SWEDISH_WORDS]
    assert len(swedish) / max(len(body), 1) < 0.01, swedish[:20]


@pytest.mark.parametrize("page", WITH_SOURCES)
@pytest.mark.parametrize(("suffix", "heading"), [(".md", "Källor"), (".en.md", "Sources")])
def test_pages_that_state_rules_list_their_sources(page, suffix, heading):
    _, body = read(page, suffix)
    sources = re.search(rf"^(?:## {heading} \{{ #sources \}}|- {heading}:)$(.*)", body, re.M | re.S)
    assert sources, f"no '{heading}' list"
    assert len(re.findall(r"\]\(https://", sources.group(1))) >= 2


@pytest.mark.parametrize(("suffix", "lang"), [(".md", "sv"), (".en.md", "en")])
def test_the_description_template_offers_exactly_the_example_vocabularies(suffix, lang):
    """The template's choices are the labels of data/vocabularies.yml, so a filled-in template maps
    onto an example's front matter without guessing."""
    vocabularies = yaml.safe_load((ROOT / "data" / "vocabularies.yml").read_text(encoding="utf-8"))
    _, body = read("mallar/beskrivning-av-ai-system", suffix)
    for name in ("organisation_types", "functions", "techniques", "statuses", "decision_roles"):
        for entry in vocabularies[name]:
            assert entry[lang] in body, f"{name}: {entry[lang]!r} is missing from the template"


def test_the_worked_example_says_it_is_fictional_in_both_languages():
    _, sv = read("genomgang-exempelvik", ".md")
    _, en = read("genomgang-exempelvik", ".en.md")
    assert '!!! warning "Ett påhittat exempel"' in sv and "Exempelviks kommun finns inte." in sv
    assert '!!! warning "A fictional example"' in en and "Exempelvik municipality does not exist." in en


def test_the_worked_example_quotes_the_trust_model_question_it_answers():
    """The excerpt of the self-assessment uses the model's own wording of the security question."""
    model = yaml.safe_load((ROOT / "data" / "trust-model.yml").read_text(encoding="utf-8"))
    texts = {
        q["id"]: q["text"]
        for part in model["parts"]
        for section in part["sections"]
        for q in section["questions"]
    }
    for suffix, lang in ((".md", "sv"), (".en.md", "en")):
        _, body = read("genomgang-exempelvik", suffix)
        for question in ("early-risks-security", "early-risks-high-risk-area", "early-risks-conclusion"):
            assert f"**{texts[question][lang]}**" in body, (lang, question)


def test_every_new_page_is_in_the_navigation_and_linked_from_an_index_page():
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for page in PAGES:
        assert f"- guide/{page}.md" in nav, page
    for suffix in (".md", ".en.md"):
        start = read("index", suffix)[1]
        templates = read("mallar/index", suffix)[1]
        for page in PAGES:
            if page.startswith("mallar/") and page != "mallar/index":
                assert f"]({page.removeprefix('mallar/')}.md)" in templates, (suffix, page)
            else:
                assert f"]({page}.md)" in start, (suffix, page)
