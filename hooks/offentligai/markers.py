"""Marker directives that hooks replace in Markdown: ``<!-- offentligai:name … -->``.

Each feature replaces its own markers before the page is rendered. A marker still in
the rendered HTML is unknown or misspelt; it stops the build instead of silently
leaving a hole in the page.
"""

from __future__ import annotations

import re

from .errors import ContentError, Problem

GLOSSARY = "<!-- offentligai:glossary -->"
# The glossary page's word choices and checklist roles (data/terminology.yml).
WORD_CHOICES = "<!-- offentligai:word-choices -->"
CHECKLIST_ROLES = "<!-- offentligai:checklist-roles -->"
# Replaced only after the search plugin has read the page, so that what it stands for stays
# out of the search index: the fact box of an example page (labels such as "Status" on every
# example would make them all match). See examples_hooks.on_page_context.
EXAMPLE_FACTS = "<!-- offentligai:example-facts -->"
# The print documents' chapters too: they are indexed on their own pages (printing_hooks).
_AFTER_INDEXING = {"example-facts", "print-document"}
_LEFTOVER = re.compile(r"<!--\s*offentligai:([^\s>]*)")


def check_all_handled(html: str, file: str, *, before_indexing: bool = False) -> None:
    """Raise if any ``offentligai:`` marker survived to the rendered page.

    ``before_indexing``: the check runs before the search plugin has read the page, when the
    markers that are replaced after indexing are still expected.
    """
    leftovers = _LEFTOVER.findall(html)
    if before_indexing:
        leftovers = [name for name in leftovers if name not in _AFTER_INDEXING]
    if leftovers:
        raise ContentError(
            [
                Problem(file, "marker", f"offentligai:{name}", "unknown marker; check its spelling")
                for name in leftovers
            ]
        )
