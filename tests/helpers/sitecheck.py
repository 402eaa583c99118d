"""Reading a built site: its pages, their links, anchors and the resources they load."""

from __future__ import annotations

import html.parser
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

# Elements and attributes through which a browser loads something.
LOADING = {
    ("script", "src"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("iframe", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("track", "src"),
    ("input", "src"),
}
LOADING_LINK_RELS = {
    "stylesheet",
    "icon",
    "preload",
    "modulepreload",
    "manifest",
    "apple-touch-icon",
    "prefetch",
}


@dataclass
class ParsedPage:
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)  # <a href>
    loads: list[str] = field(default_factory=list)  # resources the browser fetches
    head_links: list[dict[str, str]] = field(default_factory=list)  # every <link> in the page
    metas: list[dict[str, str]] = field(default_factory=list)
    lang: str = ""


class _Parser(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if "id" in values:
            self.page.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.page.ids.add(values["name"])
        if tag == "html":
            self.page.lang = values.get("lang", "")
        if tag == "a" and "href" in values:
            self.page.links.append(values["href"])
        if tag == "link":
            self.page.head_links.append(values)
            rels = set(values.get("rel", "").lower().split())
            if rels & LOADING_LINK_RELS and values.get("href"):
                self.page.loads.append(values["href"])
        if tag == "meta":
            self.page.metas.append(values)
        for name, value in values.items():
            if (tag, name) in LOADING and value:
                if name == "srcset":
                    self.page.loads.extend(
                        part.strip().split(" ")[0] for part in value.split(",") if part.strip()
                    )
                else:
                    self.page.loads.append(value)
        if "style" in values:
            self.page.loads.extend(css_urls(values["style"]))


def parse(path: Path) -> ParsedPage:
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.page


_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")
_CSS_IMPORT = re.compile(r"""@import\s+['"]([^'"]+)['"]""")


def css_urls(css: str) -> list[str]:
    return [u for u in _CSS_URL.findall(css) + _CSS_IMPORT.findall(css) if not u.startswith("data:")]


def html_pages(root: Path) -> Iterator[Path]:
    """Every page of the site, without the stubs at moved pages' old addresses (mkdocs-redirects)."""
    for path in sorted(root.rglob("*.html")):
        if 'http-equiv="refresh"' not in path.read_text(encoding="utf-8")[:2000]:
            yield path


def page_url(root: Path, path: Path, base: str) -> str:
    """The absolute URL a built file is served at."""
    rel = path.relative_to(root).as_posix()
    return urljoin(base, rel)


def is_other_origin(url: str, base: str) -> bool:
    """True when ``url`` (resolved against ``base``) is on another scheme, host or port."""
    parts = urlsplit(urljoin(base, url))
    own = urlsplit(base)
    if parts.scheme in ("data", "blob", "javascript", "mailto", "tel", "about"):
        return False
    return (parts.scheme, parts.netloc) != (own.scheme, own.netloc)


def resolve(root: Path, site_url: str, url: str) -> tuple[Path | None, str]:
    """The file a same-origin URL leads to (None if missing) and its fragment."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    own_path = urlsplit(site_url).path
    if not path.startswith(own_path):
        return None, parts.fragment
    target = root / path[len(own_path) :]
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return (target if target.is_file() else None), unquote(parts.fragment)


# ---------------------------------------------------------------------------
# Glossary terms explained in place
# ---------------------------------------------------------------------------

# Elements inside which no glossary term may be marked (links, headings, code).
NO_TERMS_INSIDE = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre"}


@dataclass(frozen=True)
class TermMark:
    """One ``<abbr>`` of a page: its explanation, its text and what encloses it."""

    title: str
    text: str
    focusable: bool
    inside: tuple[str, ...]  # the names of the enclosing elements, outermost first


class _TermParser(html.parser.HTMLParser):
    _VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.marks: list[TermMark] = []
        self._current: dict[str, str] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "abbr":
            self._current, self._text = {name: value or "" for name, value in attrs}, []
        if tag not in self._VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            while self.open.pop() != tag:
                pass
        if tag == "abbr" and self._current is not None:
            mark = TermMark(
                self._current.get("title", ""),
                "".join(self._text),
                self._current.get("tabindex") == "0",
                tuple(self.open),
            )
            self.marks.append(mark)
            self._current = None

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._text.append(data)


def term_marks(page_html: str) -> list[TermMark]:
    """Every ``<abbr>`` of a page's HTML, read with the standard library's HTML parser."""
    parser = _TermParser()
    parser.feed(page_html)
    parser.close()
    return parser.marks
