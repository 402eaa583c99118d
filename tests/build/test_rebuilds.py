"""A rebuild in the same process (what `mkdocs serve` does after an edit) reuses the stored
conversions and search entries, and gives exactly what a first build gives."""

from __future__ import annotations

import filecmp
import os
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from offentligai.sitewide import conversions
from tests.build.test_fixture_sites import make_site
from tests.helpers.builds import fixture_config

SITE_URL = "https://example.org/fixture/"
PAGES = {
    "index.md": "# Start\n\nVälkommen. Se [kapitlet](guide/kapitel.md#mer).\n",
    "index.en.md": "# Home\n\nWelcome. See [the chapter](guide/kapitel.md#mer).\n",
    "guide/kapitel.md": "# Kapitel\n\nText om GDPR.\n\n## Mer { #mer }\n\nMer text.\n",
    "guide/kapitel.en.md": "# Chapter\n\nText about GDPR.\n\n## More { #mer }\n\nMore text.\n",
}


def _site(tmp_path: Path, pages: dict[str, str]) -> Path:
    (tmp_path / "src").mkdir()
    config_file = make_site(tmp_path / "src", pages)
    config_file.write_text(
        fixture_config(SITE_URL, ["site_hooks.py", "conversions_hooks.py"]), encoding="utf-8"
    )
    return config_file


def _build(config_file: Path, site_dir: Path) -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    build(load_config(str(config_file), site_dir=str(site_dir), strict=True))


def _differences(first: Path, second: Path) -> list[str]:
    names = sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file())
    return [name for name in names if not filecmp.cmp(first / name, second / name, shallow=False)]


def test_a_rebuild_reuses_stored_work_and_gives_the_same_site(tmp_path):
    config_file = _site(tmp_path, PAGES)
    _build(config_file, tmp_path / "first")
    stored = len(conversions.STORE.entries)
    _build(config_file, tmp_path / "second")
    assert len(conversions.STORE.entries) == stored  # nothing new: every page was found
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
    # The Swedish chapter's conversion and search entries, and the print-free site has no more.
    assert len(conversions.STORE.entries) == stored + 2
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
