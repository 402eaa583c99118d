"""The whole site built without a repository (REPO_URL empty) and with an editorial contact,
by the block of docs/om/drift.md (#site-url): no link leads to GitHub's project or its issues,
and the editors are named where readers are asked to get in touch, in both languages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.helpers import debian
from tests.helpers import publishing as support

CONTACT = "mailto:ai-redaktionen@myndighet.se"

# Left out of `make test-fast`: a build of the whole site.
pytestmark = pytest.mark.site


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    try:
        return debian.built_without_repository(tmp_path_factory.getbasetemp() / "publishing")
    except support.BuildFailed as error:
        pytest.fail(str(error), pytrace=False)


def hrefs(page: Path) -> list[str]:
    return re.findall(r'<a [^>]*href="([^"]+)"', page.read_text(encoding="utf-8"))


def test_no_page_links_to_the_repository_or_offers_to_edit(built):
    for page in built.rglob("*.html"):
        links = hrefs(page)
        assert not [h for h in links if "github.com/offentligai" in h or "/issues" in h], page
        assert 'rel="edit"' not in page.read_text(encoding="utf-8"), page


@pytest.mark.parametrize("prefix", ["", "en/"])
@pytest.mark.parametrize(("path", "count"), [("om/tillganglighet/", 1), ("om/bidra/", 3), ("exempel/", 1)])
def test_the_editors_are_named_where_readers_are_asked_to_get_in_touch(built, prefix, path, count):
    assert hrefs(built / prefix / path / "index.html").count(CONTACT) == count


def test_the_trust_model_tool_gets_the_editorial_contact(built):
    html = (built / "fortroendemodellen" / "verktyg" / "index.html").read_text(encoding="utf-8")
    ui = re.search(r'<script type="application/json" id="oai-trust-model-ui">(.*?)</script>', html, re.S)
    assert json.loads(ui.group(1))["contact"] == {"repository": "", "editorial": CONTACT}
