"""The controlled vocabularies of the example collection, read from ``data/vocabularies.yml``."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import ContentError, Problem
from ..languages import LANGUAGES

CODE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

# Front-matter field -> whether the field holds a list of codes. Every vocabulary the
# examples use must be in the file, and the file may hold no others.
FIELDS: dict[str, bool] = {
    "organisation_type": False,
    "functions": True,
    "techniques": True,
    "status": False,
    "decision_role": False,
}


@dataclass(frozen=True)
class Vocabulary:
    """The codes of one front-matter field, in reading order, with their labels."""

    field: str
    multiple: bool
    labels: Mapping[str, Mapping[str, str]]  # code -> {lang: label}

    @property
    def codes(self) -> list[str]:
        return list(self.labels)

    def label(self, code: str, lang: str) -> str:
        return self.labels[code][lang]


Vocabularies = dict[str, Vocabulary]


def load_vocabularies(path: Path) -> Vocabularies:
    """Read and check the vocabulary file; every problem is reported at once."""
    name = path.as_posix()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ContentError(
            [Problem(name, "", "", f"cannot be read ({' '.join(str(error).split())})")]
        ) from None
    return parse_vocabularies(data, name)


def parse_vocabularies(data: object, name: str) -> Vocabularies:
    """Check the parsed vocabulary file and return one ``Vocabulary`` per field."""
    if not isinstance(data, dict):
        raise ContentError([Problem(name, "", "", f"must be a mapping with the keys {', '.join(FIELDS)}")])
    problems: list[Problem] = []
    for field in data:
        if field not in FIELDS:
            problems.append(
                Problem(name, str(field), "", f"is not a vocabulary; allowed: {', '.join(FIELDS)}")
            )
    result: Vocabularies = {}
    for field, multiple in FIELDS.items():
        entries = data.get(field)
        if not isinstance(entries, dict) or not entries:
            problems.append(Problem(name, field, "", "is required: a mapping of codes to {sv: …, en: …}"))
            continue
        labels: dict[str, dict[str, str]] = {}
        for code, texts in entries.items():
            if not isinstance(code, str) or not CODE.match(code):
                problems.append(Problem(name, field, code, "codes are lowercase a–z, 0–9 and hyphens"))
                continue
            for lang in LANGUAGES:
                text = texts.get(lang) if isinstance(texts, dict) else None
                if not isinstance(text, str) or not text.strip():
                    problems.append(
                        Problem(name, f"{field}.{code}.{lang}", text or "", "a label is required")
                    )
            if isinstance(texts, dict):
                labels[code] = {lang: str(texts.get(lang, "")) for lang in LANGUAGES}
        result[field] = Vocabulary(field, multiple, labels)
    if problems:
        raise ContentError(problems)
    return result
