"""Förtroendemodellen's pages: markers, rendering helpers, guide titles and the tool's data."""

from __future__ import annotations

import json
import re

import jinja2
import markdown
import pytest
import yaml

from offentligai import frontmatter, templating
from offentligai.errors import ContentError
from offentligai.examples.vocabularies import FIELDS as VOCABULARY_FIELDS
from offentligai.languages import load_strings, strings_for
from offentligai.trust_model import model as tm
from offentligai.trust_model import pages
from tests.helpers import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "trust_model"
STRINGS = load_strings(ROOT / "data" / "strings")
# The tool's modules: its own (ui/ and core/trust-model/) and the shared core modules it uses.
JS_DIR = ROOT / "docs" / "assets" / "javascripts"
LABELS = tm.yes_no_labels(STRINGS)


def fixture_model() -> dict:
    return tm.normalise(yaml.safe_load((FIXTURES / "model.yml").read_text(encoding="utf-8")), LABELS)


def theme_env() -> jinja2.Environment:
    """Like ``config.theme.get_env()``: our overrides first (only our partials are used here)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(ROOT / "overrides")))
    return templating.prepare(env)


# ---------------------------------------------------------------------------
# Markers
# ---------------------------------------------------------------------------


def test_parse_marker():
    assert pages.parse_marker(" part=before ") == {"part": "before"}
    assert pages.parse_marker(" tool ") == {"tool": ""}
    assert pages.parse_marker(' part="follow-up" ') == {"part": "follow-up"}


def test_replace_markers_renders_each_marker():
    text = "a\n<!-- offentligai:trust-model part=before -->\nb\n<!--offentligai:trust-model tool-->\n"
    result = pages.replace_markers(
        text, lambda args: f"[{','.join(f'{k}={v}' for k, v in args.items())}]", ["before"], "x.md"
    )
    assert result == "a\n[part=before]\nb\n[tool=]\n"


def test_replace_markers_reports_every_unknown_directive():
    text = (
        "<!-- offentligai:trust-model part=during -->\n"
        "<!-- offentligai:trust-model tools -->\n"
        "<!-- offentligai:trust-model -->\n"
    )
    with pytest.raises(ContentError) as caught:
        pages.replace_markers(text, lambda args: "", ["before", "development"], "fortroendemodellen/x.md")
    allowed = "allowed: part=<before|development>, tool or start"
    assert [str(p) for p in caught.value.problems] == [
        "fortroendemodellen/x.md: trust-model marker part: during: allowed: before, development",
        f"fortroendemodellen/x.md: trust-model marker: tools: {allowed}",
        f"fortroendemodellen/x.md: trust-model marker: (empty): {allowed}",
    ]


def test_tool_and_start_take_no_value():
    text = "<!-- offentligai:trust-model start -->\n<!-- offentligai:trust-model start=x -->\n"
    with pytest.raises(ContentError) as caught:
        pages.replace_markers(text, lambda args: "", ["before"], "index.md")
    assert [str(p) for p in caught.value.problems] == [
        "index.md: trust-model marker: start=x: allowed: part=<before>, tool or start"
    ]


def test_other_markers_are_left_alone():
    text = "<!-- offentligai:glossary -->"
    assert pages.replace_markers(text, lambda args: "X", ["before"], "x.md") == text


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------


def test_markdown_text_escapes_html_and_markdown():
    assert templating.markdown_text("a <b> & *c* [d](e) #f") == r"a &lt;b&gt; &amp; \*c\* \[d\](e) \#f"
    rendered = markdown.markdown(f"## {templating.markdown_text('Syfte & *nytta* <i>')}")
    assert rendered == "<h2>Syfte &amp; *nytta* &lt;i&gt;</h2>"


def test_fill():
    assert templating.fill("Om du svarar ”{answer}”", answer="Nej") == "Om du svarar ”Nej”"
    assert templating.fill("{missing}") == "{missing}"


def render_part_html(lang: str) -> str:
    model = fixture_model()
    strings = strings_for(STRINGS, lang)
    guides = {"kapitel": {"sv": "Kapitlet", "en": "The chapter"}}
    text = pages.render_part(theme_env(), model, "before", lang, strings, guides)
    return markdown.markdown(text, extensions=["md_in_html", "attr_list", "toc"])


def test_part_renders_sections_with_anchors_and_numbered_questions():
    html = render_part_html("sv")
    assert '<h2 id="purpose">1. Syfte &amp; nytta</h2>' in html
    assert '<li class="oai-tm-question oai-tm-question--short-text" id="purpose-system-name">' in html
    assert '<span class="oai-tm-question__number">1.1</span> Vad heter systemet?' in html
    assert '<p class="oai-tm-question__help">Ett arbetsnamn räcker.</p>' in html
    assert "Svara med några ord." in html


def test_part_renders_options_attention_and_escapes_data():
    html = render_part_html("sv")
    assert "Automatiserat beslut &lt;b&gt;" in html and "<b>" not in html
    assert '<p class="oai-tm-attention"><strong>Observera:</strong> Kräver stöd i lag.</p>' in html


def test_part_links_to_guide_chapters_as_markdown_links():
    html = render_part_html("en")
    assert 'Read more in the AI guide: <a href="../guide/kapitel.md">The chapter</a>' in html
    assert '<a class="md-button md-button--primary" href="verktyg.md">' in html


def test_yes_no_attention_names_the_answer():
    model = fixture_model()
    text = pages.render_part(
        theme_env(),
        model,
        "development",
        "en",
        strings_for(STRINGS, "en"),
        {"kapitel": {"sv": "K", "en": "K"}},
    )
    assert "If you answer “No”:</strong> Test before going live." in text


def test_tool_body_has_message_part_links_guide_links_and_mount_point():
    text = pages.render_tool(
        theme_env(),
        fixture_model(),
        "sv",
        strings_for(STRINGS, "sv"),
        {"kapitel": {"sv": "Kapitlet", "en": "The chapter"}},
    )
    html = markdown.markdown(text, extensions=["md_in_html", "attr_list"])
    assert "data-oai-tm-nojs" in html and "Verktyget behöver JavaScript" in html
    assert '<a data-oai-tm-part="before" href="infor-utveckling.md">Inför utveckling</a>' in html
    assert '<a data-oai-tm-guide="kapitel" href="../guide/kapitel.md">Kapitlet</a>' in html
    assert '<div id="oai-tm-app" class="oai-tm" data-oai-tm-app hidden="hidden"></div>' in html


@pytest.mark.parametrize(
    ("lang", "page", "link"),
    [
        ("sv", "index.md", "fortroendemodellen/verktyg.md"),
        ("en", "fortroendemodellen/index.en.md", "verktyg.md"),
    ],
)
def test_start_counts_the_model_and_links_to_the_tool(lang, page, link):
    model = fixture_model()
    count = sum(1 for _ in tm.questions(model))
    sections = sum(len(part["sections"]) for part in model["parts"])
    text = pages.render_start(theme_env(), model, strings_for(STRINGS, lang), page)
    html = markdown.markdown(text, extensions=["md_in_html", "attr_list"])
    size = {
        "sv": f"har {count} frågor i {sections} avsnitt",
        "en": f"has {count} questions in {sections} sections",
    }
    assert size[lang] in html
    assert ("dataskyddsombudet" if lang == "sv" else "data protection officer") in html
    button = {"sv": "Gör en självskattning", "en": "Start a self-assessment"}[lang]
    assert f'<a class="md-button md-button--primary" href="{link}">{button}</a>' in html


# ---------------------------------------------------------------------------
# Guide chapter titles
# ---------------------------------------------------------------------------


def test_page_title_from_front_matter_or_heading(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: Från front matter\n---\n# Rubrik\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ndescription: x\n---\n\n# Rubriken\n", encoding="utf-8")
    (tmp_path / "c.md").write_text("Ingen rubrik\n", encoding="utf-8")
    assert pages.page_title(tmp_path / "a.md") == "Från front matter"
    assert pages.page_title(tmp_path / "b.md") == "Rubriken"
    assert pages.page_title(tmp_path / "c.md") is None
    assert pages.page_title(tmp_path / "missing.md") is None


def test_guide_titles_fall_back_to_swedish(tmp_path):
    (tmp_path / "data.md").write_text("# Data\n", encoding="utf-8")
    (tmp_path / "juridik.md").write_text("# Juridik\n", encoding="utf-8")
    (tmp_path / "juridik.en.md").write_text("# Law\n", encoding="utf-8")
    assert pages.guide_titles(tmp_path, ["data", "juridik"]) == {
        "data": {"sv": "Data", "en": "Data"},
        "juridik": {"sv": "Juridik", "en": "Law"},
    }


# ---------------------------------------------------------------------------
# The tool's data
# ---------------------------------------------------------------------------


def test_script_json_cannot_end_the_script_element():
    text = templating.script_json({"a": "</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><!-- & \u2028"}


def test_tool_strings_are_the_trust_model_strings_in_both_languages():
    strings = pages.tool_strings(STRINGS)
    assert strings and all(key.startswith("tm_") for key in strings)
    assert strings["tm_no_answer"] == {"sv": "Inget svar", "en": "No answer"}


def test_every_string_the_script_and_templates_use_exists():
    """A typo in a key would show the key itself to readers."""
    modules = [*(JS_DIR / "ui" / "trust-model").glob("*.js"), *(JS_DIR / "core" / "trust-model").glob("*.js")]
    assert len(modules) >= 6
    used = set()
    for module in modules:
        used |= set(re.findall(r"""["'`](tm_[a-z0-9_]+)["'`]""", module.read_text(encoding="utf-8")))
    used |= {f"tm_language_{lang}" for lang in ("sv", "en")}
    used |= {
        f"tm_answer_type_{kind.replace('-', '_')}"
        for kind in ("short-text", "long-text", "single-choice", "multiple-choice", "yes-no", "date")
    }
    for template in (ROOT / "overrides" / "partials").glob("trust-model-*.html"):
        used |= set(re.findall(r"t\.(tm_[a-z0-9_]+)", template.read_text(encoding="utf-8")))
    assert len(used) > 50
    assert sorted(used - set(STRINGS)) == []


def test_draft_prefill_keeps_rules_whose_question_exists():
    model = fixture_model()
    kept, missing = pages.draft_prefill(model)
    assert set(kept) == {"title", "organisation", "summary"}
    assert "purpose-technique" in missing


def test_draft_prefill_matches_the_real_model():
    data, _ = tm.load_model(ROOT, ROOT / "docs")
    kept, missing = pages.draft_prefill(tm.normalise(data, LABELS))
    assert missing == []
    assert set(kept) == set(pages.DRAFT_PREFILL)


def test_draft_rules_come_from_every_list_of_the_collection(tmp_path):
    path = tmp_path / "vocabularies.yml"
    entries = "[{code: a, sv: A, en: A}]"
    path.write_text("\n".join(f"{key}: {entries}" for key in VOCABULARY_FIELDS) + "\n", encoding="utf-8")
    rules, problems = pages.load_draft_rules(path)
    assert problems == []
    assert rules["schema"]["properties"]["functions"]["items"]["labels"] == [
        {"code": "a", "sv": "A", "en": "A"}
    ]


def test_draft_rules_say_what_is_wrong_with_the_collections_own_messages(tmp_path):
    path = tmp_path / "vocabularies.yml"
    path.write_text("functions: [{code: a, sv: A}]\n", encoding="utf-8")
    rules, problems = pages.load_draft_rules(path)
    assert rules is None
    assert f"{path.as_posix()}: functions[1].en: a label is required" in problems
    missing, problems = pages.load_draft_rules(tmp_path / "none.yml")
    assert missing is None and problems == [f"{(tmp_path / 'none.yml').as_posix()}: file not found"]


def test_the_real_vocabularies_give_draft_rules():
    rules, problems = pages.load_draft_rules(ROOT / "data" / "vocabularies.yml")
    assert problems == []
    labels = rules["schema"]["properties"]["decision_role"]["labels"]
    assert {term["code"] for term in labels} >= {"none", "decision-support"}


def test_tool_data():
    data = pages.tool_data(fixture_model(), STRINGS, "en")
    assert data["lang"] == "en" and data["languages"] == ["sv", "en"]
    assert data["format"] == "offentligai-trust-model-answers" and data["format_version"] == 1
    assert data["storage_key"] == "offentligai.trust-model.v1"
    assert data["max_file_bytes"] == 2 * 1024 * 1024
    assert data["name_question"] == "purpose-system-name"
    assert "vocabularies" not in data  # the draft's codes come with the example rules
    assert data["contact"] == {"repository": "", "editorial": ""}
    contact = {"repo_url": "", "editorial_contact": "mailto:red@myndighet.se"}
    with_contact = pages.tool_data(fixture_model(), STRINGS, "sv", contact)
    assert with_contact["contact"] == {"repository": "", "editorial": "mailto:red@myndighet.se"}


def test_stub_pages_have_valid_front_matter_and_one_marker():
    """MkDocs silently drops front matter with a YAML error (a colon in a description)."""
    folder = ROOT / "docs" / "fortroendemodellen"
    expected = {
        "infor-utveckling": "part=before",
        "utveckling": "part=development",
        "uppfoljning": "part=follow-up",
        "verktyg": "tool",
    }
    for stem, marker in expected.items():
        for suffix in (".md", ".en.md"):
            text = (folder / f"{stem}{suffix}").read_text(encoding="utf-8")
            meta = frontmatter.split(text).meta
            assert meta["title"] and meta["description"], stem + suffix
            assert meta["template"] == ("trust-model-tool.html" if stem == "verktyg" else "trust-model.html")
            assert re.findall(r"<!-- offentligai:trust-model ([^>]*?) -->", text) == [marker], stem + suffix
