"""Metadata that search engines and link previews read: description and alternates."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from ..languages import DEFAULT_LANGUAGE, LANGUAGES, counterpart_url

MAX_DESCRIPTION = 160
_PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def first_paragraph_text(page_html: str) -> str:
    """Plain text of the first non-empty paragraph of rendered page content."""
    for match in _PARAGRAPH.finditer(page_html):
        text = _SPACE.sub(" ", html.unescape(_TAG.sub("", match.group(1)))).strip()
        if text:
            return text
    return ""


def shorten(text: str, limit: int = MAX_DESCRIPTION) -> str:
    """Cut text at a word boundary so that it fits ``limit`` characters, marking the cut."""
    text = _SPACE.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",.;:–-")
    return cut + "…"


def description(meta_description: object, page_html: str, fallback: str) -> str:
    """The page's meta description: from front matter, else the first paragraph, else the site's."""
    if isinstance(meta_description, str) and meta_description.strip():
        return shorten(meta_description)
    return shorten(first_paragraph_text(page_html)) or fallback


@dataclass(frozen=True)
class Alternate:
    """One language version of a page."""

    lang: str  # hreflang value: sv, en or x-default
    url: str  # site-relative URL of that version


def alternates(url: str) -> list[Alternate]:
    """Every language version of the page at ``url``, plus x-default (Swedish)."""
    result = [Alternate(lang, counterpart_url(url, lang)) for lang in LANGUAGES]
    result.append(Alternate("x-default", counterpart_url(url, DEFAULT_LANGUAGE)))
    return result


def absolute(site_url: str, url: str) -> str:
    """An absolute URL from the site's address and a site-relative URL."""
    return site_url.rstrip("/") + "/" + url.lstrip("/")
