"""The controlled vocabularies of the example collection, read from ``data/vocabularies.yml``."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..datafiles import read_yaml
from ..errors import ContentError, Problem
from ..languages import LANGUAGES

CODE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

# Vocabulary key in the file -> (the front-matter field it is for, whether that field is a
# list). Every vocabulary the examples use must be in the file, and the file holds no others.
FIELDS: dict[str, tuple[str, bool]] = {
    "organisation_types": ("organisation_type", False),
    "functions": ("functions", True),
    "techniques": ("techniques", True),
    "statuses": ("status", False),
    "decision_roles": ("decision_role", False),
    "source_kinds": ("source_kind", False),  # the ``kind`` of each item of ``sources``
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


Vocabularies = dict[str, Vocabulary]  # by front-matter field


def load_vocabularies(path: Path) -> Vocabularies:
    """Read and check the vocabulary file; every problem is reported at once."""
    name = path.as_posix()
    return parse_vocabularies(read_yaml(path, name), name)


def parse_vocabularies(data: object, name: str) -> Vocabularies:
    """Check the parsed vocabulary file; return one ``Vocabulary`` per front-matter field."""
    shape = "a list of {code: …, sv: …, en: …}"
    if not isinstance(data, dict):
        raise ContentError([Problem(name, "", "", f"must be a mapping with the keys {', '.join(FIELDS)}")])
    problems: list[Problem] = []
    for key in data:
        if key not in FIELDS:
            problems.append(Problem(name, str(key), "", f"is not a vocabulary; allowed: {', '.join(FIELDS)}"))
    result: Vocabularies = {}
    for key, (field, multiple) in FIELDS.items():
        entries = data.get(key)
        if not isinstance(entries, list) or not entries:
            problems.append(Problem(name, key, "", f"is required: {shape}"))
            continue
        labels: dict[str, dict[str, str]] = {}
        for number, entry in enumerate(entries, 1):
            where = f"{key}[{number}]"
            code = entry.get("code") if isinstance(entry, dict) else None
            if not isinstance(code, str) or not CODE.match(code):
                problems.append(Problem(name, f"{where}.code", code or "", "lowercase a–z, 0–9 and hyphens"))
                continue
            if code in labels:
                problems.append(Problem(name, f"{where}.code", code, "is already in this vocabulary"))
                continue
            for lang in LANGUAGES:
                text = entry.get(lang)
                if not isinstance(text, str) or not text.strip():
                    problems.append(Problem(name, f"{where}.{lang}", text or "", "a label is required"))
            extra = sorted(set(entry) - {"code", *LANGUAGES})
            if extra:
                problems.append(
                    Problem(name, where, ", ".join(map(str, extra)), f"unknown keys; allowed: {shape}")
                )
            labels[code] = {lang: str(entry.get(lang, "")) for lang in LANGUAGES}
        result[field] = Vocabulary(field, multiple, labels)
    if problems:
        raise ContentError(problems)
    return result
