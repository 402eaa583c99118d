"""The site in a real browser: every page type in both languages."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin

import pytest
from axecheck import axe_violations, describe
from pages import PAGE_TYPES, counterpart
from searching import search_finds_nothing, search_hits


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_page_loads_cleanly_and_passes_axe(page, site, path):
    """No console error, no request to another origin (checked by the fixture), no axe violation."""
    response = page.goto(urljoin(site.url, path))
    assert response is not None and response.ok, path
    page.wait_for_load_state("networkidle")
    violations = axe_violations(page)
    assert not violations, describe(violations)


@pytest.mark.parametrize("path", [p for p in PAGE_TYPES if not p.endswith("404.html")])
def test_language_switch_leads_to_the_counterpart(page, site, path):
    page.goto(urljoin(site.url, path))
    before = page.evaluate("document.documentElement.lang")
    page.locator(".oai-language__link").first.click()
    page.wait_for_load_state("load")
    assert page.url == urljoin(site.url, counterpart(path))
    assert page.evaluate("document.documentElement.lang") != before


def _absent(site, lang: str, word: str) -> bool:
    """True when ``word`` occurs nowhere in the language's index, so a hit proves stemming."""
    path = site.root / ("en/" if lang == "en" else "") / "search" / "search_index.json"
    docs = json.loads(path.read_text(encoding="utf-8"))["docs"]
    return not any(re.search(rf"\b{word}\b", (d["title"] + " " + d["text"]).lower()) for d in docs)


def test_search_on_a_swedish_page_finds_only_swedish_pages_stemmed(page, site):
    # "kakorna" is not on any page; "kakor" is. Only the Swedish stemmer joins them.
    assert _absent(site, "sv", "kakorna")
    page.goto(site.url)
    hits = search_hits(page, "kakorna")
    assert any("/om/integritet/" in h for h in hits), hits
    assert all(not h.startswith(urljoin(site.url, "en/")) for h in hits), hits
    assert all("undefined" not in h for h in hits)


def test_search_on_an_english_page_finds_only_english_pages_stemmed(page, site):
    # "procures" is not on any page; "procure" and "procurement" are.
    assert _absent(site, "en", "procures")
    page.goto(urljoin(site.url, "en/"))
    hits = search_hits(page, "procures")
    assert any("/en/guide/upphandling/" in h for h in hits), hits
    assert all(h.startswith(urljoin(site.url, "en/")) for h in hits), hits
    assert all("undefined" not in h for h in hits)


def test_swedish_words_are_not_found_from_an_english_page(page, site):
    page.goto(urljoin(site.url, "en/om/integritet/"))
    assert search_finds_nothing(page, "kakor")


def test_keyboard_reaches_search_navigation_and_language_switch(page, site):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(urljoin(site.url, "om/"))
    reached: set[str] = set()
    for _ in range(60):
        page.keyboard.press("Tab")
        reached |= set(
            page.evaluate(
                """() => {
                  const el = document.activeElement; const found = [];
                  if (el.matches('.md-search__input')) found.push('search');
                  if (el.matches('.oai-language__link')) found.push('language');
                  if (el.matches('.md-nav__link')) found.push('navigation');
                  if (el.matches('.md-skip')) found.push('skip');
                  return found;
                }"""
            )
        )
    assert {"search", "language", "navigation", "skip"} <= reached, reached
    # Enter on the focused language link follows it.
    page.focus(".oai-language__link")
    page.keyboard.press("Enter")
    page.wait_for_url(urljoin(site.url, "en/om/"))


@pytest.mark.parametrize("path", ["guide/juridik/", "en/guide/juridik/"])
def test_the_search_index_loads_only_when_search_is_opened(page, site, path):
    """Most readers never search: the index (over 100 KB gzipped) waits until they do."""
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(urljoin(site.url, path))
    page.wait_for_load_state("networkidle")
    assert not [url for url in fetched if "search_index" in url]
    hits = search_hits(page, "personuppgifter" if not path.startswith("en/") else "personal data")
    index = urljoin(site.url, ("en/" if path.startswith("en/") else "") + "search/search_index.json")
    assert index in fetched and hits


def test_a_page_opened_from_a_search_result_highlights_the_terms(page, site):
    page.goto(urljoin(site.url, "om/integritet/?h=kakor"))
    page.locator("article mark").first.wait_for()
    assert "kakor" in page.locator("article mark").first.inner_text().lower()
