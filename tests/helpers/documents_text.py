"""The text of the guide's templates, read block by block from a built page, a .docx and an .odt.

Each reader returns the non-empty paragraphs, headings, list items and table cells in document
order, with white space collapsed, so that a page and its downloads can be compared line by line.
Only the standard library is used: the files are ZIP archives of XML.
"""

from __future__ import annotations

import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "th", "td"}
_CONTAINERS = _BLOCKS | {"ul", "ol", "table", "div", "blockquote"}


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class _PageDocument(HTMLParser):
    """Collects the leaf blocks inside ``<div data-oai="document">`` of a built page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._div_depth = 0  # > 0 while inside the template part
        self._open: list[list] = []  # [tag, text parts, has child block]
        self._skip = 0  # inside a heading's permalink

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if tag == "div":
            if self._div_depth:
                self._div_depth += 1
            elif attributes.get("data-oai") == "document":
                self._div_depth = 1
            return
        if not self._div_depth:
            return
        if tag == "a" and "headerlink" in (attributes.get("class") or ""):
            self._skip += 1
        if tag in _CONTAINERS:
            for item in self._open:
                item[2] = True
        if tag in _BLOCKS:
            self._open.append([tag, [], False])

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self._div_depth:
            self._div_depth -= 1
            return
        if not self._div_depth:
            return
        if tag == "a" and self._skip:
            self._skip -= 1
        if tag in _BLOCKS and self._open and self._open[-1][0] == tag:
            _, parts, has_child = self._open.pop()
            text = _clean("".join(parts))
            if not has_child and text:
                self.blocks.append(text)

    def handle_data(self, data: str) -> None:
        if self._div_depth and self._open and not self._skip:
            self._open[-1][1].append(data)


def page_blocks(html: str) -> list[str]:
    """The template part of a built page, block by block."""
    parser = _PageDocument()
    parser.feed(html)
    parser.close()
    return parser.blocks


def docx_blocks(path: Path) -> list[str]:
    """Every non-empty paragraph of word/document.xml (table cells hold paragraphs too)."""
    with zipfile.ZipFile(path) as archive:
        root = ElementTree.fromstring(archive.read("word/document.xml"))
    blocks = []
    for paragraph in root.iter(f"{W}p"):
        parts = []
        for node in paragraph.iter():
            if node.tag == f"{W}t":
                parts.append(node.text or "")
            elif node.tag in (f"{W}tab", f"{W}br"):
                parts.append(" ")
        text = _clean("".join(parts))
        if text:
            blocks.append(text)
    return blocks


def _odt_text(node: ElementTree.Element) -> str:
    parts = [node.text or ""]
    for child in node:
        if child.tag == f"{TEXT}s":
            parts.append(" " * int(child.get(f"{TEXT}c", "1")))
        elif child.tag in (f"{TEXT}tab", f"{TEXT}line-break"):
            parts.append(" ")
        else:
            parts.append(_odt_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def odt_blocks(path: Path) -> list[str]:
    """Every non-empty heading and paragraph of content.xml's text body."""
    with zipfile.ZipFile(path) as archive:
        root = ElementTree.fromstring(archive.read("content.xml"))
    body = root.find(f"{OFFICE}body/{OFFICE}text")
    assert body is not None, f"{path}: content.xml has no office:text"
    blocks = []
    for node in body.iter():
        if node.tag in (f"{TEXT}h", f"{TEXT}p"):
            text = _clean(_odt_text(node))
            if text:
                blocks.append(text)
    return blocks
