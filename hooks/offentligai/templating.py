"""The Jinja environment our templates are rendered in, and the filters they use.

Templates in ``overrides/partials/`` that hooks render (the glossary, fact boxes, trust-model
parts, the decision aid) get one environment per build from ``build.templates``: the theme's
loader (our overrides first), autoescaping on, and the filters below.
"""

from __future__ import annotations

import json
import re
from typing import Any

import jinja2
from markupsafe import Markup, escape

# Characters that mean something to Markdown in running text (HTML ones are escaped too).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}#!|~])")


def prepare(env: jinja2.Environment) -> jinja2.Environment:
    """Autoescaping and our filters, on a fresh environment from ``config.theme.get_env()``."""
    env.autoescape = True
    env.filters["md"] = markdown_text
    env.filters["fill"] = fill
    env.filters["script_json"] = script_json
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
