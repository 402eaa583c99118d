"""scripts/terminology.py and scripts/situations.py as a writer runs them, plus the real site."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from offentligai.guide import situations
from offentligai.terminology import checklist_items, load_terminology
from tests.helpers import ROOT

TERMINOLOGY = ROOT / "scripts" / "terminology.py"
SITUATIONS = ROOT / "scripts" / "situations.py"
DATA = ROOT / "data" / "terminology.yml"


def run(script: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(script), *args], cwd=cwd, capture_output=True, text=True)


def site(tmp_path: Path, pages: dict[str, str]) -> Path:
    docs = tmp_path / "docs"
    for name, text in pages.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    return docs


# --- terminology.py --------------------------------------------------------------------------


def test_planted_bad_words_fail_with_file_line_and_the_word_to_use(tmp_path):
    site(
        tmp_path,
        {
            "guide/a.md": "---\ntitle: A\n---\n\nVår chattrobot svarar nu.\n\nSkriv inte ”chattrobot”.\n",
            "guide/a.en.md": "---\ntitle: A\n---\n\nUnder Art. 6(3) the rules apply now.\n",
            "om/b.md": "Vi svarar nu, och det är inte guiden.\n",
            "om/b.en.md": "Nothing wrong with chattrobot in English text.\n",
        },
    )
    result = run(TERMINOLOGY, "--data", str(DATA), "--docs", "docs", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "docs/guide/a.en.md:5: found 'Art.', use 'Article 6(3)'",
        "docs/guide/a.en.md:5: found 'now', use 'a date, or a dated box'",
        "docs/guide/a.md:5: found 'chattrobot', use 'chattbot'",
        "docs/guide/a.md:5: found 'nu', use 'ett datum eller en daterad ruta'",
    ]
    assert "4 words to change" in result.stderr


def test_time_words_inside_a_dated_box_pass(tmp_path):
    page = 'Text.\n\n!!! situation "2026-12-03"\n\n    Regeringen har nu inte lämnat någon proposition.\n'
    site(tmp_path, {"guide/a.md": page})
    result = run(TERMINOLOGY, "--data", str(DATA), "--docs", "docs", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "")


def test_bad_data_is_one_clear_line_and_exit_2(tmp_path):
    site(tmp_path, {"a.md": "Text.\n"})
    bad = tmp_path / "t.yml"
    bad.write_text("words: [{id: x}]\nundated: {}\nroles: []\n", encoding="utf-8")
    result = run(TERMINOLOGY, "--data", str(bad), "--docs", "docs", cwd=tmp_path)
    assert result.returncode == 2
    assert "t.yml: words[0].lang: one of sv, en" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_whole_site_passes_the_terminology_check():
    result = run(TERMINOLOGY, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


# --- situations.py ---------------------------------------------------------------------------

FRESH = '!!! situation "2026-11-01"\n\n    Utredningen föreslår PTS.\n'
OLD = 'Text.\n\n!!! situation "2026-05-20"\n\n    Riktlinjerna är aviserade.\n'


def test_situations_lists_every_box_and_check_fails_on_stale_ones(tmp_path):
    site(tmp_path, {"guide/a.md": FRESH, "guide/b.md": OLD})
    listing = run(SITUATIONS, "--docs", "docs", "--today", "2026-12-03", cwd=tmp_path)
    assert listing.returncode == 0
    assert listing.stdout.splitlines() == [
        "2026-11-01  docs/guide/a.md:1  Utredningen föreslår PTS.",
        "2026-05-20  docs/guide/b.md:3  Riktlinjerna är aviserade.",
    ]
    check = run(SITUATIONS, "--docs", "docs", "--today", "2026-12-03", "--check", cwd=tmp_path)
    assert check.returncode == 1
    assert check.stdout.splitlines() == ["2026-05-20  docs/guide/b.md:3  Riktlinjerna är aviserade."]
    assert "older than 2026-06-03" in check.stderr
    earlier = run(SITUATIONS, "--docs", "docs", "--today", "2026-11-15", "--check", cwd=tmp_path)
    assert (earlier.returncode, earlier.stdout) == (0, "")


def test_situations_reports_a_bad_box_and_exits_2(tmp_path):
    site(tmp_path, {"a.md": '!!! situation "igår"\n\n    Text.\n'})
    result = run(SITUATIONS, "--docs", "docs", cwd=tmp_path)
    assert result.returncode == 2
    assert 'docs/a.md: line 1: igår: a dated box is written !!! situation "YYYY-MM-DD"' in result.stderr


def test_no_dated_box_on_the_site_is_older_than_six_months():
    """Fails six months after a box's date: check the statement again, then update its date."""
    boxes = situations.collect(ROOT / "docs", dt.date.today())
    assert boxes, "the guide has dated boxes"
    old = situations.stale(boxes, dt.date.today())
    assert not old, "\n".join(situations.row(box) for box in old)


# --- the guide's pages ------------------------------------------------------------------------

GUIDE = ROOT / "docs" / "guide"
TERMS = load_terminology(DATA)


def chapters() -> list[str]:
    """Every page of the guide, sub-folders included (sectors, templates), without ".md"."""
    return sorted(
        p.relative_to(GUIDE).as_posix()[: -len(".md")]
        for p in GUIDE.rglob("*.md")
        if not p.name.endswith(".en.md")
    )


def test_every_checklist_item_in_the_guide_names_its_role_in_both_languages():
    for name in chapters():
        sv_items = checklist_items((GUIDE / f"{name}.md").read_text(encoding="utf-8"), TERMS.roles, "sv")
        en_items = checklist_items((GUIDE / f"{name}.en.md").read_text(encoding="utf-8"), TERMS.roles, "en")
        missing = [f"{name}.md:{i.line}" for i in sv_items if not i.roles]
        missing += [f"{name}.en.md:{i.line}" for i in en_items if not i.roles]
        assert not missing, f"checklist items without a known role label: {missing}"
        assert [i.roles for i in sv_items] == [i.roles for i in en_items], name


def test_swedish_and_english_pages_have_the_same_dated_boxes():
    for name in chapters():
        sv = situations.parse((GUIDE / f"{name}.md").read_text(encoding="utf-8"), name)
        en = situations.parse((GUIDE / f"{name}.en.md").read_text(encoding="utf-8"), name)
        assert [b.date for b in sv] == [b.date for b in en], name
