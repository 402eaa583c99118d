"""Builds of small fixture sites with the real trust-model hook, templates, strings and stub pages."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from offentligai.examples.schema import MAX_SUMMARY
from offentligai.languages import load_strings
from offentligai.trust_model import model as tm
from tests.helpers import ROOT
from tests.helpers.builds import fixture_config, mkdocs_build

FIXTURES = ROOT / "tests" / "fixtures" / "trust_model"
SITE_URL = "https://example.org/fixture/"

CONFIG = fixture_config(SITE_URL, ["site_hooks.py", "trust_model_hooks.py", "printing_hooks.py"])

PAGES = {
    "index.md": "# Start\n\nSe [syftet](fortroendemodellen/infor-utveckling.md#purpose).\n",
    "index.en.md": "# Home\n\nSee [the purpose](fortroendemodellen/infor-utveckling.md#purpose).\n",
    "guide/kapitel.md": "---\ntitle: Kapitlet\n---\n# Kapitlet\n\nText.\n",
    "guide/kapitel.en.md": "---\ntitle: The chapter\n---\n# The chapter\n\nText.\n",
    "fortroendemodellen/index.md": "# Förtroendemodellen\n\nText.\n",
    "fortroendemodellen/index.en.md": "# The trust model\n\nText.\n",
}


def make_site(folder: Path, model: str, pages: dict[str, str] | None = None) -> Path:
    """A fixture site: the real data, hooks and stub pages, with ``model`` as the question model."""
    (folder / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    shutil.copytree(ROOT / "data" / "strings", folder / "data" / "strings")
    for name in ("glossary.yml", "terminology.yml", "vocabularies.yml", "trust-model.schema.json"):
        shutil.copy(ROOT / "data" / name, folder / "data" / name)
    (folder / "data" / "trust-model.yml").write_text(model, encoding="utf-8")
    docs = folder / "docs"
    shutil.copytree(ROOT / "docs" / "fortroendemodellen", docs / "fortroendemodellen")
    for asset in ("javascripts/core", "javascripts/ui"):  # the build makes trust-model.js from them
        shutil.copytree(ROOT / "docs" / "assets" / asset, docs / "assets" / asset)
    (docs / "assets" / "stylesheets").mkdir(parents=True)
    shutil.copy(ROOT / "docs" / "assets" / "stylesheets" / "trust-model.css", docs / "assets" / "stylesheets")
    for name, text in {**PAGES, **(pages or {})}.items():
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder / "mkdocs.yml"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("trust-model-site")
    config = make_site(folder, (FIXTURES / "model.yml").read_text(encoding="utf-8"))
    result = mkdocs_build(config, folder / "site", SITE_URL)
    assert result.returncode == 0, result.stdout + result.stderr
    return folder / "site"


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def script_json(page: str, element_id: str) -> dict:
    match = re.search(rf'<script type="application/json" id="{element_id}">(.*?)</script>', page, re.S)
    assert match, element_id
    return json.loads(match.group(1))


# ---------------------------------------------------------------------------
# A valid model
# ---------------------------------------------------------------------------


def test_part_page_has_section_anchors_questions_and_guide_links(built):
    page = read(built, "fortroendemodellen/infor-utveckling/index.html")
    assert '<h2 id="purpose">1. Syfte &amp; nytta' in page
    assert '<li class="oai-tm-question oai-tm-question--single-choice" id="purpose-kind">' in page
    assert '<span class="oai-tm-question__number">1.4</span> Vilken sorts system?' in page
    assert 'Läs mer i AI-guiden: <a href="../../guide/kapitel/">Kapitlet</a>' in page
    assert 'href="../verktyg/"' in page
    assert "<h1" in page and ">Inför utveckling</h1>" in page
    assert "offentligai:trust-model" not in page


def test_english_part_page_is_english_and_links_to_english_guide(built):
    page = read(built, "en/fortroendemodellen/infor-utveckling/index.html")
    assert '<h2 id="purpose">1. Purpose &amp; benefit' in page
    assert 'Read more in the AI guide: <a href="../../guide/kapitel/">The chapter</a>' in page
    assert "Vad heter systemet" not in page


def test_part_pages_load_the_stylesheet_but_not_the_script(built):
    page = read(built, "fortroendemodellen/utveckling/index.html")
    assert "assets/stylesheets/trust-model.css" in page
    assert "trust-model.js" not in page and 'id="oai-trust-model"' not in page


def test_tool_page_embeds_the_model_and_its_settings(built):
    for path, lang in (
        ("fortroendemodellen/verktyg/index.html", "sv"),
        ("en/fortroendemodellen/verktyg/index.html", "en"),
    ):
        page = read(built, path)
        model = script_json(page, "oai-trust-model")
        ui = script_json(page, "oai-trust-model-ui")
        assert model["version"] == "2025.9"
        assert ui["lang"] == lang and ui["strings"]["tm_no_answer"]["en"] == "No answer"
        rules = script_json(page, "oai-example-rules")
        assert rules["schema"]["properties"]["techniques"]["items"]["labels"][0]["code"]
        assert rules["schema"]["properties"]["summary"]["maxLength"] == MAX_SUMMARY
        assert re.search(r'<script src="[./]*assets/javascripts/trust-model\.js" defer></script>', page)
        assert 'data-oai-tm-guide="kapitel"' in page and 'data-oai-tm-part="follow-up"' in page


def test_embedded_model_cannot_break_out_of_its_script_element(built):
    page = read(built, "fortroendemodellen/verktyg/index.html")
    block = re.search(r'id="oai-trust-model">(.*?)</script>', page, re.S).group(1)
    assert "<" not in block
    assert "Automatiserat beslut <b>" in json.dumps(json.loads(block), ensure_ascii=False)


def test_open_data_is_published(built):
    strings = load_strings(ROOT / "data" / "strings")
    source = yaml.safe_load((FIXTURES / "model.yml").read_text(encoding="utf-8"))
    published = json.loads(read(built, "data/trust-model.json"))
    assert published == tm.normalise(source, tm.yes_no_labels(strings))
    assert json.loads(read(built, "data/trust-model.schema.json")) == json.loads(
        (ROOT / tm.SCHEMA_FILE).read_text(encoding="utf-8")
    )
    assert json.loads(read(built, "data/trust-model-answers.schema.json")) == tm.answers_schema()
    assert not (built / "en" / "data" / "trust-model.json").exists()


def test_tool_page_without_javascript_links_to_the_printable_parts(built):
    page = read(built, "fortroendemodellen/verktyg/index.html")
    nojs = re.search(r'<div class="oai-tm-nojs"[^>]*>(.*?)</div>', page, re.S).group(1)
    assert "Verktyget behöver JavaScript" in html.unescape(nojs)
    assert re.findall(r'href="([^"]+)"', nojs) == [
        "../infor-utveckling/",
        "../utveckling/",
        "../uppfoljning/",
    ]


# ---------------------------------------------------------------------------
# Broken content stops the build with clear lines
# ---------------------------------------------------------------------------


def test_invalid_model_stops_the_build_with_every_problem_and_no_traceback(tmp_path):
    config = make_site(tmp_path, (FIXTURES / "invalid-model.yml").read_text(encoding="utf-8"))
    result = mkdocs_build(config, tmp_path / "site", SITE_URL)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    expected = (FIXTURES / "invalid-model.expected.txt").read_text(encoding="utf-8").splitlines()
    for line in expected:
        assert line in output, line


def test_unknown_part_in_a_marker_stops_the_build(tmp_path):
    pages = {
        "fortroendemodellen/extra.md": (
            "---\ntitle: Extra\n---\n<!-- offentligai:trust-model part=during -->\n"
        )
    }
    config = make_site(tmp_path, (FIXTURES / "model.yml").read_text(encoding="utf-8"), pages)
    result = mkdocs_build(config, tmp_path / "site", SITE_URL)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert (
        "fortroendemodellen/extra.md: trust-model marker part: during: "
        "allowed: before, development, follow-up" in output
    )


def test_a_link_to_a_missing_section_anchor_fails_the_strict_build(tmp_path):
    pages = {"index.md": "# Start\n\nSe [saknas](fortroendemodellen/infor-utveckling.md#no-such-section).\n"}
    config = make_site(tmp_path, (FIXTURES / "model.yml").read_text(encoding="utf-8"), pages)
    result = mkdocs_build(config, tmp_path / "site", SITE_URL)
    assert result.returncode != 0
    assert "no-such-section" in result.stdout + result.stderr


def test_the_tool_s_script_is_made_from_its_modules_which_are_not_published(built):
    script = read(built, "assets/javascripts/trust-model.js")
    assert script.startswith("/* Generated by the build from the ES modules")
    assert "// ---- ui/trust-model/main.js" in script and "// ---- core/storage.js" in script
    assert not (built / "assets" / "javascripts" / "core").exists()
    assert not (built / "assets" / "javascripts" / "ui").exists()
