"""What the browser needs to draft an example: the collection's own schema, made compact.

The trust-model tool turns a self-assessment into the two files of an example. Its script
must know what the build will accept: the required fields and their order, the id pattern,
the summary's length, the codes and their labels. Rather than a second copy of those rules
in JavaScript, the tool page embeds the schema that validates every example (``schema.py``,
built from ``data/vocabularies.yml``), without its descriptions, with each list of codes
carrying its labels. ``docs/assets/javascripts/core/example-rules.js`` applies it, and
``tests/test_browser_rules.py`` checks that it agrees with ``collection.validate_meta``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import schema as example_schema
from .vocabularies import Vocabularies

# The JSON Schema keywords the browser applies; every other keyword is only documentation.
KEYWORDS = (
    "type",
    "pattern",
    "format",
    "maxLength",
    "minimum",
    "maximum",
    "enum",
    "minItems",
    "uniqueItems",
    "items",
    "properties",
    "required",
    "additionalProperties",
)


def compact(
    rule: Mapping[str, Any], labels: Mapping[tuple[str, ...], list[dict[str, str]]]
) -> dict[str, Any]:
    """``rule`` with only ``KEYWORDS``; a list of codes (``enum``) gets ``labels`` [{code, sv, en}]."""
    result: dict[str, Any] = {}
    for keyword in KEYWORDS:
        if keyword not in rule:
            continue
        value = rule[keyword]
        if keyword == "items":
            value = compact(value, labels)
        elif keyword == "properties":
            value = {name: compact(inner, labels) for name, inner in value.items()}
        result[keyword] = value
    if "enum" in rule:
        result["labels"] = labels[tuple(rule["enum"])]
    return result


def draft_rules(vocabularies: Vocabularies) -> dict[str, Any]:
    """The rules block of the tool page: ``schema`` (Swedish file) and ``english_schema``."""
    labels = {
        tuple(vocabulary.codes): [{"code": code, **texts} for code, texts in vocabulary.labels.items()]
        for vocabulary in vocabularies.values()
    }
    swedish = example_schema.build_schema(vocabularies, example_schema.SCHEMA_PATH)
    return {
        "schema": compact(swedish, labels),
        "english_schema": compact(example_schema.english_schema(swedish), labels),
    }
