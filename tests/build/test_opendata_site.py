"""The catalogue, the feeds and the edition page in the built site (and a fixture site built twice)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from offentligai.opendata import addresses
from tests.helpers import ROOT, dcat
from tests.helpers.builds import fixture_config, mkdocs_build
from tests.helpers.sitecheck import html_pages, page_url, parse, resolve

LANGUAGES = ("sv", "en")


def _examples(site) -> list[dict]:
    return json.loads((site.root / "data" / "examples.json").read_text(encoding="utf-8"))["examples"]


# ---------------------------------------------------------------------------
# The catalogue
# ---------------------------------------------------------------------------


def test_the_catalogue_meets_the_dcat_ap_3_shapes_in_both_languages(site):
    graph = dcat.load(site.root / addresses.CATALOG_RDF)
    result = dcat.shacl(graph)
    assert result.violations == [], "\n".join(result.violations)
    assert dcat.unexplained(result.warnings) == []
    assert dcat.untranslated(graph) == []


def test_the_catalogue_has_what_dcat_ap_se_requires_and_recommends(site):
    graph = dcat.load(site.root / addresses.CATALOG_RDF)
    # The project has no mailbox: its contact point gives the issue tracker. An organisation
    # that registers its copy sets OPEN_DATA_CONTACT_EMAIL (tests/unit/test_opendata.py).
    assert dcat.se_missing(graph) == [
        f"mandatory: {site.url}data/catalog.rdf#contact has no http://www.w3.org/2006/vcard/ns#hasEmail"
    ]


def test_the_turtle_twin_holds_the_same_graph(site):
    rdf_xml = dcat.load(site.root / addresses.CATALOG_RDF)
    turtle = dcat.load(site.root / addresses.CATALOG_TTL, "turtle")
    assert len(rdf_xml) > 100 and isomorphic(rdf_xml, turtle)


def test_the_catalogue_points_at_files_and_pages_that_exist(site):
    graph = dcat.load(site.root / addresses.CATALOG_RDF)
    ours = sorted({str(o) for o in graph.objects() if isinstance(o, URIRef) and str(o).startswith(site.url)})
    ours = [uri for uri in ours if "#" not in uri]
    assert f"{site.url}data/examples.json" in ours and f"{site.url}en/exempel/" in ours
    missing = [uri for uri in ours if resolve(site.root, site.url, uri)[0] is None]
    assert missing == []


def test_the_catalogue_is_dated_by_the_newest_review_not_the_clock(site):
    graph = dcat.load(site.root / addresses.CATALOG_RDF)
    newest = max(example["last_reviewed"] for example in _examples(site))
    dataset = URIRef(f"{site.url}data/catalog.rdf#examples")
    modified = graph.value(dataset, URIRef("http://purl.org/dc/terms/modified"))
    assert str(modified) == newest


# ---------------------------------------------------------------------------
# The feeds
# ---------------------------------------------------------------------------


def _feed(site, kind: str, lang: str):
    parsed = feedparser.parse((site.root / addresses.FEEDS[kind][lang]).read_bytes())
    assert not parsed.bozo, f"{kind}-{lang}: {parsed.get('bozo_exception')}"
    return parsed


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_examples_feed_lists_every_example_by_its_review_date(site, lang):
    feed = _feed(site, "examples", lang)
    examples = _examples(site)
    assert feed.feed.language == lang
    expected = sorted(examples, key=lambda e: (e["last_reviewed"], e["url"][lang]), reverse=False)
    expected = sorted(expected, key=lambda e: e["last_reviewed"], reverse=True)[:50]
    assert [e.link for e in feed.entries] == [e["url"][lang] for e in expected]
    for entry, example in zip(feed.entries, expected, strict=True):
        assert entry.title == (example["title"][lang] or example["title"]["sv"])
        assert entry.summary == (example["summary"][lang] or example["summary"]["sv"])
        assert dt.date(*entry.updated_parsed[:3]).isoformat() == example["last_reviewed"]
    assert feed.feed.updated_parsed[:3] == feed.entries[0].updated_parsed[:3]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_changes_feed_lists_the_reviewed_guide_and_trust_model_pages(site, lang):
    feed = _feed(site, "changes", lang)
    prefix = f"{site.url}{'en/' if lang == 'en' else ''}"
    links = {entry.link for entry in feed.entries}
    assert f"{prefix}guide/juridik/" in links and f"{prefix}fortroendemodellen/utveckling/" in links
    assert all(link.startswith((prefix + "guide/", prefix + "fortroendemodellen/")) for link in links)
    for entry in feed.entries:
        target, _ = resolve(site.root, site.url, entry.link)
        assert target is not None, entry.link
        html = target.read_text(encoding="utf-8")
        reviewed = dt.date(*entry.updated_parsed[:3]).isoformat()
        assert f'datetime="{reviewed}"' in html, f"{entry.link}: the page does not show {reviewed}"
        assert entry.title in html


@pytest.mark.parametrize("kind", addresses.FEED_KINDS)
def test_the_two_languages_have_feeds_of_their_own(site, kind):
    swedish, english = _feed(site, kind, "sv"), _feed(site, kind, "en")
    assert swedish.feed.title != english.feed.title
    assert len(swedish.entries) == len(english.entries) > 0
    assert all("/en/" not in e.link for e in swedish.entries)
    assert all("/en/" in e.link for e in english.entries)


def test_every_page_links_the_feeds_of_its_language_in_its_head(site):
    problems = []
    for path in html_pages(site.root):
        page = parse(path)
        feeds = [link for link in page.head_links if link.get("type") == addresses.FEED_MEDIA_TYPE]
        here = page_url(site.root, path, site.url)
        hrefs = sorted(urljoin(here, link["href"]) for link in feeds)
        expected = sorted(site.url + addresses.FEEDS[kind][page.lang] for kind in addresses.FEED_KINDS)
        labelled = all(link.get("rel") == "alternate" and link.get("title") for link in feeds)
        if hrefs != expected or not labelled:
            problems.append(f"{path.relative_to(site.root)}: {hrefs}")
    assert problems == [], "\n".join(problems[:20])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_collection_page_links_its_feed_and_the_catalogue(site, lang):
    path = site.root / ("en/" if lang == "en" else "") / "exempel" / "index.html"
    here = page_url(site.root, path, site.url)
    links = {urljoin(here, href) for href in parse(path).links}
    assert site.url + addresses.FEEDS["examples"][lang] in links
    assert site.url + addresses.CATALOG_RDF in links and site.url + addresses.CATALOG_TTL in links


# ---------------------------------------------------------------------------
# The edition page
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_edition_page_lists_every_reviewed_page_and_example(site, lang):
    prefix = "en/" if lang == "en" else ""
    path = site.root / prefix / "om" / "utgavor" / "index.html"
    here = page_url(site.root, path, site.url)
    links = {urljoin(here, href) for href in parse(path).links}
    for example in _examples(site):
        assert example["url"][lang] in links
    for entry in _feed(site, "changes", lang).entries:
        assert entry.link in links


# ---------------------------------------------------------------------------
# Two builds of one commit (a small fixture site: no need to build the whole site twice)
# ---------------------------------------------------------------------------

SITE_URL = "https://example.org/fixture/"
GUIDE_PAGE = """---
title: Juridik
description: Regler för AI i offentlig sektor.
last_reviewed: 2026-11-20
---

# Juridik

Text.
"""


def _fixture_site(root: Path) -> Path:
    shutil.copytree(ROOT / "tests" / "fixtures" / "examples" / "site" / "docs", root / "docs")
    shutil.copytree(ROOT / "data", root / "data")
    (root / "docs" / "guide").mkdir()
    (root / "docs" / "guide" / "juridik.md").write_text(GUIDE_PAGE, encoding="utf-8")
    config = fixture_config(
        SITE_URL,
        ["site_hooks.py", "examples_hooks.py", "opendata_hooks.py"],
        head="repo_url: https://example.org/repo\nedit_uri: edit/main/docs/\n"
        "not_in_nav: |\n  /exempel/*.md\nnav:\n  - index.md\n  - exempel/index.md\n  - guide/juridik.md\n"
        "extra:\n  open_data:\n    publisher: Fixture\n    publisher_url: https://example.org/\n"
        "    contact_url: https://example.org/contact\n    issued: 2026-11-01\n",
    )
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root / "mkdocs.yml"


def test_two_builds_of_one_commit_write_the_same_feeds_and_catalogue(tmp_path):
    config = _fixture_site(tmp_path / "src")
    outputs = []
    for number in (1, 2):
        site_dir = tmp_path / f"site{number}"
        result = mkdocs_build(config, site_dir, SITE_URL)
        assert result.returncode == 0, result.stdout + result.stderr
        files = [addresses.CATALOG_RDF, addresses.CATALOG_TTL]
        files += [path for kinds in addresses.FEEDS.values() for path in kinds.values()]
        outputs.append({name: (site_dir / name).read_bytes() for name in files})
    assert outputs[0] == outputs[1]
    changes = feedparser.parse(outputs[0][addresses.FEEDS["changes"]["sv"]])
    assert [(e.title, e.updated_parsed[:3]) for e in changes.entries] == [("Juridik", (2026, 11, 20))]
    catalogue = Graph().parse(data=outputs[0][addresses.CATALOG_RDF], format="xml")
    assert dcat.shacl(catalogue).violations == []
