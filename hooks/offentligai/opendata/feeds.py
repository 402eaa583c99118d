"""Atom feeds of what is new or changed, written with ``feedgen``.

Two kinds, one feed per language of each:

- the examples, by the date each was last reviewed (``last_reviewed``). We use that date and
  not the git history of the file: a review is when someone checked the example against its
  sources, while commits also touch files for typo fixes and mass edits of the front matter,
  and a copy of the site built from a tarball or in a container has no history at all;
- the guide's chapters and the trust model's parts, by their ``last_reviewed`` front matter
  (pages without one, such as the start pages, are not in the feed).

Every date comes from the content, never from the clock, so two builds of one commit write the
same bytes. An entry's id holds its page and review date: when a page is reviewed again, feed
readers see a new entry.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlsplit

from feedgen.feed import FeedGenerator

MAX_ENTRIES = 50  # the newest; a reader subscribed earlier has seen the rest


@dataclass(frozen=True)
class Entry:
    title: str
    summary: str
    url: str  # absolute address of the page
    updated: dt.date
    lang: str  # the language of title and summary (an untranslated example is in Swedish)


@dataclass(frozen=True)
class Feed:
    title: str
    subtitle: str
    url: str  # absolute address of the feed itself
    page_url: str  # absolute address of the page the feed follows
    lang: str
    author: str
    rights: str
    entries: tuple[Entry, ...]


def newest(entries: list[Entry], limit: int = MAX_ENTRIES) -> tuple[Entry, ...]:
    """The ``limit`` most recently reviewed entries, newest first (then by address)."""
    return tuple(sorted(entries, key=lambda e: (-e.updated.toordinal(), e.url))[:limit])


def entry_id(url: str, updated: dt.date) -> str:
    """A tag URI (RFC 4151) naming the page as reviewed on ``updated``."""
    parts = urlsplit(url)
    return f"tag:{parts.hostname},{updated.isoformat()}:{parts.path}"


def atom(feed: Feed) -> bytes:
    """The Atom document of ``feed`` (UTF-8). Without entries, it is dated 2000-01-01."""
    generator = FeedGenerator()
    generator.id(feed.url)
    generator.title(feed.title)
    generator.subtitle(feed.subtitle)
    generator.language(feed.lang)
    generator.author({"name": feed.author})
    generator.rights(feed.rights)
    generator.link(href=feed.page_url, rel="alternate", type="text/html", hreflang=feed.lang)
    generator.link(href=feed.url, rel="self", type="application/atom+xml")
    generator.generator("Offentlig AI")
    newest_date = max((entry.updated for entry in feed.entries), default=dt.date(2000, 1, 1))
    generator.updated(_moment(newest_date))
    for entry in feed.entries:
        item = generator.add_entry(order="append")
        item.id(entry_id(entry.url, entry.updated))
        item.title(entry.title)
        item.summary(entry.summary)
        item.link(href=entry.url, rel="alternate", type="text/html", hreflang=entry.lang)
        item.updated(_moment(entry.updated))
    return generator.atom_str(pretty=True, encoding="UTF-8")


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
