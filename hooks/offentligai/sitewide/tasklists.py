"""Checklists (``- [ ] item``) render as disabled checkboxes without a name.

Screen readers then announce "checkbox, unchecked" with nothing to say what it is
about, and axe-core reports a missing label. We name each box after its item's text.
"""

from __future__ import annotations

import html
import re

_ITEM = re.compile(
    r'(<li class="task-list-item">\s*)<input type="checkbox" disabled(?:="")?\s*/?>(.*?)(?=</li>|<ul|<ol)',
    re.S,
)
_TAG = re.compile(r"<[^>]+>")


def label_checkboxes(page_html: str) -> str:
    """Give every task-list checkbox an accessible name taken from its item's text."""

    def replace(match: re.Match[str]) -> str:
        text = " ".join(html.unescape(_TAG.sub("", match.group(2))).split())
        label = html.escape(text, quote=True)
        return f'{match.group(1)}<input type="checkbox" disabled aria-label="{label}">{match.group(2)}'

    return _ITEM.sub(replace, page_html)
