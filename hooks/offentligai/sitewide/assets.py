"""Trim what the built site ships: search-language files for languages we do not serve, and
source maps."""

from __future__ import annotations

import re
from pathlib import Path

from ..languages import LANGUAGES

# Material's search worker loads lunr.stemmer.support and lunr.<lang> for each non-English
# language of an index; lunr.multi only when an index has several languages.
_ALWAYS = {"lunr.stemmer.support.min.js", "lunr.multi.min.js"}


def unused_lunr_files(lunr_dir: Path) -> list[Path]:
    """Files under ``assets/javascripts/lunr`` that no index of this site needs."""
    keep = _ALWAYS | {f"lunr.{lang}.min.js" for lang in LANGUAGES if lang != "en"}
    return sorted(path for path in lunr_dir.rglob("*.js") if path.name not in keep)


# A last line such as "//# sourceMappingURL=bundle.min.js.map" (or the /*# … */ form in CSS).
_SOURCE_MAP_COMMENT = re.compile(r"\n?(?://# sourceMappingURL=[^\n]*|/\*# sourceMappingURL=[^\n]*?\*/)\s*\Z")


def source_maps(site: Path) -> list[Path]:
    """Material's source maps: for debugging Material itself, of no use to readers (1.3 MB)."""
    return sorted((site / "assets").rglob("*.map"))


def without_source_map_comment(text: str) -> str:
    """``text`` without its closing sourceMappingURL comment, which would point at a removed map."""
    return _SOURCE_MAP_COMMENT.sub("\n", text) if "sourceMappingURL=" in text else text
