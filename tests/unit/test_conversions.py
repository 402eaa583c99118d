"""offentligai.sitewide.conversions: what a stored conversion is keyed on, and its store."""

from __future__ import annotations

import logging

from mkdocs.utils import CountHandler

from offentligai.sitewide import conversions

BASE = {
    "markdown": "# A\n\ntext",
    "src_uri": "guide/a.md",
    "url": "guide/a/",
    "files": "f1",
    "settings": "s1",
}


def test_the_key_changes_with_every_input_and_only_then():
    key = conversions.key(**BASE)
    assert conversions.key(**BASE) == key
    for name, other in [
        ("markdown", "# A\n\ntext."),
        ("src_uri", "guide/a.en.md"),
        ("url", "en/guide/a/"),
        ("files", "f2"),
        ("settings", "s2"),
    ]:
        assert conversions.key(**{**BASE, name: other}) != key, name
    # The parts are separated: moving text from one part to the next is another key.
    assert conversions.key(**{**BASE, "url": "guide/a/x", "files": "1"}) != conversions.key(
        **{**BASE, "url": "guide/a/", "files": "x1"}
    )


class _File:
    def __init__(self, src_uri: str, url: str) -> None:
        self.src_uri, self.dest_uri, self.url, self.inclusion = src_uri, url + "index.html", url, "included"


def test_the_files_digest_follows_every_path_and_address():
    files = [_File("a.md", "a/"), _File("b.md", "b/")]
    digest = conversions.files_digest(files)
    assert conversions.files_digest([_File("a.md", "a/"), _File("b.md", "b/")]) == digest
    assert conversions.files_digest([_File("a.md", "a/"), _File("b.md", "c/")]) != digest
    assert conversions.files_digest([_File("a.md", "a/")]) != digest


def test_the_settings_digest_follows_the_markdown_extensions_and_link_checks():
    config = {
        "markdown_extensions": ["toc"],
        "mdx_configs": {"toc": {"permalink": True}},
        "validation": "warn",
    }
    digest = conversions.settings_digest(config)
    assert conversions.settings_digest(dict(config)) == digest
    assert conversions.settings_digest({**config, "mdx_configs": {"toc": {"permalink": False}}}) != digest
    assert conversions.settings_digest({**config, "markdown_extensions": ["toc", "abbr"]}) != digest
    assert conversions.settings_digest({**config, "validation": "info"}) != digest


def test_the_store_keeps_the_most_recently_used_entries():
    store = conversions.new_store(limit=2)
    store.put("a", 1)
    store.put("b", 2)
    assert store.get("a") == 1  # a is now the most recent
    store.put("c", 3)
    assert store.get("b") is None and store.get("a") == 1 and store.get("c") == 3


def test_memo_computes_once_per_value_of_its_parts():
    store = conversions.new_store()
    store.serving = True
    calls = []

    def compute(value: str) -> str:
        calls.append(value)
        return value.upper()

    assert store.memo(("x", "a"), lambda: compute("a")) == "A"
    assert store.memo(("x", "a"), lambda: compute("a")) == "A"
    assert store.memo(("x", "b"), lambda: compute("b")) == "B"
    assert store.memo(("xa",), lambda: compute("xa")) == "XA"  # parts are separated
    assert calls == ["a", "b", "xa"]


def test_memo_keeps_nothing_outside_mkdocs_serve():
    store = conversions.new_store()
    calls = []
    assert store.memo(("x", "a"), lambda: calls.append("a") or "A") == "A"
    assert store.memo(("x", "a"), lambda: calls.append("a") or "A") == "A"
    assert calls == ["a", "a"] and not store.entries


def test_warnings_are_counted_only_where_mkdocs_counts_them():
    logger = logging.getLogger("test_conversions_counting")
    logger.propagate = False
    assert conversions.warnings_so_far(logger) is None  # no strict build: nothing is stored
    counter = CountHandler()
    counter.setLevel(logging.WARNING)
    logger.addHandler(counter)
    try:
        logger.info("not counted")
        assert conversions.warnings_so_far(logger) == 0
        logger.warning("a broken link")
        logger.error("worse")
        assert conversions.warnings_so_far(logger) == 2
    finally:
        logger.removeHandler(counter)


def test_search_entries_are_keyed_on_what_the_index_reads_and_copied_both_ways():
    args = ("<h1>A</h1><p>x</p>", "a/", "A", None, {"search": {"boost": 2}})
    key = conversions.search_key(*args)
    assert conversions.search_key(*args) == key
    assert conversions.search_key("<h1>A</h1><p>y</p>", *args[1:]) != key
    assert conversions.search_key(*args[:4], {"search": {"boost": 3}}) != key
    assert conversions.search_key(*args[:4], {"search": {"boost": 2}, "tags": ["t"]}) != key
    entries = [{"location": "a/", "title": "A", "text": "x", "tags": ["t"]}]
    stored = conversions.search_entries(entries)
    entries[0]["tags"].append("changed later")
    out = conversions.entries_of(stored)
    assert out == [{"location": "a/", "title": "A", "text": "x", "tags": ["t"]}]
    out[0]["title"] = "changed by the index"
    assert conversions.entries_of(stored)[0]["title"] == "A"
