"""JSON Schema errors as the one-line problems readers get: file, field, value, what is allowed.

Every schema the build checks (the examples' front matter, the trust model, the AI Act
decision aid's data) goes through ``problems``: one line per field, the most specific error
first, fields in the order of the file, list positions counted from 1 (``sources[1]`` is the
first source). A schema's ``description`` is what a reader is told is allowed.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from typing import Any

from jsonschema import ValidationError
from jsonschema.protocols import Validator

from .errors import Problem
from .languages import LANGUAGES

_REQUIRED = re.compile(r"^'(.+)' is a required property$")
_TYPES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping of keys to values",
}
_NON_EMPTY = "a non-empty text"
_BOTH_LANGUAGES = " (every text needs both sv and en)"
# When one value breaks several keywords, the most specific message is the one shown.
_PRIORITY = {"enum": 0, "const": 0, "not": 1, "pattern": 2, "type": 3}
_MAX_VALUE = 80  # longer values are shortened in messages

# (error) -> extra words for rules that apply only in some cases, e.g. " for yes-no questions"
Qualifier = Callable[[ValidationError], str]


def problems(validator: Validator, data: Any, file: str, qualifier: Qualifier | None = None) -> list[Problem]:
    """Every way in which ``data`` breaks the validator's schema: one problem per field."""
    found: list[Problem] = []
    fields: set[str] = set()
    for error in sorted(validator.iter_errors(data), key=_order):
        extra = qualifier(error) if qualifier and "then" in error.relative_schema_path else ""
        for field, value, allowed in describe(error, extra):
            if field not in fields:
                fields.add(field)
                found.append(Problem(file, field, value, allowed))
    return found


def field_path(path: Iterable[Any]) -> str:
    """``sources[2].url`` for the instance path ('sources', 1, 'url'); list positions count from 1."""
    text = ""
    for part in path:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def describe(error: ValidationError, qualifier: str = "") -> list[tuple[str, object, str]]:
    """(field, value, what is allowed) for one schema error; unknown keys give one entry each."""
    field = field_path(error.absolute_path)
    keyword = error.validator
    schema = error.schema if isinstance(error.schema, dict) else {}
    description = schema.get("description", "")
    instance = error.instance
    value = shown(instance)
    hint = _bool_hint(instance)
    if keyword == "required":
        match = _REQUIRED.match(error.message)
        name = match.group(1) if match else "?"
        about = schema.get("properties", {}).get(name, {}).get("description", "")
        both = _BOTH_LANGUAGES if name in LANGUAGES and not qualifier else ""
        return [(_join(field, name), "", f"is required{': ' + about if about else ''}{qualifier}{both}")]
    if keyword == "additionalProperties":
        known = list(schema.get("properties", {}))
        unknown = [key for key in instance if key not in known]
        return [
            (_join(field, str(key)), shown(instance[key]), _unknown_key(str(key), known)) for key in unknown
        ]
    if keyword in ("enum", "const"):
        values = error.validator_value if keyword == "enum" else [error.validator_value]
        return [(field, value, "allowed: " + ", ".join(map(str, values)) + qualifier + hint)]
    if keyword == "type":
        kind = _TYPES.get(str(error.validator_value), str(error.validator_value))
        # The description of the whole document is no answer to "what is allowed here".
        about = description if error.absolute_path else ""
        return [(field, value, (f"allowed: {about}" if about else f"must be {kind}") + hint)]
    if keyword == "maxLength":
        return [(field, value, f"is too long ({len(instance)} characters): {description}")]
    if keyword == "pattern" and error.validator_value == r"\S":
        about = f": {description}" if description and description != _NON_EMPTY else ""
        both = _BOTH_LANGUAGES if error.absolute_path and error.absolute_path[-1] in LANGUAGES else ""
        return [(field, value, f"must not be empty{about}{both}")]
    if keyword == "pattern":
        return [(field, value, f"allowed: {description or 'text matching ' + error.validator_value}")]
    if keyword == "minItems":
        count = error.validator_value
        least = "at least one value" if count == 1 else f"at least {count} values"
        return [(field, value, f"needs {least}{': ' + description if description else ''}{qualifier}")]
    if keyword == "maxItems":
        return [(field, value, f"allows at most {error.validator_value} values{qualifier}")]
    if keyword == "uniqueItems":
        return [(field, value, "a value is repeated; give each value once")]
    if keyword == "not":
        return [(field, value, description or "is not allowed here")]
    return [(field, value, f"allowed: {description}" if description else error.message)]


def shown(value: object) -> object:
    """A wrong value as a message shows it: mappings and lists of mappings abridged, long text cut."""
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list) and any(isinstance(item, (dict, list)) for item in value):
        return "[…]"
    text = value if isinstance(value, str) else repr(value)
    if len(text) <= _MAX_VALUE:
        return value
    return text[: _MAX_VALUE - 1] + "…"


def _order(error: ValidationError) -> tuple:
    path = tuple(
        (0, part, "") if isinstance(part, int) else (1, 0, str(part)) for part in error.absolute_path
    )
    return path, _PRIORITY.get(str(error.validator), 9)


def _bool_hint(instance: object) -> str:
    # YAML 1.1 reads unquoted yes/no/on/off as booleans: the commonest slip in our data files.
    if isinstance(instance, bool):
        return ' (YAML reads unquoted yes and no as true and false: write "yes" or "no" in quotes)'
    return ""


def _join(parent: str, name: str) -> str:
    return f"{parent}.{name}" if parent else name


def _unknown_key(key: str, known: list[str]) -> str:
    guess = difflib.get_close_matches(key, known, n=1)
    hint = f" (did you mean {guess[0]}?)" if guess else ""
    return f"is not a known field{hint}; allowed: {', '.join(known)}"
