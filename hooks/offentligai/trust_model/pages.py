"""Pages of Förtroendemodellen: the marker directive, the part pages and the tool's data.

A stub page holds a marker such as ``<!-- offentligai:trust-model part=before -->``; the
hook replaces it with the part rendered by a Jinja template as Markdown-compatible HTML.
``tool`` marks the tool's place on its page; ``start`` is the way in to the tool (how big
the job is, counted from the model, and a button), on any page.
Section headings are Markdown headings with explicit ids (``## Title { #purpose }``) so
that MkDocs registers their anchors, and links to AI-guiden are Markdown links
(``../guide/<slug>.md``) so that MkDocs checks them and resolves them per language.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import jinja2

from .. import frontmatter
from ..errors import ContentError, Problem
from ..examples.draft_rules import draft_rules
from ..examples.vocabularies import load_vocabularies
from ..languages import LANGUAGES
from . import model as tm

MARKER = re.compile(r"<!--\s*offentligai:trust-model\b(?P<args>[^>]*?)-->")
PART_TEMPLATE = "partials/trust-model-part.html"
TOOL_TEMPLATE = "partials/trust-model-tool-body.html"
START_TEMPLATE = "partials/trust-model-start.html"
TOOL_PAGE = "fortroendemodellen/verktyg.md"  # the tool's page, as MkDocs names its source
WORDS = ("tool", "start")  # the markers that take no value
TOOL_PAGE_TEMPLATE = "trust-model-tool.html"
STRING_PREFIX = "tm_"
STORAGE_KEY = "offentligai.trust-model.v1"
MAX_FILE_BYTES = 2 * 1024 * 1024

_HEADING = re.compile(r"^#\s+(.+?)\s*$", re.M)


# ---------------------------------------------------------------------------
# The marker directive
# ---------------------------------------------------------------------------


def parse_marker(args: str) -> dict[str, str]:
    """``part=before`` → ``{"part": "before"}``; a bare word such as ``tool`` → ``{"tool": ""}``."""
    result: dict[str, str] = {}
    for word in args.split():
        key, _, value = word.partition("=")
        result[key] = value.strip("\"'")
    return result


def replace_markers(
    markdown: str,
    render: Callable[[Mapping[str, str]], str],
    part_ids: list[str],
    file: str,
) -> str:
    """Replace every marker with ``render(args)``; unknown directives are errors, reported together."""
    problems: list[Problem] = []

    def check(args: dict[str, str]) -> Problem | None:
        if len(args) == 1 and next(iter(args)) in WORDS and not next(iter(args.values())):
            return None
        if set(args) == {"part"}:
            if args["part"] in part_ids:
                return None
            return Problem(file, "trust-model marker part", args["part"], f"allowed: {', '.join(part_ids)}")
        return Problem(
            file,
            "trust-model marker",
            " ".join(f"{k}={v}" if v else k for k, v in args.items()) or "(empty)",
            f"allowed: part=<{'|'.join(part_ids)}>, {' or '.join(WORDS)}",
        )

    for match in MARKER.finditer(markdown):
        problem = check(parse_marker(match.group("args")))
        if problem:
            problems.append(problem)
    if problems:
        raise ContentError(problems)
    return MARKER.sub(lambda m: render(parse_marker(m.group("args"))), markdown)


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------


def render_part(
    env: jinja2.Environment,
    model: Mapping[str, Any],
    part_id: str,
    lang: str,
    strings: Mapping[str, str],
    guides: Mapping[str, Mapping[str, str]],
) -> str:
    """One part of the model as Markdown with HTML blocks, in ``lang``."""
    part = next(part for part in model["parts"] if part["id"] == part_id)
    return env.get_template(PART_TEMPLATE).render(part=part, lang=lang, t=strings, guides=guides)


def render_tool(
    env: jinja2.Environment,
    model: Mapping[str, Any],
    lang: str,
    strings: Mapping[str, str],
    guides: Mapping[str, Mapping[str, str]],
) -> str:
    """The tool's mount point, the message without JavaScript and the links the tool uses."""
    return env.get_template(TOOL_TEMPLATE).render(
        model=model, lang=lang, t=strings, guides=guides, slugs=tm.used_guides(model)
    )


def render_start(
    env: jinja2.Environment, model: Mapping[str, Any], strings: Mapping[str, str], page_src: str
) -> str:
    """The way in to the tool for the page ``page_src``: the size of the job and a button."""
    questions = sum(1 for _ in tm.questions(model))
    sections = sum(len(part["sections"]) for part in model["parts"])
    link = posixpath.relpath(TOOL_PAGE, posixpath.dirname(page_src) or ".")
    return env.get_template(START_TEMPLATE).render(
        t=strings, questions=questions, sections=sections, link=link
    )


# ---------------------------------------------------------------------------
# Guide chapters
# ---------------------------------------------------------------------------


def page_title(path: Path) -> str | None:
    """The title of a Markdown page: front matter ``title``, else its first ``#`` heading."""
    if not path.is_file():
        return None
    text = path.read_text(encoding="utf-8")
    try:
        document = frontmatter.split(text)
    except frontmatter.FrontMatterError:
        document = None  # no front matter, or broken: the strict build reports the page itself
    if document is not None:
        title = document.meta.get("title")
        if isinstance(title, str) and title.strip():
            return title.strip()
        text = document.body
    heading = _HEADING.search(text)
    return heading.group(1).strip() if heading else None


def guide_titles(guide_dir: Path, slugs: list[str]) -> dict[str, dict[str, str]]:
    """The title of each guide chapter in each language (the Swedish one where no English page exists)."""
    titles: dict[str, dict[str, str]] = {}
    for slug in slugs:
        sv = page_title(guide_dir / f"{slug}.md") or slug
        en = page_title(guide_dir / f"{slug}.en.md") or sv
        titles[slug] = {"sv": sv, "en": en}
    return titles


# ---------------------------------------------------------------------------
# Data for the tool's script
# ---------------------------------------------------------------------------


def tool_strings(strings: Mapping[str, Mapping[str, str]]) -> dict[str, dict[str, str]]:
    """The tool's strings in both languages (the report's language can differ from the page's)."""
    return {key: dict(texts) for key, texts in strings.items() if key.startswith(STRING_PREFIX)}


# How the example draft is prefilled from answers: the question and, for vocabulary fields,
# which answers map to which code. Option ids equal to a vocabulary code map to that code.
DRAFT_PREFILL: dict[str, dict[str, Any]] = {
    "title": {"question": tm.NAME_QUESTION},
    "organisation": {"question": tm.ORGANISATION_QUESTION},
    "summary": {"question": "purpose-problem"},
    "techniques": {"question": "purpose-technique", "vocabulary": "techniques"},
    "decision_role": {"question": "affected-decision-role", "vocabulary": "decision_roles"},
    "status": {"question": "monitoring-status", "vocabulary": "statuses"},
    "personal_data": {
        "question": "data-readiness-personal-data",
        "values": {"yes": True, "sensitive": True, "no": False},
    },
}


def draft_prefill(model: Mapping[str, Any]) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """The prefill rules whose question exists, and the ids of those that are missing."""
    ids = {question["id"] for question in tm.questions(model)}
    kept = {field: rule for field, rule in DRAFT_PREFILL.items() if rule["question"] in ids}
    missing = [rule["question"] for rule in DRAFT_PREFILL.values() if rule["question"] not in ids]
    return kept, missing


def load_draft_rules(path: Path) -> tuple[dict[str, Any] | None, list[str]]:
    """The example collection's rules for the example draft (``draft_rules``), and what is wrong.

    The vocabulary file belongs to the example collection, whose reader checks it; when it has
    problems the draft form is switched off (and the collection's own build reports them).
    """
    try:
        vocabularies = load_vocabularies(path)
    except ContentError as error:
        return None, [str(problem) for problem in error.problems]
    return draft_rules(vocabularies), []


def tool_data(
    model: Mapping[str, Any],
    strings: Mapping[str, Mapping[str, str]],
    lang: str,
    contact: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Everything the tool's script needs besides the model, for a page in ``lang``.

    ``contact`` is the site's settings (``sitewide.placeholders.settings``): where the
    example-draft step tells readers to send a draft, the repository and/or the editors.
    """
    prefill, _ = draft_prefill(model)
    contact = contact or {}
    return {
        "lang": lang,
        "languages": list(LANGUAGES),
        "strings": tool_strings(strings),
        "storage_key": STORAGE_KEY,
        "format": tm.ANSWERS_FORMAT,
        "format_version": tm.ANSWERS_FORMAT_VERSION,
        "max_file_bytes": MAX_FILE_BYTES,
        "name_question": tm.NAME_QUESTION,
        "organisation_question": tm.ORGANISATION_QUESTION,
        "draft_prefill": prefill,
        "contact": {
            "repository": contact.get("repo_url", ""),
            "editorial": contact.get("editorial_contact", ""),
        },
    }
