"""The guide's templates as downloads: made by the build, linked from the page, same text as the page."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from offentligai import frontmatter
from tests.helpers import ROOT
from tests.helpers.builds import fixture_config, mkdocs_build
from tests.helpers.documents_text import docx_blocks, odt_blocks, page_blocks

TEMPLATES = ROOT / "docs" / "guide" / "mallar"
READERS = {"docx": docx_blocks, "odt": odt_blocks}


def _documents() -> dict[str, str]:
    """Page stem -> document name, for every template page (front matter ``document``)."""
    found = {}
    for path in sorted(TEMPLATES.glob("*.md")):
        if path.name.endswith(".en.md"):
            continue
        meta = frontmatter.split(path.read_text(encoding="utf-8")).meta
        if "document" in meta:
            found[path.stem] = meta["document"]
    return found


DOCUMENTS = _documents()


def test_the_guide_has_five_templates_with_downloads_in_both_languages():
    assert len(DOCUMENTS) == 5, DOCUMENTS
    for stem, name in DOCUMENTS.items():
        english = frontmatter.split((TEMPLATES / f"{stem}.en.md").read_text(encoding="utf-8")).meta
        assert english.get("document") == name, f"{stem}.en.md names another document"


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("fmt", ["docx", "odt"])
@pytest.mark.parametrize("stem", sorted(DOCUMENTS))
def test_each_download_has_the_text_of_its_page(site, stem, fmt, lang):
    prefix = "en/" if lang == "en" else ""
    html = (site.root / prefix / "guide" / "mallar" / stem / "index.html").read_text(encoding="utf-8")
    name = DOCUMENTS[stem]
    assert re.search(rf'<a href="\.\./{name}\.{fmt}" type="[^"]+" download>', html), "no download link"
    expected = page_blocks(html)
    assert len(expected) > 10, "the page's template part is missing or empty"
    document = site.root / prefix / "guide" / "mallar" / f"{name}.{fmt}"
    assert READERS[fmt](document) == expected


def _fixture(tmp_path: Path, page: str) -> Path:
    (tmp_path / "mkdocs.yml").write_text(
        fixture_config("https://example.org/f/", ["site_hooks.py", "documents_hooks.py"]), encoding="utf-8"
    )
    shutil.copytree(ROOT / "data" / "strings", tmp_path / "data" / "strings")
    for name in ("glossary.yml", "terminology.yml"):
        shutil.copy(ROOT / "data" / name, tmp_path / "data" / name)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Start\n", encoding="utf-8")
    (docs / "mall.md").write_text(page, encoding="utf-8")
    return tmp_path / "mkdocs.yml"


TEMPLATE_PAGE = """---
last_reviewed: 2026-12-03
{extra}---
# Mall

<!-- offentligai:document -->

## Mallens titel [namn]

En rad att fylla i.

<!-- offentligai:document-end -->
"""


def test_a_fixture_site_gets_its_documents_and_a_rebuild_reuses_them(tmp_path):
    config = _fixture(tmp_path, TEMPLATE_PAGE.format(extra="document: mall\n"))
    assert mkdocs_build(config, tmp_path / "site", "https://example.org/f/").returncode == 0
    for prefix in ("", "en/"):
        blocks = odt_blocks(tmp_path / "site" / prefix / "mall.odt")
        assert blocks == ["Mallens titel [namn]", "En rad att fylla i."]
    cached = sorted(p.name for p in (tmp_path / "build" / "cache" / "documents").iterdir())
    assert len(cached) == 2, "the Swedish text (the English page falls back to it) in two formats"
    result = mkdocs_build(config, tmp_path / "site2", "https://example.org/f/")
    assert result.returncode == 0
    assert sorted(p.name for p in (tmp_path / "build" / "cache" / "documents").iterdir()) == cached


def test_a_template_page_without_a_document_name_stops_the_build_with_one_line(tmp_path):
    config = _fixture(tmp_path, TEMPLATE_PAGE.format(extra=""))
    result = mkdocs_build(config, tmp_path / "site", "https://example.org/f/")
    assert result.returncode != 0
    assert "mall.md: document: a template page needs a file name" in result.stderr
    assert "Traceback" not in result.stderr
