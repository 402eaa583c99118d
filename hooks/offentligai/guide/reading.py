"""Reading time of the guide's chapters, computed from their text at every build.

A chapter's reading time is its number of words (text of the rendered page, tables and
checklists included) at WORDS_PER_MINUTE, rounded to whole minutes. The page header says
"Lästid: cirka 12 minuter" so that a reader can plan; the figure follows every edit.
"""

from __future__ import annotations

import html
import re

# Silent reading of factual prose; a round figure on the careful side for public officials
# reading about rules (studies of adult readers put non-fiction at roughly 200–260 words a minute).
WORDS_PER_MINUTE = 200
GUIDE = "guide/"
# Under the guide but not chapters to read through: section start pages, the glossary
# (a list to look things up in), the templates (documents to fill in) and the print page
# (the whole guide as one document: offentligai/printing/document.py).
_NOT_CHAPTERS = re.compile(
    r"(^|/)index(\.en)?\.md$|^guide/ordlista(\.en)?\.md$|^guide/mallar/|^guide/utskrift(\.en)?\.md$"
)
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+(?:[-’']\w+)*")


def is_chapter(src_uri: str) -> bool:
    """True for a page of the guide that is read through: a chapter, a sector page, an overview."""
    return src_uri.startswith(GUIDE) and not _NOT_CHAPTERS.search(src_uri)


def word_count(page_html: str) -> int:
    """The words of a rendered page's text (tags left out, entities read as characters)."""
    return len(_WORD.findall(html.unescape(_TAG.sub(" ", page_html))))


def reading_minutes(page_html: str) -> int:
    """Minutes to read the page at WORDS_PER_MINUTE, at least one."""
    return max(1, round(word_count(page_html) / WORDS_PER_MINUTE))


def after_title(page_html: str, addition: str) -> str:
    """``addition`` right after the page's first <h1>…</h1>, or at the start when there is none."""
    end = page_html.find("</h1>")
    if end < 0:
        return addition + page_html
    end += len("</h1>")
    return page_html[:end] + addition + page_html[end:]
