"""`node scripts/ai-act.mjs ANSWERS.json [--date YYYY-MM-DD]`: results, exit codes and one-line errors."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.helpers import ROOT

SCRIPT = ROOT / "scripts" / "ai-act.mjs"
CASES = json.loads((ROOT / "tests" / "fixtures" / "ai-act" / "edge-cases.json").read_text(encoding="utf-8"))
CHATBOT = next(case for case in CASES if case["id"] == "municipal-chatbot-on-an-llm-api")


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(["node", str(SCRIPT), *args], capture_output=True, text=True, cwd=cwd, timeout=60)


def answers_file(tmp_path: Path, content: object, name: str = "answers.json") -> str:
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return str(path)


def test_every_edge_case_gives_the_expected_outcomes_roles_and_dated_duties(tmp_path):
    for case in CASES:
        result = run(answers_file(tmp_path, case["answers"]), "--date", case["date"])
        assert result.returncode == 0, (case["id"], result.stderr)
        assert result.stderr == ""
        output = json.loads(result.stdout)
        expect = case["expect"]
        assert output["outcomes"] == expect["outcomes"], case["id"]
        assert output["roles"] == expect["roles"], case["id"]
        duties = {d["id"]: [d["applies_from"], d["applies_now"]] for d in output["duties"]}
        assert duties == expect["duties"], case["id"]


def test_the_output_names_the_law_and_gives_each_duty_its_roles_articles_and_dates(tmp_path):
    result = run(answers_file(tmp_path, CHATBOT["answers"]), "--date", "2026-12-03")
    output = json.loads(result.stdout)
    assert output["law"] == {"act": "2024/1689", "amended_by": ["2026/1744"], "checked": "2026-12-03"}
    assert output["date"] == "2026-12-03"
    assert output["risk_class"] == "MINIMAL"
    assert output["duties"][0] == {
        "id": "lit",
        "roles": ["provider", "deployer"],
        "articles": ["Art. 4"],
        "applies_from": "2025-02-02",
        "applies_now": True,
    }
    assert set(output["duties"][1]) == {"id", "roles", "articles", "applies_from", "applies_now"}
    assert output["uncertain"] == ["obvious-exception"]


def test_a_duty_applies_from_its_day(tmp_path):
    path = answers_file(tmp_path, next(c for c in CASES if c["id"] == "new-bans-dated")["answers"])

    def ban(date: str) -> dict:
        return next(d for d in json.loads(run(path, "--date", date).stdout)["duties"] if d["id"] == "ban")

    assert ban("2026-12-01")["applies_now"] is False
    assert ban("2026-12-02")["applies_now"] is True


def test_without_a_date_the_duties_are_dated_against_today(tmp_path):
    result = run(answers_file(tmp_path, CHATBOT["answers"]))
    assert result.returncode == 0
    assert len(json.loads(result.stdout)["date"]) == 10


def test_answers_off_the_path_are_reported_not_refused(tmp_path):
    result = run(answers_file(tmp_path, {"A1": "no", "A2": "system"}), "--date", "2026-12-03")
    assert result.returncode == 0
    assert json.loads(result.stdout)["unused_answers"] == ["A2"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ({"A1": "yes", "X9": "no"}, "X9: unknown question; allowed: A1, A1a, A1b, A1c, A2, G1, G1b"),
        ({"A1": "maybe"}, 'A1: "maybe": unknown answer; allowed: yes, no, unsure'),
        (
            {"A1": "yes"},
            "A2: missing answer (the question is on the path of the other answers); "
            "allowed: system, model, both",
        ),
        ({"A1": ["yes"]}, 'A1: ["yes"]: allowed: one answer id'),
        ({"A1": "yes", "A2": "system", "A3": "none"}, 'A3: "none": allowed: a non-empty list of answer ids'),
        (
            {"A1": "yes", "A2": "system", "A3": ["none", "military"]},
            'A3: ["none","military"]: "none" cannot be combined with other answers',
        ),
        (
            {"A1": "yes", "A2": "system", "A3": ["military", "military"]},
            'A3: ["military","military"]: an answer is repeated; give each once',
        ),
        (["A1", "yes"], 'must be a JSON object of answers by question id, such as {"A1": "yes"}'),
        ('{"A1": "yes",', "not valid JSON ("),
    ],
)
def test_a_bad_answers_file_gives_one_line_and_exit_code_2(tmp_path, content, message):
    path = answers_file(tmp_path, content)
    result = run(path, "--date", "2026-12-03")
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"ai-act: {path}: ")
    assert message in lines[0]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "ai-act: usage: node scripts/ai-act.mjs ANSWERS.json [--date YYYY-MM-DD]"),
        (("a.json", "b.json"), "ai-act: usage: node scripts/ai-act.mjs ANSWERS.json [--date YYYY-MM-DD]"),
        (("a.json", "--date", "2027-02-30"), "ai-act: --date: 2027-02-30: allowed: a day written YYYY-MM-DD"),
        (("a.json", "--date"), "ai-act: --date: (missing): allowed: a day written YYYY-MM-DD"),
        (("a.json", "--when"), "ai-act: --when: unknown option; usage:"),
        (("no-such-file.json",), "ai-act: no-such-file.json: cannot read the file (ENOENT)"),
    ],
)
def test_bad_arguments_give_one_line_and_exit_code_2(tmp_path, args, message):
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(message)


def test_the_command_is_documented():
    readme = (ROOT / "scripts" / "README.md").read_text(encoding="utf-8")
    assert "node scripts/ai-act.mjs ANSWERS.json [--date YYYY-MM-DD]" in readme
