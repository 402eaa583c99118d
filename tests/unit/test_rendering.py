"""offentligai.sitewide.rendering: what a stored page output is keyed on, and when it is used."""

from __future__ import annotations

from types import SimpleNamespace

import jinja2
import pytest

from offentligai.sitewide import conversions, rendering


class _Item(SimpleNamespace):
    """A navigation item or page as the theme reads it."""


def _page(**changes):
    values = {
        "url": "guide/a/",
        "canonical_url": "https://example.org/guide/a/",
        "abs_url": "/guide/a/",
        "edit_url": None,
        "title": "A",
        "is_homepage": False,
        "file": SimpleNamespace(src_uri="guide/a.md"),
        "content": "<p>text</p>",
        "toc": [],
        "meta": {"description": "d"},
        "previous_page": None,
        "next_page": None,
        "ancestors": [],
        "children": None,
        "active": True,
        "is_index": False,
    }
    values.update(changes)
    return _Item(**values)


def _nav(*items):
    return SimpleNamespace(items=list(items), homepage=None)


def _key(page, nav, context=None, extra=None, templates="t1"):
    config = {"site_name": "S", "extra": extra or {}, "theme": None, "plugins": {}}
    facts = rendering.build_facts(config, nav, templates)
    return rendering.page_key({"page": page, "nav": nav, **(context or {})}, page, config, nav, facts)


def test_the_key_follows_the_page_the_navigation_the_context_the_templates_and_settings():
    page, other = _page(), _page(url="guide/b/", title="B", active=False)
    key = _key(page, _nav(page, other))
    assert _key(page, _nav(page, other)) == key
    assert _key(_page(content="<p>new</p>"), _nav(_page(), other)) != key
    assert _key(_page(meta={"description": "e"}), _nav(page, other)) != key
    assert _key(page, _nav(page, _page(url="guide/b/", title="B2", active=False))) != key  # a new title
    assert _key(page, _nav(page, _page(url="guide/b/", title="B", active=True))) != key  # another state
    assert _key(page, _nav(page, other), context={"oai": {"lang": "en"}}) != key
    assert _key(page, _nav(page, other), extra={"alternate": [{"link": "x"}]}) != key
    assert _key(page, _nav(page, other), templates="t2") != key


def test_front_matter_our_handlers_set_for_a_moment_is_not_part_of_the_key():
    page = _page()
    key = _key(page, _nav(page))
    busy = _page(meta={"description": "d", "oai_search": ("k", 12, None), "search": {"exclude": True}})
    assert _key(busy, _nav(busy)) == key


def test_a_value_shown_by_its_address_makes_the_page_uncachable():
    page = _page()
    with pytest.raises(rendering.Uncachable):
        _key(page, _nav(page), context={"tool": object()})
    with pytest.raises(rendering.Uncachable):
        _key(_page(meta={"made": object()}), _nav(page))


def test_the_templates_digest_follows_our_files_and_not_installed_packages(tmp_path):
    ours = tmp_path / "overrides"
    ours.mkdir()
    (ours / "main.html").write_text("a", encoding="utf-8")
    package = tmp_path / "site-packages" / "material" / "templates"
    package.mkdir(parents=True)
    (package / "base.html").write_text("b", encoding="utf-8")
    digest = rendering.templates_digest([str(ours), str(package)], "material 9")
    (package / "base.html").write_text("changed", encoding="utf-8")
    assert rendering.templates_digest([str(ours), str(package)], "material 9") == digest
    assert rendering.templates_digest([str(ours), str(package)], "material 10") != digest
    (ours / "main.html").write_text("edited", encoding="utf-8")
    assert rendering.templates_digest([str(ours), str(package)], "material 9") != digest


def _environment(store: conversions.Store) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.DictLoader({"main.html": "{{ n }}"}))
    env.template_class = type("Template", (rendering.StoringTemplate,), {"store": store})
    return env


def test_a_template_gives_the_stored_output_for_a_key_it_has_rendered():
    store = conversions.new_store()
    store.serving = True
    template = _environment(store).get_template("main.html")
    assert template.render({"n": 1, rendering.CONTEXT_KEY: "k"}) == "1"
    assert template.render({"n": 2, rendering.CONTEXT_KEY: "k"}) == "1"  # stored: same key, same page
    assert template.render({"n": 2, rendering.CONTEXT_KEY: "k2"}) == "2"
    assert template.render({"n": 3, rendering.CONTEXT_KEY: None}) == "3"  # uncachable: rendered
    assert template.render({"n": 4}) == "4"  # not a page (the 404 page, the sitemap)


def test_a_template_keeps_nothing_outside_mkdocs_serve():
    store = conversions.new_store()
    template = _environment(store).get_template("main.html")
    assert template.render({"n": 1, rendering.CONTEXT_KEY: "k"}) == "1"
    assert template.render({"n": 2, rendering.CONTEXT_KEY: "k"}) == "2"
    assert store.entries == {}
