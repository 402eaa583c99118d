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

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from .. import schema_errors
from ..datafiles import read_yaml, remembered, version
from ..errors import ContentError, Problem
from ..languages import LANGUAGES

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


def _question_type(data: Any, path: list[str | int]) -> str:
    """The type of the question that ``path`` points into, for messages of type-specific rules."""
    while path and not (len(path) >= 2 and path[-2] == "questions" and isinstance(path[-1], int)):
        path = path[:-1]
    node = data
    for key in path:
        node = node[key]
    return str(node.get("type")) if path and isinstance(node, dict) else "these"


def schema_problems(data: Any, schema: Mapping[str, Any], file: str) -> list[Problem]:
    """Every way in which ``data`` breaks the JSON Schema: one problem per field, the most specific."""

    def qualifier(error: ValidationError) -> str:  # rules for one question type (if/then)
        return f" for {_question_type(data, list(error.absolute_path))} questions"

    return schema_errors.problems(Draft202012Validator(schema), data, file, qualifier)


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
        where = f"parts[{p + 1}]"
        pid, slug = part.get("id"), part.get("slug")
        if pid in PART_SLUGS and slug in PART_SLUGS.values() and slug != PART_SLUGS[pid]:
            problems.append(
                Problem(file, f"{where}.slug", slug, f"the part {pid} has the page {PART_SLUGS[pid]}")
            )
        for s, section in _items(part.get("sections")):
            where = f"parts[{p + 1}].sections[{s + 1}]"
            unique(section.get("id"), f"{where}.id")
            guide(section, where)
            for q, question in _items(section.get("questions")):
                where = f"parts[{p + 1}].sections[{s + 1}].questions[{q + 1}]"
                unique(question.get("id"), f"{where}.id")
                guide(question, where)
                if isinstance(question.get("id"), str):
                    questions.setdefault(question["id"], (where, question))
                option_ids: set[str] = set()
                for o, option in _items(question.get("options")):
                    oid = option.get("id")
                    if isinstance(oid, str) and oid in option_ids:
                        problems.append(
                            Problem(
                                file, f"{where}.options[{o + 1}].id", oid, "is already used in this question"
                            )
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
                walk(value, f"{path}.{key}" if path else str(key))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{path}[{index + 1}]")

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
    """The checked model and its schema, read from ``root`` (the repository).

    The check runs once per version of the two files and set of guide chapters: not again
    in the second language build, nor at a ``serve`` rebuild after an edit elsewhere.
    """
    schema = read_yaml(root / SCHEMA_FILE, SCHEMA_FILE)  # JSON is YAML
    data = read_yaml(root / MODEL_FILE, MODEL_FILE)
    guides = guide_slugs(docs_dir / "guide")
    key = ("trust-model checked", version(root / MODEL_FILE), version(root / SCHEMA_FILE), frozenset(guides))
    remembered(key, lambda: validate(data, schema, MODEL_FILE, guides))
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
                    "ai_act": {
                        "type": ["object", "null"],
                        "description": (
                            "the result of the AI Act decision aid carried into this assessment: the aid's "
                            "version, the date the duties were dated against, the outcome ids, risk class, "
                            "roles, duty ids with their dates and the aid's answers (see /data/ai-act.json)"
                        ),
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
