"""Validation of examples: one invalid fixture per rule, with the exact message it gives.

Each folder under tests/fixtures/examples/invalid/ breaks one rule of a valid example
(tests/fixtures/examples/valid/). The messages name the file, the field, the value and
what is allowed; "today" is fixed so that the rules about the future are stable.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from offentligai import frontmatter
from offentligai.errors import ContentError
from offentligai.examples import collection, schema, vocabularies
from tests.helpers import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "examples"
TODAY = dt.date(2026, 11, 28)


@pytest.fixture(scope="module")
def check():
    vocab = vocabularies.load_vocabularies(ROOT / "data" / "vocabularies.yml")
    return schema.validator(schema.build_schema(vocab, "https://example.org/data/example.schema.json"))


def problems_of(case: str, check) -> list[str]:
    with pytest.raises(ContentError) as raised:
        collection.load_collection(FIXTURES / "invalid" / case, FIXTURES / "invalid", check, TODAY)
    return [str(problem) for problem in raised.value.problems]


EXPECTED = {
    "empty-list": [
        (
            "empty-list/empty-list.md: functions: []: needs at least one value: one or more COFOG "
            "divisions (functions of government)"
        ),
    ],
    "empty-title": [
        "empty-title/empty-title.md: title:   : must not be empty: the example's title, as text",
    ],
    "english-extra-key": [
        (
            "english-extra-key/english-extra-key.en.md: status: production: is not a known field; allowed: "
            "title, summary, no_primary_source_reason"
        ),
    ],
    "english-missing-summary": [
        (
            "english-missing-summary/english-missing-summary.en.md: summary: is required: a plain-language "
            "summary of at most 300 characters"
        ),
    ],
    "english-without-swedish": [
        (
            "english-without-swedish/english-without-swedish.en.md: has no Swedish file "
            "english-without-swedish/english-without-swedish.md, which holds the example's facts"
        ),
    ],
    "heading-level-one": [
        (
            "heading-level-one/heading-level-one.md: body, line 24: # Kommunens chattbot: the page title "
            "comes from 'title'; start sections with '## '"
        ),
    ],
    "id-not-file-name": [
        (
            "id-not-file-name/id-not-file-name.md: id: chattbot: must be the file name without .md: "
            "id-not-file-name"
        ),
    ],
    "id-pattern": [
        (
            "id-pattern/id-pattern.md: id: Id_Pattern: allowed: lowercase a–z, 0–9 and hyphens; the same "
            "as the file name without .md"
        ),
    ],
    "last-reviewed-future": [
        (
            "last-reviewed-future/last-reviewed-future.md: last_reviewed: 2027-01-01: must not be in the "
            "future (after 2026-11-28)"
        ),
    ],
    "last-reviewed-not-a-date": [
        (
            "last-reviewed-not-a-date/last-reviewed-not-a-date.md: last_reviewed: 2026-02-30: allowed: "
            "date YYYY-MM-DD of the last review, not in the future"
        ),
    ],
    "misplaced-file": [
        (
            "misplaced-file/sub/misplaced-file.md: examples live directly in misplaced-file/; move the "
            "file there"
        ),
    ],
    "missing-field": [
        "missing-field/missing-field.md: status: is required: the stage the use has reached",
    ],
    "no-front-matter": [
        ("no-front-matter/no-front-matter.md: the file must start with front matter between two '---' lines"),
    ],
    "no-sources": [
        (
            "no-sources/no-sources.md: sources: []: needs at least one value: one or more public sources, "
            "at least one of them primary"
        ),
    ],
    "organisation-number-check-digit": [
        (
            "organisation-number-check-digit/organisation-number-check-digit.md: organisation_number: "
            "212000-0143: the check digit is wrong: the last digit must be the Luhn check digit of the "
            "first nine"
        ),
    ],
    "organisation-number-format": [
        (
            "organisation-number-format/organisation-number-format.md: organisation_number: 2120000142: "
            "allowed: Swedish organisationsnummer NNNNNN-NNNN whose last digit is its Luhn check digit"
        ),
    ],
    "repeated-code": [
        (
            "repeated-code/repeated-code.md: techniques: ['natural-language-processing', "
            "'natural-language-processing']: a value is repeated; give each value once"
        ),
    ],
    "repeated-key": [
        (
            "repeated-key/repeated-key.md: the front matter is not valid YAML at line 12, column 1: found "
            "the key 'status' twice"
        ),
    ],
    "source-date-future": [
        (
            "source-date-future/source-date-future.md: sources[1].date: 2027-03-01: must not be in the "
            "future (after 2026-11-28)"
        ),
    ],
    "source-unknown-key": [
        (
            "source-unknown-key/source-unknown-key.md: sources[1].author: Kommunen: is not a known field; "
            "allowed: title, url, publisher, kind, date"
        ),
    ],
    "source-url-not-http": [
        (
            "source-url-not-http/source-url-not-http.md: sources[1].url: ftp://example.org/chattbot: "
            "allowed: an http:// or https:// address"
        ),
    ],
    "source-without-url": [
        (
            "source-without-url/source-without-url.md: sources[1].url: is required: an http:// or https:// "
            "address"
        ),
    ],
    "english-reason-missing": [
        (
            "english-reason-missing/english-reason-missing.en.md: no_primary_source_reason: is required: "
            "the Swedish file has it; translate it"
        ),
    ],
    "english-reason-without-swedish": [
        (
            "english-reason-without-swedish/english-reason-without-swedish.en.md: no_primary_source_reason: "
            "The municipality has published nothing itself.: the Swedish file has none; remove it"
        ),
    ],
    "no-primary-source": [
        (
            "no-primary-source/no-primary-source.md: sources: 1 source, none primary: at least one source "
            "must be primary (the organisation, an authority, a court, a peer-reviewed paper); otherwise "
            "say why in no_primary_source_reason"
        ),
    ],
    "organisation-number-missing": [
        (
            "organisation-number-missing/organisation-number-missing.md: organisation_number: is required: "
            "Swedish organisationsnummer NNNNNN-NNNN whose last digit is its Luhn check digit"
        ),
    ],
    "reason-with-primary": [
        (
            "reason-with-primary/reason-with-primary.md: no_primary_source_reason: Kommunen har inte "
            "publicerat något själv.: remove it: a source is primary, so no reason is needed"
        ),
    ],
    "source-kind-unknown": [
        "source-kind-unknown/source-kind-unknown.md: sources[1].kind: blog: allowed: primary, secondary",
    ],
    "source-missing-publisher": [
        (
            "source-missing-publisher/source-missing-publisher.md: sources[1].publisher: is required: who "
            "published the source, as text"
        ),
    ],
    "status-confirmed-after-sources": [
        (
            "status-confirmed-after-sources/status-confirmed-after-sources.md: status_confirmed: 2022-01-15: "
            "must not be later than the newest source's date (2021-03-01): it is the date of the newest "
            "source that confirms the status"
        ),
    ],
    "status-confirmed-missing": [
        (
            "status-confirmed-missing/status-confirmed-missing.md: status_confirmed: is required: date "
            "YYYY-MM-DD of the newest source that confirms the status; not later than that source's date"
        ),
    ],
    "status-confirmed-undated-sources": [
        (
            "status-confirmed-undated-sources/status-confirmed-undated-sources.md: status_confirmed: "
            "2021-03-01: needs a dated source: give the date of the source that confirms the status"
        ),
    ],
    "summary-too-long": [
        (
            "summary-too-long/summary-too-long.md: summary: Chattboten svarar. Chattboten svarar. "
            "Chattboten svarar. Chattboten svarar. Cha…: is too long (303 characters): a plain-language "
            "summary of at most 300 characters"
        ),
    ],
    "todo-in-body": [
        (
            "todo-in-body/todo-in-body.md: body, line 28: TODO: skriv mer.: is a placeholder (TODO): "
            "replace it with the real text"
        ),
    ],
    "todo-in-front-matter": [
        (
            "todo-in-front-matter/todo-in-front-matter.md: summary: TODO: sammanfattning: is a placeholder "
            "(TODO): replace it with the real text"
        ),
    ],
    "unclosed-front-matter": [
        "unclosed-front-matter/unclosed-front-matter.md: the front matter has no closing '---' line",
    ],
    "unknown-key": [
        (
            "unknown-key/unknown-key.md: organization: Exempelby kommun: is not a known field (did you "
            "mean organisation?); allowed: id, title, summary, organisation, organisation_type, "
            "organisation_number, functions, techniques, status, status_confirmed, year_started, year_ended, "
            "decision_role, personal_data, sources, no_primary_source_reason, last_reviewed"
        ),
        "unknown-key/unknown-key.md: organisation: is required: the organisation's official name",
    ],
    "wrong-code": [
        "wrong-code/wrong-code.md: status: live: allowed: idea, development, pilot, production, retired",
    ],
    "wrong-code-in-list": [
        (
            "wrong-code-in-list/wrong-code-in-list.md: functions[2]: healthcare: allowed: "
            "general-public-services, defence, public-order-safety, economic-affairs, "
            "environmental-protection, housing-community, health, recreation-culture-religion, education, "
            "social-protection"
        ),
    ],
    "wrong-type": [
        (
            "wrong-type/wrong-type.md: personal_data: nej: allowed: true or false: whether the system "
            "processes personal data"
        ),
    ],
    "yaml-error": [
        (
            "yaml-error/yaml-error.md: the front matter is not valid YAML at line 9, column 11: did not "
            "find expected ',' or ']'"
        ),
    ],
    "year-ended-before-start": [
        (
            "year-ended-before-start/year-ended-before-start.md: year_ended: 2019: must not be before "
            "year_started (2020)"
        ),
    ],
    "year-ended-future": [
        ("year-ended-future/year-ended-future.md: year_ended: 2031: must not be in the future (after 2026)"),
    ],
    "year-not-four-digits": [
        (
            "year-not-four-digits/year-not-four-digits.md: year_started: 20: allowed: four-digit year the "
            "use started, not in the future"
        ),
    ],
    "year-started-future": [
        (
            "year-started-future/year-started-future.md: year_started: 2031: must not be in the future "
            "(after 2026)"
        ),
    ],
}


def test_every_fixture_folder_has_an_expected_message():
    assert sorted(path.name for path in (FIXTURES / "invalid").iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_invalid_example_gives_exact_messages(case, check):
    assert problems_of(case, check) == EXPECTED[case]


def test_the_valid_fixture_passes(check):
    (example,) = collection.load_collection(FIXTURES / "valid", FIXTURES, check, TODAY)
    assert example.id == "exempelby-chattbot"
    assert example.title == {"sv": "Kommunens chattbot", "en": "The municipality's chatbot"}
    assert example.last_reviewed == dt.date(2026, 11, 1)
    assert example.sources[0].date == dt.date(2021, 3, 1)
    assert example.organisation_number == "212000-0142"
    assert example.year_ended is None


def test_every_problem_of_a_run_is_reported_together(tmp_path, check):
    for case in ("wrong-code", "year-ended-before-start", "english-without-swedish"):
        for path in (FIXTURES / "invalid" / case).iterdir():
            (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        collection.load_collection(tmp_path, tmp_path, check, TODAY)
    report = raised.value.report()
    assert report.splitlines()[0] == "3 problems in the site's content:"
    assert "wrong-code.md: status: live" in report
    assert "year-ended-before-start.md: year_ended: 2019" in report
    assert "english-without-swedish.en.md: has no Swedish file" in report


def _copy_valid(folder: Path, **changes: str) -> None:
    """The valid fixture in ``folder``, with front-matter lines replaced (old=new pairs)."""
    for path in (FIXTURES / "valid").iterdir():
        text = path.read_text(encoding="utf-8")
        for old, new in changes.items():
            text = text.replace(old, new)
        (folder / path.name).write_text(text, encoding="utf-8")


def test_a_reason_stands_in_for_a_primary_source_in_both_languages(tmp_path, check):
    _copy_valid(tmp_path)
    sv, en = tmp_path / "exempelby-chattbot.md", tmp_path / "exempelby-chattbot.en.md"
    sv.write_text(
        sv.read_text(encoding="utf-8")
        .replace("kind: primary", "kind: secondary")
        .replace(
            "last_reviewed:",
            "no_primary_source_reason: Bara lokalpressen har skrivit om den.\nlast_reviewed:",
        ),
        encoding="utf-8",
    )
    en.write_text(
        en.read_text(encoding="utf-8").replace(
            "---\n\n", "no_primary_source_reason: Only the local press has written about it.\n---\n\n", 1
        ),
        encoding="utf-8",
    )
    (example,) = collection.load_collection(tmp_path, tmp_path, check, TODAY)
    assert example.no_primary_source_reason == {
        "sv": "Bara lokalpressen har skrivit om den.",
        "en": "Only the local press has written about it.",
    }
    assert example.sources[0].kind == "secondary"
    assert example.status_confirmed == dt.date(2021, 3, 1)


def test_every_policy_field_is_required(tmp_path, check):
    # Every example carries the fields the source policy added; there is no exception list.
    _copy_valid(tmp_path)
    sv = tmp_path / "exempelby-chattbot.md"
    text = sv.read_text(encoding="utf-8")
    for line in (
        "organisation_number: 212000-0142\n",
        "status_confirmed: 2021-03-01\n",
        "    kind: primary\n",
        "    publisher: Exempelby kommun\n",
    ):
        assert line in text
        text = text.replace(line, "")
    sv.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        collection.load_collection(tmp_path, tmp_path, check, TODAY)
    fields = sorted(problem.field for problem in raised.value.problems)
    assert fields == ["organisation_number", "sources[1].kind", "sources[1].publisher", "status_confirmed"]


def test_ids_must_be_unique():
    # A file's id must equal its name, so two files cannot share one; the rule still stands alone.
    problems = collection.duplicate_ids([("a.md", "x"), ("b.md", "y"), ("c.md", "x")])
    assert [str(p) for p in problems] == ["c.md: id: x: is already the id of a.md; ids must be unique"]


def test_the_catalogue_page_is_not_an_example(tmp_path, check):
    (tmp_path / "index.md").write_text("# Exempel\n", encoding="utf-8")
    (tmp_path / "index.en.md").write_text("# Examples\n", encoding="utf-8")
    assert collection.load_collection(tmp_path, tmp_path, check, TODAY) == []


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        ("202100-5448", True),
        ("212000-0142", True),
        ("556036-0793", True),
        ("202100-5449", False),
        ("12345", False),
    ],
)
def test_luhn_check_digit(number, valid):
    assert collection.luhn_valid(number) is valid


def test_front_matter_keeps_dates_as_text_and_finds_the_body():
    document = frontmatter.split("---\nlast_reviewed: 2026-11-01\nyear: 2020\n---\nBody\n")
    assert document.meta == {"last_reviewed": "2026-11-01", "year": 2020}
    assert (document.body, document.body_line) == ("Body\n", 5)


def test_the_body_is_found_without_reading_the_front_matter():
    text = "\ufeff---\ntitle: [not: closed\n---\nBody: not metadata\n"
    assert frontmatter.body(text) == "Body: not metadata\n"  # the YAML is split's business
    with pytest.raises(frontmatter.FrontMatterError):
        frontmatter.body("Body without front matter\n")


def test_mkdocs_reads_an_example_page_as_its_body_under_empty_front_matter():
    from mkdocs.utils.meta import get_data

    from tests.unit.test_build_glue import _entry

    hooks = _entry(ROOT / "hooks" / "examples_hooks.py")
    body = "Status: not metadata, the text's first line\n\n## Bakgrund\n"
    markdown, meta = get_data(hooks.EMPTY_FRONT_MATTER + frontmatter.body(f"---\nid: x\n---\n{body}"))
    assert (markdown, meta) == (body, {})


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("no front matter", "the file must start with front matter between two '---' lines"),
        ("---\na: 1\n", "the front matter has no closing '---' line"),
        ("---\n- a\n---\n", "the front matter must be a mapping of keys to values"),
        (
            "---\na: 1\na: 2\n---\n",
            "the front matter is not valid YAML at line 3, column 1: found the key 'a' twice",
        ),
    ],
)
def test_front_matter_errors(text, message):
    with pytest.raises(frontmatter.FrontMatterError) as raised:
        frontmatter.split(text)
    assert str(raised.value) == message


def test_code_blocks_may_hold_level_one_headings():
    assert collection.check_body("```\n# a comment\n```\n", 1, "x.md") == []
