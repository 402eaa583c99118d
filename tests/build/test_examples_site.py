"""The real site's example collection: open data that validates and agrees with the pages."""

from __future__ import annotations

import csv
import html.parser
import io
import json
from urllib.parse import urlsplit

import jsonschema
import pytest

from tests.helpers import ROOT


class _Heading(html.parser.HTMLParser):
    """The text of a page's first <h1>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.inside = False
        self.done = False
        self.text = ""

    def handle_starttag(self, tag, attrs):  # noqa: ANN001
        if tag == "h1" and not self.done:
            self.inside = True

    def handle_endtag(self, tag):  # noqa: ANN001
        if tag == "h1" and self.inside:
            self.inside, self.done = False, True

    def handle_data(self, data):  # noqa: ANN001
        if self.inside:
            self.text += data


def h1_of(path) -> str:
    parser = _Heading()
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join(parser.text.split())


def front_matter_of(record: dict) -> dict:
    """The Swedish front matter an exported record was made from."""
    meta = {key: value for key, value in record.items() if key != "url" and value is not None}
    meta["title"], meta["summary"] = record["title"]["sv"], record["summary"]["sv"]
    meta["sources"] = [{k: v for k, v in source.items() if v is not None} for source in record["sources"]]
    return meta


@pytest.fixture(scope="module")
def data(site) -> dict:
    return json.loads((site.root / "data" / "examples.json").read_text(encoding="utf-8"))


def page_file(site, url: str):
    path = site.root / urlsplit(url).path[len(urlsplit(site.url).path) :]
    return path / "index.html" if url.endswith("/") else path


def test_every_example_file_is_in_the_open_data(data):
    files = sorted(p.stem for p in (ROOT / "docs" / "exempel").glob("*.md") if not p.name.endswith(".en.md"))
    files.remove("index")
    assert [record["id"] for record in data["examples"]] == files
    assert data["count"] == len(files)


def test_exports_validate_against_the_published_schema(site, data):
    published = json.loads((site.root / "data" / "example.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(published, format_checker=jsonschema.FormatChecker())
    problems = [
        f"{record['id']}: {error.message}"
        for record in data["examples"]
        for error in validator.iter_errors(front_matter_of(record))
    ]
    assert not problems, "\n".join(problems)


def test_every_exported_example_has_both_pages_with_its_title(site, data):
    problems = []
    for record in data["examples"]:
        for lang in ("sv", "en"):
            path = page_file(site, record["url"][lang])
            if not path.is_file():
                problems.append(f"{record['id']}: no {lang} page at {record['url'][lang]}")
                continue
            expected = record["title"][lang] or record["title"]["sv"]
            if h1_of(path) != expected:
                problems.append(f"{record['id']} ({lang}): h1 {h1_of(path)!r} is not {expected!r}")
    assert not problems, "\n".join(problems)


def test_csv_agrees_with_json(site, data):
    text = (site.root / "data" / "examples.csv").read_bytes().decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["id"] for row in rows] == [record["id"] for record in data["examples"]]
    for row, record in zip(rows, data["examples"], strict=True):
        assert row["title_sv"] == record["title"]["sv"]
        assert row["title_en"] == (record["title"]["en"] or "")
        assert row["url_en"] == record["url"]["en"]
        assert row["functions"].split(";") == record["functions"]
        assert row["organisation_number"] == (record["organisation_number"] or "")


def test_examples_stay_out_of_the_navigation(site, data):
    home = (site.root / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('class="md-nav md-nav--primary"') :]
    for record in data["examples"]:
        assert f"exempel/{record['id']}/" not in nav


def test_catalogue_lists_every_example_in_both_languages(site, data):
    for path in ("exempel/index.html", "en/exempel/index.html"):
        page = (site.root / path).read_text(encoding="utf-8")
        for record in data["examples"]:
            assert f'<a href="{record["id"]}/"' in page, f"{path} does not list {record['id']}"


def test_example_pages_have_a_fact_box_that_search_leaves_out(site, data):
    """The search index holds an example's text, not the fact labels every example shares."""
    for lang, prefix, label in (("sv", "", "Typ av organisation"), ("en", "en/", "Type of organisation")):
        index = json.loads((site.root / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
        for record in data["examples"]:
            page = (site.root / prefix / "exempel" / record["id"] / "index.html").read_text(encoding="utf-8")
            assert page.count('data-oai="facts"') == 1 and f"<dt>{label}</dt>" in page
            assert "offentligai:" not in page
            where = f"{prefix}exempel/{record['id']}/"
            entries = [doc for doc in index["docs"] if doc["location"].startswith(where)]
            assert entries, f"{record['id']} is not in the {lang} search index"
            text = " ".join(doc["text"] for doc in entries)
            assert label not in text
            summary = " ".join(record["summary"][lang].split()[:6])
            assert summary in " ".join(text.split()), f"the {lang} index lacks the summary of {record['id']}"
