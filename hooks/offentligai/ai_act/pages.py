"""The decision aid's page: the text without JavaScript, and the data its script gets.

The page ``docs/ai-forordningen/index.md`` (and ``index.en.md``) holds the marker
``<!-- offentligai:ai-act -->``. The hook replaces it with ``partials/ai-act-body.html``:
the tool's mount point, and everything the aid knows as readable text (every question with
its answers, explanation and legal references, the duty catalogue with dates, roles and
links, the outcomes, the date table and the open legal questions). Links to AI-guiden and to
the trust model are Markdown links, so MkDocs checks them and resolves them per language;
the script reuses them from the page.

The script gets the data in the page's language (``view``): every text with its dates
written out, every legal reference with its citation and EUR-Lex link.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2

from ..dates import long_date
from ..errors import ContentError, Problem
from ..languages import LANGUAGES
from ..trust_model import model as tm
from . import data as aid_data
from . import refs as legal_refs
from . import texts

MARKER = re.compile(r"<!--\s*offentligai:ai-act\s*-->")
BODY_TEMPLATE = "partials/ai-act-body.html"
PAGE_TEMPLATE = "ai-act.html"
STRING_PREFIX = "aa_"
STORAGE_KEY = "offentligai.ai-act.v1"
ANSWERS_FORMAT = "offentligai-ai-act-answers"
ANSWERS_FORMAT_VERSION = 1
MAX_FILE_BYTES = 512 * 1024
_HEADING = re.compile(r"^#{1,6}\s+(?P<title>.+?)\s*\{\s*#(?P<anchor>[A-Za-z0-9_-]+)[^}]*\}\s*$", re.M)


# ---------------------------------------------------------------------------
# The data in one language
# ---------------------------------------------------------------------------


def _is_text(node: Any) -> bool:
    return (
        isinstance(node, dict)
        and set(node) == set(LANGUAGES)
        and all(isinstance(v, str) for v in node.values())
    )


def view(data: Mapping[str, Any], lang: str) -> dict:
    """The aid in ``lang``: texts with their dates written out, references with citation and link."""
    dates = aid_data.date_table(data)
    acts = {act["id"]: act for act in data["acts"]}

    def convert(node: Any, key: str = "") -> Any:
        if _is_text(node):
            return texts.fill_dates(node[lang], dates, lang)
        if key == "refs" and isinstance(node, list):
            return [
                {**ref, "text": legal_refs.citation(ref, lang, acts), "url": legal_refs.url(ref, lang, acts)}
                for ref in node
            ]
        if isinstance(node, dict):
            return {name: convert(value, name) for name, value in node.items()}
        if isinstance(node, list):
            return [convert(item) for item in node]
        return node

    result = convert(dict(data))  # new dicts and lists all the way down: data stays as it was
    for item in result["dates"]:
        item["long"] = long_date(dates[item["id"]], lang)
    return result


# ---------------------------------------------------------------------------
# Link targets: guide headings and trust-model questions
# ---------------------------------------------------------------------------


def guide_headings(docs_dir: Path) -> dict[str, dict[str, dict[str, str]]]:
    """The headings of each chapter of AI-guiden with an explicit id: chapter → language → id → title."""
    found: dict[str, dict[str, dict[str, str]]] = {}
    for path in sorted((docs_dir / aid_data.GUIDE_DIR).glob("*.md")):
        english = path.name.endswith(".en.md")
        slug = path.name.removesuffix(".en.md" if english else ".md")
        headings = {
            m.group("anchor"): m.group("title").strip() for m in _HEADING.finditer(path.read_text("utf-8"))
        }
        found.setdefault(slug, {})["en" if english else "sv"] = headings
    for chapter in found.values():
        chapter.setdefault("en", chapter.get("sv", {}))  # a chapter without English falls back to Swedish
    return found


def trust_model_index(model: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """Each question of the (normalised) trust model: its part page, number and text."""
    index: dict[str, dict[str, Any]] = {}
    for part in model["parts"]:
        for section in part["sections"]:
            for question in section["questions"]:
                index[question["id"]] = {
                    "slug": part["slug"],
                    "number": question["number"],
                    "text": question["text"],
                    "section": section["id"],
                }
    return index


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------


def _date_choices(data: Mapping[str, Any], start: str) -> list[str]:
    """The date ids a duty can apply from: one date, or every date of its rule."""
    for rule in data["date_rules"]:
        if rule["id"] == start:
            return list(dict.fromkeys(step["date"] for step in rule["rules"]))
    return [start]


def body_context(
    data: Mapping[str, Any],
    lang: str,
    strings: Mapping[str, str],
    guides: Mapping[str, Mapping[str, Mapping[str, str]]],
    trust: Mapping[str, Mapping[str, Any]],
) -> dict[str, Any]:
    """Everything ``partials/ai-act-body.html`` shows, in ``lang``."""
    aid = view(data, lang)
    dates = {item["id"]: item for item in aid["dates"]}
    roles = {role["id"]: role for role in aid["roles"]}
    notes = {note["id"]: note for note in aid["notes"]}
    acts = {act["id"]: act for act in aid["acts"]}
    blocks = [
        {**block, "questions": [q for q in aid["questions"] if q["block"] == block["id"]]}
        for block in aid["blocks"]
    ]
    duties = []
    for duty in aid["duties"]:
        duties.append(
            {
                **duty,
                "role_labels": [roles[role]["label"] for role in duty["roles"]],
                "dates": sorted(
                    (dates[date] for date in _date_choices(data, duty["applies_from"])),
                    key=lambda d: d["date"],
                ),
                "note_items": [notes[note] for note in duty.get("notes", [])],
                "guide_links": [
                    {
                        "href": f"../guide/{link['page']}.md#{link['anchor']}",
                        "title": guides[link["page"]][lang].get(link["anchor"], link["anchor"]),
                        "page": link["page"],
                        "anchor": link["anchor"],
                    }
                    for link in duty["guide"]
                ],
                "trust_links": [
                    {
                        "href": f"../fortroendemodellen/{trust[qid]['slug']}.md#{qid}",
                        "title": f"{trust[qid]['number']} {trust[qid]['text'][lang]}",
                        "id": qid,
                    }
                    for qid in duty["trust_model"]
                ],
            }
        )
    baseline = aid["law_baseline"]
    return {
        "lang": lang,
        "t": strings,
        "aid": aid,
        "blocks": blocks,
        "duties": duties,
        "outcomes": aid["outcomes"],
        "notes": [note for note in aid["notes"] if note.get("uncertain") or note.get("always")],
        "dates": aid["dates"],
        "open_questions": [
            {**item, "checked_long": dates[item["checked"]]["long"]} for item in aid["open_questions"]
        ],
        "checked": dates[baseline["checked"]],
        "act": acts[baseline["act"]],
        "amended_by": [acts[act] for act in baseline["amended_by"]],
        "act_urls": {
            act["id"]: legal_refs.EUR_LEX.format(eli=act["eli"], language=legal_refs.EUR_LEX_LANGUAGE[lang])
            for act in aid["acts"]
        },
        "version": baseline["version"],
    }


def render_body(env: jinja2.Environment, context: Mapping[str, Any]) -> str:
    """The marker's replacement: Markdown with HTML blocks."""
    return env.get_template(BODY_TEMPLATE).render(**context)


def replace_marker(markdown: str, render: Any, file: str) -> str:
    """Replace the page's one marker; more than one is an error."""
    found = MARKER.findall(markdown)
    if len(found) > 1:
        raise ContentError([Problem(file, "ai-act marker", len(found), "the page may hold the marker once")])
    return MARKER.sub(lambda _: render(), markdown)


# ---------------------------------------------------------------------------
# The script's data
# ---------------------------------------------------------------------------


def tool_strings(strings: Mapping[str, Mapping[str, str]]) -> dict[str, dict[str, str]]:
    """The aid's UI strings in both languages (the printed result can be in either)."""
    return {key: dict(texts_) for key, texts_ in strings.items() if key.startswith(STRING_PREFIX)}


def tool_data(
    data: Mapping[str, Any], strings: Mapping[str, Mapping[str, str]], lang: str, trust_storage_key: str
) -> dict[str, Any]:
    """The tool's settings: language, strings, storage, the saved-file format."""
    return {
        "lang": lang,
        "languages": list(LANGUAGES),
        "strings": tool_strings(strings),
        "storage_key": STORAGE_KEY,
        "format": ANSWERS_FORMAT,
        "format_version": ANSWERS_FORMAT_VERSION,
        "max_file_bytes": MAX_FILE_BYTES,
        "version": data["law_baseline"]["version"],
        "trust_model_storage_key": trust_storage_key,
        "trust_model_name_question": tm.NAME_QUESTION,
    }
