"""Builds of small fixture sites with the real hooks, templates and strings."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.helpers import ROOT
from tests.helpers.builds import fixture_config, mkdocs_build
from tests.helpers.sitecheck import NO_TERMS_INSIDE, term_marks

SITE_URL = "https://example.org/fixture/"
CONFIG = fixture_config(SITE_URL, ["site_hooks.py"])


def make_site(tmp_path: Path, pages: dict[str, str], strings: str | None = None) -> Path:
    """A fixture site in ``tmp_path`` with its own docs and a copy of the real data."""
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    shutil.copytree(ROOT / "data" / "strings", tmp_path / "data" / "strings")
    for name in ("glossary.yml", "terminology.yml"):
        shutil.copy(ROOT / "data" / name, tmp_path / "data" / name)
    if strings is not None:
        (tmp_path / "data" / "strings" / "site.yml").write_text(strings, encoding="utf-8")
    for name, text in pages.items():
        path = tmp_path / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path / "mkdocs.yml"


PAGES = {
    "index.md": "# Start\n\nVälkommen.\n",
    "index.en.md": "# Home\n\nWelcome.\n",
    "sida.md": "---\nlast_reviewed: 2026-11-01\n---\n# Sida\n\nBara på svenska.\n",
    # A glossary term (GDPR, dataskyddsförordningen) in the title, a heading, a link and code,
    # and then in the text: only its first place in the text is marked.
    "guide/kapitel.md": (
        "# Kapitel om GDPR\n\nSe [GDPR](#mer) och `GDPR`.\n\n## Mer om GDPR { #mer }\n\n"
        "```\nGDPR\n```\n\nOm dataskyddsförordningen och GDPR.\n"
    ),
    "guide/kapitel.en.md": (
        "# Chapter on GDPR\n\nSee [GDPR](#more) and `GDPR`.\n\n## More on GDPR { #more }\n\n"
        "```\nGDPR\n```\n\nAbout the GDPR and the GDPR again.\n"
    ),
}


def test_fixture_site_builds_with_notices_dates_and_glossary(tmp_path):
    config = make_site(tmp_path, PAGES)
    result = mkdocs_build(config, tmp_path / "site", "https://example.org/fixture/")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    english_copy = (site / "en" / "sida" / "index.html").read_text(encoding="utf-8")
    swedish = (site / "sida" / "index.html").read_text(encoding="utf-8")
    assert "has not been translated into English yet" in english_copy
    assert 'data-oai="untranslated"' not in swedish
    assert 'Senast granskad: <time datetime="2026-11-01">1 november 2026</time>' in swedish
    assert 'Last reviewed: <time datetime="2026-11-01">1 November 2026</time>' in english_copy
    # Both words are forms of one term: it is marked once, where it is first in the text.
    for path, text in (("guide/kapitel", "dataskyddsförordningen"), ("en/guide/kapitel", "GDPR")):
        chapter = (site / path / "index.html").read_text(encoding="utf-8")
        marks = term_marks(chapter[chapter.index('<article class="md-content__inner') :])
        assert [(mark.text, mark.focusable) for mark in marks] == [(text, True)], path
        assert not set(marks[0].inside) & NO_TERMS_INSIDE, marks[0]
        definition = "förordning" if path.startswith("guide") else "regulation"
        assert definition in marks[0].title.lower(), marks[0].title
    assert (site / "en" / "404.html").is_file() and (site / "404.html").is_file()
    assert '<html lang="en"' in (site / "en" / "404.html").read_text(encoding="utf-8")
    assert '<html lang="sv"' in (site / "404.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("pages", "strings", "message"),
    [
        (
            {**PAGES, "fel.md": "# Fel\n\n<!-- offentligai:glosary -->\n"},
            None,
            "fel.md: marker: offentligai:glosary: unknown marker; check its spelling",
        ),
        (  # a marker that only example pages may hold, on another page
            {**PAGES, "fel.md": "# Fel\n\n<!-- offentligai:example-facts -->\n"},
            None,
            "fel.md: marker: offentligai:example-facts: unknown marker; check its spelling",
        ),
        (
            {**PAGES, "fel.md": "# Fel\n\n[x]([[repo]])\n"},
            None,
            "fel.md: placeholder: [[repo]]: allowed: [[editorial_contact]], [[repo_url]]",
        ),
        (
            {**PAGES, "fel.md": '# Fel\n\n!!! situation "igår"\n\n    Text.\n'},
            None,
            'fel.md: line 3: igår: a dated box is written !!! situation "YYYY-MM-DD"',
        ),
        (
            PAGES,
            "site_tagline: {sv: Hej}\n",
            "data/strings/site.yml: site_tagline.en: a non-empty translation is required",
        ),
    ],
)
def test_bad_content_stops_the_build_with_one_clear_line(tmp_path, pages, strings, message):
    config = make_site(tmp_path, pages, strings)
    result = mkdocs_build(config, tmp_path / "site", "https://example.org/fixture/")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert message in output
    assert "Traceback" not in output


def test_every_string_a_template_uses_exists():
    """Jinja renders a missing key as an empty string; catch that here instead."""
    used = set()
    for template in (ROOT / "overrides").rglob("*.html"):
        used |= set(re.findall(r"oai\.t\.([a-z0-9_]+)", template.read_text(encoding="utf-8")))
    from offentligai.languages import load_strings

    defined = set(load_strings(ROOT / "data" / "strings"))
    assert used <= defined, sorted(used - defined)


def build_only(tmp_path: Path, locale: str):
    """Build the fixture site with the i18n plugin's build_only_locale set to ``locale``."""
    config = make_site(tmp_path, PAGES)
    anchor = "      reconfigure_material: true\n"
    text = config.read_text(encoding="utf-8").replace(anchor, f"{anchor}      build_only_locale: {locale}\n")
    config.write_text(text, encoding="utf-8")
    return mkdocs_build(config, tmp_path / "site", SITE_URL)


def test_building_only_english_is_refused_with_a_clear_line(tmp_path):
    """English alone would be built at the site root, where the hooks take pages for Swedish."""
    result = build_only(tmp_path, "en")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "plugins.i18n.build_only_locale: 'en' (BUILD_ONLY_LOCALE): only 'sv' can be built alone" in output
    assert "Traceback" not in output


def test_building_only_swedish_leaves_out_english(tmp_path):
    result = build_only(tmp_path, "sv")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "sida" / "index.html").is_file()
    assert not (tmp_path / "site" / "en").exists()
