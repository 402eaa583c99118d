"""One terminology for the site: preferred words, rejected variants and checklist roles.

``data/terminology.yml`` is the single source. ``scripts/terminology.py`` (run by
``make lint``) checks the pages against it, the glossary page lists it, and the guide's
checklists use its role labels. Everything here is a pure function of text and data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .datafiles import read_yaml
from .errors import ContentError, Problem
from .languages import LANGUAGES

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_WORD_KEYS = {"id", "lang", "use", "forms", "pattern", "examples", "case_sensitive", "why"}
_ROLE_KEYS = {"id", "label", "description"}


@dataclass(frozen=True)
class Word:
    """A preferred word and the variants of it that the check rejects."""

    id: str
    lang: str
    use: str
    forms: tuple[str, ...]
    pattern: re.Pattern[str]
    why: dict[str, str]
    examples: tuple[str, ...] = ()

    def avoid(self) -> list[str]:
        """The rejected variants as shown to readers (``chattrobot*`` as ``chattrobot…``)."""
        shown = self.forms or self.examples
        return [form[:-1] + "…" if form.endswith("*") else form for form in shown]


@dataclass(frozen=True)
class Role:
    """Who owns a checklist item, with its label in each language."""

    id: str
    label: dict[str, str]
    description: dict[str, str]


@dataclass(frozen=True)
class Terminology:
    words: tuple[Word, ...]
    undated: dict[str, tuple[re.Pattern[str], ...]]
    roles: tuple[Role, ...]

    def words_for(self, lang: str) -> list[Word]:
        return [word for word in self.words if word.lang == lang]


@dataclass(frozen=True)
class Finding:
    """One rejected word in one file: ``file:line: found 'X', use 'Y'``."""

    file: str
    line: int
    found: str
    use: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: found '{self.found}', use '{self.use}'"


# ---------------------------------------------------------------------------
# Reading the data
# ---------------------------------------------------------------------------


def forms_pattern(forms: list[str], case_sensitive: bool) -> re.Pattern[str]:
    """One regular expression for whole-word ``forms``; a trailing ``*`` allows any ending."""
    parts = []
    for form in sorted(forms, key=len, reverse=True):
        stem, wildcard = (form[:-1], True) if form.endswith("*") else (form, False)
        body = r"\s+".join(re.escape(word) for word in stem.split())
        parts.append(body + (r"[\w-]*" if wildcard else ""))
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", flags)


def _texts(value: object, where: str, file: str, problems: list[Problem]) -> dict[str, str]:
    result = {}
    for lang in LANGUAGES:
        text = value.get(lang) if isinstance(value, dict) else None
        if not isinstance(text, str) or not text.strip():
            problems.append(Problem(file, f"{where}.{lang}", text or "", "a non-empty text is required"))
        else:
            result[lang] = text.strip()
    return result


def _compile(source: object, where: str, file: str, problems: list[Problem], flags: int = 0):
    if not isinstance(source, str) or not source:
        problems.append(Problem(file, where, source or "", "a regular expression is required"))
        return None
    try:
        return re.compile(source, flags)
    except re.error as error:
        problems.append(Problem(file, where, source, f"is not a valid regular expression ({error})"))
        return None


def _parse_word(entry: object, where: str, file: str, problems: list[Problem]) -> Word | None:
    if not isinstance(entry, dict):
        problems.append(Problem(file, where, entry, "each word must be a mapping"))
        return None
    for key in sorted(set(entry) - _WORD_KEYS):
        problems.append(
            Problem(file, f"{where}.{key}", "", f"unknown key; allowed: {', '.join(sorted(_WORD_KEYS))}")
        )
    word_id = entry.get("id")
    if not isinstance(word_id, str) or not _ID.match(word_id):
        problems.append(Problem(file, f"{where}.id", word_id or "", "lowercase a–z, 0–9 and hyphens"))
    lang = entry.get("lang")
    if lang not in LANGUAGES:
        problems.append(Problem(file, f"{where}.lang", lang or "", f"one of {', '.join(LANGUAGES)}"))
    use = entry.get("use")
    if not isinstance(use, str) or not use.strip():
        problems.append(Problem(file, f"{where}.use", use or "", "the word to write instead is required"))
    forms, pattern = entry.get("forms"), entry.get("pattern")
    compiled = None
    if (forms is None) == (pattern is None):
        problems.append(Problem(file, where, "", "give either forms (a list of words) or pattern"))
    elif forms is not None:
        if (
            not isinstance(forms, list)
            or not forms
            or not all(isinstance(f, str) and f.strip() for f in forms)
        ):
            problems.append(Problem(file, f"{where}.forms", forms or "", "a non-empty list of words"))
        else:
            compiled = forms_pattern([f.strip() for f in forms], bool(entry.get("case_sensitive")))
    else:
        compiled = _compile(pattern, f"{where}.pattern", file, problems)
    examples = entry.get("examples", [])
    if forms is not None and "examples" in entry:
        problems.append(
            Problem(file, f"{where}.examples", "", "only a pattern has examples; forms show themselves")
        )
    elif pattern is not None and (
        not isinstance(examples, list) or not examples or not all(isinstance(e, str) for e in examples)
    ):
        problems.append(
            Problem(
                file, f"{where}.examples", examples or "", "a pattern needs a list of examples it rejects"
            )
        )
        examples = []
    elif compiled is not None and pattern is not None:
        for example in examples:
            if not compiled.search(example):
                problems.append(
                    Problem(file, f"{where}.examples", example, "every example must match the pattern")
                )
    why = _texts(entry.get("why"), f"{where}.why", file, problems)
    if compiled is None or not isinstance(word_id, str) or lang not in LANGUAGES or not isinstance(use, str):
        return None
    shown = tuple(str(e) for e in examples) if pattern is not None else ()
    return Word(word_id, lang, use.strip(), tuple(forms or ()), compiled, why, shown)


def _parse_role(entry: object, where: str, file: str, problems: list[Problem]) -> Role | None:
    if not isinstance(entry, dict):
        problems.append(
            Problem(file, where, entry, "each role must be a mapping with id, label, description")
        )
        return None
    for key in sorted(set(entry) - _ROLE_KEYS):
        problems.append(Problem(file, f"{where}.{key}", "", "unknown key; allowed: id, label, description"))
    role_id = entry.get("id")
    if not isinstance(role_id, str) or not _ID.match(role_id):
        problems.append(Problem(file, f"{where}.id", role_id or "", "lowercase a–z, 0–9 and hyphens"))
        return None
    label = _texts(entry.get("label"), f"{where}.label", file, problems)
    for lang, text in label.items():
        if ":" in text or "," in text or "*" in text:
            problems.append(Problem(file, f"{where}.label.{lang}", text, "a label without : , or *"))
    description = _texts(entry.get("description"), f"{where}.description", file, problems)
    return Role(role_id, label, description)


def parse_terminology(data: object, file: str) -> Terminology:
    """Validate the terminology data; every problem is reported together."""
    problems: list[Problem] = []
    if not isinstance(data, dict):
        raise ContentError([Problem(file, "", "", "must be a mapping with words, undated and roles")])
    for key in sorted(set(data) - {"words", "undated", "roles"}):
        problems.append(Problem(file, key, "", "unknown key; allowed: words, undated, roles"))

    words: list[Word] = []
    raw_words = data.get("words")
    if not isinstance(raw_words, list) or not raw_words:
        problems.append(Problem(file, "words", "", "a non-empty list of words is required"))
        raw_words = []
    for index, entry in enumerate(raw_words):
        word = _parse_word(entry, f"words[{index}]", file, problems)
        if word is not None:
            words.append(word)
    _unique([w.id for w in words], "words", file, problems)

    undated: dict[str, tuple[re.Pattern[str], ...]] = {}
    raw_undated = data.get("undated")
    for lang in LANGUAGES:
        sources = raw_undated.get(lang) if isinstance(raw_undated, dict) else None
        if not isinstance(sources, list) or not sources:
            problems.append(Problem(file, f"undated.{lang}", "", "a non-empty list of regular expressions"))
            continue
        compiled = [
            _compile(s, f"undated.{lang}[{i}]", file, problems, re.IGNORECASE) for i, s in enumerate(sources)
        ]
        undated[lang] = tuple(c for c in compiled if c is not None)

    roles: list[Role] = []
    raw_roles = data.get("roles")
    if not isinstance(raw_roles, list) or not raw_roles:
        problems.append(Problem(file, "roles", "", "a non-empty list of roles is required"))
        raw_roles = []
    for index, entry in enumerate(raw_roles):
        role = _parse_role(entry, f"roles[{index}]", file, problems)
        if role is not None:
            roles.append(role)
    _unique([r.id for r in roles], "roles", file, problems)
    for lang in LANGUAGES:
        _unique([r.label.get(lang, "").lower() for r in roles], f"roles (label.{lang})", file, problems)

    if problems:
        raise ContentError(problems)
    return Terminology(tuple(words), undated, tuple(roles))


def _unique(values: list[str], where: str, file: str, problems: list[Problem]) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            problems.append(Problem(file, where, value, "must be unique"))
        seen.add(value)


def load_terminology(path: Path) -> Terminology:
    """Read and validate ``data/terminology.yml``."""
    return parse_terminology(read_yaml(path), path.as_posix())


# ---------------------------------------------------------------------------
# What is prose
# ---------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.S)
_FRONT_MATTER_KEY = re.compile(r"^(\s*(?:-\s+)?[\w-]+:)", re.M)
_FENCE = re.compile(r"^([ \t]*)(`{3,}|~{3,}).*?^\1\2[ \t]*$", re.M | re.S)
_INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_LINK_TARGET = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_REFERENCE = re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$", re.M)
_AUTOLINK = re.compile(r"<(?:https?|mailto):[^>]*>|https?://\S+")
_ATTR_LIST = re.compile(r"\{[:\s]*[#.][^}]*\}")
_ADMONITION_HEAD = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s+[\w-]+", re.M)
# A quotation does not run across a blank line.
_QUOTES = {
    "sv": re.compile(r"”(?:[^”\n]|\n(?![ \t]*\n))*”"),
    "en": re.compile(r"\"(?:[^\"\n]|\n(?![ \t]*\n))*\""),
}


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def prose_only(text: str, lang: str) -> str:
    """``text`` with everything that is not prose in ``lang`` blanked out.

    Blanked: front matter keys, fenced code, inline code, HTML comments, link addresses,
    reference definitions, bare URLs, attribute lists (``{ #anchor }``), admonition
    keywords and quotations. Line breaks stay, so line numbers stay true.
    """
    front = _FRONT_MATTER.match(text)
    if front:
        head = _FRONT_MATTER_KEY.sub(lambda m: " " * len(m.group(1)), front.group(0))
        head = re.sub(r"^---$", "   ", head, flags=re.M)
        text = head + text[front.end() :]
    for pattern in (_FENCE, _HTML_COMMENT, _INLINE_CODE, _REFERENCE, _LINK_TARGET, _AUTOLINK, _ATTR_LIST):
        text = pattern.sub(_blank, text)
    text = _ADMONITION_HEAD.sub(_blank, text)
    return _QUOTES[lang].sub(_blank, text)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def find_rejected(text: str, file: str, words: list[Word], lang: str) -> list[Finding]:
    """Every rejected variant in the prose of ``text``, in the order they appear."""
    prose = prose_only(text, lang)
    findings = [
        (match.start(), Finding(file, _line_of(prose, match.start()), match.group(0), word.use))
        for word in words
        if word.lang == lang
        for match in word.pattern.finditer(prose)
    ]
    return [finding for _, finding in sorted(findings, key=lambda item: item[0])]


def find_undated(
    text: str, file: str, patterns: tuple[re.Pattern[str], ...], lang: str, dated_lines: set[int]
) -> list[Finding]:
    """Time words that go out of date, outside the lines of dated boxes."""
    prose = prose_only(text, lang)
    use = "a date, or a dated box" if lang == "en" else "ett datum eller en daterad ruta"
    findings = []
    for pattern in patterns:
        for match in pattern.finditer(prose):
            line = _line_of(prose, match.start())
            if line not in dated_lines:
                findings.append((match.start(), Finding(file, line, match.group(0), use)))
    return [finding for _, finding in sorted(findings, key=lambda item: item[0])]


# ---------------------------------------------------------------------------
# Checklists
# ---------------------------------------------------------------------------

_TASK = re.compile(r"^[ \t]*[-*] \[[ xX]\] (.*)$", re.M)
_LABEL = re.compile(r"^\*\*([^*]+?):\*\* \S")


@dataclass(frozen=True)
class ChecklistItem:
    line: int
    roles: tuple[str, ...]  # role ids, empty when the label is missing or unknown
    label: str  # the label as written, "" when there is none


def checklist_items(text: str, roles: tuple[Role, ...], lang: str) -> list[ChecklistItem]:
    """Every checklist item (``- [ ] …``) with the roles its bold label names."""
    by_label = {role.label[lang].lower(): role.id for role in roles}
    items = []
    for match in _TASK.finditer(text):
        label_match = _LABEL.match(match.group(1))
        label = label_match.group(1) if label_match else ""
        names = [name.strip().lower() for name in label.split(",")] if label else []
        ids = tuple(by_label[name] for name in names if name in by_label)
        if len(ids) != len(names):
            ids = ()
        items.append(ChecklistItem(_line_of(text, match.start()), ids, label))
    return items
