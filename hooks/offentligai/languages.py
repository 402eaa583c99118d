"""Languages, UI strings and the URL of a page's counterpart in the other language."""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

import yaml

from .errors import ContentError, Problem

DEFAULT_LANGUAGE = "sv"
LANGUAGES = ("sv", "en")
# Prefix of every URL of a non-default language.
PREFIX = {"sv": "", "en": "en/"}


def page_language(url: str) -> str:
    """The language a built page is served in, from its URL (``en/…`` is English)."""
    return "en" if url.startswith("en/") else "sv"


def counterpart_url(url: str, target: str) -> str:
    """The URL of the same page in ``target`` language (site-relative, no leading slash)."""
    source = page_language(url)
    bare = url[len(PREFIX[source]) :] if source != DEFAULT_LANGUAGE else url
    return PREFIX[target] + bare


def not_found_path(lang: str) -> str:
    """Where the 404 page of ``lang`` is written, relative to the site root."""
    return f"{PREFIX[lang]}404.html"


def load_strings(path: Path) -> dict[str, dict[str, str]]:
    """Read the UI strings file and check that every key has text in every language."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ContentError([Problem(str(path), "", "", f"is not valid YAML ({error})")]) from None
    problems: list[Problem] = []
    if not isinstance(data, dict):
        raise ContentError([Problem(str(path), "", "", "must be a mapping of keys to {sv, en}")])
    for key, texts in data.items():
        for lang in LANGUAGES:
            text = texts.get(lang) if isinstance(texts, dict) else None
            if not isinstance(text, str) or not text.strip():
                problems.append(
                    Problem(str(path), f"{key}.{lang}", text or "", "a non-empty translation is required")
                )
    if problems:
        raise ContentError(problems)
    return data


def strings_for(strings: Mapping[str, Mapping[str, str]], lang: str) -> dict[str, str]:
    """The UI strings of one language."""
    return {key: texts[lang] for key, texts in strings.items()}
