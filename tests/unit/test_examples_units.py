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
        "sources": (
            collection.Source(
                "Källa", "https://example.org/a", dt.date(2021, 3, 1), "Exempelby kommun", "primary"
            ),
        ),
        "last_reviewed": dt.date(2026, 11, 1),
        "status_confirmed": dt.date(2021, 3, 1),
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


def test_example_sources_with_publisher_kind_and_date(vocab):
    sources = presentation.example_sources(
        example(
            sources=(
                collection.Source("A", "https://a", dt.date(2021, 3, 1), "Kommunen", "primary"),
                collection.Source("B", "https://b", None, "Tidningen", "secondary"),
            )
        ),
        "sv",
        vocab,
    )
    assert sources == [
        {
            "title": "A",
            "url": "https://a",
            "publisher": "Kommunen",
            "kind": "Primärkälla",
            "date": "1 mars 2021",
            "date_iso": "2021-03-01",
        },
        {
            "title": "B",
            "url": "https://b",
            "publisher": "Tidningen",
            "kind": "Sekundärkälla",
            "date": "",
            "date_iso": "",
        },
    ]
    english = presentation.example_sources(example(), "en", vocab)
    assert (english[0]["publisher"], english[0]["kind"]) == ("Exempelby kommun", "Primary source")


def test_no_primary_source_reason_in_the_page_language_or_swedish():
    reason = {"sv": "Bara tidningar har skrivit om det.", "en": "Only newspapers have reported it."}
    assert presentation.no_primary_source(example(no_primary_source_reason=reason), "en") == {
        "text": "Only newspapers have reported it.",
        "lang": "",
    }
    only_swedish = example(no_primary_source_reason={"sv": "Bara tidningar."})
    assert presentation.no_primary_source(only_swedish, "en") == {"text": "Bara tidningar.", "lang": "sv"}
    assert presentation.no_primary_source(example(), "sv") == {"text": "", "lang": ""}


CHECK = presentation.StatusCheck(dt.date(2026, 12, 3), 24)


@pytest.mark.parametrize(
    ("confirmed", "state"),
    [
        (dt.date(2025, 3, 14), "recent"),
        (dt.date(2024, 12, 3), "recent"),  # exactly 24 months: not more than 24
        (dt.date(2024, 12, 2), "old"),
        (dt.date(2019, 4, 29), "old"),
        (None, "none"),
    ],
)
def test_status_check_states(confirmed, state):
    assert CHECK.state(example(status_confirmed=confirmed)) == state


def test_fact_box_says_when_and_whether_the_status_was_confirmed(vocab, strings):
    recent = example(status_confirmed=dt.date(2025, 3, 14))
    header = presentation.example_header(recent, "sv", vocab, strings["sv"], "../", CHECK)
    status = next(row for row in header["facts"] if row["label"] == "Status")
    assert status["links"] == [{"text": "I drift", "href": "../?status=production"}]
    assert status["note"] == "enligt källa från mars 2025"
    assert header["status_warning"] == ""
    old = presentation.example_header(example(), "en", vocab, strings["en"], "../", CHECK)
    status = next(row for row in old["facts"] if row["label"] == "Status")
    assert status["note"] == "according to a source from March 2021"
    assert old["status_warning"] == (
        "The status has not been confirmed since March 2021. It may have changed since then."
    )
    undated = presentation.example_header(
        example(status_confirmed=None), "sv", vocab, strings["sv"], "../", CHECK
    )
    assert next(row for row in undated["facts"] if row["label"] == "Status")["note"] == ""
    assert undated["status_warning"] == "Ingen daterad källa bekräftar statusen. Den kan ha ändrats."
    assert all(row["note"] == "" for row in undated["facts"] if row["label"] != "Status")


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
    assert [entry["marker"] for entry in catalogue["entries"]] == [
        "Status inte bekräftad sedan mars 2021"
    ] * 3
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
    assert first["sources"] == [
        {
            "title": "Källa",
            "url": "https://example.org/a",
            "publisher": "Exempelby kommun",
            "kind": "primary",
            "date": "2021-03-01",
        }
    ]
    assert first["status_confirmed"] == "2021-03-01"
    assert first["organisation_number"] == "212000-0142"
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
    assert record["organisation_number"] == "212000-0142"
    assert record["status_confirmed"] == "2021-03-01"
    assert (record["source_publishers"], record["source_kinds"]) == ("Exempelby kommun", "primary")
    # Columns are only added at the end: the first 19 are those of the first published version.
    assert header[:19] == [
        "id", "title_sv", "title_en", "summary_sv", "summary_en", "organisation", "organisation_type",
        "organisation_number", "functions", "techniques", "status", "year_started", "year_ended",
        "decision_role", "personal_data", "sources", "last_reviewed", "url_sv", "url_en",
    ]  # fmt: skip
    assert text.endswith("\r\n")
    metadata = json.loads(exports.csv_metadata("https://x.org/", "2026-11-28T12:00:00Z"))
    assert [c["name"] for c in metadata["tableSchema"]["columns"]] == header
    assert metadata["tableSchema"]["primaryKey"] == "id"
    columns = {c["name"]: c for c in metadata["tableSchema"]["columns"]}
    assert columns["status_confirmed"]["datatype"] == "date"
    assert columns["source_publishers"]["separator"] == ";"
    assert columns["source_kinds"]["separator"] == ";"
    assert columns["sources"]["separator"] == " "
    assert "source_publishers" in metadata["dc:description"]


def test_csv_lists_several_sources_in_the_same_order():
    sources = (
        collection.Source("A", "https://a", None, "Kommunen; nämnden", "primary"),
        collection.Source("B", "https://b", dt.date(2024, 1, 2), "Tidningen", "secondary"),
    )
    text = exports.examples_csv([example(sources=sources, status_confirmed=None)], "https://x.org/")
    header, row = list(csv.reader(io.StringIO(text)))
    record = dict(zip(header, row, strict=True))
    assert record["sources"] == "https://a https://b"
    assert record["source_publishers"] == "Kommunen, nämnden;Tidningen"  # the separator cannot occur
    assert record["source_kinds"] == "primary;secondary"
    assert record["status_confirmed"] == ""


def test_catalogue_filters_and_marks_examples_by_status_confirmation(vocab, strings):
    examples = [
        example(id="a", status_confirmed=dt.date(2025, 3, 14)),
        example(id="b", status_confirmed=dt.date(2020, 1, 1)),
        example(id="c", status_confirmed=None),
        example(id="d", status_confirmed=dt.date(2026, 1, 1)),
    ]
    catalogue = presentation.catalogue(examples, "en", vocab, strings["en"], "en/exempel/", check=CHECK)
    confirmed = next(f for f in catalogue["facets"] if f["param"] == "confirmed")
    assert confirmed["label"] == "Status confirmed"
    assert confirmed["options"] == [
        {"value": "recent", "label": "In the last 24 months", "count": 2},
        {"value": "old", "label": "More than 24 months ago", "count": 1},
        {"value": "none", "label": "By no dated source", "count": 1},
    ]
    by_id = {entry["id"]: entry for entry in catalogue["entries"]}
    assert "confirmed=recent" in by_id["a"]["tokens"].split()
    assert "confirmed=old" in by_id["b"]["tokens"].split()
    assert (by_id["a"]["marker"], by_id["b"]["marker"], by_id["c"]["marker"]) == (
        "",
        "Status not confirmed since January 2020",
        "Status not confirmed by any dated source",
    )
    facets = [f["param"] for f in catalogue["facets"]]
    assert facets.index("confirmed") == facets.index("status") + 1


def test_confirmation_filter_label_follows_the_configured_limit(vocab, strings):
    check = presentation.StatusCheck(dt.date(2026, 12, 3), 18)
    catalogue = presentation.catalogue([example()], "sv", vocab, strings["sv"], "exempel/", check=check)
    confirmed = next(f for f in catalogue["facets"] if f["param"] == "confirmed")
    assert confirmed["options"] == [{"value": "old", "label": "För mer än 18 månader sedan", "count": 1}]
