"""Trim what the built site ships: search-language files for languages we do not serve."""

from __future__ import annotations

from pathlib import Path

from .languages import LANGUAGES

# Material's search worker loads lunr.stemmer.support and lunr.<lang> for each non-English
# language of an index; lunr.multi only when an index has several languages.
_ALWAYS = {"lunr.stemmer.support.min.js", "lunr.multi.min.js"}


def unused_lunr_files(lunr_dir: Path) -> list[Path]:
    """Files under ``assets/javascripts/lunr`` that no index of this site needs."""
    keep = _ALWAYS | {f"lunr.{lang}.min.js" for lang in LANGUAGES if lang != "en"}
    return sorted(path for path in lunr_dir.rglob("*.js") if path.name not in keep)
