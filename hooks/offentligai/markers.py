"""Marker directives that hooks replace in Markdown: ``<!-- offentligai:name … -->``.

Each feature replaces its own markers before the page is rendered. A marker still in
the rendered HTML is unknown or misspelt; it stops the build instead of silently
leaving a hole in the page.
"""

from __future__ import annotations

import re

from .errors import ContentError, Problem

GLOSSARY = "<!-- offentligai:glossary -->"
_LEFTOVER = re.compile(r"<!--\s*offentligai:([^\s>]*)")


def check_all_handled(html: str, file: str) -> None:
    """Raise if any ``offentligai:`` marker survived to the rendered page."""
    leftovers = _LEFTOVER.findall(html)
    if leftovers:
        raise ContentError(
            [
                Problem(file, "marker", f"offentligai:{name}", "unknown marker; check its spelling")
                for name in leftovers
            ]
        )
