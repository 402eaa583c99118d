"""Editions with mike: two editions published by scripts/publish.py into a temporary git
repository, then the branch as nginx serves it."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator
from urllib.parse import urljoin

import pytest

from deploy.nginx import serve
from scripts import csp
from tests.helpers import publishing as support
from tests.helpers.publishing import fetch, lang_of
from tests.helpers.sitecheck import parse

# Left out of `make test-fast`: mike builds the whole site once per edition.
pytestmark = pytest.mark.site

OLDER, NEWER = support.OLDER, support.NEWER


@pytest.fixture(scope="module")
def deployment(tmp_path_factory) -> support.MikeDeployment:
    try:
        return support.mike_deployment(tmp_path_factory.getbasetemp() / "publishing")
    except support.BuildFailed as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="module")
def nginx(deployment, tmp_path_factory) -> Iterator[serve.Server]:
    try:
        with serve.running(deployment.branch, tmp_path_factory.mktemp("nginx-mike")) as server:
            yield server
    except RuntimeError as error:
        pytest.fail(str(error), pytrace=False)


def config_block(html: str) -> dict:
    """Material's __config JSON block of a page."""
    return json.loads(
        re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)[1]
    )


# --- the branch ----------------------------------------------------------------------


def test_versions_json_lists_the_editions_newest_first(deployment):
    versions = json.loads((deployment.branch / "versions.json").read_text(encoding="utf-8"))
    assert versions == [
        {"version": NEWER, "title": NEWER, "aliases": ["latest"]},
        {"version": OLDER, "title": OLDER, "aliases": []},
    ]


def test_each_edition_is_tagged_in_the_sources(deployment):
    tags = subprocess.run(
        ["git", "tag", "--points-at", "HEAD"], cwd=deployment.repo, capture_output=True, text=True, check=True
    ).stdout.split()
    assert sorted(tags) == [f"v{OLDER}", f"v{NEWER}"]
    assert f"publish.py: tagged v{NEWER}" in deployment.publish_output(NEWER)


def test_a_branch_root_that_already_leads_to_latest_is_reported_calmly(deployment):
    # The second edition leaves the branch root as it was: mike's "nothing changed in commit"
    # warning is replaced by one plain line.
    output = deployment.publish_output(NEWER)
    assert "nothing changed in commit" not in output
    assert "publish.py: the branch root already leads to 'latest'; it stays as it is" in output


def test_latest_is_a_link_to_the_newest_edition(deployment):
    listing = subprocess.run(
        ["git", "ls-tree", "gh-pages", "latest"],
        cwd=deployment.repo,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert listing.startswith("120000 ")  # a symbolic link, which nginx and GitHub Pages follow
    assert (deployment.branch / "latest").resolve() == (deployment.branch / NEWER).resolve()


def test_the_root_redirects_to_latest_without_a_script(deployment):
    html = (deployment.branch / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=latest/">' in html
    assert "<script" not in html


@pytest.mark.parametrize("version", [OLDER, NEWER])
def test_each_edition_has_both_languages_and_their_404_pages(deployment, version):
    edition = deployment.branch / version
    for path in ("index.html", "en/index.html", "404.html", "en/404.html", "en/search/search_index.json"):
        assert (edition / path).is_file(), f"{version}/{path}"
    assert parse(edition / "en" / "404.html").lang == "en"


@pytest.mark.parametrize(
    "path", ["index.html", "en/index.html", "guide/index.html", "en/om/index.html", "404.html"]
)
def test_the_version_selector_is_on_every_page_type_in_both_languages(deployment, path):
    config = config_block((deployment.branch / NEWER / path).read_text(encoding="utf-8"))
    assert config["version"] == {"provider": "mike", "default": "latest"}


@pytest.mark.parametrize("path", ["404.html", "en/404.html"])
def test_the_404_pages_resolve_their_files_inside_the_edition(deployment, path):
    # Material resolves the search index and versions.json against this base: without the
    # trailing slash ("/2026.1") they would be looked for at the branch root.
    assert (
        config_block((deployment.branch / NEWER / path).read_text(encoding="utf-8"))["base"] == f"/{NEWER}/"
    )


@pytest.mark.parametrize("path", ["om/index.html", "en/om/index.html", "guide/data/index.html"])
def test_the_language_switch_stays_inside_the_edition(deployment, path):
    html = (deployment.branch / NEWER / path).read_text(encoding="utf-8")
    hrefs = re.findall(r'<a href="([^"]+)"[^>]*class="oai-language__link"', html)
    assert hrefs
    page_url = f"https://host/{NEWER}/{path.removesuffix('index.html')}"
    for href in hrefs:
        assert not href.startswith(("/", "http")), href  # relative, so it works in any edition
        assert urljoin(page_url, href).startswith(f"https://host/{NEWER}/")


@pytest.mark.parametrize(
    ("path", "target"), [("om/index.html", "/latest/"), ("en/om/index.html", "/latest/en/")]
)
def test_the_outdated_banner_leads_to_the_latest_in_the_same_language(deployment, path, target):
    html = (deployment.branch / OLDER / path).read_text(encoding="utf-8")
    banner = re.search(r'data-md-component="outdated".*?</aside>', html, re.S)
    assert banner, "no outdated banner (overrides/main.html block outdated)"
    href = re.search(r'<a href="([^"]+)"', banner[0])[1]
    assert urljoin(f"https://host/{OLDER}/{path.removesuffix('index.html')}", href) == f"https://host{target}"
    assert "<script" not in banner[0]  # Material's inline script (it throws) is overridden


def test_the_policy_of_the_branch_covers_every_edition(deployment):
    hashes = csp.site_hashes(deployment.branch)
    for version in (OLDER, NEWER):
        page = (deployment.branch / version / "404.html").read_text(encoding="utf-8")
        for script in csp.inline_scripts(page):
            assert csp.script_hash(script) in hashes


# --- served by nginx -----------------------------------------------------------------


def test_nginx_serves_the_root_redirect_and_the_latest_edition(nginx):
    root = fetch(nginx.url, "/")
    assert root.status == 200 and b"url=latest/" in root.body
    latest = fetch(nginx.url, "/latest/en/")
    assert latest.status == 200 and lang_of(latest.body) == "en"
    assert fetch(nginx.url, "/latest").headers["location"] == "/latest/"


def test_nginx_serves_versions_json_fresh(nginx):
    reply = fetch(nginx.url, "/versions.json")
    assert reply.headers["content-type"] == "application/json; charset=utf-8"
    assert reply.headers["cache-control"] == "no-cache"
    assert [v["version"] for v in json.loads(reply.body)] == [NEWER, OLDER]


@pytest.mark.parametrize(
    ("path", "lang", "edition"),
    [
        (f"/{OLDER}/en/guide/missing", "en", OLDER),
        (f"/{OLDER}/missing", "sv", OLDER),
        (f"/{NEWER}/en/missing/", "en", NEWER),
        ("/latest/en/missing", "en", NEWER),
        ("/missing", "sv", NEWER),  # the branch root has no 404 page: latest's answers
    ],
)
def test_nginx_answers_a_missing_page_in_its_language_and_edition(nginx, path, lang, edition):
    reply = fetch(nginx.url, path)
    assert reply.status == 404
    assert lang_of(reply.body) == lang
    assert f'new URL("/{edition}'.encode() in reply.body  # the page's own assets, in its edition


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_nginx_redirects_a_moved_page_in_every_edition(nginx, prefix):
    for version in (OLDER, NEWER, "latest"):
        reply = fetch(nginx.url, f"/{version}/{prefix}om/tillganglighetsredogorelse/")
        assert reply.status == 200 and b"url=../tillganglighet/" in reply.body
