"""One document made of several pages: the whole guide, or the trust model's questions as a form.

The print page (``guide/utskrift.md``) holds a marker; when every page of the site has been
rendered, the chapters' HTML is put together in order. Each chapter's ids get the chapter's
name in front (two chapters may both have ``#checklist``), its headings move one level down
(the document's title is the only ``h1``; chapters are ``h2``), and links between chapters
become links within the document, so that they also work in the PDF made from it. Links to
other pages and files are rewritten to lead to the same place from the print page (a chapter
may sit in a subfolder, such as the guide's templates).

``DOCUMENTS`` names the two documents, their print pages, and the PDF files that
``scripts/pdf.py`` makes from them (``make pdf``).
"""

from __future__ import annotations

import datetime as dt
import html
import html.parser
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

MARKER = re.compile(r"<!--\s*offentligai:print-document\s+(?P<id>[a-z-]+)\s*-->")
DOWNLOADS = re.compile(r"<!--\s*offentligai:print-downloads\s+(?P<id>[a-z-]+)\s*-->")


@dataclass(frozen=True)
class Document:
    id: str
    page: str  # the print page under docs/
    section: str  # the folder of its chapters
    leave_out: tuple[str, ...]  # pages of the folder that are not chapters (under docs/, Swedish name)
    pdf: Mapping[str, str]  # language -> the PDF's site-relative path
    sources: bool  # end with the list of every source the chapters link to
    form: bool  # a form to fill in on paper: room for the answers


DOCUMENTS = {
    "guide": Document(
        id="guide",
        page="guide/utskrift.md",
        section="guide",
        leave_out=("guide/index.md", "guide/utskrift.md"),
        pdf={"sv": "pdf/offentligai-ai-guiden.pdf", "en": "pdf/offentligai-the-ai-guide.pdf"},
        sources=True,
        form=False,
    ),
    "trust-model": Document(
        id="trust-model",
        page="fortroendemodellen/utskrift.md",
        section="fortroendemodellen",
        leave_out=(
            "fortroendemodellen/index.md",
            "fortroendemodellen/utskrift.md",
            "fortroendemodellen/verktyg.md",
        ),
        pdf={
            "sv": "pdf/offentligai-fortroendemodellens-fragor.pdf",
            "en": "pdf/offentligai-trust-model-questions.pdf",
        },
        sources=False,
        form=True,
    ),
}


@dataclass(frozen=True)
class Section:
    id: str
    title: str


@dataclass(frozen=True)
class Chapter:
    slug: str  # the id of its heading in the document
    title: str
    url: str  # the chapter page's site-relative address
    html: str  # prepared for the document
    sections: tuple[Section, ...]
    reviewed: dt.date | None = None  # the chapter's last_reviewed


@dataclass(frozen=True)
class Source:
    text: str
    href: str


def chapter_slug(url: str) -> str:
    """``guide/juridik/``, ``en/guide/juridik/`` or ``guide/juridik.html`` → ``juridik``."""
    last = url.rstrip("/").rsplit("/", 1)[-1]
    return last[: -len(".html")] if last.endswith(".html") else last


_H1 = re.compile(r"\A\s*<h1\b[^>]*>.*?</h1>\s*", re.S)
# A chapter's reading time (partials/reading-time.html) is for reading it on screen, one at a time.
_READING_TIME = re.compile(r'<p\b[^>]*\bdata-oai="reading-time"[^>]*>.*?</p>\s*', re.S)
_HEADING = re.compile(r"<(/?)h([1-5])\b")
_ID = re.compile(r'\bid="([^"]+)"')
_ADDRESS = re.compile(r'\b(href|src)="([^"]*)"')
# Attributes that name ids of the same page, one or more separated by spaces.
_ID_REFERENCE = re.compile(r'\b(aria-labelledby|aria-describedby|aria-controls|for)="([^"]*)"')


def prepare(content: str, slug: str, url: str, chapters: Mapping[str, str], print_url: str) -> str:
    """A chapter's rendered HTML made part of the document.

    ``url``: the chapter page's site-relative address; ``chapters``: every chapter's address
    -> its slug; ``print_url``: the print page's address. The leading ``h1`` goes (the
    document gives the chapter its heading), and so does the chapter's reading time.
    """
    content = _H1.sub("", content, count=1)
    content = _READING_TIME.sub("", content, count=1)
    content = _HEADING.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", content)
    ids = set(_ID.findall(content))
    content = _ID.sub(lambda m: f'id="{slug}--{m.group(1)}"', content)

    def reference(match: re.Match[str]) -> str:  # follow the ids to their new names
        names = (f"{slug}--{name}" if name in ids else name for name in match.group(2).split())
        return f'{match.group(1)}="{" ".join(names)}"'

    content = _ID_REFERENCE.sub(reference, content)

    def address(match: re.Match[str]) -> str:
        value = html.unescape(match.group(2))
        new = _link(value, slug, url, chapters, print_url) if match.group(1) == "href" else None
        if new is None:
            new = _moved(value, url, print_url)
        return f'{match.group(1)}="{html.escape(new, quote=True)}"'

    return _ADDRESS.sub(address, content)


def _link(href: str, slug: str, url: str, chapters: Mapping[str, str], print_url: str) -> str | None:
    """A link within the document, or None for a link that leads elsewhere."""
    if href.startswith("#"):
        return f"#{slug}--{href[1:]}" if len(href) > 1 else f"#{slug}"
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    target = urlsplit(urljoin("http://site/" + url, href)).path.lstrip("/")
    if target in chapters:
        other = chapters[target]
        return f"#{other}--{parts.fragment}" if parts.fragment else f"#{other}"
    return None


def _moved(address: str, url: str, print_url: str) -> str:
    """A relative address of a chapter at ``url`` made relative to the print page instead."""
    parts = urlsplit(address)
    if parts.scheme or parts.netloc or not parts.path or address.startswith("/"):
        return address
    target = urlsplit(urljoin("http://site/" + url, address)).path
    base = print_url if print_url.endswith("/") else posixpath.dirname(print_url) + "/"
    relative = posixpath.relpath(target, "/" + base)
    if target.endswith("/") and not relative.endswith("/"):
        relative = "./" if relative == "." else relative + "/"
    suffix = (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
    return relative + suffix


def sections(toc: list, slug: str) -> tuple[Section, ...]:
    """The level-2 headings of a page's table of contents (MkDocs' ``page.toc``), with document ids."""
    found: list[Section] = []

    def walk(items: list) -> None:
        for item in items:
            if item.level == 2:
                found.append(Section(f"{slug}--{item.id}", html.unescape(item.title)))
            else:
                walk(item.children)

    walk(list(toc))
    return tuple(found)


class _Links(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Source] = []
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href") or ""
        if tag == "a" and href.startswith(("http://", "https://")):
            self._href, self._text = href, []

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.found.append(Source(" ".join("".join(self._text).split()), self._href))
            self._href = None


def sources(contents: list[str]) -> tuple[Source, ...]:
    """Every page on another site that the chapters link to, once each, in order of appearance."""
    seen: dict[str, Source] = {}
    for content in contents:
        parser = _Links()
        parser.feed(content)
        for source in parser.found:
            if source.href not in seen and source.text:
                seen[source.href] = source
    return tuple(seen.values())


# ---------------------------------------------------------------------------
# The PDF download link: absent from the page until the PDF exists
# ---------------------------------------------------------------------------

# partials/print-downloads.html writes the PDF's link inert: no href, in a hidden paragraph.
# scripts/pdf.py, after writing the PDF, turns on the links to the files it wrote.
PDF_PARAGRAPH = '<p class="oai-print-pdf" data-oai-pdf="{path}" hidden>'
PDF_LINK = "data-oai-pdf-href="
# With its address the link also gets its type and download: a link without one may carry
# neither (HTML's rules).
_PDF_LINK_VALUE = re.compile(PDF_LINK + r'"([^"]*)"')
_PDF_LINK_ENABLED = r'href="\1" type="application/pdf" download'


def enable_pdf_links(page: str, pdf_path: str) -> str:
    """``page`` with the inert link to ``pdf_path`` (site-relative) made a real, visible link."""
    start = PDF_PARAGRAPH.format(path=pdf_path)
    at = page.find(start)
    if at < 0:
        return page
    end = page.index("</p>", at)
    paragraph = _PDF_LINK_VALUE.sub(
        _PDF_LINK_ENABLED, page[at:end].replace(start, start.replace(" hidden>", ">"), 1), count=1
    )
    return page[:at] + paragraph + page[end:]
