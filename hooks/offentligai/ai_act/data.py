"""The decision aid's data: read ``data/ai-act.yml`` and check it, reporting every problem at once.

The JSON Schema (``data/ai-act.schema.json``) checks the form. The rules here check what a
schema cannot: ids are unique, every condition names a label an answer sets or a fact the
file derives, a question depends only on the answers before it, every date is written once
(in the date table) and referred to by id, every legal reference points at an article, annex
point or recital that exists, and the guide sections and trust-model questions that duties
link to exist.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from .. import schema_errors
from ..datafiles import read_yaml, remembered, version
from ..errors import ContentError, Problem
from ..languages import LANGUAGES
from ..trust_model.model import in_file_order
from . import refs as legal_refs
from . import texts

AID_FILE = "data/ai-act.yml"
SCHEMA_FILE = "data/ai-act.schema.json"
TRUST_MODEL_FILE = "data/trust-model.yml"
GUIDE_DIR = "guide"  # under docs/

# Ids the reference's question flow defines: they must stay (saved files and the command
# line use them). New ids may be added beside them.
# fmt: off
REQUIRED_IDS = {
    "questions": [
        "A1", "A1a", "A1b", "A1c", "A2", "A3", "R1", "R2", "P1", "H1", "H1a", "H1b", "H2", "H3", "H4",
        "H4b", "T1", "T1b", "T2", "T2b", "G1", "G1b", "G2", "G3", "D1", "D2", "D3", "D4", "D5", "D6",
    ],
    "outcomes": [
        "OUT_NOT_AI", "OUT_EXCLUDED", "PROHIBITED", "HIGH_RISK_ANNEX_III", "HIGH_RISK_ANNEX_I_A",
        "HIGH_RISK_ANNEX_I_B", "NOT_HIGH_RISK_6_3", "MINIMAL",
    ],
    "duties": [
        "lit", "ban", "t50-1", "t50-2", "t50-3", "t50-4", "hr-prov", "6-4", "hr-dep", "26-7", "26-8",
        "26-11", "26-10", "fria", "expl", "imp", "dist", "gpai", "gpai-sr", "legacy",
    ],
}
# fmt: on
_ANCHOR = re.compile(r"\{\s*#([A-Za-z0-9_-]+)[^}]*\}")
# Fields that hold a {sv, en} text somewhere in the file.
_TEXT_KEYS = {"text", "help", "title", "label", "what", "name", "short", "checked_against"}


# ---------------------------------------------------------------------------
# Conditions
# ---------------------------------------------------------------------------


def condition_names(condition: Any) -> Iterator[str]:
    """Every label or fact a condition names."""
    if isinstance(condition, str):
        yield condition
    elif isinstance(condition, dict):
        for key in ("all", "any"):
            for part in condition.get(key, []) if isinstance(condition.get(key), list) else []:
                yield from condition_names(part)
        if "not" in condition:
            yield from condition_names(condition["not"])


def _conditions(data: Mapping[str, Any]) -> Iterator[tuple[str, Any]]:
    """(field, condition) for every condition of the file."""
    for i, question in _items(data, "questions"):
        if "ask_when" in question:
            yield f"questions[{i}].ask_when", question["ask_when"]
    for key in ("facts", "roles", "outcomes", "duties", "notes"):
        for i, item in _items(data, key):
            if "when" in item:
                yield f"{key}[{i}].when", item["when"]
    for i, duty in _items(data, "duties"):
        for j, variant in _enumerate(duty.get("refs_when")):
            yield f"duties[{i}].refs_when[{j}].when", variant.get("when")
    for i, rule in _items(data, "date_rules"):
        for j, step in _enumerate(rule.get("rules")):
            if "when" in step:
                yield f"date_rules[{i}].rules[{j}].when", step["when"]


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def _enumerate(value: Any) -> list[tuple[int, dict]]:
    """(position counted from 1, item) of the mappings in a list; anything else is left to the schema."""
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value, start=1) if isinstance(item, dict)]


def _items(data: Mapping[str, Any], key: str) -> list[tuple[int, dict]]:
    return _enumerate(data.get(key))


def _ids(data: Mapping[str, Any], key: str) -> list[str]:
    return [item["id"] for _, item in _items(data, key) if isinstance(item.get("id"), str)]


def text_fields(node: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """(field, text) for every Swedish and English text in the file, outside the date values."""
    if isinstance(node, dict):
        for key, value in node.items():
            where = f"{path}.{key}" if path else str(key)
            if key in _TEXT_KEYS and isinstance(value, dict):
                for lang in LANGUAGES:
                    if isinstance(value.get(lang), str):
                        yield f"{where}.{lang}", value[lang]
            else:
                yield from text_fields(value, where)
    elif isinstance(node, list):
        for index, value in enumerate(node, start=1):
            yield from text_fields(value, f"{path}[{index}]")


def guide_anchors(docs_dir: Path) -> dict[str, dict[str, set[str]]]:
    """The heading ids of each chapter of AI-guiden, by chapter and language file."""
    chapters: dict[str, dict[str, set[str]]] = {}
    for path in sorted((docs_dir / GUIDE_DIR).glob("*.md")):
        english = path.name.endswith(".en.md")
        slug = path.name.removesuffix(".en.md" if english else ".md")
        ids = set(_ANCHOR.findall(path.read_text(encoding="utf-8")))
        chapters.setdefault(slug, {})["en" if english else "sv"] = ids
    return chapters


def trust_model_questions(root: Path) -> dict[str, str]:
    """The question ids of the trust model, each with the part page it is on."""
    model = read_yaml(root / TRUST_MODEL_FILE, TRUST_MODEL_FILE)
    found: dict[str, str] = {}
    for part in model.get("parts", []) if isinstance(model, dict) else []:
        for section in part.get("sections", []):
            for question in section.get("questions", []):
                found[question["id"]] = part["slug"]
    return found


# ---------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------


def schema_problems(data: Any, schema: Mapping[str, Any], file: str) -> list[Problem]:
    """Every way in which ``data`` breaks the JSON Schema: one problem per field."""
    return schema_errors.problems(Draft202012Validator(schema), data, file)


def rule_problems(
    data: Any,
    file: str,
    guides: Mapping[str, Mapping[str, set[str]]],
    trust_questions: Mapping[str, str],
) -> list[Problem]:
    """The rules a JSON Schema cannot express (see the module's docstring)."""
    if not isinstance(data, dict):
        return []
    problems: list[Problem] = []

    def add(field: str, value: object, allowed: str) -> None:
        problems.append(Problem(file, field, value, allowed))

    # Ids: unique in their list, and the reference's ids present.
    for key in ("dates", "date_rules", "acts", "roles", "blocks", "questions", "facts", "outcomes", "duties"):
        seen: dict[str, str] = {}
        for i, item in _items(data, key):
            value = item.get("id")
            if isinstance(value, str) and value in seen:
                add(f"{key}[{i}].id", value, f"is already used at {seen[value]}; ids must be unique")
            elif isinstance(value, str):
                seen[value] = f"{key}[{i}]"
    for key in ("notes", "open_questions"):
        seen = {}
        for i, item in _items(data, key):
            value = item.get("id")
            if isinstance(value, str) and value in seen:
                add(f"{key}[{i}].id", value, f"is already used at {seen[value]}; ids must be unique")
            elif isinstance(value, str):
                seen[value] = f"{key}[{i}]"
    for key, required in REQUIRED_IDS.items():
        present = set(_ids(data, key))
        for value in required:
            if present and value not in present:
                add(
                    key,
                    value,
                    "this id of the reference's question flow is missing; ids may be added, not renamed",
                )

    # Dates: each written once, each a real day; date ids referred to exist.
    dates = {
        item["id"]: item.get("date") for _, item in _items(data, "dates") if isinstance(item.get("id"), str)
    }
    by_value: dict[str, str] = {}
    for i, item in _items(data, "dates"):
        value = item.get("date")
        if not isinstance(value, str):
            continue
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            add(f"dates[{i}].date", value, "not a day of the calendar; write YYYY-MM-DD")
        if value in by_value:
            add(
                f"dates[{i}].date",
                value,
                f"is already in the table as {by_value[value]}; every date lives once",
            )
        else:
            by_value[value] = str(item.get("id"))
    rules = set(_ids(data, "date_rules"))
    date_list = ", ".join(dates) or "(none)"
    for i, rule in _items(data, "date_rules"):
        steps = _enumerate(rule.get("rules"))
        for j, step in steps:
            if step.get("date") not in dates:
                add(
                    f"date_rules[{i}].rules[{j}].date",
                    step.get("date"),
                    f"no such date; allowed: {date_list}",
                )
        if steps and "when" in steps[-1][1]:
            add(
                f"date_rules[{i}].rules[{len(steps)}].when",
                "",
                "the last rule must have no when (it is the default)",
            )
    baseline = data.get("law_baseline") if isinstance(data.get("law_baseline"), dict) else {}
    acts = {item["id"]: item for _, item in _items(data, "acts") if isinstance(item.get("id"), str)}
    if baseline.get("checked") is not None and baseline.get("checked") not in dates:
        add("law_baseline.checked", baseline.get("checked"), f"no such date; allowed: {date_list}")
    for field in ("act",):
        if baseline.get(field) is not None and baseline.get(field) not in acts:
            add(f"law_baseline.{field}", baseline.get(field), f"no such act; allowed: {', '.join(acts)}")
    for j, act in enumerate(baseline.get("amended_by") or [], start=1):
        if act not in acts:
            add(f"law_baseline.amended_by[{j}]", act, f"no such act; allowed: {', '.join(acts)}")
    for i, item in _items(data, "open_questions"):
        if item.get("checked") not in dates:
            add(f"open_questions[{i}].checked", item.get("checked"), f"no such date; allowed: {date_list}")

    # Texts: dates only as {date:id}, no other braces.
    for field, text in text_fields({k: v for k, v in data.items() if k != "dates"}):
        for literal in texts.date_literals(text):
            add(field, literal, "write dates as {date:<id>} of the date table; a date lives only there")
        for name in texts.placeholders(text):
            if name not in dates:
                add(field, f"{{date:{name}}}", f"no such date; allowed: {date_list}")
        for other in texts.OTHER_BRACES.findall(text):
            add(field, other, "the only placeholder is {date:<id>}")
    for i, item in _items(data, "dates"):
        for lang in LANGUAGES:
            what = item.get("what", {}).get(lang) if isinstance(item.get("what"), dict) else None
            for literal in texts.date_literals(what or ""):
                add(f"dates[{i}].what.{lang}", literal, "refer to other dates as {date:<id>}")

    # Labels and facts: every name in a condition exists; questions depend on earlier answers only.
    questions = _items(data, "questions")
    set_by: dict[str, int] = {}  # label -> position of the first question that sets it
    for position, (_, question) in enumerate(questions):
        for _, option in _enumerate(question.get("options")):
            for label in option.get("sets", []) if isinstance(option.get("sets"), list) else []:
                set_by.setdefault(label, position)
    facts = _items(data, "facts")
    fact_ids = [fact.get("id") for _, fact in facts]
    depends: dict[str, set[str]] = {}  # fact -> labels it depends on
    for i, fact in facts:
        name = fact.get("id")
        if name in set_by:
            add(f"facts[{i}].id", name, "is also a label set by an answer; a fact needs a name of its own")
        earlier = fact_ids[: i - 1]
        labels: set[str] = set()
        for used in condition_names(fact.get("when")):
            if used in depends:
                labels |= depends[used]
            elif used in set_by:
                labels.add(used)
            elif used in fact_ids and used not in earlier:
                add(f"facts[{i}].when", used, "a fact may only use the facts above it")
            else:
                add(f"facts[{i}].when", used, "no answer sets this label and no fact above defines it")
        if isinstance(name, str):
            depends[name] = labels
    known = set(set_by) | set(depends)
    used_names: set[str] = set()
    for field, condition in _conditions(data):
        for used in condition_names(condition):
            used_names.add(used)
            if not field.startswith("facts[") and used not in known:
                add(field, used, "no answer sets this label and no fact defines it")
    for position, (i, question) in enumerate(questions):
        for used in condition_names(question.get("ask_when")):
            labels = depends.get(used, {used} if used in set_by else set())
            later = sorted(label for label in labels if set_by.get(label, -1) >= position)
            if later:
                add(
                    f"questions[{i}].ask_when",
                    used,
                    f"depends on {', '.join(later)}, set by this or a later question",
                )
    for label, position in sorted(set_by.items()):
        if label not in used_names:
            i, question = questions[position]
            add(f"questions[{i}].options", label, "this label is set but no condition uses it")
    for i, fact in facts:
        if fact.get("id") not in used_names:
            add(f"facts[{i}].id", fact.get("id"), "this fact is defined but no condition uses it")

    # Questions: blocks exist; option ids unique; exclusive answers only in multiple choice.
    blocks = set(_ids(data, "blocks"))
    for i, question in questions:
        if question.get("block") not in blocks:
            add(
                f"questions[{i}].block",
                question.get("block"),
                f"no such block; allowed: {', '.join(sorted(blocks))}",
            )
        seen_options: set[str] = set()
        exclusive = 0
        for j, option in _enumerate(question.get("options")):
            if option.get("id") in seen_options:
                add(f"questions[{i}].options[{j}].id", option.get("id"), "is already used in this question")
            seen_options.add(option.get("id"))
            if option.get("exclusive"):
                exclusive += 1
                if question.get("type") != "multiple":
                    add(
                        f"questions[{i}].options[{j}].exclusive",
                        True,
                        "only answers of multiple-choice questions",
                    )
            for k, point in enumerate(option.get("annex_iii") or [], start=1):
                reason = legal_refs.annex_iii_point_problem(point) if isinstance(point, str) else None
                if reason:
                    add(f"questions[{i}].options[{j}].annex_iii[{k}]", point, reason)
        if exclusive > 1:
            add(f"questions[{i}].options", exclusive, "at most one answer can exclude the others")

    # Outcomes: ends only for scope and risk.
    for i, outcome in _items(data, "outcomes"):
        if outcome.get("ends") and outcome.get("group") == "overlay":
            add(f"outcomes[{i}].ends", True, "an overlay cannot end the questions")

    # Duties: roles, dates, notes, guide sections and trust-model questions exist.
    roles = set(_ids(data, "roles"))
    notes = {note.get("id"): note for _, note in _items(data, "notes")}
    referenced_notes: set[str] = set()
    for i, duty in _items(data, "duties"):
        for j, role in enumerate(duty.get("roles") or [], start=1):
            if role not in roles:
                add(f"duties[{i}].roles[{j}]", role, f"no such role; allowed: {', '.join(sorted(roles))}")
        start = duty.get("applies_from")
        if start is not None and start not in dates and start not in rules:
            allowed = ", ".join([*dates, *sorted(rules)])
            add(f"duties[{i}].applies_from", start, f"no such date or date rule; allowed: {allowed}")
        for j, note in enumerate(duty.get("notes") or [], start=1):
            referenced_notes.add(note)
            if note not in notes:
                add(f"duties[{i}].notes[{j}]", note, "no such note")
        for j, link in _enumerate(duty.get("guide")):
            page, anchor = link.get("page"), link.get("anchor")
            if page not in guides:
                add(f"duties[{i}].guide[{j}].page", page, f"no such chapter docs/guide/{page}.md")
                continue
            for lang, anchors in sorted(guides[page].items()):
                if anchor not in anchors:
                    suffix = ".en" if lang == "en" else ""
                    add(
                        f"duties[{i}].guide[{j}].anchor",
                        anchor,
                        f"no heading {{ #{anchor} }} in docs/guide/{page}{suffix}.md",
                    )
        for j, question in enumerate(duty.get("trust_model") or [], start=1):
            if question not in trust_questions:
                add(f"duties[{i}].trust_model[{j}]", question, f"no such question in {TRUST_MODEL_FILE}")
    for i, note in _items(data, "notes"):
        if "when" not in note and not note.get("always") and note.get("id") not in referenced_notes:
            add(f"notes[{i}]", note.get("id"), "give it a when, always: true, or list it in a duty's notes")
        if "when" in note and note.get("always"):
            add(f"notes[{i}].always", True, "a note with a when is not shown always")

    # Legal references point at something that exists.
    for field, ref in _refs(data):
        reason = legal_refs.problem(ref, acts)
        if reason:
            shown = ", ".join(f"{key}={value}" for key, value in ref.items())
            add(field, shown, reason)
    return problems


def _refs(node: Any, path: str = "") -> Iterator[tuple[str, dict]]:
    """(field, reference) for every legal reference in the file."""
    if isinstance(node, dict):
        for key, value in node.items():
            where = f"{path}.{key}" if path else str(key)
            if key == "refs" and isinstance(value, list):
                for index, ref in enumerate(value, start=1):
                    if isinstance(ref, dict):
                        yield f"{where}[{index}]", ref
            else:
                yield from _refs(value, where)
    elif isinstance(node, list):
        for index, value in enumerate(node, start=1):
            yield from _refs(value, f"{path}[{index}]")


def validate(
    data: Any,
    schema: Mapping[str, Any],
    file: str,
    guides: Mapping[str, Mapping[str, set[str]]],
    trust_questions: Mapping[str, str],
) -> None:
    """Raise a ContentError with every schema and rule problem, in the order of the file.

    The rules run only on data that passes the schema: they assume its form.
    """
    problems = schema_problems(data, schema, file)
    if not problems:
        problems = rule_problems(data, file, guides, trust_questions)
    if problems:
        raise ContentError(in_file_order(problems, data))


def load_aid(root: Path, docs_dir: Path) -> tuple[dict, dict, dict[str, str]]:
    """The checked aid, its schema and the trust model's questions (id → part page).

    The check (mostly the JSON Schema, about a third of a second) runs once per version of
    the files and of the guide's headings: not again in the second language build, nor at a
    ``serve`` rebuild after an edit that leaves them as they were.
    """
    schema = read_yaml(root / SCHEMA_FILE, SCHEMA_FILE)  # JSON is YAML
    data = read_yaml(root / AID_FILE, AID_FILE)
    trust_questions = trust_model_questions(root)
    guides = guide_anchors(docs_dir)
    key = (
        "ai-act checked",
        version(root / AID_FILE),
        version(root / SCHEMA_FILE),
        version(root / TRUST_MODEL_FILE),
        frozenset(
            (slug, lang, frozenset(ids)) for slug, langs in guides.items() for lang, ids in langs.items()
        ),
    )
    remembered(key, lambda: validate(data, schema, AID_FILE, guides, trust_questions))
    return data, schema, trust_questions


def date_table(data: Mapping[str, Any]) -> dict[str, dt.date]:
    """The date table: id → day."""
    return {item["id"]: dt.date.fromisoformat(item["date"]) for item in data["dates"]}
