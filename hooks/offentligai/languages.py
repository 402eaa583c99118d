"""Languages, UI strings and the URL of a page's counterpart in the other language."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from .datafiles import read_yaml
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


# Swedish alphabetical order: å, ä, ö after z (æ and ø sort with ä and ö, é with e, ü with y).
# English readers of this site get the same order, so that Swedish names sort alike everywhere.
_SWEDISH_ORDER = str.maketrans({"å": "{", "ä": "|", "ö": "}", "æ": "|", "ø": "}", "é": "e", "ü": "y"})


def collation_key(text: str) -> str:
    """A key that sorts text in Swedish alphabetical order, ignoring case (the site's one order)."""
    return text.casefold().translate(_SWEDISH_ORDER)


def not_found_path(lang: str) -> str:
    """Where the 404 page of ``lang`` is written, relative to the site root."""
    return f"{PREFIX[lang]}404.html"


def load_strings(folder: Path) -> dict[str, dict[str, str]]:
    """Read every UI strings file in ``folder`` and check that each key has every language.

    Each feature keeps its strings in its own file (``site.yml``, ``examples.yml``, …);
    a key defined in two files is an error, so every string is defined once.
    """
    problems: list[Problem] = []
    strings: dict[str, dict[str, str]] = {}
    origin: dict[str, str] = {}
    files = sorted(folder.glob("*.yml"))
    if not files:
        raise ContentError([Problem(folder.as_posix(), "", "", "holds no strings files (*.yml)")])
    for path in files:
        name = path.as_posix()
        try:
            data = read_yaml(path, name)
        except ContentError as error:
            problems.extend(error.problems)
            continue
        if not isinstance(data, dict):
            problems.append(Problem(name, "", "", "must be a mapping of keys to {sv: …, en: …}"))
            continue
        for key, texts in data.items():
            if key in origin:
                problems.append(Problem(name, str(key), "", f"is already defined in {origin[key]}"))
                continue
            origin[key] = name
            for lang in LANGUAGES:
                text = texts.get(lang) if isinstance(texts, dict) else None
                if not isinstance(text, str) or not text.strip():
                    problems.append(
                        Problem(name, f"{key}.{lang}", text or "", "a non-empty translation is required")
                    )
            if isinstance(texts, dict):
                strings[str(key)] = {lang: str(texts.get(lang, "")) for lang in LANGUAGES}
    if problems:
        raise ContentError(problems)
    return strings


def strings_for(strings: Mapping[str, Mapping[str, str]], lang: str) -> dict[str, str]:
    """The UI strings of one language."""
    return {key: texts[lang] for key, texts in strings.items()}
