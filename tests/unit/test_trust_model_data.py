"""Förtroendemodellen as data: reading, validation messages, the published model and schemas."""

from __future__ import annotations

import copy
import json

import pytest
import yaml
from jsonschema import Draft202012Validator

from offentligai import schema_errors
from offentligai.datafiles import read_yaml
from offentligai.errors import ContentError, Problem
from offentligai.languages import load_strings
from offentligai.trust_model import model as tm
from tests.helpers import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "trust_model"
SCHEMA = json.loads((ROOT / tm.SCHEMA_FILE).read_text(encoding="utf-8"))
FILE = tm.MODEL_FILE


def fixture_model() -> dict:
    return yaml.safe_load((FIXTURES / "model.yml").read_text(encoding="utf-8"))


def report(data: object, guides: set[str] | None = None) -> list[str]:
    """The problem lines the build would print for ``data`` (empty when it is valid)."""
    try:
        tm.validate(data, SCHEMA, FILE, {"kapitel"} if guides is None else guides)
    except ContentError as error:
        return [str(problem) for problem in error.problems]
    return []


def question(data: dict, part: int, section: int, index: int) -> dict:
    return data["parts"][part]["sections"][section]["questions"][index]


# ---------------------------------------------------------------------------
# The schema and the real model
# ---------------------------------------------------------------------------


def test_schema_is_valid_json_schema_2020_12():
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_the_real_model_is_valid():
    data, schema = tm.load_model(ROOT, ROOT / "docs")
    assert schema == SCHEMA
    assert [part["id"] for part in data["parts"]] == list(tm.PART_SLUGS)


def test_the_fixture_model_is_valid():
    assert report(fixture_model()) == []


def test_every_text_of_the_real_model_has_both_languages():
    """Stated separately because it is the commonest gap in bilingual tools."""
    data, _ = tm.load_model(ROOT, ROOT / "docs")
    gaps = []

    def walk(node: object, path: str) -> None:
        if isinstance(node, dict):
            if set(node) & {"sv", "en"}:
                for lang in ("sv", "en"):
                    if not str(node.get(lang, "")).strip():
                        gaps.append(f"{path}.{lang}")
                return
            for key, value in node.items():
                walk(value, f"{path}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{path}[{i}]")

    walk(data, "")
    assert gaps == []


# ---------------------------------------------------------------------------
# Validation messages
# ---------------------------------------------------------------------------


def test_invalid_model_reports_every_problem_in_file_order():
    """Golden file: one line per problem, naming the file, the field, the value and what is allowed."""
    data = yaml.safe_load((FIXTURES / "invalid-model.yml").read_text(encoding="utf-8"))
    with pytest.raises(ContentError) as caught:
        tm.validate(data, SCHEMA, FILE, {"kapitel"})
    expected = (FIXTURES / "invalid-model.expected.txt").read_text(encoding="utf-8")
    assert caught.value.report() + "\n" == expected


def test_missing_translation_is_named():
    data = fixture_model()
    del question(data, 0, 0, 0)["text"]["en"]
    question(data, 0, 0, 1)["text"]["sv"] = "   "
    assert report(data) == [
        f"{FILE}: parts[1].sections[1].questions[1].text.en: is required (every text needs both sv and en)",
        f"{FILE}: parts[1].sections[1].questions[2].text.sv:    : "
        "must not be empty (every text needs both sv and en)",
    ]


def test_choice_question_without_enough_options():
    data = fixture_model()
    question(data, 0, 0, 3)["options"] = question(data, 0, 0, 3)["options"][:1]
    del question(data, 1, 0, 0)["options"][0]["label"]
    assert report(data) == [
        f"{FILE}: parts[1].sections[1].questions[4].options: […]: "
        "needs at least 2 values for single-choice questions",
        f"{FILE}: parts[2].sections[1].questions[1].options[1].label: "
        "is required for multiple-choice questions",
    ]


def test_too_many_options():
    data = fixture_model()
    question(data, 1, 0, 0)["options"] = [{"id": f"o{i}", "label": {"sv": "x", "en": "x"}} for i in range(9)]
    assert report(data) == [
        f"{FILE}: parts[2].sections[1].questions[1].options: […]: "
        "allows at most 8 values for multiple-choice questions"
    ]


def test_yes_no_options_are_yes_no_or_unknown():
    data = fixture_model()
    question(data, 1, 0, 1)["options"] = [{"id": True, "attention": {"sv": "a", "en": "b"}}]
    assert report(data) == [
        f"{FILE}: parts[2].sections[1].questions[2].options[1].id: True: allowed: yes, no, unknown "
        "for yes-no questions (YAML reads unquoted yes and no as true and false: "
        'write "yes" or "no" in quotes)'
    ]


def test_yes_no_option_without_attention_is_pointless():
    data = fixture_model()
    question(data, 1, 0, 1)["options"] = [{"id": "yes"}]
    assert report(data) == [
        f"{FILE}: parts[2].sections[1].questions[2].options[1].attention: is required for yes-no questions"
    ]


def test_text_questions_have_no_options():
    data = fixture_model()
    question(data, 2, 0, 0)["options"] = [{"id": "a", "label": {"sv": "a", "en": "a"}}]
    assert report(data) == [
        f"{FILE}: parts[3].sections[1].questions[1].options: […]: "
        "no options: only single-choice, multiple-choice and yes-no questions have options"
    ]


def test_unknown_keys_are_errors():
    data = fixture_model()
    question(data, 0, 0, 0)["hint"] = {"sv": "x", "en": "x"}
    assert report(data) == [
        f"{FILE}: parts[1].sections[1].questions[1].hint: {{…}}: "
        "is not a known field; allowed: id, type, text, help, guide, options"
    ]


def test_ids_are_unique_across_sections_and_questions():
    data = fixture_model()
    question(data, 2, 0, 0)["id"] = "purpose"  # the id of a section
    assert report(data) == [
        f"{FILE}: parts[3].sections[1].questions[1].id: purpose: is already used at parts[1].sections[1].id; "
        "ids must be unique"
    ]


def test_guide_chapters_must_exist():
    data = fixture_model()
    assert report(data, guides={"annat"}) == [
        f"{FILE}: parts[1].sections[1].guide: kapitel: no such chapter docs/guide/kapitel.md; allowed: annat",
        f"{FILE}: parts[1].sections[1].questions[3].guide: kapitel: no such chapter docs/guide/kapitel.md; "
        "allowed: annat",
    ]


def test_the_naming_questions_are_required():
    data = fixture_model()
    question(data, 0, 0, 0)["id"] = "purpose-title"
    assert report(data) == [
        f"{FILE}: parts: purpose-system-name: "
        "a short-text question with this id is required (it names an assessment)"
    ]


def test_parts_come_in_their_fixed_order():
    data = fixture_model()
    data["parts"].reverse()
    assert report(data) == [
        f"{FILE}: parts: follow-up, development, before: must be the parts before, development, follow-up, "
        "in this order"
    ]


def test_not_a_mapping_at_all():
    assert report(["a list"]) == [f"{FILE}: ['a list']: must be a mapping of keys to values"]


def test_read_yaml_reports_syntax_errors_in_one_line(tmp_path):
    path = tmp_path / "bad.yml"
    path.write_text("parts: [\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        read_yaml(path, "data/trust-model.yml")
    [line] = caught.value.report().splitlines()[1:]
    assert line.startswith("  data/trust-model.yml: is not valid YAML (")
    assert "\n" not in line


def test_read_yaml_reports_a_missing_file(tmp_path):
    with pytest.raises(ContentError) as caught:
        read_yaml(tmp_path / "none.yml", "data/trust-model.yml")
    assert caught.value.problems == [Problem("data/trust-model.yml", "", "", "file not found")]


def test_field_path_counts_list_positions_from_one():
    assert schema_errors.field_path(["parts", 1, "sections", 2, "questions", 0, "options"]) == (
        "parts[2].sections[3].questions[1].options"
    )
    assert schema_errors.field_path([]) == ""


def test_in_file_order_puts_missing_fields_with_their_parent():
    data = {"version": "x", "parts": [{"id": "a", "title": {}}]}
    problems = [
        Problem("f", "parts[1].title.en", "", "b"),
        Problem("f", "version", "", "a"),
        Problem("f", "parts", "", "c"),
    ]
    assert [p.field for p in tm.in_file_order(problems, data)] == ["version", "parts", "parts[1].title.en"]


def test_guide_slugs_are_the_swedish_chapter_files(tmp_path):
    for name in ("index.md", "index.en.md", "data.md", "data.en.md", "juridik.md"):
        (tmp_path / name).write_text("# x\n", encoding="utf-8")
    assert tm.guide_slugs(tmp_path) == {"data", "juridik"}


# ---------------------------------------------------------------------------
# The published model
# ---------------------------------------------------------------------------

LABELS = {
    "yes": {"sv": "Ja", "en": "Yes"},
    "no": {"sv": "Nej", "en": "No"},
    "unknown": {"sv": "Vet inte", "en": "Don't know"},
}


def test_yes_no_labels_come_from_the_strings():
    strings = load_strings(ROOT / "data" / "strings")
    assert tm.yes_no_labels(strings)["unknown"] == {"sv": "Vet inte", "en": "Don't know"}


def test_normalise_numbers_sections_across_parts_and_questions_within_sections():
    model = tm.normalise(fixture_model(), LABELS)
    sections = [s for p in model["parts"] for s in p["sections"]]
    assert [s["number"] for s in sections] == [1, 2, 3]
    assert [q["number"] for q in sections[0]["questions"]] == ["1.1", "1.2", "1.3", "1.4"]
    assert sections[2]["questions"][0]["number"] == "3.1"


def test_normalise_spells_out_yes_no_options_with_labels_and_attention():
    model = tm.normalise(fixture_model(), LABELS)
    yes_no = model["parts"][1]["sections"][0]["questions"][1]
    assert yes_no["options"] == [
        {"id": "yes", "label": LABELS["yes"]},
        {
            "id": "no",
            "label": LABELS["no"],
            "attention": {"sv": "Testa innan driftsättning.", "en": "Test before going live."},
        },
        {"id": "unknown", "label": LABELS["unknown"]},
    ]


def test_normalise_leaves_the_source_alone():
    data = fixture_model()
    before = copy.deepcopy(data)
    tm.normalise(data, LABELS)
    assert data == before


def test_published_model_has_the_design_shape():
    """The names consumers rely on (design.md, "Open data")."""
    model = tm.normalise(fixture_model(), LABELS)
    assert isinstance(model["version"], str)
    for part in model["parts"]:
        assert set(part["title"]) == {"sv", "en"}
        for section in part["sections"]:
            assert {"id", "title", "questions"} <= set(section)
            for q in section["questions"]:
                assert {"id", "type", "text"} <= set(q)
                for option in q.get("options", []):
                    assert {"id", "label"} <= set(option)
                    assert set(option["label"]) == {"sv", "en"}


def test_used_guides_in_order_of_first_use():
    assert tm.used_guides(tm.normalise(fixture_model(), LABELS)) == ["kapitel"]


def test_questions_in_order():
    ids = [q["id"] for q in tm.questions(tm.normalise(fixture_model(), LABELS))]
    assert ids[:2] == ["purpose-system-name", "purpose-organisation"] and ids[-1] == "monitoring-next-review"


def test_answers_schema_accepts_a_saved_file_and_rejects_a_wrong_one():
    schema = tm.answers_schema()
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    good = {
        "format": tm.ANSWERS_FORMAT,
        "format_version": 1,
        "model_version": "2026.1",
        "saved": "2026-11-28T10:00:00.000Z",
        "assessment": {
            "name": "Chattbot",
            "answers": {"purpose-system-name": "Chattbot", "purpose-benefit-type": ["efficiency"]},
            "unmatched": [{"id": "old-question", "value": "x", "reason": "unknown-question"}],
        },
    }
    assert list(validator.iter_errors(good)) == []
    bad = copy.deepcopy(good)
    bad["assessment"]["answers"]["purpose-system-name"] = {"nested": True}
    bad["format_version"] = 2
    assert len(list(validator.iter_errors(bad))) == 2
    assert "saved answers" in schema["title"] and schema["description"] == tm.ANSWERS_DESCRIPTION


def test_before_development_asks_about_security_and_links_the_security_chapter():
    """The 2022 model's "Inför utveckling" had a security group; ours asks before anything is built."""
    data, _ = tm.load_model(ROOT, ROOT / "docs")
    before = next(part for part in data["parts"] if part["id"] == "before")
    asked = {q["id"]: q for section in before["sections"] for q in section["questions"]}
    security = asked["early-risks-security"]
    assert security["guide"] == "sakerhet"
    assert "säkerhetskrav" in security["text"]["sv"] and "security requirements" in security["text"]["en"]
    assert security["help"]["sv"] and security["help"]["en"]


def test_the_trust_model_is_checked_once_per_version(tmp_path, monkeypatch):
    import shutil

    root = tmp_path / "repo"
    (root / "data").mkdir(parents=True)
    (root / "docs").mkdir()
    shutil.copytree(ROOT / "docs" / "guide", root / "docs" / "guide")
    for name in (tm.MODEL_FILE, tm.SCHEMA_FILE):
        shutil.copy(ROOT / name, root / name)
    checks = []
    real = tm.validate
    monkeypatch.setattr(tm, "validate", lambda *args: checks.append(1) or real(*args))
    first, _ = tm.load_model(root, root / "docs")
    second, _ = tm.load_model(root, root / "docs")
    assert len(checks) == 1 and first == second and first is not second  # each caller its own copy
    model = root / tm.MODEL_FILE
    model.write_text(model.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    tm.load_model(root, root / "docs")
    assert len(checks) == 2
    model.write_text(model.read_text(encoding="utf-8") + "unknown_key: 1\n", encoding="utf-8")
    with pytest.raises(ContentError, match="unknown_key"):
        tm.load_model(root, root / "docs")
