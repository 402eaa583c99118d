"""Site settings that Markdown pages may refer to, written as ``[[name]]``.

    [projektets ärendelista]([[repo_url]]/issues)
    [[if repo_url]]text for sites with a repository[[else]]text for the others[[end]]

The names are the site's settings (``SETTINGS``): ``repo_url`` (REPO_URL) and
``editorial_contact`` (EDITORIAL_CONTACT, an e-mail address or a web address; the value is a
link target, ``mailto:…`` for an address). An installation without GitHub leaves REPO_URL
empty, so pages keep their links to the repository inside ``[[if repo_url]]…[[end]]`` and
name the editorial contact in ``[[else]]``. ``[[if …]]`` blocks may nest; ``[[else]]`` is
optional.

Any other name, an unbalanced ``[[if]]``/``[[else]]``/``[[end]]`` and a setting used where it
is empty are errors, so neither literal brackets nor a link to nowhere can reach readers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..errors import ContentError, Problem

# Each setting and where an installation sets it.
SETTINGS: dict[str, str] = {
    "repo_url": "REPO_URL (repo_url in mkdocs.yml)",
    "editorial_contact": "EDITORIAL_CONTACT (extra.editorial_contact in mkdocs.yml)",
}
_PLACEHOLDER = re.compile(r"\[\[([a-z_]+)\]\]")
# An innermost block: neither part holds another [[if …]] (blocks are resolved inside out).
_INNER = r"(?:(?!\[\[if ).)*?"
_CONDITION = re.compile(rf"\[\[if ([a-z_]+)\]\]({_INNER})(?:\[\[else\]\]({_INNER}))?\[\[end\]\]", re.S)
_KEYWORD = re.compile(r"\[\[(?:if\b[^\]]*|else|end)\]\]")
_EMAIL = re.compile(r"^[^@\s/:<>()\[\]]+@[^@\s/:<>()\[\]]+\.[A-Za-z]{2,}$")
_WEB = re.compile(r"^https?://[^\s<>()\[\]]+$")


def contact_link(value: str | None) -> str:
    """The link target of the EDITORIAL_CONTACT setting: ``mailto:`` for an address; "" if unset."""
    value = (value or "").strip()
    if not value:
        return ""
    if _EMAIL.match(value.removeprefix("mailto:")):
        return value if value.startswith("mailto:") else f"mailto:{value}"
    if _WEB.match(value):
        return value
    raise ContentError(
        [
            Problem(
                "mkdocs.yml",
                "extra.editorial_contact (EDITORIAL_CONTACT)",
                value,
                "allowed: an e-mail address (ai-redaktionen@myndighet.se) or a web address (https://…)",
            )
        ]
    )


def settings(repo_url: str | None, editorial_contact: str | None) -> dict[str, str]:
    """The values of every setting, "" for an unset one."""
    return {
        "repo_url": (repo_url or "").strip().rstrip("/"),
        "editorial_contact": contact_link(editorial_contact),
    }


def fill(markdown: str, values: Mapping[str, str], file: str) -> str:
    """Resolve the ``[[if]]`` blocks, then replace every ``[[name]]``; report every problem."""
    problems: list[Problem] = []

    def allowed() -> str:
        return "allowed: " + ", ".join(f"[[{name}]]" for name in sorted(values))

    def condition(match: re.Match[str]) -> str:
        name, then, otherwise = match.group(1), match.group(2), match.group(3) or ""
        if name not in values:
            problems.append(Problem(file, "placeholder", f"[[if {name}]]", allowed()))
            return ""
        return then if values[name] else otherwise

    resolved, previous = markdown, None
    while resolved != previous:
        previous, resolved = resolved, _CONDITION.sub(condition, resolved)
    for keyword in sorted(set(_KEYWORD.findall(resolved))):
        problems.append(
            Problem(file, "placeholder", keyword, "unbalanced: write [[if name]]…[[else]]…[[end]]")
        )
    resolved = _KEYWORD.sub("", resolved)
    for name in sorted(set(_PLACEHOLDER.findall(resolved))):
        if name not in values:
            problems.append(Problem(file, "placeholder", f"[[{name}]]", allowed()))
        elif not values[name]:
            where = SETTINGS.get(name, name)
            problems.append(
                Problem(
                    file,
                    "placeholder",
                    f"[[{name}]]",
                    f"is empty in this build: set {where}, or put the text in [[if {name}]]…[[end]]",
                )
            )
    if problems:
        raise ContentError(problems)
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], resolved)
