"""MkDocs entry points that let ``mkdocs serve`` skip converting pages that have not changed.

The first handler runs after every other ``on_page_markdown`` (the i18n plugin's and our
parts'): when this process has converted the same Markdown of the same page against the same
files and settings before, the page's Markdown is set aside and MkDocs converts nothing. The
second runs before every other ``on_page_content``: it puts the stored conversion on the page,
or stores the one MkDocs has just made. The rules are in ``offentligai.sitewide.conversions``.
"""

from __future__ import annotations

from typing import Any

from mkdocs.plugins import event_priority

from offentligai import build
from offentligai.sitewide import conversions

PART = "conversions"
META = "oai_conversion"  # page.meta key: (key, stored?, Markdown, warnings), between the two events


@event_priority(build.priority(PART, "on_page_markdown"))
def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Set the Markdown aside when its conversion is stored; otherwise note the warnings so far."""
    if not conversions.STORE.serving:
        return markdown  # a plain build: nothing to reuse, nothing worth storing
    key = conversions.key(
        markdown,
        page.file.src_uri,
        page.url,
        conversions.files_digest_of(files),
        conversions.settings_digest(config),
    )
    stored = conversions.STORE.get(key) is not None
    page.meta[META] = (key, stored, markdown, conversions.warnings_so_far())
    if stored:
        # Page.render would still build a Markdown object with every extension (a few
        # milliseconds a page) to convert nothing: this page's render only leaves it empty.
        page.render = conversions.render_nothing(page)
    return "" if stored else markdown


@event_priority(build.priority(PART, "on_page_content"))
def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """Give the page its stored conversion, or store the one just made if it logged no warning."""
    pending = page.meta.pop(META, None)
    if pending is None:
        return html
    key, stored, markdown, warnings_before = pending
    page.markdown = markdown
    conversion = conversions.STORE.get(key) if stored else None
    if conversion is not None:
        return conversions.restore(page, conversion, files)
    warnings_after = conversions.warnings_so_far()
    if warnings_before is not None and warnings_after == warnings_before:
        conversions.STORE.put(key, conversions.taken(page))
    return html


# Material's search plugin indexes pages in its on_page_context (priority 0): the handler
# below runs just before it. For a page whose entries are stored, the entries go straight
# into the plugin's index and the page is marked excluded for the plugin's own pass; the
# mark comes off again in on_post_page, where a page's new entries are stored.
SEARCH_PLUGIN = "material/search"
SEARCH_META = "oai_search"  # page.meta key: (key, entries before, the page's own "search")


@event_priority(build.priority(PART, "on_page_context"))
def on_page_context(context: dict, page: Any, config: Any, nav: Any) -> dict:
    """Put the page's stored search entries in the index, or note where its new ones will start."""
    index = _search_index(config)
    if not conversions.STORE.serving or index is None or (page.meta.get("search") or {}).get("exclude"):
        return context
    key = conversions.search_key(page.content or "", page.url, str(page.title), page.toc, page.meta)
    found = conversions.STORE.get(key)
    own = page.meta.get("search")
    page.meta[SEARCH_META] = (key, None if found is not None else len(index.entries), own)
    if found is not None:
        index.entries.extend(conversions.entries_of(found))
        page.meta["search"] = {**(own or {}), "exclude": True}
    return context


@event_priority(build.priority(PART, "on_post_page"))
def on_post_page(output: str, page: Any, config: Any) -> str:
    """Take the exclusion mark off the page again, or store the entries the plugin made."""
    pending = page.meta.pop(SEARCH_META, None)
    if pending is None:
        return output
    key, start, own = pending
    if own is None:
        page.meta.pop("search", None)
    else:
        page.meta["search"] = own
    index = _search_index(config)
    if start is not None and index is not None:
        conversions.STORE.put(key, conversions.search_entries(index.entries[start:]))
    return output


def _search_index(config: Any) -> Any | None:
    plugin = config.plugins.get(SEARCH_PLUGIN)
    if plugin is None or not plugin.config.enabled:
        return None
    return getattr(plugin, "search_index", None)
