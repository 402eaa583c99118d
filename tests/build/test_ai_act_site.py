"""The AI Act decision aid in builds: the real site's page and open data, and fixture builds
that stop on bad data with one line per problem."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from offentligai.ai_act import pages
from offentligai.dates import long_date
from offentligai.languages import load_strings
from tests.helpers import ROOT
from tests.helpers.builds import fixture_config, mkdocs_build

SITE_URL = "https://example.org/fixture/"
DATA = yaml.safe_load((ROOT / "data" / "ai-act.yml").read_text(encoding="utf-8"))


def script_json(page: str, element_id: str) -> dict:
    match = re.search(rf'<script type="application/json" id="{element_id}">(.*?)</script>', page, re.S)
    assert match, element_id
    return json.loads(match.group(1))


# ---------------------------------------------------------------------------
# The real site
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_page_carries_the_data_in_its_language_and_the_tools_settings(site, lang):
    page = (site.root / ("en/" if lang == "en" else "") / "ai-forordningen" / "index.html").read_text(
        encoding="utf-8"
    )
    aid = script_json(page, "oai-ai-act")
    assert aid == json.loads(json.dumps(pages.view(DATA, lang)))
    ui = script_json(page, "oai-ai-act-ui")
    assert ui["lang"] == lang
    assert ui["format"] == "offentligai-ai-act-answers"
    assert ui["version"] == DATA["law_baseline"]["version"]
    assert all(key.startswith("aa_") for key in ui["strings"])
    assert re.search(r'<script src="[^"]*assets/javascripts/ai-act\.js" defer>', page)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_open_legal_questions_are_shown_as_uncertain_with_the_date_last_checked(site, lang):
    """Every open question and every uncertain note is on the page as text, not hidden."""
    page = (site.root / ("en/" if lang == "en" else "") / "ai-forordningen" / "index.html").read_text(
        encoding="utf-8"
    )
    strings = load_strings(ROOT / "data" / "strings")
    dates = {item["id"]: dt.date.fromisoformat(item["date"]) for item in DATA["dates"]}
    checked = long_date(dates[DATA["law_baseline"]["checked"]], lang)
    label = (
        f'<strong class="oai-aa-uncertain">{strings["aa_uncertain"][lang]}</strong> '
        f'<span class="oai-aa-checked">({strings["aa_checked"][lang].format(date=checked)})</span>'
    )
    assert checked.endswith("2026")
    for item in DATA["open_questions"]:
        match = re.search(rf'<li id="open-{item["id"]}">(.*?)</li>', page, re.S)
        assert match, item["id"]
        assert match.group(1).startswith(label), item["id"]
    notes = re.findall(
        r'<p class="oai-aa-note oai-aa-note--uncertain" data-oai-aa-note="([^"]+)">(.*?)</p>', page, re.S
    )
    assert sorted({note_id for note_id, _ in notes}) == sorted(
        n["id"] for n in DATA["notes"] if n.get("uncertain")
    )
    assert all(text.startswith(label) for _, text in notes)


def test_the_aid_is_published_as_open_data(site):
    assert json.loads((site.root / "data" / "ai-act.json").read_text(encoding="utf-8")) == DATA
    schema = json.loads((site.root / "data" / "ai-act.schema.json").read_text(encoding="utf-8"))
    assert schema["title"].startswith("AI-förordningen")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_trust_model_and_the_guide_lead_to_the_aid(site, prefix):
    for path, link in (
        ("fortroendemodellen/index.html", "../ai-forordningen/"),
        ("guide/juridik/index.html", "../../ai-forordningen/"),
    ):
        page = (site.root / prefix / path).read_text(encoding="utf-8")
        assert f'href="{link}"' in page, path


# ---------------------------------------------------------------------------
# Fixture builds with broken data
# ---------------------------------------------------------------------------


def make_site(folder: Path, aid: str) -> Path:
    """A fixture site with the real hooks, strings and guide chapters, and ``aid`` as the aid's data."""
    (folder / "mkdocs.yml").write_text(
        fixture_config(SITE_URL, ["site_hooks.py", "ai_act_hooks.py"]), encoding="utf-8"
    )
    shutil.copytree(ROOT / "data" / "strings", folder / "data" / "strings")
    for name in (
        "glossary.yml",
        "terminology.yml",
        "trust-model.yml",
        "trust-model.schema.json",
        "ai-act.schema.json",
    ):
        shutil.copy(ROOT / "data" / name, folder / "data" / name)
    (folder / "data" / "ai-act.yml").write_text(aid, encoding="utf-8")
    docs = folder / "docs"
    shutil.copytree(ROOT / "docs" / "guide", docs / "guide", ignore=shutil.ignore_patterns("*/"))
    (docs / "index.md").write_text("# Start\n", encoding="utf-8")
    return folder / "mkdocs.yml"


def build_lines(tmp_path: Path, aid: str) -> list[str]:
    """The build's output lines that name the aid's file; the build must have failed."""
    config = make_site(tmp_path, aid)
    result = mkdocs_build(config, tmp_path / "site", SITE_URL)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    return [line.strip() for line in output.splitlines() if "data/ai-act.yml" in line]


def test_a_schema_error_stops_the_build_with_one_line(tmp_path):
    aid = (
        (ROOT / "data" / "ai-act.yml")
        .read_text(encoding="utf-8")
        .replace("    type: single\n", "    type: one\n", 1)
    )
    assert build_lines(tmp_path, aid) == [
        "data/ai-act.yml: questions[1].type: one: allowed: single, multiple"
    ]


def test_a_date_outside_the_date_table_stops_the_build(tmp_path):
    text = (ROOT / "data" / "ai-act.yml").read_text(encoding="utf-8")
    aid = text.replace(
        "ni ska stödja, inte garantera en viss",
        "från 2 februari 2025 ska ni stödja, inte garantera en viss",
        1,
    )
    assert aid != text
    lines = build_lines(tmp_path, aid)
    assert lines == [
        "data/ai-act.yml: duties[1].text.sv: 2 februari 2025: write dates as {date:<id>} of the date table; "
        "a date lives only there"
    ]
