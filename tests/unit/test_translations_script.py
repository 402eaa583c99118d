"""scripts/translations.py on a real, temporary git repository."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT

SCRIPT = ROOT / "scripts" / "translations.py"


def git(repo: Path, *args: str, when: int = 1_700_000_000) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": f"@{when} +0000",
        "GIT_COMMITTER_DATE": f"@{when} +0000",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
    }
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def run(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--docs", str(repo / "docs"), *args],
        cwd=repo,
        capture_output=True,
        text=True,
    )


def test_reports_missing_and_outdated_translations(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    git(tmp_path, "init", "-q")
    for name in ["a.md", "a.en.md", "b.md", "c.md", "c.en.md"]:
        (docs / name).write_text(name, encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "first", when=1_700_000_000)
    (docs / "a.md").write_text("changed", encoding="utf-8")
    git(tmp_path, "commit", "-qam", "change Swedish", when=1_700_000_100)
    (docs / "c.md").write_text("typo fixed", encoding="utf-8")
    git(tmp_path, "commit", "-qam", "Fix a typo [sv-only]", when=1_700_000_200)

    report = run(tmp_path)
    assert report.returncode == 0
    assert "Pages without English text" in report.stdout and "docs/b.md" in report.stdout
    assert "changed after the English text" in report.stdout and "docs/a.md" in report.stdout
    assert "docs/c.md" not in report.stdout

    check = run(tmp_path, "--check")
    assert check.returncode == 1


def test_check_passes_when_everything_is_translated(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    git(tmp_path, "init", "-q")
    (docs / "a.md").write_text("sv", encoding="utf-8")
    (docs / "a.en.md").write_text("en", encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "first")
    result = run(tmp_path, "--check")
    assert result.returncode == 0
    assert "up-to-date English text" in result.stdout


def test_outside_a_git_repository_it_says_so(tmp_path):
    (tmp_path / "docs").mkdir()
    result = run(tmp_path, "--check")
    assert result.returncode == 2
    assert "cannot read the git history" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_english_text_checked_against_a_swedish_change_is_not_outdated(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    git(tmp_path, "init", "-q")
    (docs / "a.md").write_text("sv", encoding="utf-8")
    (docs / "a.en.md").write_text("en", encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "first", when=1_700_000_000)
    (docs / "a.md").write_text("ny svensk text", encoding="utf-8")
    git(tmp_path, "commit", "-qam", "Swedish wording", when=1_700_000_100)
    assert run(tmp_path, "--check").returncode == 1
    head = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=tmp_path, capture_output=True, text=True
    )
    (tmp_path / "data").mkdir()
    checked = tmp_path / "data" / "translations-checked.txt"
    checked.write_text(f"# comment\ndocs/a.md {head.stdout.strip()}  # the English needs no change\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "English checked", when=1_700_000_150)
    assert run(tmp_path, "--check").returncode == 0
    (docs / "a.md").write_text("ännu nyare text", encoding="utf-8")
    git(tmp_path, "commit", "-qam", "More Swedish", when=1_700_000_200)  # a later change counts again
    assert run(tmp_path, "--check").returncode == 1
    checked.write_text("docs/a.md\n", encoding="utf-8")
    broken = run(tmp_path, "--check")
    assert broken.returncode == 2 and "translations-checked.txt:1" in broken.stderr
