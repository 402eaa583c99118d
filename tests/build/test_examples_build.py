"""Fixture-site builds with the real hooks and templates of the example collection.

The fixture site (tests/fixtures/examples/site/) has the catalogue, an example whose
front matter is full of HTML-special characters, and an example without English text.
tests/fixtures/examples/broken/ holds examples that break the rules.
"""

from __future__ import annotations

import csv
import html
import html.parser
import io
import json
import shutil
from pathlib import Path

import pytest

from tests.helpers import ROOT

# Not "from conftest import": tests/browser/conftest.py may be the module named conftest.
from tests.helpers.builds import fixture_config, mkdocs_build

FIXTURES = ROOT / "tests" / "fixtures" / "examples"
SITE_URL = "https://example.org/fixture/"
CONFIG = fixture_config(
    SITE_URL,
    ["site_hooks.py", "examples_hooks.py"],
    head="repo_url: https://example.org/repo\nedit_uri: edit/main/docs/\n"
    "not_in_nav: |\n  /exempel/*.md\nnav:\n  - index.md\n  - exempel/index.md",
)
TITLE_SV = '<script>alert("titel")</script> & Åres "AI"'
TITLE_EN = '<script>alert("title")</script> & Åre\'s "AI"'
SUMMARY_SV = 'Sammanfattning med <b>fetstil</b> & "citat" som ska synas som text.'


def make_site(tmp_path: Path, extra: Path | None = None) -> Path:
    """A fixture site in ``tmp_path``: the fixture docs, the real data, plus ``extra`` examples."""
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    shutil.copytree(FIXTURES / "site" / "docs", tmp_path / "docs")
    shutil.copytree(ROOT / "data", tmp_path / "data")
    if extra is not None:
        for path in extra.iterdir():
            shutil.copy(path, tmp_path / "docs" / "exempel" / path.name)
    return tmp_path / "mkdocs.yml"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("examples-site")
    result = mkdocs_build(make_site(root), root / "site", SITE_URL)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


class _Text(html.parser.HTMLParser):
    """The text of the first element matching a tag (and optional attribute value)."""

    def __init__(self, tag: str, attr: tuple[str, str] | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.tag, self.attr = tag, attr
        self.depth = 0
        self.found: list[str] = []
        self.done = False

    def handle_starttag(self, tag, attrs):  # noqa: ANN001
        if self.done:
            return
        if self.depth:
            self.depth += tag == self.tag
        elif tag == self.tag and (self.attr is None or (self.attr[0], self.attr[1]) in attrs):
            self.depth = 1

    def handle_endtag(self, tag):  # noqa: ANN001
        if self.depth and tag == self.tag:
            self.depth -= 1
            self.done = self.depth == 0

    def handle_data(self, data):  # noqa: ANN001
        if self.depth and not self.done:
            self.found.append(data)


def text_of(page: str, tag: str, attr: tuple[str, str] | None = None) -> str:
    parser = _Text(tag, attr)
    parser.feed(page)
    return " ".join("".join(parser.found).split())


def meta_description(page: str) -> str:
    class Meta(html.parser.HTMLParser):
        content = ""

        def handle_starttag(self, tag, attrs):  # noqa: ANN001
            values = dict(attrs)
            if tag == "meta" and values.get("name") == "description":
                Meta.content = values.get("content", "")

    Meta(convert_charrefs=True).feed(page)
    return Meta.content


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


# ---------------------------------------------------------------------------
# Broken examples stop the build with one line per problem
# ---------------------------------------------------------------------------


def test_broken_examples_stop_the_build_with_one_line_each(tmp_path):
    result = mkdocs_build(make_site(tmp_path, FIXTURES / "broken"), tmp_path / "site", SITE_URL)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    expected = [
        "ERROR   -  4 problems in the site's content:",
        "  docs/exempel/wrong-code.md: status: live: allowed: idea, development, pilot, production, retired",
        "  docs/exempel/year-ended-before-start.md: year_ended: 2019: must not be before year_started (2020)",
        "  docs/exempel/yaml-error.md: the front matter is not valid YAML at line 9, column 11: "
        "did not find expected ',' or ']'",
        "  docs/exempel/english-without-swedish.en.md: has no Swedish file "
        "docs/exempel/english-without-swedish.md, which holds the example's facts",
    ]
    lines = output.splitlines()
    for line in expected:
        assert line in lines, f"missing line {line!r} in:\n{output}"


# ---------------------------------------------------------------------------
# HTML-special characters show as text everywhere
# ---------------------------------------------------------------------------


def test_no_page_or_file_contains_the_markup_from_front_matter(built):
    for path in [*built.rglob("*.html"), *built.rglob("*.json")]:
        text = path.read_text(encoding="utf-8")
        for raw in ("<script>alert", "<b>fetstil", "<b>bold", "<img src=x", "<i>Co"):
            if path.suffix == ".json" and path.parent.name == "data":
                continue  # the open data holds the text itself, checked below
            assert raw not in text, f"{path.relative_to(built)} contains {raw!r}"


@pytest.mark.parametrize(
    ("path", "title", "summary"),
    [
        ("exempel/kod-och-tecken/index.html", TITLE_SV, SUMMARY_SV),
        (
            "en/exempel/kod-och-tecken/index.html",
            TITLE_EN,
            'Summary with <b>bold</b> & "quotes" that must show as text.',
        ),
    ],
)
def test_example_page_shows_front_matter_as_text(built, path, title, summary):
    page = read(built, path)
    assert text_of(page, "h1") == title
    assert text_of(page, "title") == f"{title} - Fixture"
    assert text_of(page, "p", ("class", "oai-example__summary")) == summary
    assert meta_description(page) == summary
    facts = text_of(page, "aside", ("data-oai", "facts"))
    assert "Åre & <i>Co</i> kommun" in facts
    assert '<img src=x onerror=alert(1)> Källa & "titel"' in text_of(page, "ol", ("data-oai", "sources"))
    assert 'href="https://example.org/kalla?a=1&amp;b=2"' in page


@pytest.mark.parametrize(
    ("path", "title"), [("exempel/index.html", TITLE_SV), ("en/exempel/index.html", TITLE_EN)]
)
def test_catalogue_shows_front_matter_as_text(built, path, title):
    catalogue = text_of(read(built, path), "ul", ("id", "oai-cat-list"))
    assert title in catalogue
    assert "Åre & <i>Co</i> kommun" in catalogue


@pytest.mark.parametrize(
    ("index", "title"), [("search/search_index.json", TITLE_SV), ("en/search/search_index.json", TITLE_EN)]
)
def test_search_index_holds_the_escaped_title(built, index, title):
    docs = json.loads(read(built, index))["docs"]
    entry = next(doc for doc in docs if doc["location"].endswith("exempel/kod-och-tecken/"))
    # Material renders titles as HTML, so the index must hold them escaped.
    assert html.unescape(entry["title"]) == title
    assert "<script>" not in entry["title"]


def test_open_data_holds_the_text_itself(built):
    record = next(
        r for r in json.loads(read(built, "data/examples.json"))["examples"] if r["id"] == "kod-och-tecken"
    )
    assert record["title"] == {"sv": TITLE_SV, "en": TITLE_EN}
    assert record["summary"]["sv"] == SUMMARY_SV
    rows = list(csv.DictReader(io.StringIO(read(built, "data/examples.csv"))))
    row = next(r for r in rows if r["id"] == "kod-och-tecken")
    assert (row["title_sv"], row["title_en"], row["organisation"]) == (
        TITLE_SV,
        TITLE_EN,
        "Åre & <i>Co</i> kommun",
    )


# ---------------------------------------------------------------------------
# Example pages, catalogue and open data
# ---------------------------------------------------------------------------


def test_example_page_has_facts_sources_review_date_and_edit_link(built):
    page = read(built, "en/exempel/kod-och-tecken/index.html")
    facts = text_of(page, "aside", ("data-oai", "facts"))
    for text in (
        "Municipality",
        "General public services, Education",
        "Generative AI",
        "Pilot",
        "Since 2024",
        "Decision support",
        "Processes personal data",
    ):
        assert text in facts
    assert 'href="../?function=education"' in page
    assert 'href="../?year=2024"' in page
    assert '<h2 id="sources">Sources' in page
    sources = text_of(page, "ol", ("data-oai", "sources"))
    title = '<img src=x onerror=alert(1)> Källa & "titel"'
    assert sources == f"{title} – Åre & <i>Co</i> kommun, 2 May 2024 (Primary source)"
    assert '<time datetime="2024-05-02">2 May 2024</time>' in page
    assert 'data-oai="no-primary-source"' not in page
    assert 'Last reviewed: <time datetime="2026-11-01">1 November 2026</time>' in page
    assert 'href="https://example.org/repo/edit/main/docs/exempel/kod-och-tecken.en.md"' in page
    assert "assets/stylesheets/examples.css" in page
    assert "catalogue.js" not in page


def test_untranslated_example_takes_swedish_text_marked_as_swedish(built):
    page = read(built, "en/exempel/bara-svenska/index.html")
    assert '<h1 id="bara-svenska" lang="sv">Ett exempel bara på svenska</h1>' in page
    assert "Organisation number" in page and "202100-5448" in page
    assert "2015–2018" in page
    catalogue = read(built, "en/exempel/index.html")
    assert '<a href="bara-svenska/" lang="sv">Ett exempel bara på svenska</a>' in catalogue


def test_catalogue_lists_every_example_with_counts_and_loads_its_script(built):
    page = read(built, "exempel/index.html")
    assert page.count('<li data-f="') == 2
    assert 'data-f="organisation_type=state-agency function=general-public-services' in page
    assert '<span data-count="function=general-public-services">2</span>' in page
    assert '<option value="2024" data-count="year=2024" data-label="2024">2024 (1)</option>' in page
    assert (
        '<p class="oai-cat__status" id="oai-cat-status" role="status" aria-live="polite">2 exempel</p>'
        in page
    )
    assert "assets/javascripts/catalogue.js" in page
    assert "<!-- offentligai" not in page
    for name in ("examples.json", "examples.csv", "examples.csv-metadata.json", "example.schema.json"):
        assert f'href="../data/{name}"' in page
    assert 'href="https://creativecommons.org/licenses/by/4.0/"' in page


def test_catalogue_is_kept_out_of_the_search_index(built):
    docs = json.loads(read(built, "search/search_index.json"))["docs"]
    catalogue_text = " ".join(
        doc["text"]
        for doc in docs
        if doc["location"].startswith("exempel/#") or doc["location"] == "exempel/"
    )
    assert "Det här exemplet har ingen engelsk text" not in catalogue_text


def test_open_data_files_are_written_once_with_licence_and_addresses(built):
    data = json.loads(read(built, "data/examples.json"))
    assert data["license"] == "CC-BY-4.0"
    assert data["source"] == SITE_URL + "exempel/"
    assert data["schema"] == SITE_URL + "data/example.schema.json"
    assert data["generated"].endswith("Z")
    assert [r["id"] for r in data["examples"]] == ["bara-svenska", "kod-och-tecken"]
    only_swedish = data["examples"][0]
    assert only_swedish["title"] == {"sv": "Ett exempel bara på svenska", "en": None}
    assert only_swedish["url"] == {
        "sv": SITE_URL + "exempel/bara-svenska/",
        "en": SITE_URL + "en/exempel/bara-svenska/",
    }
    assert data["vocabularies"]["functions"]["health"] == {"sv": "Hälso- och sjukvård", "en": "Health"}
    assert not (built / "en" / "data").exists()
    csv_text = (built / "data" / "examples.csv").read_bytes().decode("utf-8")
    assert csv_text.startswith("id,title_sv,title_en,")
    assert "\r\n" in csv_text
    metadata = json.loads(read(built, "data/examples.csv-metadata.json"))
    assert metadata["dc:license"] == {"@id": "https://creativecommons.org/licenses/by/4.0/"}
    assert [c["name"] for c in metadata["tableSchema"]["columns"]] == next(csv.reader(io.StringIO(csv_text)))


def test_published_schema_is_the_one_the_build_uses(built):
    published = json.loads(read(built, "data/example.schema.json"))
    assert published["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert published["$id"] == SITE_URL + "data/example.schema.json"
    assert "health" in published["properties"]["functions"]["items"]["enum"]


# ---------------------------------------------------------------------------
# Status confirmation, sources' publisher and kind, no primary source
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "status", "warning"),
    [
        (
            "exempel/kod-och-tecken/index.html",
            "StatusPilot, enligt källa från maj 2024",
            "Statusen har inte bekräftats sedan maj 2024. Den kan ha ändrats sedan dess.",
        ),
        (
            "en/exempel/kod-och-tecken/index.html",
            "StatusPilot, according to a source from May 2024",
            "The status has not been confirmed since May 2024. It may have changed since then.",
        ),
    ],
)
def test_fact_box_shows_the_status_with_its_confirmation_and_its_age(built, path, status, warning):
    # The fixture's status_confirmed (2 May 2024) is more than 24 months before any build from
    # 3 May 2026 on, so the warning is always there (data/review.yml: status_unconfirmed_months).
    page = read(built, path)
    facts = text_of(page, "aside", ("data-oai", "facts"))
    assert status in facts
    assert text_of(page, "p", ("data-oai", "status-warning")) == warning
    assert '<a href="../?status=pilot">Pilot</a>, ' in page


@pytest.mark.parametrize(
    ("path", "marker", "label"),
    [
        ("exempel/index.html", "Status inte bekräftad sedan maj 2024", "Status bekräftad"),
        ("en/exempel/index.html", "Status not confirmed since May 2024", "Status confirmed"),
    ],
)
def test_catalogue_marks_and_filters_examples_whose_status_is_unconfirmed(built, path, marker, label):
    page = read(built, path)
    catalogue = text_of(page, "ul", ("id", "oai-cat-list"))
    assert marker in catalogue
    assert f"<strong>{marker}</strong>" in page
    assert page.count("confirmed=old") == 2 + 1  # two entries and the filter's count
    assert f"<summary>{label}</summary>" in page
    assert '<input type="checkbox" name="confirmed" value="old">' in page
    assert 'value="recent"' not in page  # no example is recent: the option is left out


@pytest.mark.parametrize(
    ("path", "expected", "lang"),
    [
        (
            "exempel/bara-svenska/index.html",
            "Ingen primärkälla: Myndigheten har inte själv beskrivit systemet.",
            "",
        ),
        (
            "en/exempel/bara-svenska/index.html",
            "No primary source: Myndigheten har inte själv beskrivit systemet.",
            ' lang="sv"',
        ),
    ],
)
def test_example_without_primary_source_says_why(built, path, expected, lang):
    page = read(built, path)
    assert text_of(page, "p", ("data-oai", "no-primary-source")) == expected
    assert f"<span{lang}>Myndigheten har inte själv beskrivit systemet.</span>" in page
    assert "Tidningen" in text_of(page, "ol", ("data-oai", "sources"))


def test_open_data_carries_organisation_number_status_confirmation_and_source_kinds(built):
    records = {r["id"]: r for r in json.loads(read(built, "data/examples.json"))["examples"]}
    record = records["kod-och-tecken"]
    assert record["organisation_number"] == "212000-0142"
    assert record["status_confirmed"] == "2024-05-02"
    assert record["sources"][0]["publisher"] == "Åre & <i>Co</i> kommun"
    assert record["sources"][0]["kind"] == "primary"
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(read(built, "data/examples.csv")))}
    assert (rows["bara-svenska"]["status_confirmed"], rows["bara-svenska"]["source_kinds"]) == (
        "2019-01-10",
        "secondary",
    )
    assert rows["bara-svenska"]["source_publishers"] == "Tidningen"
    assert rows["kod-och-tecken"]["organisation_number"] == "212000-0142"
    metadata = json.loads(read(built, "data/examples.csv-metadata.json"))
    columns = {c["name"]: c for c in metadata["tableSchema"]["columns"]}
    assert columns["status_confirmed"]["datatype"] == "date"
    assert columns["source_kinds"]["separator"] == ";"
