"""Redirects from moved pages in every language.

mkdocs-redirects writes one small page at each old address that sends the reader on to the
new one (``redirect_maps`` in mkdocs.yml, with language-neutral paths such as
``om/tillganglighetsredogorelse.md: om/tillganglighet.md``). With mkdocs-static-i18n it
writes that page only at the Swedish address: the English build writes to the same file,
not under ``en/`` (mkdocs-redirects issue #33). The redirect's link is relative, so the same
page placed at the English address leads to the English page; we copy it there.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from pathlib import Path

from ..languages import DEFAULT_LANGUAGE, LANGUAGES, PREFIX


def html_path(markdown_path: str, use_directory_urls: bool) -> str:
    """Where MkDocs writes the page of ``markdown_path`` (``om/a.md`` → ``om/a/index.html``)."""
    stem = markdown_path.removesuffix(".md")
    if posixpath.basename(stem) in ("index", "README"):
        return posixpath.join(posixpath.dirname(stem), "index.html")
    return f"{stem}/index.html" if use_directory_urls else f"{stem}.html"


def mirror(site: Path, redirect_maps: Mapping[str, str], use_directory_urls: bool) -> list[Path]:
    """Copy each redirect page written at the Swedish address to the other languages.

    A copy is made only where the language has the new page (with ``fallback_to_default``
    it always does); returns the pages written.
    """
    written = []
    for old, new in sorted(redirect_maps.items()):
        source = site / html_path(old, use_directory_urls)
        if not source.is_file():
            continue  # mkdocs-redirects warned already (strict builds stop)
        external = new.lower().startswith(("http://", "https://"))
        new_page = html_path(new.partition("#")[0], use_directory_urls)
        for lang in LANGUAGES:
            if lang == DEFAULT_LANGUAGE:
                continue
            if not external and not (site / PREFIX[lang] / new_page).is_file():
                continue
            target = site / PREFIX[lang] / html_path(old, use_directory_urls)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
            written.append(target)
    return written
