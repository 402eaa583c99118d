"""The navigation of pages outside it is rendered once per build and folder, and the site is
exactly what rendering it into every page gives (offentligai.sitewide.rendering)."""

from __future__ import annotations

import filecmp
import os
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from offentligai.sitewide import rendering
from tests.build.test_fixture_sites import make_site
from tests.helpers.builds import fixture_config

SITE_URL = "https://example.org/fixture/"
PAGES = {
    "index.md": "# Start\n\nVälkommen.\n",
    "index.en.md": "# Home\n\nWelcome.\n",
    "guide/index.md": "# Guiden\n\nOm guiden.\n",
    "guide/index.en.md": "# The guide\n\nAbout the guide.\n",
    "guide/kapitel.md": "# Kapitel\n\nText.\n",
    "guide/kapitel.en.md": "# Chapter\n\nText.\n",
    # Outside the navigation, in two folders and at two depths.
    "exempel/a.md": "# Exempel A\n\nSe [kapitlet](../guide/kapitel.md).\n",
    "exempel/a.en.md": "# Example A\n\nSee [the chapter](../guide/kapitel.md).\n",
    "exempel/b.md": "# Exempel B\n\nText.\n",
    "exempel/b.en.md": "# Example B\n\nText.\n",
    "om/c.md": "# Om C\n\nText.\n",
    "om/c.en.md": "# About C\n\nText.\n",
    "om/djup/d.md": "# Djupt\n\nText.\n",
    "om/djup/d.en.md": "# Deep\n\nText.\n",
}
HEAD = """
nav:
  - Startsida: index.md
  - Guiden:
      - guide/index.md
      - guide/kapitel.md
not_in_nav: |
  /exempel/
  /om/
"""


def _build(tmp_path: Path, site: str) -> Path:
    source = tmp_path / "src"
    if not source.exists():
        source.mkdir()
        config_file = make_site(source, PAGES)
        hooks = ["site_hooks.py", "conversions_hooks.py", "rendering_hooks.py"]
        config_file.write_text(fixture_config(SITE_URL, hooks, head=HEAD), encoding="utf-8")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    build(load_config(str(source / "mkdocs.yml"), site_dir=str(tmp_path / site), strict=True))
    return tmp_path / site


def _html(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html"))


def test_pages_outside_the_navigation_get_the_navigation_they_would_get_rendered_alone(tmp_path, monkeypatch):
    renders = []
    real = rendering.shared_partial

    def counting(render_root):
        shared = real(render_root)

        def render(context):
            renders.append(getattr(context.get("page"), "url", None))
            return shared(context)

        return render

    monkeypatch.setattr(rendering, "shared_partial", counting)
    shared = _build(tmp_path, "shared")
    # Every page of both languages went through the shared partial (and the 404 page, which has none).
    assert len([url for url in renders if url is not None]) == 2 * 7
    monkeypatch.setattr(rendering, "SHARED_PARTIALS", frozenset())
    alone = _build(tmp_path, "alone")
    names = _html(shared)
    assert names == _html(alone) and "exempel/a/index.html" in names and "en/om/djup/d/index.html" in names
    assert [name for name in names if not filecmp.cmp(shared / name, alone / name, shallow=False)] == []
    page = (shared / "exempel" / "b" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../guide/kapitel/"' in page  # the navigation's links from this page's folder


@pytest.mark.parametrize("url", ["guide/kapitel/", ""])
def test_pages_in_the_navigation_render_it_themselves(url):
    """The current page's item is marked in the navigation: its output is its own."""

    class Page:
        def __init__(self, url, active=False):
            self.url, self.active, self.parent = url, active, None

    page = Page(url, active=True)
    nav = type("Nav", (), {"pages": [page, Page("om/")]})()
    config = type("Config", (), {"offentligai_rendering": {}})()
    assert rendering._shared_outputs({"page": page, "nav": nav, "config": config}) is None
    outside = Page("exempel/x/")
    assert rendering._shared_outputs({"page": outside, "nav": nav, "config": config}) is None  # one active
    page.active = False
    assert rendering._shared_outputs({"page": outside, "nav": nav, "config": config}) == {}
