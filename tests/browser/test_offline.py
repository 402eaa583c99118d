"""The offline zip, unpacked and opened from the file system (file://) with no web server:
navigation, search in both languages, the trust model, the example filters.

The shared ``page`` fixture blocks and reports every request that leaves the origin of
``site``; here that origin is file://, so any request to a network fails the test.
"""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from searching import search_hits

from tests.helpers import publishing as support

PAGES = [
    "index.html",
    "guide/index.html",
    "fortroendemodellen/verktyg.html",
    "ai-forordningen/index.html",
    "exempel/index.html",
    "om/index.html",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> support.ServedSite:
    """The unpacked offline zip (overrides the served site of conftest.py)."""
    try:
        bundle = support.offline_bundle(tmp_path_factory.getbasetemp() / "publishing")
    except support.BuildFailed as error:
        pytest.fail(str(error), pytrace=False)
    root = bundle.unpacked / "offentligai"
    return support.ServedSite(root, root.as_uri() + "/")


@pytest.mark.parametrize("path", PAGES + [f"en/{p}" for p in PAGES])
def test_page_opens_from_the_file_system(page, site, path):
    page.goto(urljoin(site.url, path))
    page.wait_for_load_state("load")
    assert page.url.startswith("file://")
    assert page.evaluate("document.documentElement.classList.contains('js')")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"


def test_navigation_leads_from_page_to_page(page, site):
    page.goto(urljoin(site.url, "index.html"))
    page.locator("a[href$='guide/index.html']:visible").first.click()
    page.wait_for_url(urljoin(site.url, "guide/index.html"))
    page.locator(".md-footer__link--next").click()
    page.wait_for_load_state("load")
    assert page.url.startswith(urljoin(site.url, "guide/")) and page.url.endswith(".html")
    assert page.locator("h1").count() == 1


@pytest.mark.parametrize(
    ("start", "query", "expected"),
    [
        ("index.html", "kakorna", "om/integritet.html"),
        ("en/index.html", "procures", "en/guide/upphandling.html"),
    ],
)
def test_search_works_in_each_language_offline(page, site, start, query, expected):
    page.goto(urljoin(site.url, start))
    hits = search_hits(page, query)
    assert any(hit.startswith(urljoin(site.url, expected)) for hit in hits), hits
    english = urljoin(site.url, "en/")
    assert all(hit.startswith(english) == start.startswith("en/") for hit in hits), hits


def test_the_language_switch_works_offline(page, site):
    page.goto(urljoin(site.url, "om/index.html"))
    page.locator(".oai-language__link").first.click()
    page.wait_for_url(urljoin(site.url, "en/om/index.html"))


def test_the_trust_model_keeps_answers_offline(page, site):
    page.goto(urljoin(site.url, "fortroendemodellen/verktyg.html"))
    answer = page.locator("[data-oai-tm-app] input[type=radio]").first
    answer_id = answer.get_attribute("id")
    answer.check()
    page.wait_for_timeout(300)  # the tool saves on change
    page.reload()
    page.wait_for_load_state("load")
    assert page.locator(f"#{answer_id}").is_checked()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_ai_act_decision_aid_works_offline(page, site, prefix):
    """The aid's script is made from its modules by the build: it runs from file:// too."""
    page.goto(urljoin(site.url, f"{prefix}ai-forordningen/index.html"))
    form = page.locator("form.oai-aa-question")
    assert form.get_attribute("data-oai-aa-question") == "A1"
    form.locator("input[value='no']").check()
    form.locator("button[type=submit]").click()
    page.locator("[data-oai-aa-outcome='OUT_NOT_AI']").wait_for()
    page.reload()
    page.wait_for_load_state("load")
    page.locator("[data-oai-aa-outcome='OUT_NOT_AI']").wait_for()  # the answer was kept


def test_the_example_filters_work_offline(page, site):
    page.goto(urljoin(site.url, "exempel/index.html"))
    items = page.locator("#oai-cat-list > li:not([hidden])")
    assert page.locator("#oai-cat-form").is_visible()
    total = items.count()
    assert total > 1
    page.fill("#oai-cat-text", "skatteverket")
    page.wait_for_function(
        "total => document.querySelectorAll('#oai-cat-list > li:not([hidden])').length < total", arg=total
    )
    assert 0 < items.count() < total
    assert "skatteverket" in page.url.lower()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_a_moved_page_leads_to_its_new_address_offline(page, site, prefix):
    page.goto(urljoin(site.url, f"{prefix}om/tillganglighetsredogorelse.html"))
    page.wait_for_url(urljoin(site.url, f"{prefix}om/tillganglighet.html"))
