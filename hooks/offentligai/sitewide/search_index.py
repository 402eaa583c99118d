"""Split the merged search index into one index per language.

mkdocs-static-i18n merges the entries of every language into one index, so a
Swedish reader gets English hits and one stemmer serves both languages. We write
``search/search_index.json`` with the Swedish entries only and
``en/search/search_index.json`` with the English ones, each configured with its own
language; ``material_patches`` makes the browser load the index of the page's language.
"""

from __future__ import annotations

from typing import Any

from ..languages import LANGUAGES, PREFIX, page_language


def split_index(index: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """One search index per language, from the merged index the i18n plugin wrote."""
    per_language: dict[str, dict[str, Any]] = {}
    for lang in LANGUAGES:
        docs = [
            doc
            for doc in index.get("docs", [])
            if isinstance(doc.get("location"), str) and page_language(doc["location"]) == lang
        ]
        config = dict(index.get("config", {}))
        config["lang"] = [lang]
        per_language[lang] = {"config": config, "docs": docs}
    return per_language


def index_path(lang: str) -> str:
    """Where the index of ``lang`` is published, relative to the site root."""
    return f"{PREFIX[lang]}search/search_index.json"
