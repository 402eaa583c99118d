"""Förtroendemodellen (the trust model) as data: load, validate and publish the question model.

The model lives in one YAML file (``data/trust-model.yml``). The build checks it against
its JSON Schema (``data/trust-model.schema.json``) and against the rules a schema cannot
express, and reports every problem at once, one line each. The checked model is then
*normalised* once: sections and questions get their numbers, and every yes-no question
gets its three options with labels, so that pages, the tool and the open data
(``/data/trust-model.json``) all read the same structure and consumers need no special case.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from .errors import ContentError, Problem
from .languages import LANGUAGES

MODEL_FILE = "data/trust-model.yml"
SCHEMA_FILE = "data/trust-model.schema.json"

# The three parts and the page (docs/fortroendemodellen/<slug>.md) that shows each.
PART_SLUGS = {"before": "infor-utveckling", "development": "utveckling", "follow-up": "uppfoljning"}
YES_NO = ("yes", "no", "unknown")
CHOICE_TYPES = ("single-choice", "multiple-choice")
# Questions the tool relies on: they name an assessment and its organisation.
NAME_QUESTION = "purpose-system-name"
ORGANISATION_QUESTION = "purpose-organisation"

# The saved-answers file (see ``answers_schema``).
ANSWERS_FORMAT = "offentligai-trust-model-answers"
ANSWERS_FORMAT_VERSION = 1


# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------


def read_yaml(path: Path, name: str) -> Any:
    """The parsed YAML file, or a ContentError naming the file and the YAML error."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ContentError([Problem(name, "", "", "file not found")]) from None
    except yaml.YAMLError as error:
        detail = " ".join(str(error).split())
        raise ContentError([Problem(name, "", "", f"is not valid YAML ({detail})")]) from None


def guide_slugs(guide_dir: Path) -> set[str]:
    """The chapters of AI-guiden: the stems of ``docs/guide/<slug>.md`` (Swedish files)."""
    return {
        path.stem
        for path in guide_dir.glob("*.md")
        if not path.name.endswith(".en.md") and path.stem != "index"
    }


# ---------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------


def field_path(path: Iterable[str | int]) -> str:
    """``parts[1].sections[2].questions[0].options`` from a JSON Schema error path."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


_TYPE_NAMES = {"string": "text", "object": "a mapping (key: value)", "array": "a list", "integer": "a number"}


def _value(instance: Any) -> Any:
    """A short form of a wrong value for an error line."""
    if isinstance(instance, dict):
        return "{…}"
    if isinstance(instance, list):
        return "[…]"
    return instance


def _bool_hint(instance: Any) -> str:
    # YAML 1.1 reads unquoted yes/no/on/off as booleans: the commonest slip in this file.
    if isinstance(instance, bool):
        return ' (YAML reads unquoted yes and no as true and false: write "yes" or "no" in quotes)'
    return ""


def _node_at(data: Any, path: list[str | int]) -> Any:
    node = data
    for key in path:
        node = node[key]
    return node


def _question_type(data: Any, path: list[str | int]) -> str:
    """The type of the question that ``path`` points into, for messages of type-specific rules."""
    while path and not (len(path) >= 2 and path[-2] == "questions" and isinstance(path[-1], int)):
        path = path[:-1]
    node = _node_at(data, path) if path else None
    return str(node.get("type")) if isinstance(node, dict) else "these"


def _problems_of(error: ValidationError, file: str, data: Any) -> list[Problem]:
    """One or more problem lines for one JSON Schema error."""
    path = list(error.absolute_path)
    where = field_path(path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    instance = error.instance
    kind = error.validator
    # Errors of the per-type rules (if/then) say which type they apply to.
    qualifier = f" for {_question_type(data, path)} questions" if "then" in error.relative_schema_path else ""
    if kind == "required":
        missing = [key for key in error.validator_value if key not in instance]
        if not qualifier and set(missing) <= set(LANGUAGES):
            qualifier = " (every text needs both sv and en)"
        return [Problem(file, _join(where, key), "", f"is required{qualifier}") for key in missing]
    if kind == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        extra = [key for key in instance if key not in allowed]
        return [
            Problem(file, _join(where, str(key)), "", f"unknown key; allowed keys: {', '.join(allowed)}")
            for key in extra
        ]
    if kind in ("enum", "const"):
        values = error.validator_value if kind == "enum" else [error.validator_value]
        allowed = "allowed: " + ", ".join(map(str, values)) + qualifier + _bool_hint(instance)
        return [Problem(file, where, _value(instance), allowed)]
    if kind == "type":
        expected = _TYPE_NAMES.get(str(error.validator_value), str(error.validator_value))
        return [Problem(file, where, _value(instance), f"must be {expected}{_bool_hint(instance)}")]
    if kind == "pattern":
        description = schema.get("description", f"must match {error.validator_value}")
        if description == "a non-empty text":
            return [Problem(file, where, "", "must not be empty (every text needs both sv and en)")]
        return [Problem(file, where, instance, f"allowed: {description}")]
    if kind == "minItems":
        return [
            Problem(file, where, _value(instance), f"needs at least {error.validator_value} items{qualifier}")
        ]
    if kind == "maxItems":
        return [
            Problem(file, where, _value(instance), f"allows at most {error.validator_value} items{qualifier}")
        ]
    if kind == "not":
        return [Problem(file, where, _value(instance), schema.get("description", "is not allowed here"))]
    return [Problem(file, where, _value(instance), error.message)]


# When one value breaks several keywords, the most specific message is the one shown.
_PRIORITY = {"enum": 0, "const": 0, "not": 1, "pattern": 2, "type": 3}


def _sort_key(error: ValidationError) -> tuple:
    path = tuple(
        (0, part, "") if isinstance(part, int) else (1, 0, str(part)) for part in error.absolute_path
    )
    return path, _PRIORITY.get(str(error.validator), 9)


def schema_problems(data: Any, schema: Mapping[str, Any], file: str) -> list[Problem]:
    """Every way in which ``data`` breaks the JSON Schema: one problem per field, the most specific."""
    validator = Draft202012Validator(schema)
    problems: list[Problem] = []
    fields: set[str] = set()
    for error in sorted(validator.iter_errors(data), key=_sort_key):
        for problem in _problems_of(error, file, data):
            if problem.field not in fields:  # one line per field: the most specific problem
                fields.add(problem.field)
                problems.append(problem)
    return problems


def _items(value: Any) -> list[tuple[int, dict]]:
    """The mapping items of a list, with their index; anything else is skipped (the schema reports it)."""
    return (
        [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]
        if isinstance(value, list)
        else []
    )


def rule_problems(data: Any, file: str, guides: set[str]) -> list[Problem]:
    """The rules a JSON Schema cannot express.

    Ids of sections and questions are unique across the model (both become anchors and
    keys of saved answers), option ids are unique within a question, the parts come in
    their fixed order with their fixed page slugs, every guide slug names an existing
    chapter, and the questions that name an assessment exist as short-text questions.
    """
    if not isinstance(data, dict):
        return []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    allowed_guides = ", ".join(sorted(guides)) or "(no chapters found in docs/guide/)"

    def unique(value: Any, where: str) -> None:
        if not isinstance(value, str):
            return
        if value in seen:
            problems.append(
                Problem(file, where, value, f"is already used at {seen[value]}; ids must be unique")
            )
        else:
            seen[value] = where

    def guide(node: dict, where: str) -> None:
        slug = node.get("guide")
        if isinstance(slug, str) and slug not in guides:
            problems.append(
                Problem(
                    file,
                    f"{where}.guide",
                    slug,
                    f"no such chapter docs/guide/{slug}.md; allowed: {allowed_guides}",
                )
            )

    parts = _items(data.get("parts"))
    part_ids = [part.get("id") for _, part in parts]
    if all(isinstance(pid, str) for pid in part_ids) and part_ids != list(PART_SLUGS):
        problems.append(
            Problem(
                file,
                "parts",
                ", ".join(part_ids),
                f"must be the parts {', '.join(PART_SLUGS)}, in this order",
            )
        )
    questions: dict[str, tuple[str, dict]] = {}
    for p, part in parts:
        where = f"parts[{p}]"
        pid, slug = part.get("id"), part.get("slug")
        if pid in PART_SLUGS and slug in PART_SLUGS.values() and slug != PART_SLUGS[pid]:
            problems.append(
                Problem(file, f"{where}.slug", slug, f"the part {pid} has the page {PART_SLUGS[pid]}")
            )
        for s, section in _items(part.get("sections")):
            where = f"parts[{p}].sections[{s}]"
            unique(section.get("id"), f"{where}.id")
            guide(section, where)
            for q, question in _items(section.get("questions")):
                where = f"parts[{p}].sections[{s}].questions[{q}]"
                unique(question.get("id"), f"{where}.id")
                guide(question, where)
                if isinstance(question.get("id"), str):
                    questions.setdefault(question["id"], (where, question))
                option_ids: set[str] = set()
                for o, option in _items(question.get("options")):
                    oid = option.get("id")
                    if isinstance(oid, str) and oid in option_ids:
                        problems.append(
                            Problem(file, f"{where}.options[{o}].id", oid, "is already used in this question")
                        )
                    if isinstance(oid, str):
                        option_ids.add(oid)
    for qid in (NAME_QUESTION, ORGANISATION_QUESTION):
        if qid not in questions:
            problems.append(
                Problem(
                    file,
                    "parts",
                    qid,
                    "a short-text question with this id is required (it names an assessment)",
                )
            )
        elif questions[qid][1].get("type") != "short-text":
            where, question = questions[qid]
            problems.append(
                Problem(
                    file,
                    f"{where}.type",
                    question.get("type"),
                    f"must be short-text (the question {qid} names an assessment)",
                )
            )
    return problems


def _positions(data: Any) -> dict[str, int]:
    """Every field path of ``data`` with its position in the file (the YAML's key order)."""
    positions: dict[str, int] = {}

    def walk(node: Any, path: str) -> None:
        positions[path] = len(positions)
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, _join(path, str(key)))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{path}[{index}]")

    walk(data, "")
    return positions


_LAST_STEP = re.compile(r"(\.[^.\[]+|\[\d+\])$")


def in_file_order(problems: list[Problem], data: Any) -> list[Problem]:
    """Problems sorted as their fields appear in the file (a missing field sorts with its parent)."""
    positions = _positions(data)

    def position(problem: Problem) -> int:
        path = problem.field
        while path not in positions and path:
            shorter = _LAST_STEP.sub("", path)
            path = shorter if shorter != path else ""
        return positions.get(path, 0)

    return sorted(problems, key=position)


def validate(data: Any, schema: Mapping[str, Any], file: str, guides: set[str]) -> None:
    """Raise a ContentError with every schema and rule problem of the model, in file order."""
    problems = schema_problems(data, schema, file)
    problems += [p for p in rule_problems(data, file, guides) if p not in problems]
    if problems:
        raise ContentError(in_file_order(problems, data))


def load_model(root: Path, docs_dir: Path) -> tuple[dict, dict]:
    """The checked model and its schema, read from ``root`` (the repository)."""
    schema = read_yaml(root / SCHEMA_FILE, SCHEMA_FILE)  # JSON is YAML
    data = read_yaml(root / MODEL_FILE, MODEL_FILE)
    validate(data, schema, MODEL_FILE, guide_slugs(docs_dir / "guide"))
    return data, schema


# ---------------------------------------------------------------------------
# Publishing
# ---------------------------------------------------------------------------


def yes_no_labels(strings: Mapping[str, Mapping[str, str]]) -> dict[str, dict[str, str]]:
    """The labels of yes, no and unknown in every language, from the UI strings."""
    return {answer: {lang: strings[f"tm_answer_{answer}"][lang] for lang in LANGUAGES} for answer in YES_NO}


def normalise(data: Mapping[str, Any], labels: Mapping[str, Mapping[str, str]]) -> dict:
    """The published model: numbered, with yes-no options spelled out.

    Sections are numbered across the whole model (1, 2, …) so that a question number such
    as ``4.2`` is unique even in a report that covers all three parts.
    """
    model = copy.deepcopy(dict(data))
    section_number = 0
    for part in model["parts"]:
        for section in part["sections"]:
            section_number += 1
            section["number"] = section_number
            for q, question in enumerate(section["questions"], start=1):
                question["number"] = f"{section_number}.{q}"
                if question["type"] == "yes-no":
                    attention = {
                        option["id"]: option.get("attention") for option in question.get("options", [])
                    }
                    question["options"] = [
                        {"id": answer, "label": dict(labels[answer])}
                        | ({"attention": attention[answer]} if attention.get(answer) else {})
                        for answer in YES_NO
                    ]
    return model


def questions(model: Mapping[str, Any]) -> Iterable[dict]:
    """Every question of a (normalised) model, in order."""
    for part in model["parts"]:
        for section in part["sections"]:
            yield from section["questions"]


def used_guides(model: Mapping[str, Any]) -> list[str]:
    """The guide chapters that sections and questions refer to, in order of first use."""
    slugs: list[str] = []
    for part in model["parts"]:
        for node in [*part["sections"], *(q for s in part["sections"] for q in s["questions"])]:
            if node.get("guide") and node["guide"] not in slugs:
                slugs.append(node["guide"])
    return slugs


ANSWERS_DESCRIPTION = (
    "A self-assessment saved by the tool of Förtroendemodellen. Answers are keyed by question id "
    "(see /data/trust-model.json); their values depend on the question's type: text (short-text, "
    "long-text), an option id (single-choice), a list of option ids (multiple-choice), yes, no or "
    "unknown (yes-no) or YYYY-MM-DD (date). Answers that did not fit the model when a file was "
    "loaded are kept in unmatched, so that nothing is lost."
)


def answers_schema() -> dict:
    """JSON Schema (2020-12) of a file of saved answers, as the tool writes and reads it."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Förtroendemodellen: saved answers",
        "description": ANSWERS_DESCRIPTION,
        "type": "object",
        "required": ["format", "format_version", "model_version", "saved", "assessment"],
        "properties": {
            "format": {"const": ANSWERS_FORMAT},
            "format_version": {"const": ANSWERS_FORMAT_VERSION},
            "model_version": {"type": "string", "description": "the version of /data/trust-model.json used"},
            "saved": {"type": "string", "format": "date-time"},
            "assessment": {
                "type": "object",
                "required": ["name", "answers"],
                "properties": {
                    "name": {"type": "string"},
                    "answers": {
                        "type": "object",
                        "propertyNames": {"pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                        "additionalProperties": {
                            "oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]
                        },
                    },
                    "unmatched": {
                        "type": "array",
                        "description": "answers that did not fit the model: question id, the value and why",
                        "items": {
                            "type": "object",
                            "required": ["id", "value", "reason"],
                            "properties": {
                                "id": {"type": "string"},
                                "value": {
                                    "oneOf": [
                                        {"type": "string"},
                                        {"type": "array", "items": {"type": "string"}},
                                    ]
                                },
                                "reason": {"enum": ["unknown-question", "unknown-option", "wrong-type"]},
                            },
                        },
                    },
                },
            },
        },
    }
