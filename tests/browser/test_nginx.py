"""The site in a browser through the real nginx configuration (deploy/nginx/), with its
Content-Security-Policy in force: two editions published with mike, as an intranet would
serve them. Any CSP violation the browser reports fails the test, like any console error.

The shared ``page`` fixture watches the origin of ``site``; here ``site`` is the newest
edition as nginx serves it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urljoin

import pytest
from pages import PAGE_TYPES, counterpart
from searching import search_hits

from deploy.nginx import serve
from tests.helpers import publishing as support

OLDER, NEWER = support.OLDER, support.NEWER

# Registered before any page script runs; reports through a binding, so a violation on a
# page that navigates away is not lost.
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__oaiCspViolation({
    directive: event.violatedDirective, blocked: event.blockedURI,
    source: event.sourceFile, line: event.lineNumber, sample: event.sample,
  });
});
"""


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> Iterator[serve.Server]:
    try:
        deployment = support.mike_deployment(tmp_path_factory.getbasetemp() / "publishing")
        with serve.running(deployment.branch, tmp_path_factory.mktemp("nginx-browser")) as server:
            yield server
    except (support.BuildFailed, RuntimeError) as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="module")
def site(served, tmp_path_factory) -> support.ServedSite:
    """The newest edition, as nginx serves it (overrides the plain site of conftest.py)."""
    branch = tmp_path_factory.getbasetemp() / "publishing" / "mike-branch"
    return support.ServedSite(branch / NEWER, urljoin(served.url, f"{NEWER}/"))


@pytest.fixture
def context(context) -> Iterator:
    """The shared context, plus a record of every CSP violation; fails the test on any."""
    violations: list[dict] = []
    context.expose_binding("__oaiCspViolation", lambda source, report: violations.append(report))
    context.add_init_script(CSP_LISTENER)
    yield context
    if violations:
        pytest.fail("Content-Security-Policy violations:\n" + "\n".join(map(str, violations)), pytrace=False)


def expect_not_found(context, url: str) -> None:
    """Forgive the one 404 a test asked for (the page fixture fails on every other)."""
    watch = context.watch
    watch.failed_responses[:] = [r for r in watch.failed_responses if r != f"404 {url}"]
    watch.console_errors[:] = [e for e in watch.console_errors if "status of 404" not in e]


# --- every page type, both languages -------------------------------------------------


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_page_loads_under_the_policy(page, site, path):
    response = page.goto(urljoin(site.url, path))
    assert response is not None and response.ok, path
    assert "script-src 'self' 'sha256-" in response.headers["content-security-policy"]
    page.wait_for_load_state("networkidle")
    assert page.evaluate("typeof __md_get") == "function"  # Material's inline script ran


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_ai_act_decision_aid_runs_under_the_policy(page, site, prefix):
    """The aid's data blocks are read and its script answers a question with no violation."""
    page.goto(urljoin(site.url, f"{prefix}ai-forordningen/"))
    form = page.locator("form.oai-aa-question")
    form.wait_for()
    assert form.get_attribute("data-oai-aa-question") == "A1"
    form.locator("input[value='no']").check()
    form.locator("button[type=submit]").click()
    page.locator("[data-oai-aa-outcome='OUT_NOT_AI']").wait_for()


@pytest.mark.parametrize(
    ("start", "query", "expected"),
    [("", "kakorna", "om/integritet/"), ("en/", "procures", "en/guide/upphandling/")],
)
def test_search_works_in_each_language_under_the_policy(page, site, start, query, expected):
    page.goto(urljoin(site.url, start))
    hits = search_hits(page, query)
    assert any(hit.startswith(urljoin(site.url, expected)) for hit in hits), hits


@pytest.mark.parametrize("path", ["", "om/", "en/guide/", "fortroendemodellen/verktyg/", "en/exempel/"])
def test_the_language_switch_stays_in_the_edition(page, site, path):
    page.goto(urljoin(site.url, path))
    page.locator(".oai-language__link").first.click()
    page.wait_for_load_state("load")
    assert page.url == urljoin(site.url, counterpart(path))
    assert page.url.startswith(site.url)


@pytest.mark.parametrize(("path", "lang"), [("en/guide/missing/", "en"), ("guide/missing/", "sv")])
def test_a_missing_page_shows_the_404_page_of_its_language(page, context, site, path, lang):
    url = urljoin(site.url, path)
    response = page.goto(url)
    assert response.status == 404
    expect_not_found(context, url)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.lang") == lang
    # Styled and scripted: the page's assets load from its edition.
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    assert page.evaluate("document.documentElement.classList.contains('js')")


# --- editions ------------------------------------------------------------------------


def test_the_root_leads_to_the_latest_edition(page, site):
    page.goto(urljoin(site.url, "../"))
    page.wait_for_url(urljoin(site.url, "../latest/"))
    assert page.evaluate("document.documentElement.lang") == "sv"


@pytest.mark.parametrize("path", ["om/", "en/om/"])
def test_the_version_selector_lists_the_editions(page, site, path):
    page.goto(urljoin(site.url, path))
    page.wait_for_selector(".md-version__link", state="attached")
    links = page.eval_on_selector_all(
        ".md-version__link", "els => els.map(e => [e.textContent.trim(), e.href])"
    )
    assert links == [[NEWER, urljoin(site.url, f"../{NEWER}/")], [OLDER, urljoin(site.url, f"../{OLDER}/")]]
    assert page.locator(".md-version__current").text_content().strip().startswith(NEWER)


def test_choosing_an_older_edition_keeps_the_page_and_language(page, site):
    page.goto(urljoin(site.url, "en/om/"))
    page.locator(".md-version__current").focus()
    page.locator(".md-version__link", has_text=OLDER).click(force=True)  # the list opens on hover
    page.wait_for_url(urljoin(site.url, f"../{OLDER}/en/om/"))


@pytest.mark.parametrize(("path", "latest"), [("om/", "latest/"), ("en/om/", "latest/en/")])
def test_an_older_edition_shows_a_banner_that_leads_to_the_latest(page, site, path, latest):
    page.goto(urljoin(site.url, f"../{OLDER}/{path}"))
    banner = page.locator("[data-md-component=outdated]")
    banner.wait_for(state="visible")
    changes = banner.get_by_role("link", name=re.compile("vad som har ändrats|what has changed"))
    assert changes.get_attribute("href").endswith("om/utgavor/")
    banner.get_by_role("link", name=re.compile("senaste utgåvan|latest edition")).click()
    page.wait_for_url(urljoin(site.url, f"../{latest}"))


def test_the_newest_edition_shows_no_banner(page, site):
    page.goto(urljoin(site.url, "en/om/"))
    page.wait_for_selector(".md-version__link", state="attached")
    assert page.locator("[data-md-component=outdated]").is_hidden()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_a_moved_page_leads_to_its_new_address(page, site, prefix):
    page.goto(urljoin(site.url, f"{prefix}om/tillganglighetsredogorelse/"))
    page.wait_for_url(urljoin(site.url, f"{prefix}om/tillganglighet/"))
