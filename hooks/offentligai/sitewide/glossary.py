"""The guide's glossary: one data file, rendered as a page and explained in place.

On a guide page, the first place where one of a term's ``match`` forms appears becomes
``<abbr tabindex="0" title="definition">``, so that a reader sees the definition on hover
or keyboard focus (Material's ``content.tooltips``) without leaving the page. Terms are
marked on the page's HTML, once per page and never inside links, headings, code or other
elements where an explanation does not belong (``NOT_MARKED_IN``): a focusable ``abbr``
inside a link would nest two focus stops.
The glossary page lists every term, each under a heading of its own, so that site search
finds the single term (one search entry per heading), and links a term to the section of
the guide that explains it (``see``).
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from .. import frontmatter
from ..datafiles import read_yaml
from ..errors import ContentError, Problem
from ..languages import LANGUAGES, collation_key

MAX_DEFINITION = 250
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# A page under docs/ and the id of one of its headings: guide/juridik.md#dpia
_SEE = re.compile(r"^(?P<page>[a-z0-9][a-z0-9/_-]*\.md)#(?P<anchor>[a-z0-9]+(?:-[a-z0-9]+)*)$")
_KEYS = ("id", "term", "definition", "match", "see")


@dataclass(frozen=True)
class Term:
    id: str
    term: dict[str, str]
    definition: dict[str, str]
    match: dict[str, list[str]]
    see: str | None = None  # the section of the guide that explains the term: guide/juridik.md#dpia


@dataclass(frozen=True)
class SeeAlso:
    """A term's link to the section that explains it, in one language."""

    href: str  # relative to the glossary page's file: "juridik.md#dpia"
    page: str  # the page's title
    section: str  # the heading's text


def _texts(value: object, where: str, file: str, problems: list[Problem]) -> dict[str, str]:
    result: dict[str, str] = {}
    for lang in LANGUAGES:
        text = value.get(lang) if isinstance(value, dict) else None
        if not isinstance(text, str) or not text.strip():
            problems.append(
                Problem(
                    file, f"{where}.{lang}", text if text is not None else "", "a non-empty text is required"
                )
            )
        else:
            result[lang] = text.strip()
    return result


def parse_glossary(data: object, file: str) -> list[Term]:
    """Validate the glossary data; every problem is reported together."""
    problems: list[Problem] = []
    entries = data.get("terms") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise ContentError([Problem(file, "terms", "", "a non-empty list of terms is required")])
    terms: list[Term] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        where = f"terms[{index}]"
        if not isinstance(entry, dict):
            problems.append(
                Problem(file, where, entry, "each term must be a mapping with id, term, definition, match")
            )
            continue
        unknown = sorted(set(entry) - set(_KEYS))
        for key in unknown:
            problems.append(Problem(file, f"{where}.{key}", "", f"unknown key; allowed: {', '.join(_KEYS)}"))
        term_id = entry.get("id")
        if not isinstance(term_id, str) or not _ID.match(term_id):
            problems.append(
                Problem(
                    file,
                    f"{where}.id",
                    term_id if term_id is not None else "",
                    "lowercase a–z, 0–9 and hyphens",
                )
            )
            term_id = f"?{index}"
        elif term_id in seen:
            problems.append(Problem(file, f"{where}.id", term_id, "ids must be unique"))
        seen.add(term_id)
        names = _texts(entry.get("term"), f"{where}.term", file, problems)
        definitions = _texts(entry.get("definition"), f"{where}.definition", file, problems)
        for lang, text in definitions.items():
            if len(text) > MAX_DEFINITION:
                problems.append(
                    Problem(
                        file,
                        f"{where}.definition.{lang}",
                        f"{len(text)} characters",
                        f"at most {MAX_DEFINITION}",
                    )
                )
            if '"' in text or "\n" in text:
                problems.append(
                    Problem(file, f"{where}.definition.{lang}", text, "one line without double quotes")
                )
        matches: dict[str, list[str]] = {}
        raw = entry.get("match")
        for lang in LANGUAGES:
            forms = raw.get(lang) if isinstance(raw, dict) else None
            if (
                not isinstance(forms, list)
                or not forms
                or not all(isinstance(f, str) and f.strip() for f in forms)
            ):
                problems.append(
                    Problem(file, f"{where}.match.{lang}", forms or "", "a non-empty list of word forms")
                )
            else:
                matches[lang] = [f.strip() for f in forms]
        see = entry.get("see")
        if see is not None and not (isinstance(see, str) and _SEE.match(see)):
            allowed = "a page under docs/ and a heading id, such as guide/juridik.md#dpia"
            problems.append(Problem(file, f"{where}.see", see, allowed))
            see = None
        terms.append(Term(term_id, names, definitions, matches, see))
    if problems:
        raise ContentError(problems)
    return terms


def load_glossary(path: Path) -> list[Term]:
    """Read and validate the glossary file."""
    file = path.as_posix()
    return parse_glossary(read_yaml(path, file), file)


_HEADING = re.compile(r"^#{1,6}[ \t]+(?P<text>.+?)[ \t]*\{[^}]*#(?P<id>[\w-]+)[^}]*\}[ \t]*$", re.M)


def see_also(terms: list[Term], lang: str, docs_dir: Path, page_src: str, file: str) -> dict[str, SeeAlso]:
    """Each term's link to the section that explains it, for the glossary page ``page_src`` in ``lang``.

    The title and heading come from the page's file in ``lang`` (``x.en.md``, or the Swedish file
    where there is no English one); a missing page or heading id is reported with the term.
    """
    problems: list[Problem] = []
    links: dict[str, SeeAlso] = {}
    for index, term in enumerate(terms):
        match = _SEE.match(term.see or "")
        if match is None:
            continue
        path, anchor = match["page"], match["anchor"]
        translated = docs_dir / f"{path[:-3]}.{lang}.md"
        source = translated if translated.is_file() else docs_dir / path
        where = f"terms[{index}].see"
        if not source.is_file():
            problems.append(Problem(file, where, term.see, "no such page under docs/"))
            continue
        try:
            document = frontmatter.split(source.read_text(encoding="utf-8"))
        except frontmatter.FrontMatterError as error:
            problems.append(Problem(file, where, term.see, f"{source.name}: {error}"))
            continue
        headings = {found["id"]: found["text"] for found in _HEADING.finditer(document.body)}
        if anchor not in headings:
            problems.append(Problem(file, where, term.see, f"{source.name} has no heading with id {anchor}"))
            continue
        title = str(document.meta.get("title") or path)
        href = posixpath.relpath(path, posixpath.dirname(page_src) or ".") + f"#{anchor}"
        links[term.id] = SeeAlso(href, title, headings[anchor])
    if problems:
        raise ContentError(problems)
    return links


def sorted_terms(terms: list[Term], lang: str) -> list[Term]:
    """Terms in alphabetical order (å, ä, ö after z) by their name in ``lang``."""
    return sorted(terms, key=lambda term: collation_key(term.term[lang]))


# ---------------------------------------------------------------------------
# Marking terms on a page
# ---------------------------------------------------------------------------

# Elements whose text is never marked: links and other interactive elements (a focusable
# term inside them would nest focus stops), headings and terms of definition lists, code,
# and elements that hold no phrasing content.
NOT_MARKED_IN = frozenset(
    {
        *("a", "button", "label", "select", "option", "textarea", "summary"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "dt"),
        *("code", "pre", "kbd", "samp"),
        *("abbr", "dfn", "script", "style", "template", "title", "svg", "math"),
    }
)
# An element with this attribute is not marked either (the glossary's own listing).
SKIP_ATTRIBUTE = "data-oai-glossary-skip"

# A comment, or a start or end tag: its name and its attributes (quoted values may hold ">").
_TAG = re.compile(r"<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.S)
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)


@dataclass(frozen=True)
class TermMarker:
    """The glossary of one language, ready to mark pages: one pattern for every form."""

    pattern: re.Pattern[str] | None  # None when the language has no forms
    term_of: dict[str, str]  # form -> term id
    markup: dict[str, str]  # term id -> the opening tag, definition escaped


def term_marker(terms: list[Term], lang: str) -> TermMarker:
    """Every ``match`` form of ``lang`` as whole words, longest first, like Markdown's ``abbr``."""
    term_of = {form: term.id for term in terms for form in term.match[lang]}
    markup = {term.id: f'<abbr tabindex="0" title="{_attribute(term.definition[lang])}">' for term in terms}
    forms = sorted(term_of, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, forms)) + r")\b") if forms else None
    return TermMarker(pattern, term_of, markup)


def mark_terms(page_html: str, marker: TermMarker) -> str:
    """Explain each glossary term where it first appears in ``page_html``'s text.

    Only the first occurrence of a term (of any of its forms) is marked: it is focusable and
    shows the definition on hover or focus; more would fill the tab order with stops.
    Text inside ``NOT_MARKED_IN`` elements and elements with ``SKIP_ATTRIBUTE`` is passed over.
    """
    if marker.pattern is None:
        return page_html
    left = set(marker.markup)  # terms not marked yet
    parts: list[str] = []
    done = 0  # page_html[:done] is in parts
    skipped, depth = "", 0  # the outermost skipped element open, and how deep its kind is nested
    for tag in _TAG.finditer(page_html):
        if depth == 0 and tag.start() > done:
            parts.append(_mark_text(page_html[done : tag.start()], marker.pattern, marker, left))
            done = tag.start()
            if not left:
                break
        parts.append(page_html[done : tag.end()])
        done = tag.end()
        closing, name, attributes = tag.group(1), (tag.group(2) or "").lower(), tag.group(3) or ""
        if not name:
            continue  # a comment
        opening = not closing and name not in _VOID and not attributes.rstrip().endswith("/")
        if depth == 0:
            if opening and (name in NOT_MARKED_IN or SKIP_ATTRIBUTE in attributes):
                skipped, depth = name, 1
        elif name == skipped:
            depth += 1 if opening else -1 if closing else 0
    if depth == 0 and left and done < len(page_html):
        parts.append(_mark_text(page_html[done:], marker.pattern, marker, left))
    else:
        parts.append(page_html[done:])
    return "".join(parts)


def unmark_repeats(page_html: str, marker: TermMarker) -> str:
    """``page_html`` with only the first mark of each term left; later marks become plain text.

    For a page put together from pages marked one by one (the print documents), so that it
    too has each term marked once.
    """
    if marker.pattern is None:
        return page_html
    openings = {opening: term for term, opening in marker.markup.items()}
    seen: set[str] = set()

    def keep_first(found: re.Match[str]) -> str:
        term = openings.get(found.group(1))
        if term is None or term not in seen:
            if term is not None:
                seen.add(term)
            return found.group(0)
        return found.group(2)

    return _MARK.sub(keep_first, page_html)


# A mark as mark_terms writes it: the opening tag (group 1) and the marked form (group 2).
_MARK = re.compile(r'(<abbr tabindex="0" title="[^"]*">)([^<]*)</abbr>')


def _mark_text(text: str, pattern: re.Pattern[str], marker: TermMarker, left: set[str]) -> str:
    """``text`` (between tags) with the first form of every term still in ``left`` marked."""
    pieces: list[str] = []
    done = 0
    for match in pattern.finditer(text):
        term = marker.term_of[match.group(0)]
        if term not in left:
            continue
        left.discard(term)
        pieces += [text[done : match.start()], marker.markup[term], match.group(0), "</abbr>"]
        done = match.end()
        if not left:
            break
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def _attribute(text: str) -> str:
    """``text`` escaped for a double-quoted attribute, as Markdown escapes it."""
    return html.escape(text, quote=False).replace('"', "&quot;")
