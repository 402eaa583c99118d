"""Site search: no false "missing" words, results with every word first, glossary terms as
their own entries, and a search that finds nothing offered in the other language (the real
site, both languages)."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest
from searching import search_finds_nothing, search_hits
from viewports import VIEWPORTS

# Runs a query through the site's own (patched) search worker with the page's index and returns
# the result groups as the search dialog gets them: [[{location, terms, score}, …], …].
WORKER_SEARCH = """async query => {
  const config = JSON.parse(document.getElementById('__config').textContent);
  const base = new URL(config.base.replace(/\\/?$/, '/'), location.href);
  const prefix = document.documentElement.lang === 'en' ? 'en/' : '';
  const index = await (await fetch(new URL(prefix + 'search/search_index.json', base))).json();
  const worker = new Worker(new URL(config.search, base));
  const ask = message => new Promise(resolve => {
    worker.onmessage = event => resolve(event.data);
    worker.postMessage(message);
  });
  await ask({type: 0, data: {...index, options: {suggest: false}}});
  const result = await ask({type: 2, data: query});
  worker.terminate();
  const item = i => ({location: i.location, terms: i.terms, score: i.score});
  return result.data.items.map(group => group.map(item));
}"""

# For each result shown: the highlighted words and the words called missing.
SHOWN = """() => [...document.querySelectorAll('.md-search-result__article')].map(article => {
  const texts = selector => [...article.querySelectorAll(selector)].map(e => e.textContent.toLowerCase());
  return {marked: texts('mark'), missing: texts('.md-search-result__terms del')};
})"""


def prefix(lang: str) -> str:
    return "en/" if lang == "en" else ""


def located(hit: str) -> str:
    """A result link as site path and fragment: http://…/guide/x/?h=a#b → guide/x/#b."""
    parts = urlsplit(hit)
    return parts.path.lstrip("/") + (f"#{parts.fragment}" if parts.fragment else "")


@pytest.mark.parametrize("size", VIEWPORTS)
@pytest.mark.parametrize(
    ("lang", "query", "word", "stop_word"),
    [
        ("sv", "personuppgifter och", "personuppgifter", "och"),
        ("en", "assessments and", "assessments", "and"),
    ],
)
def test_a_highlighted_word_is_never_called_missing(page, site, lang, query, word, stop_word, size):
    page.set_viewport_size(VIEWPORTS[size])
    page.goto(urljoin(site.url, prefix(lang)))
    assert search_hits(page, query)
    shown = page.evaluate(SHOWN)
    highlighted = [result for result in shown if any(mark.startswith(word[:6]) for mark in result["marked"])]
    assert highlighted, "no result highlights the word: the test proves nothing"
    assert not [result for result in highlighted if word in result["missing"]], highlighted
    assert not [result for result in shown if stop_word in result["missing"]], "a stop word called missing"


@pytest.mark.parametrize(("lang", "query"), [("sv", "sekretess leverantör"), ("en", "secrecy supplier")])
def test_results_with_every_query_word_come_first(page, site, lang, query):
    page.goto(urljoin(site.url, prefix(lang)))
    groups = page.evaluate(WORKER_SEARCH, query)
    complete = [all(group[0]["terms"].values()) for group in groups]
    assert True in complete and False in complete, "the query does not tell the orders apart"
    first_incomplete = complete.index(False)
    assert all(complete[:first_incomplete]) and not any(complete[first_incomplete:]), complete
    for group in groups:  # within a page too (Material adds the page itself last, with score 0)
        ranked = [all(item["terms"].values()) for item in group if item["score"] > 0]
        assert ranked == sorted(ranked, reverse=True), group


@pytest.mark.parametrize("size", VIEWPORTS)
@pytest.mark.parametrize(
    ("lang", "query", "term", "chapter"),
    [
        ("sv", "högrisk", "guide/ordlista/#high-risk-ai", "guide/juridik/"),
        ("sv", "DPIA", "guide/ordlista/#dpia", "guide/juridik/"),
        ("en", "DPIA", "en/guide/ordlista/#dpia", "en/guide/juridik/"),
    ],
)
def test_glossary_terms_are_search_entries_of_their_own(page, site, lang, query, term, chapter, size):
    page.set_viewport_size(VIEWPORTS[size])
    page.goto(urljoin(site.url, prefix(lang)))
    hits = [located(hit) for hit in search_hits(page, query)]
    assert term in hits, hits
    glossary = f"{prefix(lang)}guide/ordlista/"
    assert f"{glossary}#terms" not in hits  # not the whole list as one entry
    assert hits.index(term) < 3, hits
    # The chapters that use the term are found too.
    assert any(hit.startswith(f"{prefix(lang)}guide/") and not hit.startswith(glossary) for hit in hits), hits
    # The term leads on to the section of the guide that explains it.
    page.goto(urljoin(site.url, term))
    heading = page.locator(f"h3#{term.split('#')[1]}")
    more = heading.locator("xpath=following-sibling::p[2]/a")
    more.click()
    page.wait_for_load_state("load")
    assert located(page.url).startswith(chapter + "#"), page.url
    assert page.locator(f"[id='{urlsplit(page.url).fragment}']").count() == 1


@pytest.mark.parametrize(
    ("lang", "query", "label", "found"),
    [
        ("en", "kakor", "Search for “kakor” on the Swedish site", "om/integritet/"),
        ("sv", "accountability", "Sök efter ”accountability” på den engelska webbplatsen", "en/guide/"),
    ],
)
def test_a_search_that_finds_nothing_offers_the_other_language(page, site, lang, query, label, found):
    page.goto(urljoin(site.url, f"{prefix(lang)}om/integritet/"))
    assert search_finds_nothing(page, query)
    offer = page.get_by_role("link", name=label)
    assert offer.get_attribute("hreflang") == ("sv" if lang == "en" else "en")
    offer.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**?q=*")
    assert page.evaluate("document.documentElement.lang") != lang
    page.locator(".md-search-result__link").first.wait_for()
    links = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
    hits = [located(link) for link in links]
    assert any(hit.startswith(found) for hit in hits), hits
    assert page.locator(".md-search__input").input_value() == query


def test_a_search_with_results_offers_nothing_else(page, site):
    page.goto(urljoin(site.url, "en/"))
    assert search_hits(page, "procurement")
    assert page.locator(".oai-search-elsewhere").count() == 0
