"""Front matter read strictly: YAML errors and repeated keys are reported, dates stay text.

MkDocs' own reader drops front matter with a YAML error without a word, and YAML turns
``2026-11-28`` into a date object. We read it ourselves so that every error is shown and
the schema sees exactly what was written (dates are checked as ``YYYY-MM-DD`` text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

_BLOCK = re.compile(r"\A-{3}[ \t]*\r?\n(.*?)^(?:-{3}|\.{3})[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """YAML's safe loader without timestamps and with an error for repeated keys."""

    def construct_mapping(self, node, deep=False):  # noqa: ANN001, ANN201 (PyYAML's signature)
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, str) and key in seen:
                raise yaml.constructor.ConstructorError(
                    "while reading a mapping",
                    node.start_mark,
                    f"found the key '{key}' twice",
                    key_node.start_mark,
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Document:
    """A Markdown file split into its front matter and its body."""

    meta: dict
    body: str
    body_line: int  # line number of the body's first line in the file


class FrontMatterError(Exception):
    """The front matter is missing, not closed, or not valid YAML; the message says which."""


def split(text: str) -> Document:
    """Parse the front matter between the leading ``---`` lines of ``text``."""
    text = text.lstrip("\ufeff")
    if not text.startswith("---"):
        raise FrontMatterError("the file must start with front matter between two '---' lines")
    match = _BLOCK.match(text)
    if match is None:
        raise FrontMatterError("the front matter has no closing '---' line")
    try:
        meta = yaml.load(match.group(1), Loader=_Loader)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as error:
        raise FrontMatterError(_yaml_message(error)) from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise FrontMatterError("the front matter must be a mapping of keys to values")
    body_line = text.count("\n", 0, match.end()) + 1
    return Document(meta, text[match.end() :], body_line)


def body(text: str) -> str:
    """The text after the front matter, which is not parsed (``split`` reads and checks it)."""
    text = text.lstrip("\ufeff")
    match = _BLOCK.match(text) if text.startswith("---") else None
    if match is None:
        raise FrontMatterError("the file must start with front matter between two '---' lines")
    return text[match.end() :]


def _yaml_message(error: yaml.YAMLError) -> str:
    """One line: what YAML found and where (line numbers of the file, not of the block)."""
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error)
    where = f" at line {mark.line + 2}, column {mark.column + 1}" if mark is not None else ""
    return f"the front matter is not valid YAML{where}: {' '.join(str(problem).split())}"
