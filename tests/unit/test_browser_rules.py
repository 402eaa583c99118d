"""One source for every rule: the browser's example draft and the Python build must agree.

The example collection's schema (built from data/vocabularies.yml) reaches the browser as a
JSON block; docs/assets/javascripts/core/example-rules.js applies it together with the rules
a schema cannot express. Here node runs that module on the same cases as
offentligai.examples.collection, and every drafted example must pass the collection's own
validator.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from offentligai.errors import ContentError
from offentligai.examples import collection, schema
from offentligai.examples.vocabularies import load_vocabularies
from offentligai.languages import load_strings
from offentligai.trust_model import model as tm
from offentligai.trust_model import pages
from tests.helpers import ROOT

NODE = shutil.which("node") or "node"  # required by `make test`, like npm
CORE = (ROOT / "docs" / "assets" / "javascripts" / "core").as_uri()
TODAY = dt.date(2026, 12, 3)
VOCABULARIES = load_vocabularies(ROOT / "data" / "vocabularies.yml")
SCHEMA = schema.build_schema(VOCABULARIES, "https://example.org/data/example.schema.json")
CHECK = schema.validator(SCHEMA)
ENGLISH_CHECK = schema.validator(schema.english_schema(SCHEMA))
RULES, _ = pages.load_draft_rules(ROOT / "data" / "vocabularies.yml")


def run_js(body: str, payload: object) -> object:
    """Run ``body`` (an async function body over ``input``, returning JSON data) in node."""
    script = f"""
import * as rules from "{CORE}/example-rules.js";
import * as draft from "{CORE}/trust-model/draft.js";
import {{ indexModel }} from "{CORE}/trust-model/model.js";
import {{ createTranslator }} from "{CORE}/strings.js";
let text = "";
for await (const chunk of process.stdin) text += chunk;
const input = JSON.parse(text);
const output = await (async () => {{ {body} }})();
process.stdout.write(JSON.stringify(output));
"""
    result = subprocess.run(
        [NODE, "--input-type=module", "-e", script],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


# ---------------------------------------------------------------------------
# The organisation number, the limits and the patterns
# ---------------------------------------------------------------------------


def test_the_organisation_number_check_agrees():
    rng = random.Random(18)
    numbers = [f"{rng.randrange(10**6):06d}-{rng.randrange(10**4):04d}" for _ in range(400)]
    numbers += ["212000-0142", "212000-0143", "2120000142", "21200-00142", "", "abc", "212000-014"]
    in_js = run_js("return input.map((n) => rules.luhnValid(n));", numbers)
    assert in_js == [collection.luhn_valid(number) for number in numbers]
    assert 20 < sum(in_js) < 80  # about one in ten is valid: the cases test both answers


def test_the_browser_gets_the_schema_s_limits_and_patterns():
    properties = RULES["schema"]["properties"]
    assert properties["summary"]["maxLength"] == schema.MAX_SUMMARY
    assert properties["id"]["pattern"] == SCHEMA["properties"]["id"]["pattern"]
    assert (
        properties["organisation_number"]["pattern"] == SCHEMA["properties"]["organisation_number"]["pattern"]
    )
    assert RULES["schema"]["required"] == SCHEMA["required"]
    assert list(properties) == list(SCHEMA["properties"])  # the front matter's layout
    for field, vocabulary in VOCABULARIES.items():
        rule = (
            properties["sources"]["items"]["properties"]["kind"]
            if field == "source_kind"
            else properties[field]
        )
        rule = rule.get("items", rule)
        assert [term["code"] for term in rule["labels"]] == vocabulary.codes
        assert rule["labels"][0]["en"] == vocabulary.label(vocabulary.codes[0], "en")


# ---------------------------------------------------------------------------
# Front matter: the same problems in the same fields
# ---------------------------------------------------------------------------


def valid_meta() -> dict:
    return {
        "id": "exempelby-kommun-chattbot",
        "title": "Chattboten",
        "summary": "En chattbot.",
        "organisation": "Exempelby kommun",
        "organisation_type": "municipality",
        "organisation_number": "212000-0142",
        "functions": ["housing-community"],
        "techniques": ["natural-language-processing"],
        "status": "pilot",
        "status_confirmed": "2024-05-02",
        "year_started": 2024,
        "decision_role": "none",
        "personal_data": False,
        "sources": [
            {
                "title": "Pressmeddelande",
                "url": "https://example.org/press",
                "publisher": "Exempelby kommun",
                "kind": "primary",
                "date": "2024-05-02",
            }
        ],
        "last_reviewed": "2026-11-30",
    }


def mutated(changes: dict) -> dict:
    meta = valid_meta()
    for path, value in changes.items():
        target, key = meta, path
        if path.startswith("sources."):
            target, key = meta["sources"][0], path.split(".", 1)[1]
        if value is DELETE:
            del target[key]
        else:
            target[key] = value
    return meta


DELETE = object()
CASES = {
    "valid": {},
    "summary-300": {"summary": "x" * 300},
    "summary-301": {"summary": "x" * 301},
    "summary-300-emoji": {"summary": "😀" * 300},
    "summary-301-emoji": {"summary": "😀" * 301},
    "summary-blank": {"summary": "   "},
    "id-one-letter": {"id": "a"},
    "id-double-hyphen": {"id": "a--b"},
    "id-leading-hyphen": {"id": "-a"},
    "id-capital": {"id": "Exempel"},
    "id-accent": {"id": "göteborg"},
    "id-underscore": {"id": "a_b"},
    "id-digits": {"id": "2024"},
    "id-number": {"id": 2024},
    "number-check-digit": {"organisation_number": "212000-0143"},
    "number-no-hyphen": {"organisation_number": "2120000142"},
    "number-missing": {"organisation_number": DELETE},
    "type-unknown": {"organisation_type": "company"},
    "functions-empty": {"functions": []},
    "functions-repeated": {"functions": ["health", "health"]},
    "functions-text": {"functions": "health"},
    "year-text": {"year_started": "2024"},
    "year-future": {"year_started": 2027},
    "year-too-small": {"year_started": 1899},
    "year-bool": {"year_started": True},
    "year-ended-before": {"year_ended": 2023},
    "year-ended-future": {"year_ended": 2030},
    "personal-text": {"personal_data": "yes"},
    "reviewed-future": {"last_reviewed": "2026-12-04"},
    "reviewed-not-a-day": {"last_reviewed": "2026-02-30"},
    "reviewed-format": {"last_reviewed": "3 december 2026"},
    "url-javascript": {"sources.url": "javascript:alert(1)"},
    "url-ftp": {"sources.url": "ftp://example.org/"},
    "url-no-host": {"sources.url": "https:///path"},
    "publisher-missing": {"sources.publisher": DELETE},
    "publisher-blank": {"sources.publisher": " "},
    "kind-unknown": {"sources.kind": "tertiary"},
    "kind-secondary": {"sources.kind": "secondary"},
    "kind-secondary-reason": {"sources.kind": "secondary", "no_primary_source_reason": "Inget eget."},
    "reason-with-primary": {"no_primary_source_reason": "Onödigt."},
    "reason-two-lines": {"sources.kind": "secondary", "no_primary_source_reason": "En\nTvå"},
    "source-date-future": {"sources.date": "2027-01-01"},
    "source-undated": {"sources.date": DELETE},
    "source-extra-key": {"sources.note": "x"},
    "confirmed-after-source": {"status_confirmed": "2024-05-03"},
    "confirmed-missing": {"status_confirmed": DELETE},
    "sources-empty": {"sources": []},
    "sources-text": {"sources": "https://example.org"},
    "todo-title": {"title": "TODO: rubrik"},
    "todo-in-source": {"sources.title": "Källa TODO"},
    "unknown-field": {"colour": "blue"},
    "everything-wrong": {
        "id": "X",
        "summary": "y" * 400,
        "organisation_number": "212000-0143",
        "year_started": 3000,
        "year_ended": 1000,
        "sources.kind": "secondary",
        "status_confirmed": "2030-01-01",
        "title": DELETE,
    },
}


def python_fields(meta: dict) -> list[str]:
    return sorted({p.field for p in collection.validate_meta(meta, "x.md", CHECK, TODAY)})


def test_front_matter_problems_agree():
    metas = {name: mutated(changes) for name, changes in CASES.items()}
    in_js = run_js(
        "const out = {};"
        "for (const [name, meta] of Object.entries(input.metas)) {"
        "  const problems = rules.metaProblems(meta, input.schema, input.today);"
        "  out[name] = [...new Set(problems.map((p) => p.field))].sort();"
        "}"
        "return out;",
        {"metas": metas, "schema": RULES["schema"], "today": TODAY.isoformat()},
    )
    in_python = {name: python_fields(meta) for name, meta in metas.items()}
    assert in_js == in_python
    assert in_python["valid"] == [] and in_python["summary-300-emoji"] == []
    assert sum(1 for fields in in_python.values() if fields) >= len(CASES) - 8  # most cases are problems


@pytest.mark.parametrize(
    ("swedish", "english"),
    [
        ({}, {"title": "T", "summary": "S"}),
        ({}, {"title": "T"}),
        ({}, {"title": "T", "summary": "S" * 301}),
        ({}, {"title": "T", "summary": "S", "no_primary_source_reason": "R"}),
        ({"no_primary_source_reason": "Skäl"}, {"title": "T", "summary": "S"}),
        (
            {"no_primary_source_reason": "Skäl"},
            {"title": "T", "summary": "S", "no_primary_source_reason": "R"},
        ),
        ({}, {"title": "T", "summary": "S", "status": "pilot"}),
    ],
)
def test_english_file_problems_agree(swedish, english):
    meta = {**valid_meta(), **swedish}
    english_schema = schema.english_schema(SCHEMA)
    in_python = {p.field for p in collection.validate_meta(english, "x.en.md", ENGLISH_CHECK, TODAY)}
    in_python |= {p.field for p in collection.english_translates(meta, english, "x.en.md")}
    in_js = run_js(
        "const problems = rules.englishProblems(input.english, input.swedish, input.schema, input.today);"
        "return problems.map((p) => p.field);",
        {"english": english, "swedish": meta, "schema": RULES["english_schema"], "today": TODAY.isoformat()},
    )
    assert sorted(set(in_js)) == sorted(in_python)
    assert list(english_schema["properties"]) == list(RULES["english_schema"]["properties"])


# ---------------------------------------------------------------------------
# Drafts made in the browser pass the collection's validator
# ---------------------------------------------------------------------------


def form(**changes: object) -> dict:
    data = {
        "id": "exempelby-kommun-bygglovsassistenten",
        "title_sv": "Bygglovsassistenten: ”svar” på 30 sekunder",
        "title_en": "The building permit assistant",
        "summary_sv": "En chattbot som svarar på frågor om bygglov.\nDygnet runt.",
        "summary_en": "A chatbot that answers questions about building permits.",
        "organisation": "Exempelby kommun",
        "organisation_number": "212000-0142",
        "organisation_type": "municipality",
        "functions": ["housing-community", "general-public-services"],
        "techniques": ["natural-language-processing"],
        "status": "pilot",
        "status_confirmed": "2024-05-02",
        "year_started": "2024",
        "year_ended": "",
        "decision_role": "none",
        "personal_data": "false",
        "sources": [
            {
                "title": "Pressmeddelande #1: [chattbot]",
                "url": "https://example.org/press?a=1&b=2",
                "publisher": "Exempelby kommun",
                "kind": "primary",
                "date": "2024-05-02",
            }
        ],
        "no_primary_source_reason_sv": "",
        "no_primary_source_reason_en": "",
    }
    data.update(changes)
    return data


SECONDARY_ONLY = [
    {
        "title": "Artikel",
        "url": "https://news.example/a",
        "publisher": "Tidningen",
        "kind": "secondary",
        "date": "2024-06-01",
    },
    {"title": "", "url": "", "publisher": "", "kind": "", "date": ""},  # an empty group the reader added
    {
        "title": "Intervju",
        "url": "https://trade.example/b",
        "publisher": "Facktidningen",
        "kind": "secondary",
    },
]
DRAFTS = {
    "primary-source": form(),
    "retired-with-reason": form(
        status="retired",
        year_ended="2025",
        status_confirmed="2024-06-01",
        sources=SECONDARY_ONLY,
        no_primary_source_reason_sv="Kommunen har inte publicerat något om systemet.",
        no_primary_source_reason_en="The municipality has published nothing about the system.",
        personal_data="true",
    ),
}


@pytest.mark.parametrize("name", DRAFTS)
def test_a_drafted_example_passes_the_collection_s_validator(tmp_path: Path, name: str):
    strings = load_strings(ROOT / "data" / "strings")
    data, _ = tm.load_model(ROOT, ROOT / "docs")
    model = tm.normalise(data, tm.yes_no_labels(strings))
    payload = {
        "model": model,
        "strings": pages.tool_strings(strings),
        "rules": RULES,
        "form": DRAFTS[name],
        "day": TODAY.isoformat(),
        "answers": {
            "purpose-problem": "Handläggarna svarar på <samma> frågor.\n\n# Ingen rubrik\n\nText.",
        },
    }
    files = run_js(
        "const t = createTranslator(input.strings, 'sv');"
        "const index = indexModel(input.model);"
        "const { form, rules, day, answers } = input;"
        "const problems = draft.draftProblems(form, rules, day, t, index, answers);"
        "if (problems.length) return { problems };"
        "return { files: draft.draftFiles(index, { answers }, form, rules, day, t) };",
        payload,
    )
    assert "problems" not in files, files
    folder = tmp_path / "exempel"
    folder.mkdir()
    for file in files["files"]:
        (folder / file["name"]).write_text(file["text"], encoding="utf-8")
    try:
        (example,) = collection.load_collection(folder, tmp_path, CHECK, TODAY)
    except ContentError as error:
        pytest.fail(error.report() + "\n\n" + files["files"][0]["text"])
    assert example.id == "exempelby-kommun-bygglovsassistenten"
    assert example.title == {"sv": DRAFTS[name]["title_sv"], "en": DRAFTS[name]["title_en"]}
    assert example.summary["sv"] == "En chattbot som svarar på frågor om bygglov. Dygnet runt."
    assert example.last_reviewed == TODAY
    sources = DRAFTS[name]["sources"]
    assert [source.title for source in example.sources] == [s["title"] for s in sources if s["title"]]
    if name == "retired-with-reason":
        assert example.year_ended == 2025 and example.personal_data is True
        assert example.no_primary_source_reason["en"].startswith("The municipality")
        assert [source.kind for source in example.sources] == ["secondary", "secondary"]
    else:
        assert example.sources[0].url == "https://example.org/press?a=1&b=2"
        assert example.organisation_number == "212000-0142"


def test_the_placeholder_check_agrees():
    texts = ["TODO", "todo", "TODOS", "a TODO b", "TODO-fri", "xTODO", "TODO:", "(TODO)", "ATODOB", "_TODO_"]
    texts += ["åTODO", "TODOé", "1TODO", "TODO²", "ΩTODO"]  # word characters of other scripts
    in_js = run_js("return input.map((text) => rules.hasPlaceholder(text));", texts)
    assert in_js == [bool(collection._TODO.search(text)) for text in texts]
    assert any(in_js) and not all(in_js)


def test_a_draft_the_browser_refuses_is_refused_by_the_build_too(tmp_path: Path):
    """The browser's check is not looser than the build's: a bad draft fails in both."""
    bad = copy.deepcopy(form(organisation_number="212000-0143", year_started="2027"))
    problems = run_js(
        "const t = createTranslator({}, 'sv');"
        "return draft.draftProblems(input.form, input.rules, input.day, t).map((p) => p.key);",
        {"form": bad, "rules": RULES, "day": TODAY.isoformat()},
    )
    assert problems == ["organisation_number", "year_started"]
    meta = {**valid_meta(), "organisation_number": "212000-0143", "year_started": 2027}
    assert python_fields(meta) == ["organisation_number", "year_started"]
