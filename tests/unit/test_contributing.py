"""The contribution machinery: issue forms, workflows, code owners, lint tools, templates, guides."""

from __future__ import annotations

import datetime as dt
import fnmatch
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from offentligai import frontmatter
from offentligai.examples import collection, schema
from offentligai.examples.vocabularies import load_vocabularies
from tests.helpers import ROOT

GITHUB = ROOT / ".github"
FORMS = GITHUB / "ISSUE_TEMPLATE"
WORKFLOWS = GITHUB / "workflows"
NODE_BIN = ROOT / "node_modules" / ".bin"
CONTENT_TEAM = "@offentligai/innehall"
CODE_TEAM = "@offentligai/kod"
ANCHOR = re.compile(r"\{ #([a-z0-9-]+) \}\s*$")


def load_yaml(path: Path) -> object:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        command, cwd=kwargs.pop("cwd", ROOT), capture_output=True, text=True, timeout=300, **kwargs
    )


def front_matter(path: Path) -> dict:
    return frontmatter.split(path.read_text(encoding="utf-8")).meta


def anchors(path: Path) -> list[str]:
    return [
        m.group(1) for line in path.read_text(encoding="utf-8").splitlines() if (m := ANCHOR.search(line))
    ]


# ---------------------------------------------------------------------------
# Issue forms and the pull-request template
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(p for p in FORMS.glob("*.yml") if p.name != "config.yml"), ids=str)
def test_every_issue_form_is_valid(path):
    form = load_yaml(path)
    assert {"name", "description", "body"} <= set(form), "an issue form needs name, description and body"
    fields = [item for item in form["body"] if item["type"] != "markdown"]
    ids = [item["id"] for item in fields]
    assert len(ids) == len(set(ids)), f"duplicate field ids: {ids}"
    for item in fields:
        assert item["type"] in {"input", "textarea", "dropdown", "checkboxes"}
        assert item["attributes"]["label"].strip()
        if item["type"] in {"dropdown", "checkboxes"}:
            assert item["attributes"]["options"], f"{item['id']} has no options"
    assert any(item.get("validations", {}).get("required") for item in fields), "no required field"


@pytest.mark.parametrize("name", ["bug-content.yml", "propose-guide-change.yml"])
def test_our_issue_forms_are_bilingual_and_ask_for_consent(name):
    form = load_yaml(FORMS / name)
    fields = [item for item in form["body"] if item["type"] != "markdown"]
    for text in [form["name"], *(item["attributes"]["label"] for item in fields)]:
        assert " / " in text, f"{name}: label not in Swedish and English: {text!r}"
    required = [item["id"] for item in fields if item.get("validations", {}).get("required")]
    assert len(required) >= 3
    checks = next(item for item in fields if item["type"] == "checkboxes")
    assert all(option["required"] for option in checks["attributes"]["options"])
    assert any("personuppgifter" in option["label"] for option in checks["attributes"]["options"])


def test_the_guide_form_lists_every_chapter_of_the_guide():
    form = load_yaml(FORMS / "propose-guide-change.yml")
    chapter = next(item for item in form["body"] if item.get("id") == "chapter")
    options = chapter["attributes"]["options"]
    for page in sorted((ROOT / "docs" / "guide").glob("*.md")):
        if page.name.endswith(".en.md") or page.stem == "index":
            continue
        if "offentligai:print-document" in page.read_text(encoding="utf-8"):
            continue  # the whole guide on one page: made of the chapters, not one of them
        english = page.with_name(page.stem + ".en.md")
        expected = f"{front_matter(page)['title']} / {front_matter(english)['title']}"
        assert expected in options, f"add {expected!r} to the chapter options of {form['name']}"


def test_blank_issues_are_off_and_the_contact_link_points_at_the_repository():
    config = load_yaml(FORMS / "config.yml")
    assert config["blank_issues_enabled"] is False
    repo_url = re.search(r'^repo_url: !ENV \[REPO_URL, "([^"]+)"\]', (ROOT / "mkdocs.yml").read_text(), re.M)
    assert repo_url, "mkdocs.yml no longer has the repo_url line this test reads"
    urls = [link["url"] for link in config["contact_links"]]
    assert f"{repo_url.group(1)}/blob/main/CONTRIBUTING.md" in urls


def test_the_pull_request_template_has_a_bilingual_checklist():
    text = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    items = [line for line in text.splitlines() if line.startswith("- [ ] ")]
    assert len(items) >= 5
    assert all(" / " in item for item in items), "every checklist item in Swedish and English"
    assert any("källa" in item and "source" in item for item in items)


# ---------------------------------------------------------------------------
# Workflows and Dependabot
# ---------------------------------------------------------------------------


def workflow_triggers(workflow: dict) -> dict:
    # YAML 1.1 reads the key `on` as the boolean True.
    triggers = workflow.get("on", workflow.get(True))
    return triggers if isinstance(triggers, dict) else {name: None for name in triggers}


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.yml")), ids=lambda p: p.name)
def test_workflows_declare_permissions_and_pin_actions_by_sha(path):
    workflow = load_yaml(path)
    assert "permissions" in workflow, "set top-level permissions (contents: read, or {})"
    assert workflow["permissions"] in ({}, {"contents": "read"}), "grant more only to the job that needs it"
    uses = re.findall(r"^\s*(?:-\s*)?uses:\s*(\S+)(.*)$", path.read_text(encoding="utf-8"), re.M)
    assert uses, "no actions used?"
    for action, rest in uses:
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", action), f"pin {action} by full commit SHA"
        assert re.match(r"\s+# v\d+(\.\d+)*\s*$", rest), f"{action}: add the version as a comment (# v1.2.3)"


@pytest.mark.parametrize("name", ["test.yml", "links.yml"])
def test_read_only_workflows_do_not_keep_the_token_after_checkout(name):
    workflow = load_yaml(WORKFLOWS / name)
    checkouts = [
        step
        for job in workflow["jobs"].values()
        for step in job["steps"]
        if step.get("uses", "").startswith("actions/checkout@")
    ]
    assert checkouts
    assert all(step.get("with", {}).get("persist-credentials") is False for step in checkouts)


def test_the_test_workflow_runs_ci_run_on_pull_requests_and_main():
    workflow = load_yaml(WORKFLOWS / "test.yml")
    triggers = workflow_triggers(workflow)
    assert "pull_request" in triggers
    assert triggers["push"]["branches"] == ["main"]
    commands = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert any(command.strip() == "bash .ci/run" for command in commands)


def test_the_link_check_is_scheduled_and_never_blocks_pull_requests():
    workflow = load_yaml(WORKFLOWS / "links.yml")
    triggers = workflow_triggers(workflow)
    assert set(triggers) == {"schedule", "workflow_dispatch"}
    assert triggers["schedule"][0]["cron"]
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    assert any("scripts/check_external_links.py" in step.get("run", "") for step in steps)
    assert not any(step.get("continue-on-error") for step in steps), "the script itself never fails"


def test_dependabot_watches_pip_npm_and_actions():
    config = load_yaml(GITHUB / "dependabot.yml")
    assert {update["package-ecosystem"] for update in config["updates"]} == {"pip", "npm", "github-actions"}


# ---------------------------------------------------------------------------
# Code owners
# ---------------------------------------------------------------------------


def codeowners() -> list[tuple[str, list[str]]]:
    rules = []
    for line in (GITHUB / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            pattern, *owners = line.split()
            rules.append((pattern, owners))
    return rules


def owners_of(path: str) -> list[str]:
    """The owners GitHub would pick for ``path``: the last matching line wins."""
    found: list[str] = []
    for pattern, owners in codeowners():
        if pattern == "*":
            matches = True
        elif pattern.endswith("/"):
            matches = ("/" + path).startswith(pattern)
        else:
            matches = fnmatch.fnmatch("/" + path, pattern)
        if matches:
            found = owners
    return found


@pytest.mark.parametrize(
    ("path", "owners"),
    [
        ("docs/guide/data.md", [CONTENT_TEAM]),
        ("docs/exempel/skatteverket-skatti.en.md", [CONTENT_TEAM]),
        ("data/trust-model.yml", [CONTENT_TEAM]),
        ("CONTRIBUTING.md", [CONTENT_TEAM]),
        ("writer-templates/example.md", [CONTENT_TEAM]),
        ("data/strings/site.yml", [CONTENT_TEAM, CODE_TEAM]),
        ("docs/assets/javascripts/core/storage.js", [CODE_TEAM]),
        ("data/trust-model.schema.json", [CODE_TEAM]),
        ("hooks/site_hooks.py", [CODE_TEAM]),
        ("overrides/main.html", [CODE_TEAM]),
        ("scripts/translations.py", [CODE_TEAM]),
        ("tests/conftest.py", [CODE_TEAM]),
        (".github/workflows/test.yml", [CODE_TEAM]),
        ("mkdocs.yml", [CODE_TEAM]),
        ("requirements.txt", [CODE_TEAM]),
    ],
)
def test_codeowners_separates_content_from_code(path, owners):
    assert owners_of(path) == owners


def test_codeowners_names_only_the_placeholder_teams_and_existing_paths():
    text = (GITHUB / "CODEOWNERS").read_text(encoding="utf-8")
    assert "replace them with the real teams" in text.replace("\n# ", " ").replace("Replace", "replace")
    assert "This is a comment" not in text, "GitHub's sample comments must not stay"
    for pattern, owners in codeowners():
        assert owners and set(owners) <= {CONTENT_TEAM, CODE_TEAM}
        if pattern != "*" and "*" not in pattern:
            assert (ROOT / pattern.strip("/")).exists(), f"CODEOWNERS names a missing path: {pattern}"


# ---------------------------------------------------------------------------
# Lint configuration and tools
# ---------------------------------------------------------------------------


def test_pre_commit_uses_only_local_hooks_and_tools_the_project_installs():
    config = load_yaml(ROOT / ".pre-commit-config.yaml")
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    hooks = config["repos"][0]["hooks"]
    ids = {hook["id"] for hook in hooks}
    assert {
        "ruff-check",
        "ruff-format",
        "yamllint",
        "cspell",
        "markdownlint",
        "eslint",
        "mkdocs-build",
        "translations",
    } <= ids
    for hook in hooks:
        assert hook["language"] in {"system", "pygrep"}, f"{hook['id']}: no downloaded environments"
        if hook["language"] == "system":
            assert hook["entry"].startswith((".venv/bin/", "node_modules/.bin/", "bash -c")), hook["entry"]


def test_pre_commit_accepts_its_configuration():
    result = run([sys.executable, "-m", "pre_commit", "validate-config", ".pre-commit-config.yaml"])
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_markdownlint_exception_is_explained():
    lines = (ROOT / ".markdownlint-cli2.yaml").read_text(encoding="utf-8").splitlines()
    rules = [n for n, line in enumerate(lines) if re.match(r"\s+MD\d{3}:", line)]
    assert rules
    for n in rules:
        assert lines[n - 1].strip().startswith("#"), f"explain {lines[n].strip()} in a comment above it"


def test_the_word_list_is_sorted_and_has_no_duplicates():
    lines = (ROOT / "project-words.txt").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#"), "the word list starts with a comment that says how to add words"
    words = [line for line in lines if line.strip() and not line.startswith("#")]
    assert words == sorted(words, key=lambda w: (w.casefold(), w)), (
        "keep project-words.txt in alphabetical order"
    )
    assert len(words) == len(set(words))
    assert all(" " not in word for word in words), "one word per line"


def test_node_tools_are_pinned_exactly_next_to_axe_core():
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    dev = package["devDependencies"]
    assert dev["axe-core"] == "4.14.1"
    assert dev["cspell"] == "9.8.0"
    assert dev["@cspell/dict-sv"] == "2.3.2"
    assert "markdownlint-cli2" in dev
    assert all(re.fullmatch(r"\d+\.\d+\.\d+", version) for version in dev.values()), "exact versions only"
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    for name, version in dev.items():
        assert lock["packages"][f"node_modules/{name}"]["version"] == version, f"run npm install ({name})"


# The whole repository is checked by `make lint` (pre-commit), which `make test` runs first;
# these tests check that the tools are configured to catch what they should.


def test_spell_check_knows_swedish_and_english_and_catches_mistakes():
    good = [
        "Kommunen använder en chattbot och en språkmodell. The municipality uses a chatbot.",
        "Tillhandahållaren ska göra en konsekvensbedömning avseende dataskydd.",
    ]
    bad = ["Myndigheten fattar ett beslutt om personuppgifter.", "The agency processes personnal data."]
    body = "\n\n".join(good + bad)
    result = run(
        [
            str(NODE_BIN / "cspell"),
            "lint",
            "--no-progress",
            "--config",
            "cspell.config.yaml",
            "stdin://check.md",
        ],
        input=f"---\ntitle: Test\n---\n\n## Rubrik {{ #heading }}\n\n{body} `kodd` [a](../x/xyzzy.md)\n",
    )
    assert result.returncode == 1, result.stdout
    assert set(re.findall(r"Unknown word \((\w+)\)", result.stdout)) == {"beslutt", "personnal"}, (
        result.stdout
    )


def eslint(code: str, path: str) -> subprocess.CompletedProcess:
    """ESLint with the repository's configuration on ``code`` as if it were the file ``path``."""
    return run([str(NODE_BIN / "eslint"), "--stdin", "--stdin-filename", path], input=code)


def test_eslint_keeps_the_pure_modules_away_from_the_page():
    page_code = "export function title() {\n  return document.title + window.location.href;\n}\n"
    core = eslint(page_code, "docs/assets/javascripts/core/example.js")
    assert core.returncode == 1
    assert "'document' is not defined" in core.stdout and "'window' is not defined" in core.stdout
    assert eslint(page_code, "docs/assets/javascripts/ui/example.js").returncode == 0
    node_code = (
        'import { readFileSync } from "node:fs";\nexport const text = readFileSync(process.argv[2]);\n'
    )
    assert eslint(node_code, "tests/js/example.test.mjs").returncode == 0
    unused = eslint(
        "export function f() {\n  const unused = 1;\n  return 2;\n}\n", "docs/assets/javascripts/core/x.js"
    )
    assert unused.returncode == 1 and "no-unused-vars" in unused.stdout


def test_markdown_lint_accepts_the_site_conventions_and_rejects_real_problems(tmp_path):
    shutil.copy(ROOT / ".markdownlint-cli2.yaml", tmp_path)
    (tmp_path / "good.md").write_text(
        "---\ntitle: Sida\n---\n\n# Sida\n\n"
        '!!! abstract "I korthet"\n\n    - En punkt.\n    - En punkt till.\n\n'
        "## Avsnitt { #section }\n\nEn lång rad " + "med text " * 40 + "([länk](#section)).\n\n"
        "- Källor:\n    - [Källa](https://example.org/)\n\n"
        '<div class="grid cards" markdown>\n\n- Kort\n\n</div>\n',
        encoding="utf-8",
    )
    good = run([str(NODE_BIN / "markdownlint-cli2")], cwd=tmp_path)
    assert good.returncode == 0, good.stdout + good.stderr

    (tmp_path / "bad.md").write_text("# A\n\n### Skipped level\n\n<span>x</span>\n", encoding="utf-8")
    bad = run([str(NODE_BIN / "markdownlint-cli2")], cwd=tmp_path)
    assert bad.returncode == 1
    assert "MD001" in bad.stderr + bad.stdout and "MD033" in bad.stderr + bad.stdout


def test_yaml_lint_accepts_mkdocs_env_tags():
    assert "!ENV" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    result = run([sys.executable, "-m", "yamllint", "--strict", "mkdocs.yml", "mkdocs.offline.yml"])
    assert result.returncode == 0, result.stdout + result.stderr


# ---------------------------------------------------------------------------
# Templates
# ---------------------------------------------------------------------------


VALID_EXAMPLE = {
    "id": "t",
    "title": "Kommunens chattbot",
    "summary": "En chattbot svarar på frågor.",
    "organisation": "Kommunen",
    "organisation_type": "municipality",
    "organisation_number": "212000-0142",
    "functions": ["general-public-services"],
    "techniques": ["generative-ai"],
    "status": "pilot",
    "status_confirmed": "2024-05-01",
    "year_started": 2024,
    "decision_role": "none",
    "personal_data": False,
    "sources": [
        {
            "title": "Kommunen inför AI",
            "url": "https://kommunen.se/ai",
            "publisher": "Kommunen",
            "kind": "primary",
            "date": "2024-05-01",
        }
    ],
    "last_reviewed": "2026-11-01",
}


def example_checker():
    vocabularies = load_vocabularies(ROOT / "data" / "vocabularies.yml")
    built = schema.build_schema(vocabularies, "https://example.org/data/example.schema.json")
    return vocabularies, built, schema.validator(built)


def test_the_example_template_has_every_field_of_the_schema():
    _, built, _ = example_checker()
    text = (ROOT / "writer-templates" / "example.md").read_text(encoding="utf-8")
    meta = front_matter(ROOT / "writer-templates" / "example.md")
    optional = set(re.findall(r"^# ([a-z_]+): ", text, re.M)) - {"allowed"}
    assert set(meta) | optional == set(built["properties"])
    assert set(meta) == set(built["required"]), "required keys are live, optional ones commented out"


def test_the_example_template_lists_the_allowed_codes_of_the_vocabularies():
    vocabularies, _, _ = example_checker()
    lines = (ROOT / "writer-templates" / "example.md").read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines):
        if line.startswith("# allowed: "):
            field = lines[n + 1].split(":")[0]
            assert line[len("# allowed: ") :].split(", ") == list(vocabularies[field].codes), field


def test_the_example_template_is_refused_until_filled_in_and_valid_when_filled_in():
    _, _, check = example_checker()
    meta = front_matter(ROOT / "writer-templates" / "example.md")
    today = dt.date(2026, 11, 28)
    problems = collection.validate_meta(meta, "t.md", check, today, "t")
    assert {p.field.split("[")[0] for p in problems} == set(meta), "every placeholder must be refused"
    assert not any("unknown" in p.allowed for p in problems)

    filled = {key: VALID_EXAMPLE[key] for key in meta}
    assert collection.validate_meta(filled, "t.md", check, today, "t") == []


def test_the_english_example_template_has_only_the_english_fields_and_the_same_anchors():
    english = ROOT / "writer-templates" / "example.en.md"
    assert set(front_matter(english)) == set(schema.ENGLISH_FIELDS)
    assert anchors(english) == anchors(ROOT / "writer-templates" / "example.md") != []


def test_the_chapter_template_follows_the_chapters():
    template = ROOT / "writer-templates" / "guide-chapter.md"
    meta = front_matter(template)
    chapter = front_matter(ROOT / "docs" / "guide" / "data.md")
    assert set(meta) == set(chapter) == {"title", "description", "last_reviewed"}
    text = template.read_text(encoding="utf-8")
    assert '!!! abstract "I korthet"' in text
    assert "## Relaterat { #related }" in text and "- [ ] " in text


# ---------------------------------------------------------------------------
# CONTRIBUTING, the writing guide and the scripts list
# ---------------------------------------------------------------------------


def test_contributing_exists_in_both_languages_with_the_examples_section():
    swedish = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    english = (ROOT / "CONTRIBUTING.en.md").read_text(encoding="utf-8")
    assert "](CONTRIBUTING.en.md)" in swedish and "](CONTRIBUTING.md)" in english
    assert "## Lägga till ett exempel" in swedish and "## Adding an example" in english
    assert "](docs/om/skrivregler.md)" in swedish and "](docs/om/skrivregler.en.md)" in english
    for text in (swedish, english):
        assert CONTENT_TEAM in text and CODE_TEAM in text, "name the same owners as CODEOWNERS"
        for target in re.findall(
            r"\]\(((?:docs|data|writer-templates|scripts|\.github)/[^)#]*|[\w.-]+\.(?:md|txt))", text
        ):
            assert (ROOT / target).exists(), f"broken link to {target}"


@pytest.mark.parametrize("name", ["skrivregler.md", "skrivregler.en.md"])
def test_the_writing_guide_has_front_matter_and_a_term_list(name):
    page = ROOT / "docs" / "om" / name
    meta = front_matter(page)
    assert meta["title"] and meta["description"]
    assert meta["last_reviewed"] == front_matter(ROOT / "docs" / "om" / "skrivregler.md")["last_reviewed"]
    assert dt.date.fromisoformat(str(meta["last_reviewed"])) <= dt.date.today()
    text = page.read_text(encoding="utf-8")
    terms = text.split("{ #terminology }")[1].split("\n## ")[0]
    rows = [line for line in terms.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert len(rows) >= 40
    assert "| tillhandahållare (i AI-förordningen) | deployer |" in rows


def test_the_writing_guide_has_the_same_anchors_in_both_languages():
    swedish = anchors(ROOT / "docs" / "om" / "skrivregler.md")
    assert swedish and swedish == anchors(ROOT / "docs" / "om" / "skrivregler.en.md")


def test_scripts_readme_lists_every_script():
    readme = (ROOT / "scripts" / "README.md").read_text(encoding="utf-8")
    for script in sorted((ROOT / "scripts").glob("*.py")):
        assert f"[`{script.name}`]({script.name})" in readme, f"describe {script.name} in scripts/README.md"
