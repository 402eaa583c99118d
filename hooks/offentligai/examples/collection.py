"""Read every example, check it against the schema and the rules a schema cannot express.

An example is ``docs/exempel/<id>.md`` (Swedish: every fact) plus ``<id>.en.md``
(English: only ``title``, ``summary`` and the body). All problems of a run are
collected and raised together as one ``ContentError``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from dataclasses import field as default
from pathlib import Path
from typing import Any

from .. import frontmatter, schema_errors
from ..errors import ContentError, Problem
from ..languages import DEFAULT_LANGUAGE
from . import schema

CATALOGUE_STEM = "index"  # docs/exempel/index.md is the catalogue, not an example
ENGLISH_SUFFIX = ".en.md"
_TODO = re.compile(r"\bTODO\b")
_FENCE = re.compile(r"^\s*(```|~~~)")
_SUSPECT = re.compile(r"\bTODO\b|^#(\s|$)", re.M)  # a line check_body must look at


@dataclass(frozen=True)
class Source:
    title: str
    url: str
    date: dt.date | None
    publisher: str | None = None  # required in a file; None only in a Source built in code
    kind: str | None = None  # a code of the source_kinds vocabulary (required in a file)


@dataclass(frozen=True)
class Example:
    """One example: the language-neutral facts, and title and summary per language."""

    id: str
    title: Mapping[str, str]  # language -> text; a language without its own file is missing
    summary: Mapping[str, str]
    organisation: str
    organisation_type: str
    organisation_number: str | None
    functions: tuple[str, ...]
    techniques: tuple[str, ...]
    status: str
    year_started: int
    year_ended: int | None
    decision_role: str
    personal_data: bool
    sources: tuple[Source, ...]
    last_reviewed: dt.date
    status_confirmed: dt.date | None = None  # required in a file; None only in an Example built in code
    # Why no source is primary, by language (empty when a source is primary)
    no_primary_source_reason: Mapping[str, str] = default(default_factory=dict)

    def text(self, field: str, lang: str) -> tuple[str, str]:
        """``title`` or ``summary`` in ``lang`` (or in Swedish if untranslated), and its language."""
        texts: Mapping[str, str] = getattr(self, field)
        return (texts[lang], lang) if lang in texts else (texts[DEFAULT_LANGUAGE], DEFAULT_LANGUAGE)


# ---------------------------------------------------------------------------
# Reading a folder of examples
# ---------------------------------------------------------------------------


def example_files(folder: Path) -> tuple[dict[str, Path], dict[str, Path], list[Path]]:
    """The Swedish and English example files of ``folder`` by file stem, and misplaced files.

    Examples live directly in ``folder``; Markdown files in subfolders are misplaced.
    """
    swedish: dict[str, Path] = {}
    english: dict[str, Path] = {}
    misplaced: list[Path] = []
    for path in sorted(folder.rglob("*.md")):
        if path.parent != folder:
            misplaced.append(path)
        elif path.name.endswith(ENGLISH_SUFFIX):
            english[path.name[: -len(ENGLISH_SUFFIX)]] = path
        else:
            swedish[path.stem] = path
    swedish.pop(CATALOGUE_STEM, None)
    english.pop(CATALOGUE_STEM, None)
    return swedish, english, misplaced


def load_collection(
    folder: Path,
    root: Path,
    check: schema.Draft202012Validator,
    today: dt.date,
) -> list[Example]:
    """Every example of ``folder``, sorted by id; raises ``ContentError`` with all problems."""
    english_check = schema.validator(schema.english_schema(check.schema))
    swedish, english, misplaced = example_files(folder)
    problems = [
        Problem(
            _display(path, root),
            "",
            "",
            f"examples live directly in {_display(folder, root)}/; move the file there",
        )
        for path in misplaced
    ]
    examples: list[Example] = []
    for stem, path in swedish.items():
        meta = _read(path, _display(path, root), check, today, problems, stem)
        fields = (*schema.ENGLISH_FIELDS, *schema.ENGLISH_OPTIONAL_FIELDS)
        texts = {name: {DEFAULT_LANGUAGE: (meta or {}).get(name)} for name in fields}
        if stem in english:
            en_name = _display(english[stem], root)
            en_meta = _read(english[stem], en_name, english_check, today, problems, None)
            for name in fields:
                texts[name]["en"] = (en_meta or {}).get(name)
            if meta is not None and en_meta is not None:
                problems.extend(english_translates(meta, en_meta, en_name))
        if meta is not None:
            examples.append(_example(meta, texts))
    for stem, path in english.items():
        if stem not in swedish:
            sv_name = _display(path.with_name(f"{stem}.md"), root)
            problems.append(
                Problem(
                    _display(path, root),
                    "",
                    "",
                    f"has no Swedish file {sv_name}, which holds the example's facts",
                )
            )
    problems.extend(duplicate_ids([(_display(swedish[e.id], root), e.id) for e in examples]))
    if problems:
        raise ContentError(problems)
    return sorted(examples, key=lambda example: example.id)


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _read(
    path: Path,
    name: str,
    check: schema.Draft202012Validator,
    today: dt.date,
    problems: list[Problem],
    stem: str | None,
) -> dict[str, Any] | None:
    """The front matter of one file if the file is valid; its problems are added to ``problems``."""
    try:
        document = frontmatter.split(path.read_text(encoding="utf-8"))
    except frontmatter.FrontMatterError as error:
        problems.append(Problem(name, "", "", str(error)))
        return None
    except (OSError, UnicodeDecodeError) as error:
        problems.append(Problem(name, "", "", f"cannot be read as UTF-8 text ({error})"))
        return None
    found = validate_meta(document.meta, name, check, today, stem)
    found += check_body(document.body, document.body_line, name)
    problems.extend(found)
    return None if found else document.meta


# ---------------------------------------------------------------------------
# Rules
# ---------------------------------------------------------------------------


def validate_meta(
    meta: Mapping[str, Any],
    name: str,
    check: schema.Draft202012Validator,
    today: dt.date,
    stem: str | None = None,
) -> list[Problem]:
    """Schema errors, then the rules a schema cannot express; at most one problem per field.

    ``stem`` is the file name without ``.md`` that ``id`` must equal (None: no ``id`` field).
    """
    found: dict[str, Problem] = {}

    def add(field: str, value: object, allowed: str) -> None:
        found.setdefault(field, _problem(name, field, value, allowed))

    for problem in schema_errors.problems(check, dict(meta), name):
        found.setdefault(problem.field, problem)
    if stem is not None and isinstance(meta.get("id"), str) and meta["id"] != stem:
        add("id", meta["id"], f"must be the file name without .md: {stem}")
    for field, value in _strings(meta, ""):
        if _TODO.search(value):
            add(field, value, "is a placeholder (TODO): replace it with the real text")
    number = meta.get("organisation_number")
    if isinstance(number, str) and re.fullmatch(r"\d{6}-\d{4}", number) and not luhn_valid(number):
        add(
            "organisation_number",
            number,
            "the check digit is wrong: the last digit must be the Luhn check digit of the first nine",
        )
    started, ended = meta.get("year_started"), meta.get("year_ended")
    for field, year in (("year_started", started), ("year_ended", ended)):
        if _is_int(year) and year > today.year:
            add(field, year, f"must not be in the future (after {today.year})")
    if _is_int(started) and _is_int(ended) and ended < started:
        add("year_ended", ended, f"must not be before year_started ({started})")
    dates = [("last_reviewed", meta.get("last_reviewed"))]
    sources = meta.get("sources")
    if isinstance(sources, list):
        dates += [
            (f"sources[{n}].date", s.get("date")) for n, s in enumerate(sources, 1) if isinstance(s, dict)
        ]
    dates.append(("status_confirmed", meta.get("status_confirmed")))
    for field, value in dates:
        day = parse_date(value)
        if day is not None and day > today:
            add(field, value, f"must not be in the future (after {today.isoformat()})")
    if isinstance(sources, list) and sources and all(isinstance(s, dict) for s in sources):
        # A source already reported (an unknown kind, say) is not counted for or against the policy.
        reported = any(field.startswith("sources") for field in found)
        for field, value, allowed in source_policy(meta, sources, reported):
            add(field, value, allowed)
    return list(found.values())


def source_policy(
    meta: Mapping[str, Any], sources: list[Mapping[str, Any]], lenient: bool = False
) -> list[tuple[str, object, str]]:
    """(field, value, what is allowed) for each breach of the source policy.

    At least one source is primary, or ``no_primary_source_reason`` says why not (and only
    then); ``status_confirmed`` is the date of the newest source that confirms the status, so
    it cannot be later than the newest dated source. ``lenient``: a source was already reported
    (an unknown kind, say), so the primary-source rule is not applied.
    """
    found: list[tuple[str, object, str]] = []
    kinds = [source.get("kind") for source in sources]
    reason = meta.get("no_primary_source_reason")
    if "primary" in kinds and reason is not None:
        found.append(
            ("no_primary_source_reason", reason, "remove it: a source is primary, so no reason is needed")
        )
    elif "primary" not in kinds and reason is None and not lenient:
        found.append(
            (
                "sources",
                f"{len(sources)} source{'s' if len(sources) != 1 else ''}, none primary",
                "at least one source must be primary (the organisation, an authority, a court, a "
                "peer-reviewed paper); otherwise say why in no_primary_source_reason",
            )
        )
    confirmed = parse_date(meta.get("status_confirmed"))
    if confirmed is not None:
        dated = [day for day in (parse_date(source.get("date")) for source in sources) if day is not None]
        if not dated:
            found.append(
                (
                    "status_confirmed",
                    meta["status_confirmed"],
                    "needs a dated source: give the date of the source that confirms the status",
                )
            )
        elif confirmed > max(dated):
            found.append(
                (
                    "status_confirmed",
                    meta["status_confirmed"],
                    f"must not be later than the newest source's date ({max(dated).isoformat()}): "
                    "it is the date of the newest source that confirms the status",
                )
            )
    return found


def english_translates(meta: Mapping[str, Any], en_meta: Mapping[str, Any], en_name: str) -> list[Problem]:
    """The English file translates exactly the optional texts that the Swedish file has."""
    problems = []
    for name in schema.ENGLISH_OPTIONAL_FIELDS:
        if name in meta and name not in en_meta:
            problems.append(Problem(en_name, name, "", "is required: the Swedish file has it; translate it"))
        elif name in en_meta and name not in meta:
            problems.append(
                Problem(
                    en_name, name, schema_errors.shown(en_meta[name]), "the Swedish file has none; remove it"
                )
            )
    return problems


def check_body(body: str, first_line: int, name: str) -> list[Problem]:
    """The body may hold no TODO placeholder and no level-1 heading (the title is in the front matter)."""
    if not _SUSPECT.search(body):
        return []  # the usual case, found with one search instead of one per line
    problems: list[Problem] = []
    in_code = False
    for number, line in enumerate(body.splitlines(), first_line):
        if _FENCE.match(line):
            in_code = not in_code
        where = f"body, line {number}"
        if _TODO.search(line):
            problems.append(
                _problem(name, where, line.strip(), "is a placeholder (TODO): replace it with the real text")
            )
        elif not in_code and re.match(r"#(\s|$)", line):
            problems.append(
                _problem(
                    name, where, line.strip(), "the page title comes from 'title'; start sections with '## '"
                )
            )
    return problems


def luhn_valid(number: str) -> bool:
    """True when the last digit of the ten is the Luhn check digit of the first nine."""
    digits = [int(char) for char in number if char.isdigit()]
    if len(digits) != 10:
        return False
    total = 0
    for position, digit in enumerate(digits[:9]):
        value = digit * 2 if position % 2 == 0 else digit
        total += value - 9 if value > 9 else value
    return (10 - total % 10) % 10 == digits[9]


def parse_date(value: object) -> dt.date | None:
    """A ``YYYY-MM-DD`` text as a date; None for anything else."""
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def duplicate_ids(owners: Iterable[tuple[str, str]]) -> list[Problem]:
    """A problem for every (file, id) whose id an earlier file already has."""
    first: dict[str, str] = {}
    problems = []
    for name, example_id in owners:
        if example_id in first:
            problems.append(
                Problem(
                    name, "id", example_id, f"is already the id of {first[example_id]}; ids must be unique"
                )
            )
        else:
            first[example_id] = name
    return problems


def _example(meta: Mapping[str, Any], texts: Mapping[str, Mapping[str, Any]]) -> Example:
    return Example(
        id=meta["id"],
        title={lang: str(text) for lang, text in texts["title"].items() if text is not None},
        summary={lang: str(text) for lang, text in texts["summary"].items() if text is not None},
        organisation=meta["organisation"],
        organisation_type=meta["organisation_type"],
        organisation_number=meta.get("organisation_number"),
        functions=tuple(meta["functions"]),
        techniques=tuple(meta["techniques"]),
        status=meta["status"],
        year_started=meta["year_started"],
        year_ended=meta.get("year_ended"),
        decision_role=meta["decision_role"],
        personal_data=meta["personal_data"],
        sources=tuple(
            Source(s["title"], s["url"], parse_date(s.get("date")), s.get("publisher"), s.get("kind"))
            for s in meta["sources"]
        ),
        last_reviewed=dt.date.fromisoformat(meta["last_reviewed"]),
        status_confirmed=parse_date(meta.get("status_confirmed")),
        no_primary_source_reason={
            lang: str(text) for lang, text in texts["no_primary_source_reason"].items() if text is not None
        },
    )


def _strings(value: object, path: str) -> Iterable[tuple[str, str]]:
    """Every text in a front-matter value, with its field path (``sources[1].title``)."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for number, item in enumerate(value, 1):
            yield from _strings(item, f"{path}[{number}]")


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _problem(name: str, field: str, value: object, allowed: str) -> Problem:
    return Problem(name, field, schema_errors.shown(value), allowed)
