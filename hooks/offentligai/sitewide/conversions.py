"""Markdown converted once per version of a page, for the rebuilds of ``mkdocs serve``.

After a writer saves one page, ``mkdocs serve`` builds the whole site again, both languages,
and converts the Markdown of every page, although only one page has changed. The conversion
is about a third of a rebuild. Its result depends only on:

- the page's Markdown as the plugins and hooks leave it (``on_page_markdown``), which holds
  everything our hooks put in from the data files;
- the page's own place (source path and address), since relative links are rewritten from it;
- the site's files (every path and address), against which links are resolved and checked;
- the Markdown extensions and their settings, and the link validation settings.

``key`` makes one digest of all of these. A page whose key was converted before, in this
process, gets the stored result (HTML, table of contents, title, anchors and the links to
other pages' anchors, which MkDocs still checks after every build); its Markdown is then
not converted again. A conversion that logged a warning (a broken link, say) is never
stored, so that every rebuild repeats the warning until the page is fixed; when no
warning count is available (a build that is not strict) nothing is stored at all.

The store is for the life of the process and bounded (``MAX_ENTRIES``, oldest out first). It
is used only in ``mkdocs serve`` (``Store.serving``): a plain ``mkdocs build`` converts each
page once anyway, and storing would only copy every page's results for nothing.
"""

from __future__ import annotations

import collections
import contextlib
import copy
import hashlib
import logging
import weakref
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from mkdocs.utils import CountHandler

T = TypeVar("T")

MAX_ENTRIES = 8192  # a conversion and search entries of each page of a site with 1,000 examples


@dataclass(frozen=True)
class Conversion:
    """What ``Page.render`` leaves on a page (MkDocs 1.6), with linked files by source path."""

    content: str
    toc: Any  # mkdocs.structure.toc.TableOfContents; copied on the way out
    title: str | None
    anchor_ids: frozenset[str]
    links_to_anchors: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] | None


@dataclass
class Store:
    """Conversions by key, the most recently used last."""

    entries: collections.OrderedDict[str, Any]  # Conversion, SearchEntries or a rendered page
    limit: int = MAX_ENTRIES
    # Work is kept only where a rebuild can use it: in `mkdocs serve` (rendering_hooks.on_startup).
    # A plain build does everything once, and storing would only cost time and memory.
    serving: bool = False

    def get(self, key: str) -> Any | None:
        found = self.entries.get(key)
        if found is not None:
            self.entries.move_to_end(key)
        return found

    def put(self, key: str, value: Any) -> None:
        self.entries[key] = value
        self.entries.move_to_end(key)
        while len(self.entries) > self.limit:
            self.entries.popitem(last=False)

    def memo(self, parts: tuple[str, ...], compute: Callable[[], T]) -> T:
        """``compute()`` once per value of ``parts`` (strings: everything the result depends on).

        The result is shared by every caller: it must be immutable (a string, a tuple).
        Outside ``mkdocs serve`` nothing is kept: ``compute()`` runs every time.
        """
        if not self.serving:
            return compute()
        digest = hashlib.sha256()
        for part in parts:
            digest.update(part.encode())
            digest.update(b"\0")
        key = "memo:" + digest.hexdigest()
        found = self.get(key)
        if found is None:
            found = compute()
            self.put(key, found)
        return found


def new_store(limit: int = MAX_ENTRIES) -> Store:
    return Store(collections.OrderedDict(), limit)


# The process's store (see the module's docstring), and each Files object's digest (the
# files do not change once pages are being rendered; a Files object lives for one build).
STORE = new_store()
_FILES_DIGESTS: weakref.WeakKeyDictionary[Any, str] = weakref.WeakKeyDictionary()


def files_digest(files: Iterable[Any]) -> str:
    """A digest of every file's source path, destination, address and inclusion."""
    digest = hashlib.sha256()
    for file in files:
        digest.update(f"{file.src_uri}\t{file.dest_uri}\t{file.url}\t{file.inclusion}\n".encode())
    return digest.hexdigest()


def files_digest_of(files: Any) -> str:
    """``files_digest`` of a Files object, worked out once per object."""
    try:
        return _FILES_DIGESTS[files]
    except (KeyError, TypeError):
        pass
    value = files_digest(files)
    with contextlib.suppress(TypeError):  # not weakly referable: work it out every time
        _FILES_DIGESTS[files] = value
    return value


def settings_digest(config: Mapping[str, Any]) -> str:
    """A digest of the settings a conversion depends on besides the page and the files."""
    parts = (
        config.get("markdown_extensions"),
        config.get("mdx_configs"),
        config.get("use_directory_urls"),
        config.get("validation"),
    )
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def key(markdown: str, src_uri: str, url: str, files: str, settings: str) -> str:
    """The digest of everything a page's conversion depends on (see the module's docstring)."""
    digest = hashlib.sha256()
    for part in (src_uri, url, files, settings, markdown):
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


def warnings_so_far(logger: logging.Logger | None = None) -> int | None:
    """Warnings and errors counted so far by MkDocs's strict-mode counters (None if none runs)."""
    handlers = [h for h in (logger or logging.getLogger("mkdocs")).handlers if isinstance(h, CountHandler)]
    if not handlers:
        return None
    return sum(
        count for handler in handlers for level, count in handler.counts.items() if level >= logging.WARNING
    )


def taken(page: Any) -> Conversion:
    """The conversion ``Page.render`` has just left on ``page``."""
    links = page.links_to_anchors
    return Conversion(
        content=page.content or "",
        toc=copy.deepcopy(page.toc),
        title=page._title_from_render,  # noqa: SLF001 (MkDocs keeps the first heading here)
        anchor_ids=frozenset(page.present_anchor_ids or ()),
        links_to_anchors=None
        if links is None
        else tuple((file.src_uri, tuple(anchors.items())) for file, anchors in links.items()),
    )


def render_nothing(page: Any) -> Callable[[Any, Any], None]:
    """A stand-in for ``page.render`` when the conversion is stored: no HTML until it is restored."""

    def render(config: Any, files: Any) -> None:
        page.content = ""

    return render


def restore(page: Any, conversion: Conversion, files: Any) -> str:
    """Put a stored conversion on ``page`` as ``Page.render`` would have; returns the HTML."""
    page.toc = copy.deepcopy(conversion.toc)
    page._title_from_render = conversion.title  # noqa: SLF001
    page.present_anchor_ids = set(conversion.anchor_ids)
    if conversion.links_to_anchors is not None:
        linked = (
            (files.get_file_from_path(src_uri), anchors) for src_uri, anchors in conversion.links_to_anchors
        )
        page.links_to_anchors = {file: dict(anchors) for file, anchors in linked if file is not None}
    page.content = conversion.content
    return conversion.content


# ---------------------------------------------------------------------------
# The search index's entries of a page, once per version of the page
# ---------------------------------------------------------------------------
# Material's search plugin parses every page's HTML into sections (about a fifth of a
# rebuild). Its entries depend only on the HTML it parses, the page's address, title and
# table of contents (section addresses), and the front matter's ``tags`` and ``search``.


def search_key(content: str, url: str, title: str, toc: Any, meta: Mapping[str, Any]) -> str:
    """The digest of everything a page's search entries depend on."""
    digest = hashlib.sha256()
    for part in (url, title, repr(_toc_items(toc)), repr((meta.get("tags"), meta.get("search"))), content):
        digest.update(part.encode())
        digest.update(b"\0")
    return "search:" + digest.hexdigest()


def _toc_items(toc: Any) -> list[tuple[str, str, str, list]]:
    return [(str(item.id), str(item.url), str(item.title), _toc_items(item.children)) for item in toc or ()]


@dataclass(frozen=True)
class SearchEntries:
    entries: tuple[dict[str, Any], ...]  # copied on the way in and out


def search_entries(entries: list[dict[str, Any]]) -> SearchEntries:
    return SearchEntries(tuple(copy.deepcopy(entries)))


def entries_of(found: SearchEntries) -> list[dict[str, Any]]:
    return copy.deepcopy(list(found.entries))
