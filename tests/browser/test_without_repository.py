"""The site built as docs/om/drift.md says for an intranet without GitHub (REPO_URL empty,
EDITORIAL_CONTACT set): where it asks readers to get in touch, it names the editors, with
no link to a repository, and the pages stay accessible (axe) in both languages.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Iterator
from urllib.parse import urljoin

import pytest
from axecheck import axe_violations, describe

from tests.helpers import debian
from tests.helpers import publishing as support

CONTACT = "mailto:ai-redaktionen@myndighet.se"  # the address in the page's block
PAGES = ["om/tillganglighet/", "om/bidra/", "exempel/"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[support.ServedSite]:
    """The build without a repository, served on loopback (overrides the plain site)."""
    try:
        root = debian.built_without_repository(tmp_path_factory.getbasetemp() / "publishing")
    except support.BuildFailed as error:
        pytest.fail(str(error), pytrace=False)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield support.ServedSite(root, f"http://127.0.0.1:{server.server_address[1]}/")
    finally:
        server.shutdown()
        server.server_close()


def test_the_page_block_is_the_build_without_a_repository():
    assert debian.page_block("site-url", 0).startswith(
        "REPO_URL= EDITORIAL_CONTACT=ai-redaktionen@myndighet.se "
    )


@pytest.mark.parametrize("prefix", ["", "en/"])
@pytest.mark.parametrize("path", PAGES)
def test_contact_pages_name_the_editors_and_pass_axe(page, site, prefix, path):
    page.goto(urljoin(site.url, prefix + path))
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.getAttribute('href'))")
    assert CONTACT in hrefs
    assert not [h for h in hrefs if "github.com/offentligai" in h or h.endswith("/issues")], hrefs
    assert page.locator("a[rel=edit], .md-source").count() == 0  # no "edit this page", no repository link
    violations = axe_violations(page)
    assert not violations, describe(violations)


@pytest.mark.parametrize(
    ("lang", "tab"), [("sv", "Skapa utkast till exempel"), ("en", "Create example draft")]
)
def test_the_example_draft_step_sends_drafts_to_the_editors(page, site, lang, tab):
    page.goto(urljoin(site.url, ("en/" if lang == "en" else "") + "fortroendemodellen/verktyg/"))
    page.locator(".oai-tm-section h2").wait_for()
    page.locator(".oai-tm-views__button", has_text=tab).click()
    submit = page.locator(".oai-tm-draft-submit")
    submit.wait_for()
    assert submit.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))") == [CONTACT]
    expected = {"sv": r"^Skicka filerna till redaktionen\.$", "en": r"^Send the files to the editors\.$"}[
        lang
    ]
    assert re.match(expected, submit.inner_text().strip())
    page.mouse.move(0, 0)
    violations = axe_violations(page)
    assert not violations, describe(violations)
