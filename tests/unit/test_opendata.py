"""offentligai.opendata: the catalogue, the feeds, the settings and what changed when (no build)."""

from __future__ import annotations

import datetime as dt

import feedparser
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS

from offentligai.errors import ContentError
from offentligai.opendata import catalog, changes, feeds, settings
from tests.helpers import dcat

BOTH = {"sv": "Svensk text å ä ö", "en": "English text"}
SITE = "https://example.org/oai/"


def _catalogue(publisher: catalog.Publisher) -> catalog.Catalogue:
    return catalog.Catalogue(
        site_url=SITE,
        title=BOTH,
        description=BOTH,
        dataset_title=BOTH,
        dataset_description=BOTH,
        keywords={"sv": ("offentlig sektor",), "en": ("public sector",)},
        landing_pages={"sv": SITE + "exempel/", "en": SITE + "en/exempel/"},
        issued=dt.date(2026, 11, 28),
        modified=dt.date(2026, 12, 1),
        first_year=2016,
        publisher=publisher,
        distributions=(
            catalog.Distribution("json", "data/examples.json", BOTH, BOTH, "JSON", "application/json"),
            catalog.Distribution("csv", "data/examples.csv", BOTH, BOTH, "CSV", "text/csv"),
        ),
    )


FULL = catalog.Publisher(
    "Exempelmyndigheten",
    "https://www.example.se/",
    "202100-5489",
    "oppnadata@example.se",
    "https://www.example.se/kontakt",
    "NationalAuthority",
)


def test_a_fully_configured_catalogue_meets_dcat_ap_3_and_dcat_ap_se():
    graph = Graph().parse(
        data=catalog.rdf_xml(catalog.catalogue_graph(_catalogue(FULL), "data/catalog.rdf")), format="xml"
    )
    result = dcat.shacl(graph)
    assert result.violations == []
    assert dcat.unexplained(result.warnings) == []
    assert dcat.se_missing(graph) == []
    assert dcat.untranslated(graph) == []


def test_the_publisher_is_named_by_its_organisation_number_as_the_portal_merges_them():
    graph = catalog.catalogue_graph(_catalogue(FULL), "data/catalog.rdf")
    publisher = URIRef("http://dataportal.se/organisation/SE2021005489")
    assert (None, DCTERMS.publisher, publisher) in graph


def test_without_an_e_mail_only_that_se_property_is_missing():
    bare = catalog.Publisher(
        "Offentlig AI", "https://example.org/repo", contact_url="https://example.org/issues"
    )
    graph = catalog.catalogue_graph(_catalogue(bare), "data/catalog.rdf")
    missing = dcat.se_missing(graph)
    assert len(missing) == 1 and missing[0].endswith("/ns#hasEmail"), missing
    assert dcat.shacl(graph).violations == []


def test_a_missing_translation_is_found():
    one_language = catalog.catalogue_graph(_catalogue(FULL), "data/catalog.rdf")
    title = URIRef(SITE + "data/catalog.rdf#catalog")
    one_language.remove((title, DCTERMS.title, Literal(BOTH["sv"], lang="sv")))
    assert any("nothing in sv" in p for p in dcat.untranslated(one_language))


def test_turtle_and_rdf_xml_hold_the_same_graph_and_are_stable():
    graph = catalog.catalogue_graph(_catalogue(FULL), "data/catalog.rdf")
    from_xml = Graph().parse(data=catalog.rdf_xml(graph), format="xml")
    from_turtle = Graph().parse(data=catalog.turtle(graph), format="turtle")
    assert isomorphic(from_xml, from_turtle)
    again = catalog.catalogue_graph(_catalogue(FULL), "data/catalog.rdf")
    assert catalog.rdf_xml(graph) == catalog.rdf_xml(again)
    assert catalog.turtle(graph) == catalog.turtle(again)


# ---------------------------------------------------------------------------
# Feeds
# ---------------------------------------------------------------------------


def _feed(entries: tuple[feeds.Entry, ...]) -> feeds.Feed:
    return feeds.Feed(
        "Flöde å",
        "Undertitel",
        SITE + "data/feeds/examples-sv.atom",
        SITE + "exempel/",
        "sv",
        "Offentlig AI",
        "CC BY 4.0",
        entries,
    )


def test_a_feed_parses_without_errors_with_its_entries_newest_first():
    entries = feeds.newest(
        [
            feeds.Entry("Äldre", "Sammanfattning <b>&</b>", SITE + "exempel/a/", dt.date(2026, 1, 2), "sv"),
            feeds.Entry("Nyare", "Sammanfattning", SITE + "exempel/b/", dt.date(2026, 3, 4), "sv"),
        ]
    )
    parsed = feedparser.parse(feeds.atom(_feed(entries)))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert [e.title for e in parsed.entries] == ["Nyare", "Äldre"]
    assert parsed.entries[1].summary == "Sammanfattning <b>&</b>"  # text, escaped in the XML
    assert parsed.feed.updated_parsed[:3] == (2026, 3, 4)
    assert parsed.entries[0].link == SITE + "exempel/b/"
    assert parsed.entries[0].id == "tag:example.org,2026-03-04:/oai/exempel/b/"
    assert parsed.feed.language == "sv"


def test_an_empty_feed_is_still_valid_and_dated_from_content_not_the_clock():
    parsed = feedparser.parse(feeds.atom(_feed(())))
    assert not parsed.bozo and parsed.entries == []
    assert parsed.feed.updated_parsed[:3] == (2000, 1, 1)


def test_a_feed_keeps_the_newest_entries():
    many = [
        feeds.Entry(str(i), "", f"{SITE}p{i}/", dt.date(2026, 1, 1) + dt.timedelta(i), "sv")
        for i in range(60)
    ]
    kept = feeds.newest(many)
    assert len(kept) == feeds.MAX_ENTRIES and kept[0].title == "59" and kept[-1].title == "10"


# ---------------------------------------------------------------------------
# Settings
# ---------------------------------------------------------------------------

GOOD = {
    "publisher": "Offentlig AI",
    "publisher_url": "https://example.org/repo",
    "contact_url": "https://example.org/issues",
    "issued": "2026-11-28",
}


def test_settings_are_read_with_their_defaults():
    publisher, issued = settings.read(GOOD)
    assert publisher.name == "Offentlig AI" and publisher.contact_email == ""
    assert issued == dt.date(2026, 11, 28)
    assert settings.read({**GOOD, "issued": dt.date(2026, 11, 28)})[1] == dt.date(2026, 11, 28)


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("publisher", "", "extra.open_data.publisher: the publisher's name"),
        (
            "publisher_url",
            "www.example.se",
            "extra.open_data.publisher_url: www.example.se: an http(s) address",
        ),
        (
            "organisation_number",
            "2021005489",
            "extra.open_data.organisation_number: 2021005489: empty or NNNNNN-NNNN",
        ),
        ("contact_email", "nobody", "extra.open_data.contact_email: nobody: empty or an e-mail address"),
        (
            "publisher_type",
            "Municipality",
            "extra.open_data.publisher_type: Municipality: empty or one of Academia",
        ),
        ("issued", "28/11/2026", "extra.open_data.issued: 28/11/2026: a date YYYY-MM-DD"),
        ("colour", "blue", "extra.open_data.colour: unknown setting"),
    ],
)
def test_a_bad_setting_is_one_line_naming_file_field_value_and_what_is_allowed(key, value, expected):
    with pytest.raises(ContentError) as raised:
        settings.read({**GOOD, key: value})
    assert len(raised.value.problems) == 1
    assert f"mkdocs.yml: {expected}" in str(raised.value)


# ---------------------------------------------------------------------------
# What changed when
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("src", "lang", "directory_urls", "expected"),
    [
        ("guide/juridik.md", "sv", True, "guide/juridik/"),
        ("guide/juridik.md", "en", True, "en/guide/juridik/"),
        ("guide/index.md", "en", True, "en/guide/"),
        ("guide/juridik.md", "en", False, "en/guide/juridik.html"),
        ("guide/index.md", "sv", False, "guide/index.html"),
    ],
)
def test_page_addresses_follow_mkdocs(src, lang, directory_urls, expected):
    assert changes.page_url(src, lang, directory_urls) == expected


def _page(path, title, reviewed=None):
    path.parent.mkdir(parents=True, exist_ok=True)
    line = f"last_reviewed: {reviewed}\n" if reviewed else ""
    path.write_text(
        f"---\ntitle: {title}\ndescription: Om {title}\n{line}---\n\n# {title}\n", encoding="utf-8"
    )


def test_reviewed_pages_are_read_per_language_and_untranslated_ones_in_swedish(tmp_path):
    docs = tmp_path / "docs"
    _page(docs / "guide" / "index.md", "Guiden")  # no review date: not a change
    _page(docs / "guide" / "juridik.md", "Juridik", "2026-11-28")
    _page(docs / "guide" / "juridik.en.md", "Law", "2026-11-29")
    _page(docs / "fortroendemodellen" / "del.md", "Del", "2026-10-01")
    swedish = changes.page_changes(docs, "sv")
    english = changes.page_changes(docs, "en")
    assert [(c.src, c.title, c.lang) for c in swedish] == [
        ("guide/juridik.md", "Juridik", "sv"),
        ("fortroendemodellen/del.md", "Del", "sv"),
    ]
    assert [(c.title, c.reviewed, c.lang) for c in english] == [
        ("Law", dt.date(2026, 11, 29), "en"),
        ("Del", dt.date(2026, 10, 1), "sv"),
    ]


def test_a_bad_review_date_stops_the_build_naming_the_file(tmp_path):
    docs = tmp_path / "docs"
    _page(docs / "guide" / "juridik.md", "Juridik", "28 november")
    with pytest.raises(
        ContentError, match=r"docs/guide/juridik.md: last_reviewed: 28 november: a date YYYY-MM-DD"
    ):
        changes.page_changes(docs, "sv")


def _editions(tmp_path, text):
    path = tmp_path / "data" / "editions.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


TODAY = dt.date(2026, 12, 3)


def test_the_real_editions_file_is_valid():
    from tests.helpers import ROOT

    changes.load_editions(ROOT / "data" / "editions.yml", TODAY)


def test_editions_are_read_newest_first(tmp_path):
    path = _editions(
        tmp_path,
        "editions:\n"
        "  - {version: '2026.2', date: 2026-11-30, summary: {sv: Andra, en: Second}}\n"
        "  - {version: '2026.1', date: 2026-06-01, summary: {sv: Första, en: First}}\n",
    )
    editions = changes.load_editions(path, TODAY)
    assert [e.version for e in editions] == ["2026.2", "2026.1"]
    assert editions[1].summary == {"sv": "Första", "en": "First"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "editions:\n  - {version: '26.1', date: 2026-01-01, summary: {sv: a, en: b}}\n",
            "editions[1].version: 26.1: YEAR.NUMBER",
        ),
        (
            "editions:\n  - {version: '2027.1', date: 2027-01-01, summary: {sv: a, en: b}}\n",
            "editions[1].date: 2027-01-01: a date",
        ),
        (
            "editions:\n  - {version: '2026.1', date: 2026-01-01, summary: {sv: a}}\n",
            "editions[1].summary.en: a text in every",
        ),
        (
            "editions:\n  - {version: '2026.1', date: 2026-01-01}\n",
            "editions[1]: needs exactly version, date",
        ),
        (
            "editions:\n  - {version: '2026.1', date: 2026-01-01, summary: {sv: a, en: b}}\n"
            "  - {version: '2026.2', date: 2026-06-01, summary: {sv: a, en: b}}\n",
            "editions: 2026.1, 2026.2: newest first",
        ),
    ],
)
def test_a_bad_edition_is_reported_with_its_place(tmp_path, text, expected):
    with pytest.raises(ContentError) as raised:
        changes.load_editions(_editions(tmp_path, text), TODAY)
    assert f"data/editions.yml: {expected}" in str(raised.value)


def _change(src, day):
    return changes.Change(src, src, "", day, "sv")


def test_changes_go_into_the_first_edition_published_on_or_after_their_review():
    first = changes.Edition("2026.1", dt.date(2026, 6, 1), BOTH)
    second = changes.Edition("2026.2", dt.date(2026, 11, 30), BOTH)
    found = [
        _change("a.md", dt.date(2026, 1, 1)),
        _change("b.md", dt.date(2026, 6, 1)),
        _change("c.md", dt.date(2026, 6, 2)),
        _change("d.md", dt.date(2026, 12, 1)),
    ]
    result = changes.periods((second, first), found)
    assert [(p.edition.version if p.edition else None, [c.src for c in p.changes]) for p in result] == [
        (None, ["d.md"]),
        ("2026.2", ["c.md"]),
        ("2026.1", ["b.md", "a.md"]),
    ]


def test_without_editions_everything_is_not_yet_published_and_an_empty_period_is_left_out():
    assert [p.edition for p in changes.periods((), [])] == [None]
    edition = changes.Edition("2026.1", dt.date(2026, 6, 1), BOTH)
    assert [p.edition for p in changes.periods((edition,), [_change("a.md", dt.date(2026, 1, 1))])] == [
        edition
    ]
