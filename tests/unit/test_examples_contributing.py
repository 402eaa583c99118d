"""Contributing an example: the scaffolding script, the issue form and the strings in use."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from offentligai.errors import ContentError
from offentligai.examples import collection, presentation, schema, vocabularies
from offentligai.languages import load_strings
from tests.helpers import ROOT

SCRIPT = ROOT / "scripts" / "new_example.py"


def run(*args: str, folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args, "--docs", str(folder), "--no-input"],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )


@pytest.fixture(scope="module")
def check():
    vocab = vocabularies.load_vocabularies(ROOT / "data" / "vocabularies.yml")
    return schema.validator(schema.build_schema(vocab, "https://example.org/s.json"))


def test_scaffold_creates_both_files_that_fail_until_filled_in(tmp_path, check):
    result = run("goteborg-chattbot", "--org", "Göteborgs stad", "--function", "education", folder=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Created" in result.stdout and "Next:" in result.stdout
    swedish = (tmp_path / "goteborg-chattbot.md").read_text(encoding="utf-8")
    assert 'organisation: "Göteborgs stad"' in swedish
    assert "functions: [education]" in swedish
    assert (tmp_path / "goteborg-chattbot.en.md").is_file()
    with pytest.raises(ContentError) as raised:
        collection.load_collection(tmp_path, tmp_path, check, dt.date.today())
    fields = {problem.field for problem in raised.value.problems}
    # Everything a person must write is reported; what the command line gave is not.
    assert {"title", "summary", "organisation_type", "status", "year_started", "personal_data"} <= fields
    assert {"sources[1].url", "sources[1].title", "decision_role", "techniques[1]"} <= fields
    assert {"organisation_number", "status_confirmed", "sources[1].publisher", "sources[1].kind"} <= fields
    assert "organisation" not in fields and "functions" not in fields and "id" not in fields
    assert any(problem.file.endswith(".en.md") for problem in raised.value.problems)


def test_filled_in_scaffold_passes(tmp_path, check):
    assert (
        run(
            "exempelby-tolk",
            "--org",
            "Exempelby kommun",
            "--organisation-type",
            "municipality",
            "--function",
            "social-protection",
            "--technique",
            "speech-recognition",
            "--status",
            "pilot",
            "--year-started",
            "2024",
            "--decision-role",
            "none",
            "--personal-data",
            "true",
            "--title",
            "Tolk",
            "--title-en",
            "Interpreter",
            folder=tmp_path,
        ).returncode
        == 0
    )
    for path in tmp_path.iterdir():
        text = path.read_text(encoding="utf-8")
        text = text.replace("https://example.invalid/TODO", "https://example.org/kalla")
        text = re.sub(r"TODO: ?", "", text)
        text = re.sub(r"    date: YYYY-MM-DD.*\n", "    date: 2024-05-02\n", text)
        text = text.replace('"NNNNNN-NNNN"', '"212000-0142"').replace("kind: TODO", "kind: primary")
        text = text.replace("status_confirmed: TODO", "status_confirmed: 2024-05-02")
        path.write_text(text, encoding="utf-8")
    (example,) = collection.load_collection(tmp_path, tmp_path, check, dt.date.today())
    assert example.title == {"sv": "Tolk", "en": "Interpreter"}


def test_scaffold_refuses_to_overwrite(tmp_path):
    (tmp_path / "finns.md").write_text("keep me", encoding="utf-8")
    result = run("finns", folder=tmp_path)
    assert result.returncode == 1
    assert "already exists" in result.stderr
    assert (tmp_path / "finns.md").read_text(encoding="utf-8") == "keep me"
    assert not (tmp_path / "finns.en.md").exists()


@pytest.mark.parametrize("bad", ["Stor-Bokstav", "mellan rum", "streck-"])
def test_scaffold_rejects_a_bad_id(tmp_path, bad):
    result = run(bad, folder=tmp_path)
    assert result.returncode == 2 and "lowercase" in result.stderr
    assert not list(tmp_path.iterdir())


def test_scaffold_only_offers_codes_from_the_vocabularies(tmp_path):
    result = run("x", "--status", "live", folder=tmp_path)
    assert result.returncode == 2 and "invalid choice: 'live'" in result.stderr


def test_issue_form_matches_the_vocabularies_and_the_front_matter():
    form = yaml.safe_load(
        (ROOT / ".github" / "ISSUE_TEMPLATE" / "propose-example.yml").read_text(encoding="utf-8")
    )
    raw = yaml.safe_load((ROOT / "data" / "vocabularies.yml").read_text(encoding="utf-8"))
    fields = {item["id"]: item for item in form["body"] if "id" in item}
    for key, (field, _) in vocabularies.FIELDS.items():
        if field == "source_kind":
            continue  # the maintainers judge each source's kind
        expected = [f"{e['code']} – {e['sv']} / {e['en']}" for e in raw[key]]
        assert fields[field]["attributes"]["options"] == expected, field
    vocab = vocabularies.load_vocabularies(ROOT / "data" / "vocabularies.yml")
    required = schema.build_schema(vocab, "x")["required"]
    for name in required:
        if name in ("id", "last_reviewed", "status_confirmed", "organisation_number"):
            continue  # chosen or looked up by the maintainers
        assert fields[name]["validations"]["required"] is True, name
    assert fields["organisation_number"]["validations"]["required"] is False
    # The organisation's own page is asked for first, before the other sources.
    ids = [item.get("id") for item in form["body"]]
    assert ids.index("own_page") == ids.index("sources") - 1
    assert all(
        " / " in item["attributes"]["label"] or item["id"] in ("organisation", "status")
        for item in form["body"]
        if "label" in item.get("attributes", {})
    )


def test_every_string_the_templates_and_code_use_exists_in_both_languages():
    strings = load_strings(ROOT / "data" / "strings")
    used = set()
    for path in [
        *(ROOT / "overrides" / "partials").glob("example-*.html"),
        *(ROOT / "overrides" / "partials").glob("catalogue*.html"),
        *(ROOT / "hooks" / "offentligai" / "examples").glob("*.py"),
        ROOT / "hooks" / "examples_hooks.py",
    ]:
        used |= set(re.findall(r"\b(ex_[a-z_]+)\b", path.read_text(encoding="utf-8")))
    used -= {"ex_personal_data_", "ex_confirmed_"}  # prefixes of the keys below
    assert used - set(strings) == set()
    assert {"ex_personal_data_true", "ex_personal_data_false"} <= set(strings)
    assert {f"ex_confirmed_{state}" for state in presentation.CONFIRMATION_STATES} <= set(strings)
    own = yaml.safe_load((ROOT / "data" / "strings" / "examples.yml").read_text(encoding="utf-8"))
    assert all(key.startswith("ex_") for key in own)
