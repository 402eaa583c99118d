"""The JSON Schema (2020-12) of an example's Swedish front matter, built from the vocabularies.

The build publishes this schema at ``/data/example.schema.json`` and validates every
example with it, so the codes are defined once (in ``data/vocabularies.yml``). Each
property's ``description`` says what is allowed; error messages quote it.
"""

from __future__ import annotations

import json
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker

from .vocabularies import Vocabularies

MAX_SUMMARY = 300
SCHEMA_PATH = "data/example.schema.json"
ENGLISH_FIELDS = ("title", "summary")  # required in an English file
# Texts shown on the page that an English file must translate when the Swedish file has them.
ENGLISH_OPTIONAL_FIELDS = ("no_primary_source_reason",)
_DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_YEAR = {"type": "integer", "minimum": 1900, "maximum": 9999}
_TEXT = {"type": "string", "pattern": r"\S"}  # not empty, not only spaces
_LINE = {"type": "string", "pattern": r"^[^\n]*\S[^\n]*$", "maxLength": 200}  # one short line


def build_schema(vocabularies: Vocabularies, schema_url: str) -> dict[str, Any]:
    """The schema of the Swedish front matter; its text depends only on its inputs."""

    def codes(field: str, description: str) -> dict[str, Any]:
        vocabulary = vocabularies[field]
        choice = {"type": "string", "enum": vocabulary.codes}
        if not vocabulary.multiple:
            return {"description": description, **choice}
        return {
            "description": description,
            "type": "array",
            "minItems": 1,
            "uniqueItems": True,
            "items": choice,
        }

    properties: dict[str, Any] = {
        "id": {
            "description": "lowercase a–z, 0–9 and hyphens; the same as the file name without .md",
            "type": "string",
            "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$",
        },
        "title": {"description": "the example's title, as text", **_TEXT},
        "summary": {
            "description": f"a plain-language summary of at most {MAX_SUMMARY} characters",
            **_TEXT,
            "maxLength": MAX_SUMMARY,
        },
        "organisation": {"description": "the organisation's official name", **_TEXT},
        "organisation_type": codes("organisation_type", "the kind of public organisation"),
        "organisation_number": {
            "description": "Swedish organisationsnummer NNNNNN-NNNN whose last digit is its Luhn check digit",
            "type": "string",
            "pattern": r"^\d{6}-\d{4}$",
        },
        "functions": codes("functions", "one or more COFOG divisions (functions of government)"),
        "techniques": codes("techniques", "one or more AI techniques"),
        "status": codes("status", "the stage the use has reached"),
        "status_confirmed": {
            "description": (
                "date YYYY-MM-DD of the newest source that confirms the status; "
                "not later than that source's date"
            ),
            **_DATE,
        },
        "year_started": {"description": "four-digit year the use started, not in the future", **_YEAR},
        "year_ended": {"description": "four-digit year the use ended, not before year_started", **_YEAR},
        "decision_role": codes("decision_role", "the system's role in decisions about individuals"),
        "personal_data": {
            "description": "true or false: whether the system processes personal data",
            "type": "boolean",
        },
        "sources": {
            "description": "one or more public sources, at least one of them primary",
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["title", "url", "publisher", "kind"],
                "properties": {
                    "title": {"description": "the source's title, as text", **_TEXT},
                    "url": {
                        "description": "an http:// or https:// address",
                        "type": "string",
                        "pattern": r"^https?://[^\s/]+\S*$",
                    },
                    "publisher": {"description": "who published the source, as text", **_TEXT},
                    "kind": {
                        "description": (
                            "primary (the organisation itself, an authority, a court, a peer-reviewed "
                            "paper) or secondary (a news or trade outlet with its own reporting)"
                        ),
                        "type": "string",
                        "enum": vocabularies["source_kind"].codes,
                    },
                    "date": {"description": "publication date YYYY-MM-DD, not in the future", **_DATE},
                },
            },
        },
        "no_primary_source_reason": {
            "description": "only for an example without a primary source: one line saying why",
            **_LINE,
        },
        "last_reviewed": {"description": "date YYYY-MM-DD of the last review, not in the future", **_DATE},
    }
    optional = {"year_ended", "no_primary_source_reason"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_url,
        "title": "Offentlig AI: an example's front matter (Swedish file)",
        "description": (
            "Front matter of docs/exempel/<id>.md. The English file <id>.en.md holds only title and "
            "summary. Dates are written YYYY-MM-DD. Codes and their Swedish and English labels: "
            "data/vocabularies.yml in the repository and the 'vocabularies' object of examples.json."
        ),
        "type": "object",
        "additionalProperties": False,
        "required": [name for name in properties if name not in optional],
        "properties": properties,
    }


def english_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema of an English file: ``title`` and ``summary``, and the translation of any
    other text the page shows (whether that one is needed depends on the Swedish file)."""
    names = (*ENGLISH_FIELDS, *ENGLISH_OPTIONAL_FIELDS)
    return {
        "$schema": schema["$schema"],
        "type": "object",
        "additionalProperties": False,
        "required": list(ENGLISH_FIELDS),
        "properties": {name: schema["properties"][name] for name in names},
    }


def schema_text(schema: dict[str, Any]) -> str:
    """The published text of the schema: stable key order, two-space indent, final newline."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def validator(schema: dict[str, Any]) -> Draft202012Validator:
    """A validator that also checks ``format: date``."""
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker(["date"]))
