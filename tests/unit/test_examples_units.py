"""Unit tests of the example collection's functions: vocabularies, schema, presentation, exports."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from offentligai import schema_errors
from offentligai.errors import ContentError
from offentligai.examples import collection, exports, presentation, schema, vocabularies
from offentligai.languages import LANGUAGES, collation_key, load_strings, strings_for
from tests.helpers import ROOT

TODAY = dt.date(2026, 11, 28)


@pytest.fixture(scope="module")
def vocab() -> vocabularies.Vocabularies:
    return vocabularies.load_vocabularies(ROOT / "data" / "vocabularies.yml")


@pytest.fixture(scope="module")
def strings() -> dict[str, dict[str, str]]:
    return {lang: strings_for(load_strings(ROOT / "data" / "strings"), lang) for lang in LANGUAGES}


def example(**changes) -> collection.Example:
    fields = {
        "id": "exempelby-chattbot",
        "title": {"sv": "Kommunens chattbot", "en": "The municipality's chatbot"},
        "summary": {"sv": "En chattbot svarar.", "en": "A chatbot answers."},
        "organisation": "Exempelby kommun",
        "organisation_type": "municipality",
        "organisation_number": "212000-0142",
        "functions": ("housing-community", "education"),
        "techniques": ("natural-language-processing",),
        "status": "production",
        "year_started": 2020,
        "year_ended": None,
        "decision_role": "none",
        "personal_data": False,
        "sources": (collection.Source("Källa", "https://example.org/a", dt.date(2021, 3, 1)),),
        "last_reviewed": dt.date(2026, 11, 1),
    }
    fields.update(changes)
    return collection.Example(**fields)


# ---------------------------------------------------------------------------
# Vocabularies
# ---------------------------------------------------------------------------


def test_real_vocabularies_have_the_codes_of_the_design(vocab):
    assert vocab["organisation_type"].codes == ["state-agency", "municipality", "region", "other-public"]
    assert len(vocab["functions"].codes) == 10  # the ten COFOG divisions
    assert vocab["status"].codes == ["idea", "development", "pilot", "production", "retired"]
    assert vocab["decision_role"].codes == ["none", "decision-support", "automated-decision"]
    assert "optimisation" in vocab["techniques"].codes
    assert vocab["functions"].multiple and not vocab["status"].multiple
    assert vocab["functions"].label("health", "en") == "Health"


def test_vocabulary_problems_are_reported_together():
    data = {
        "organisation_types": [{"code": "Bad Code", "sv": "x", "en": "y"}],
        "functions": [{"code": "health", "sv": "Hälsa"}, {"code": "health", "sv": "a", "en": "b"}],
        "techniques": [{"code": "ml", "sv": "a", "en": "b", "note": "x"}],
        "statuses": "idea",
        "colours": [],
    }
    with pytest.raises(ContentError) as raised:
        vocabularies.parse_vocabularies(data, "v.yml")
    assert [str(p) for p in raised.value.problems] == [
        "v.yml: colours: is not a vocabulary; allowed: organisation_types, functions, techniques, statuses, "
        "decision_roles, source_kinds",
        "v.yml: organisation_types[1].code: Bad Code: lowercase a–z, 0–9 and hyphens",
        "v.yml: functions[1].en: a label is required",
        "v.yml: functions[2].code: health: is already in this vocabulary",
        "v.yml: techniques[1]: note: unknown keys; allowed: a list of {code: …, sen: …, en: …}".replace(
            "sen", "sv"
        ),
        "v.yml: statuses: is required: a list of {code: …, sv: …, en: …}",
        "v.yml: decision_roles: is required: a list of {code: …, sv: …, en: …}",
        "v.yml: source_kinds: is required: a list of {code: …, sv: …, en: …}",
    ]


# ---------------------------------------------------------------------------
# Schema
# ---------------------------------------------------------------------------


def test_schema_is_valid_2020_12_and_takes_codes_from_the_vocabularies(vocab):
    built = schema.build_schema(vocab, "https://example.org/data/example.schema.json")
    schema.validator(built)  # raises if the schema itself is invalid
    assert built["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert built["properties"]["status"]["enum"] == vocab["status"].codes
    assert built["properties"]["functions"]["items"]["enum"] == vocab["functions"].codes
    assert built["additionalProperties"] is False
    assert built["properties"]["sources"]["items"]["properties"]["kind"]["enum"] == ["primary", "secondary"]
    assert {"organisation_number", "status_confirmed"} <= set(built["required"])
    assert "year_ended" not in built["required"] and "no_primary_source_reason" not in built["required"]


def test_schema_text_is_stable(vocab):
    first = schema.schema_text(schema.build_schema(vocab, "https://example.org/s.json"))
    second = schema.schema_text(schema.build_schema(vocab, "https://example.org/s.json"))
    assert first == second and first.endswith("}\n")


def test_english_schema_allows_only_the_texts_a_page_shows(vocab):
    english = schema.english_schema(schema.build_schema(vocab, "x"))
    assert english["required"] == ["title", "summary"]
    assert set(english["properties"]) == {"title", "summary", "no_primary_source_reason"}


def test_field_path_counts_list_positions_from_one():
    assert schema_errors.field_path(["sources", 1, "url"]) == "sources[2].url"
    assert schema_errors.field_path([]) == ""


# ---------------------------------------------------------------------------
# Presentation
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "start", "expected"),
    [
        ("exempel/", "exempel/x/", "../"),
        ("exempel/x/", "exempel/", "x/"),
        ("en/exempel/", "en/exempel/x/", "../"),
        ("", "en/exempel/", "../../"),
        ("exempel/", "exempel/", "./"),
        ("exempel/index.html", "exempel/x.html", "index.html"),
        ("exempel/x.html", "exempel/index.html", "x.html"),
    ],
)
def test_relative_url(target, start, expected):
    assert presentation.relative_url(target, start) == expected


def test_urls_of_pages_in_both_languages():
    assert presentation.example_url("a", "sv") == "exempel/a/"
    assert presentation.example_url("a", "en") == "en/exempel/a/"
    assert presentation.example_url("a", "en", directory_urls=False) == "en/exempel/a.html"
    assert presentation.catalogue_url("en") == "en/exempel/"
    assert presentation.filter_href("../", "text", "Åre & Co") == "../?text=%C3%85re+%26+Co"


def test_years_text(strings):
    assert presentation.years_text(example(), strings["sv"]) == "Sedan 2020"
    assert presentation.years_text(example(year_ended=2022), strings["en"]) == "2020–2022"


def test_example_header_links_each_fact_to_the_filtered_catalogue(vocab, strings):
    header = presentation.example_header(example(), "en", vocab, strings["en"], "../")
    facts = {row["label"]: row["links"] for row in header["facts"]}
    assert facts["Organisation"] == [{"text": "Exempelby kommun", "href": "../?text=Exempelby+kommun"}]
    assert facts["Organisation number"] == [{"text": "212000-0142", "href": ""}]
    assert facts["Area of government"] == [
        {"text": "Housing and community amenities", "href": "../?function=housing-community"},
        {"text": "Education", "href": "../?function=education"},
    ]
    assert facts["Period"] == [{"text": "Since 2020", "href": "../?year=2020"}]
    assert facts["Personal data"] == [
        {"text": "Does not process personal data", "href": "../?personal_data=false"}
    ]
    assert (header["title"], header["title_lang"]) == ("The municipality's chatbot", "")


def test_untranslated_example_falls_back_to_swedish_marked_as_such(vocab, strings):
    only_swedish = example(title={"sv": "Bara svenska"}, summary={"sv": "Svensk text."})
    header = presentation.example_header(only_swedish, "en", vocab, strings["en"], "../")
    assert (header["title"], header["title_lang"], header["summary_lang"]) == ("Bara svenska", "sv", "sv")


def test_example_sources_with_and_without_date():
    sources = presentation.example_sources(
        example(
            sources=(
                collection.Source("A", "https://a", dt.date(2021, 3, 1)),
                collection.Source("B", "https://b", None),
            )
        ),
        "sv",
    )
    assert sources == [
        {"title": "A", "url": "https://a", "date": "1 mars 2021", "date_iso": "2021-03-01"},
        {"title": "B", "url": "https://b", "date": "", "date_iso": ""},
    ]


def test_catalogue_has_entries_in_alphabetical_order_and_counts(vocab, strings):
    examples = [
        example(id="b", title={"sv": "Öppna data", "en": "Open data"}),
        example(id="a", title={"sv": "Ärenden", "en": "Cases"}, status="pilot", year_started=2019),
        example(id="c", title={"sv": "Zebra", "en": "Zebra"}),
    ]
    catalogue = presentation.catalogue(examples, "sv", vocab, strings["sv"], "exempel/")
    assert [entry["id"] for entry in catalogue["entries"]] == ["c", "a", "b"]  # z, ä, ö
    assert catalogue["entries"][1]["href"] == "a/"
    assert catalogue["entries"][1]["tokens"].startswith(
        "organisation_type=municipality function=housing-community"
    )
    status = next(f for f in catalogue["facets"] if f["param"] == "status")
    assert status["options"] == [
        {"value": "pilot", "label": "Pilot", "count": 1},
        {"value": "production", "label": "I drift", "count": 2},
    ]
    year = next(f for f in catalogue["facets"] if f["param"] == "year")
    assert [o["value"] for o in year["options"]] == ["2020", "2019"]
    assert catalogue["status"] == "3 exempel"
    assert catalogue["data_href"] == "../data/"
    assert catalogue["licence_href"] == "../om/licens/"


def test_catalogue_summary_is_shortened(vocab, strings):
    catalogue = presentation.catalogue(
        [example(summary={"sv": "ord " * 100})], "sv", vocab, strings["sv"], "exempel/"
    )
    assert len(catalogue["entries"][0]["summary"]) <= presentation.CATALOGUE_SUMMARY


@pytest.mark.parametrize(("text", "expected"), [("Åsa", "{sa"), ("abc", "abc"), ("Östra", "}stra")])
def test_sort_key_puts_swedish_letters_last(text, expected):
    assert collation_key(text) == expected


# ---------------------------------------------------------------------------
# Exports
# ---------------------------------------------------------------------------


def test_json_export(vocab):
    text = exports.examples_json(
        [example(id="b"), example(id="a", title={"sv": "A"}, summary={"sv": "S"})],
        vocab,
        "https://example.org/site/",
        "2026-11-28T12:00:00Z",
    )
    data = json.loads(text)
    assert data["license"] == "CC-BY-4.0"
    assert data["generated"] == "2026-11-28T12:00:00Z"
    assert data["source"] == "https://example.org/site/exempel/"
    assert [r["id"] for r in data["examples"]] == ["a", "b"]
    first = data["examples"][0]
    assert first["title"] == {"sv": "A", "en": None}
    assert first["url"] == {
        "sv": "https://example.org/site/exempel/a/",
        "en": "https://example.org/site/en/exempel/a/",
    }
    assert first["sources"] == [{"title": "Källa", "url": "https://example.org/a", "date": "2021-03-01"}]
    assert first["year_ended"] is None and first["personal_data"] is False
    assert (
        data["vocabularies"]["statuses" if "statuses" in data["vocabularies"] else "status"]["pilot"]["sv"]
        == "Pilot"
    )


def test_csv_export_and_its_description():
    text = exports.examples_csv([example(techniques=("machine-learning", "optimisation"))], "https://x.org/")
    rows = list(csv.reader(io.StringIO(text)))
    header, row = rows
    record = dict(zip(header, row, strict=True))
    assert header == [name for name, _, _ in exports.CSV_COLUMNS]
    assert record["techniques"] == "machine-learning;optimisation"
    assert record["year_ended"] == "" and record["personal_data"] == "false"
    assert record["url_en"] == "https://x.org/en/exempel/exempelby-chattbot/"
    assert text.endswith("\r\n")
    metadata = json.loads(exports.csv_metadata("https://x.org/", "2026-11-28T12:00:00Z"))
    assert [c["name"] for c in metadata["tableSchema"]["columns"]] == header
    assert metadata["tableSchema"]["primaryKey"] == "id"
