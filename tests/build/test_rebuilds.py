"""A rebuild in the same process (what `mkdocs serve` does after an edit) reuses the stored
conversions, search entries and rendered pages, and gives exactly what a first build gives."""

from __future__ import annotations

import filecmp
import os
import shutil
import traceback
from pathlib import Path

import markdown
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from offentligai.sitewide import conversions
from tests.build.test_fixture_sites import make_site
from tests.helpers import ROOT
from tests.helpers.builds import fixture_config

SITE_URL = "https://example.org/fixture/"
PAGES = {
    "index.md": "# Start\n\nVälkommen. Se [kapitlet](guide/kapitel.md#mer).\n",
    "index.en.md": "# Home\n\nWelcome. See [the chapter](guide/kapitel.md#mer).\n",
    "guide/kapitel.md": "# Kapitel\n\nText om GDPR.\n\n## Mer { #mer }\n\nMer text.\n",
    "guide/kapitel.en.md": "# Chapter\n\nText about GDPR.\n\n## More { #mer }\n\nMore text.\n",
}


HOOKS = ["site_hooks.py", "conversions_hooks.py", "rendering_hooks.py"]


@pytest.fixture(autouse=True)
def serving(monkeypatch):
    """Keep rendered pages, as `mkdocs serve` does (its on_startup sets this; build() has none)."""
    monkeypatch.setattr(conversions.STORE, "serving", True)


def _site(tmp_path: Path, pages: dict[str, str], overrides: Path | None = None) -> Path:
    (tmp_path / "src").mkdir()
    config_file = make_site(tmp_path / "src", pages)
    text = fixture_config(SITE_URL, HOOKS)
    if overrides is not None:
        text = text.replace(f"custom_dir: {ROOT.as_posix()}/overrides", f"custom_dir: {overrides.as_posix()}")
    config_file.write_text(text, encoding="utf-8")
    return config_file


def _rendered_keys() -> set[str]:
    return {key for key in conversions.STORE.entries if key.startswith("page:")}


def _build(config_file: Path, site_dir: Path) -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    build(load_config(str(config_file), site_dir=str(site_dir), strict=True))


def _differences(first: Path, second: Path) -> list[str]:
    names = sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file())
    return [name for name in names if not filecmp.cmp(first / name, second / name, shallow=False)]


def test_a_rebuild_reuses_stored_work_and_gives_the_same_site(tmp_path, monkeypatch):
    config_file = _site(tmp_path, PAGES)
    _build(config_file, tmp_path / "first")
    stored = len(conversions.STORE.entries)
    rendered = _rendered_keys()
    assert len(rendered) == len(PAGES)  # one output per page (both languages)
    made = []
    real_init = markdown.Markdown.__init__

    def counting_init(self, **settings):
        # Only a page's render counts; MkDocs also makes one when it checks the settings.
        frames = traceback.extract_stack(limit=4)
        if any(f.name == "render" and f.filename.endswith("pages.py") for f in frames):
            made.append(1)
        real_init(self, **settings)

    monkeypatch.setattr(markdown.Markdown, "__init__", counting_init)
    _build(config_file, tmp_path / "second")
    assert made == []  # no page's Markdown was converted, so no converter was made either
    assert len(conversions.STORE.entries) == stored  # nothing new: every page was found
    assert _rendered_keys() == rendered
    assert _differences(tmp_path / "first", tmp_path / "second") == []
    index = (tmp_path / "second" / "search" / "search_index.json").read_text(encoding="utf-8")
    index_en = (tmp_path / "second" / "en" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Mer text" in index and "More text" in index_en


def test_an_edited_page_is_converted_again_and_the_others_are_not(tmp_path):
    config_file = _site(tmp_path, PAGES)
    _build(config_file, tmp_path / "first")
    chapter = tmp_path / "src" / "docs" / "guide" / "kapitel.md"
    chapter.write_text(PAGES["guide/kapitel.md"].replace("Mer text.", "Ny rad."), encoding="utf-8")
    stored = len(conversions.STORE.entries)
    _build(config_file, tmp_path / "second")
    # The Swedish chapter's conversion, glossary marks, search entries and output; no more.
    assert len(conversions.STORE.entries) == stored + 4
    assert "Ny rad." in (tmp_path / "second" / "guide" / "kapitel" / "index.html").read_text(encoding="utf-8")
    index = (tmp_path / "second" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Ny rad" in index and "Mer text" not in index
    changed = _differences(tmp_path / "first", tmp_path / "second")
    assert "guide/kapitel/index.html" in changed and "index.html" not in changed
    assert "en/guide/kapitel/index.html" not in changed


def test_a_page_with_a_broken_link_warns_in_every_build(tmp_path):
    pages = {**PAGES, "index.md": "# Start\n\nSe [saknas](saknas.md).\n"}
    config_file = _site(tmp_path, pages)
    for attempt in ("first", "second"):
        try:
            _build(config_file, tmp_path / attempt)
        except Exception as error:  # strict: the warning stops the build, every time
            assert "warnings" in str(error) or "Aborted" in str(error)
        else:
            raise AssertionError(f"the {attempt} build passed with a broken link")


def _fresh_build(config_file: Path, site_dir: Path, monkeypatch) -> None:
    """A build with nothing stored and nothing shared: every page converted and rendered alone."""
    from offentligai.sitewide import rendering

    monkeypatch.setattr(conversions, "STORE", conversions.new_store())
    monkeypatch.setattr(rendering.StoringTemplate, "store", conversions.STORE)
    monkeypatch.setattr(rendering, "SHARED_PARTIALS", frozenset())
    _build(config_file, site_dir)


def test_a_new_title_reaches_every_page_that_shows_it(tmp_path, monkeypatch):
    """The navigation of every page lists the chapter: its stored outputs must not be reused."""
    # "arkiv" comes between the home page and the chapter: the home page shows the chapter's
    # title only in its navigation, not as its next page.
    pages = {**PAGES, "arkiv.md": "# Arkiv\n\nÄldre text.\n", "arkiv.en.md": "# Archive\n\nOlder text.\n"}
    config_file = _site(tmp_path, pages)
    _build(config_file, tmp_path / "first")
    assert "Kapitel" in (tmp_path / "first" / "index.html").read_text(encoding="utf-8")
    chapter = tmp_path / "src" / "docs" / "guide" / "kapitel.md"
    chapter.write_text(PAGES["guide/kapitel.md"].replace("# Kapitel", "# Avsnitt"), encoding="utf-8")
    _build(config_file, tmp_path / "second")
    home = (tmp_path / "second" / "index.html").read_text(encoding="utf-8")
    assert "Avsnitt" in home and ">Kapitel<" not in home
    _fresh_build(config_file, tmp_path / "fresh", monkeypatch)
    assert _differences(tmp_path / "second", tmp_path / "fresh") == []


def test_an_edited_template_renders_every_page_again(tmp_path):
    overrides = tmp_path / "overrides"
    shutil.copytree(ROOT / "overrides", overrides)
    config_file = _site(tmp_path, PAGES, overrides)
    _build(config_file, tmp_path / "first")
    main = overrides / "main.html"
    text = main.read_text(encoding="utf-8")
    main.write_text(
        text.replace("{% block site_meta %}", "{% block site_meta %}<!-- edited -->", 1), encoding="utf-8"
    )
    _build(config_file, tmp_path / "second")
    for page in ("index.html", "guide/kapitel/index.html", "en/index.html", "en/guide/kapitel/index.html"):
        assert "<!-- edited -->" in (tmp_path / "second" / page).read_text(encoding="utf-8"), page


def test_a_plain_build_keeps_nothing(tmp_path, monkeypatch):
    """`mkdocs build` converts and renders each page once: storing would only cost time and memory."""
    monkeypatch.setattr(conversions.STORE, "serving", False)
    before = dict(conversions.STORE.entries)
    _build(_site(tmp_path, PAGES), tmp_path / "site")
    assert conversions.STORE.entries == before
    assert "Mer text" in (tmp_path / "site" / "guide" / "kapitel" / "index.html").read_text(encoding="utf-8")


@pytest.mark.site
def test_the_real_site_rebuilt_after_an_edit_is_what_a_fresh_build_makes(tmp_path, monkeypatch):
    """The whole site, both languages: a guide chapter gets a new title and a new paragraph.

    The rebuild (conversions, search entries and outputs stored for every other page) must
    write, file for file, what a build with nothing stored writes. This is what `make serve`
    relies on for its quick rebuilds.
    """
    from scripts.repository import copy_sources

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")  # the open data's "generated" time
    source = tmp_path / "repo"
    copy_sources(source)
    config_file = source / "mkdocs.yml"
    _build(config_file, tmp_path / "first")
    chapter = source / "docs" / "guide" / "juridik.md"
    text = chapter.read_text(encoding="utf-8")
    assert "\ntitle: Juridik\n" in text  # the navigation's title of the chapter
    edited = text.replace("\ntitle: Juridik\n", "\ntitle: Juridik i korthet\n", 1)
    chapter.write_text(edited + "\nEn ny mening om rättslig grund.\n", encoding="utf-8")
    before = _rendered_keys()
    _build(config_file, tmp_path / "second")
    rendered_again = _rendered_keys() - before
    swedish_pages = [
        p
        for p in (tmp_path / "first").rglob("index.html")
        if "en" not in p.relative_to(tmp_path / "first").parts[:1]
    ]
    # Every Swedish page shows the new title in its navigation; no English page changed.
    assert 0 < len(rendered_again) <= len(swedish_pages)
    assert "Juridik i korthet" in (tmp_path / "second" / "index.html").read_text(encoding="utf-8")
    _fresh_build(config_file, tmp_path / "fresh", monkeypatch)
    assert _differences(tmp_path / "second", tmp_path / "fresh") == []
