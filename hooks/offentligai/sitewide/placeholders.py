"""Site settings that Markdown pages may refer to, written as ``[[name]]``.

Only the names below exist; any other ``[[name]]`` is an error, so a typo cannot
reach readers as literal brackets.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..errors import ContentError, Problem

_PLACEHOLDER = re.compile(r"\[\[([a-z_]+)\]\]")


def fill(markdown: str, values: Mapping[str, str], file: str) -> str:
    """Replace every ``[[name]]`` with its value; unknown names are reported together."""
    unknown = sorted({name for name in _PLACEHOLDER.findall(markdown) if name not in values})
    if unknown:
        allowed = ", ".join(f"[[{name}]]" for name in sorted(values))
        raise ContentError(
            [Problem(file, "placeholder", f"[[{name}]]", f"allowed: {allowed}") for name in unknown]
        )
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], markdown)
