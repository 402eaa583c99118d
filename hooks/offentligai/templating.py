"""The Jinja environment our templates are rendered in, and the filters they use.

Templates in ``overrides/partials/`` that hooks render (the glossary, fact boxes, trust-model
parts, the decision aid) get one environment per build from ``build.templates``: the theme's
loader (our overrides first), autoescaping on, and the filters below.

Every build makes new Jinja environments (MkDocs one per language build, and again at every
``mkdocs serve`` rebuild), and each would compile every template again: a seventh of a build.
``compile_once`` gives an environment a bytecode cache that lives as long as the process:
Jinja checks each entry against a checksum of the template's source, so an edited template
is compiled again, and environments whose settings change the compiled code share nothing.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from typing import Any

import jinja2
from jinja2.bccache import Bucket
from markupsafe import Markup, escape

# Characters that mean something to Markdown in running text (HTML ones are escaped too).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}#!|~])")


def prepare(env: jinja2.Environment) -> jinja2.Environment:
    """Autoescaping and our filters, on a fresh environment from ``config.theme.get_env()``."""
    env.autoescape = True
    env.filters["md"] = markdown_text
    env.filters["fill"] = fill
    env.filters["script_json"] = script_json
    return compile_once(env)


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates in memory; Jinja checks each against its source's checksum on loading."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()


# One cache per kind of environment, for the life of the process (see the module's docstring).
_COMPILED: dict[tuple, _CompiledTemplates] = {}


def compile_once(env: jinja2.Environment) -> jinja2.Environment:
    """Give ``env`` the process's bytecode cache for environments with its settings."""
    kind = (
        env.autoescape if isinstance(env.autoescape, bool) else repr(env.autoescape),
        tuple(sorted(env.extensions)),
        bool(getattr(env, "newstyle_gettext", False)),
        env.block_start_string,
        env.variable_start_string,
        env.comment_start_string,
        env.line_statement_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.keep_trailing_newline,
        env.optimized,
    )
    env.bytecode_cache = _COMPILED.setdefault(kind, _CompiledTemplates())
    return env


def markdown_text(text: object) -> Markup:
    """Text made safe for a Markdown line: HTML escaped, Markdown's special characters escaped."""
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", str(escape(text))))


def fill(template: str, **values: object) -> str:
    """``"Om du svarar ”{answer}”"`` with ``answer`` filled in (the same placeholders as the scripts)."""
    return re.sub(r"\{(\w+)\}", lambda m: str(values.get(m.group(1), m.group(0))), template)


def script_json(data: Any) -> Markup:
    """JSON that is safe inside ``<script type="application/json">``: no ``<``, ``>`` or ``&``."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


# ---------------------------------------------------------------------------
# Listing the theme's files without its hidden folders
# ---------------------------------------------------------------------------
# Every build, MkDocs asks the theme's Jinja loader for every file under the theme's folders
# and then drops each name with a part that starts with a dot (its patterns ".*" and "*/.*").
# Material's ".icons" folder alone holds 14,000 files: listing and matching them is about a
# sixth of a `mkdocs serve` rebuild, for nothing. This loader never enters hidden folders, so
# MkDocs gets the same theme files at a fraction of the cost.


class VisibleFilesLoader(jinja2.FileSystemLoader):
    """A ``FileSystemLoader`` whose ``list_templates`` leaves out hidden files and folders."""

    def list_templates(self) -> list[str]:
        found = set()
        for searchpath in self.searchpath:
            for folder, dirs, names in os.walk(searchpath, followlinks=self.followlinks):
                dirs[:] = [name for name in dirs if not name.startswith(".")]
                for name in names:
                    if name.startswith("."):
                        continue
                    path = os.path.relpath(os.path.join(folder, name), searchpath)
                    found.add(path.replace(os.path.sep, "/"))
        return sorted(found)


def list_visible_files(get_env: Callable[[], jinja2.Environment]) -> Callable[[], jinja2.Environment]:
    """``Theme.get_env`` whose environments list the theme's files with ``VisibleFilesLoader``.

    Templates load as before (the same folders, in the same order): only the listing changes.
    """

    def visible_env() -> jinja2.Environment:
        env = get_env()
        loader = env.loader
        if type(loader) is jinja2.FileSystemLoader:
            env.loader = VisibleFilesLoader(loader.searchpath, loader.encoding, loader.followlinks)
        return env

    visible_env.lists_visible_files = True  # type: ignore[attr-defined]
    return visible_env
