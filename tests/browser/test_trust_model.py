"""Förtroendemodellen in a real browser: the tool, its files, its report and its accessibility.

Every test gets a fresh browser context (empty localStorage); the shared `page` fixture
fails a test on console errors, uncaught exceptions and requests to other origins.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import pytest
from axecheck import axe_violations, describe
from jsonschema import Draft202012Validator
from playwright.sync_api import Page, expect

from offentligai import frontmatter
from tests.helpers import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "trust_model"
TOOL = "fortroendemodellen/verktyg/"
PARTS = [
    "fortroendemodellen/infor-utveckling/",
    "fortroendemodellen/utveckling/",
    "fortroendemodellen/uppfoljning/",
]
STORAGE_KEY = "offentligai.trust-model.v1"


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def patient_expectations(page: Page) -> Iterator[None]:
    """Longer waits than Playwright's 5 s: the suite shares busy CI machines with builds."""
    page.set_default_timeout(20_000)
    expect.set_options(timeout=20_000)
    yield
    expect.set_options(timeout=5_000)  # Playwright's default, for other modules


@pytest.fixture
def model(site) -> dict:
    return json.loads((site.root / "data" / "trust-model.json").read_text(encoding="utf-8"))


def sections(model: dict) -> list[dict]:
    return [section for part in model["parts"] for section in part["sections"]]


def total(model: dict) -> int:
    return sum(len(section["questions"]) for section in sections(model))


def open_tool(page: Page, site, lang: str = "sv") -> None:
    page.goto(urljoin(site.url, ("en/" if lang == "en" else "") + TOOL))
    page.locator(".oai-tm-section h2").wait_for()


def control(page: Page, question_id: str, option: str | None = None):
    return page.locator(f"#oai-tm-q-{question_id}" + (f"-{option}" if option else ""))


def go_to_section(page: Page, section_id: str, model: dict) -> None:
    number = next(s["number"] for s in sections(model) if s["id"] == section_id)
    page.locator(".oai-tm-sectionnav__button", has_text=re.compile(rf"^{number}\. ")).click()
    page.locator(".oai-tm-section h2", has_text=re.compile(rf"^{number}\. ")).wait_for()


def view(page: Page, name: str) -> None:
    page.locator(".oai-tm-views__button", has_text=name).click()


def stored(page: Page) -> dict:
    return json.loads(page.evaluate(f"() => localStorage.getItem({STORAGE_KEY!r})") or "null")


def current_answers(page: Page) -> dict:
    data = stored(page)
    return next(a for a in data["assessments"] if a["id"] == data["current"])


def open_manage(page: Page) -> None:
    """Open the folded "Manage and save" area (assessments and files)."""
    area = page.locator("details.oai-tm-manage")
    if not area.evaluate("node => node.open"):
        area.locator("summary").click()


def save_button(page: Page):
    open_manage(page)
    return page.get_by_role(
        "button", name=re.compile("^(Spara svaren till en fil|Save the answers to a file)$")
    )


def load_file(page: Page, name: str, content: bytes) -> None:
    page.get_by_label(re.compile("Läs in sparade svar|Load saved answers")).set_input_files(
        {"name": name, "mimeType": "application/json", "buffer": content}
    )


def announced(page: Page, text: str, region: str = ".oai-tm-status") -> None:
    expect(page.locator(region)).to_contain_text(text)


# ---------------------------------------------------------------------------
# Without JavaScript
# ---------------------------------------------------------------------------


def test_without_javascript_the_tool_page_links_to_the_printable_parts(browser, site, model):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(urljoin(site.url, TOOL))
        message = page.locator(".oai-tm-nojs")
        expect(message).to_be_visible()
        expect(message).to_contain_text("Verktyget behöver JavaScript")
        links = message.locator("a")
        assert [links.nth(i).get_attribute("href") for i in range(links.count())] == [
            "../infor-utveckling/",
            "../utveckling/",
            "../uppfoljning/",
        ]
        expect(page.locator("#oai-tm-app")).to_be_hidden()
        for path, part in zip(PARTS, model["parts"], strict=True):
            page.goto(urljoin(site.url, path))
            count = sum(len(section["questions"]) for section in part["sections"])
            expect(page.locator("li.oai-tm-question")).to_have_count(count)
            for section in part["sections"]:
                expect(page.locator(f"h2#{section['id']}")).to_have_count(1)
    finally:
        context.close()


# ---------------------------------------------------------------------------
# Answering and storage
# ---------------------------------------------------------------------------


def test_the_tool_works_from_a_file_url(browser, site):
    """A copy opened from disk (file://): nothing is fetched, storage and files still work."""
    context = browser.new_context()
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto((site.root / "fortroendemodellen" / "verktyg" / "index.html").as_uri())
        page.locator(".oai-tm-section h2").wait_for()
        control(page, "purpose-system-name").fill("Offline")
        page.reload()
        expect(control(page, "purpose-system-name")).to_have_value("Offline")
        guide = page.locator(".oai-tm-section .oai-tm-guide a").first
        assert guide.get_attribute("href").startswith("file://")
        with page.expect_download() as download_info:
            save_button(page).click()
        saved = json.loads(Path(download_info.value.path()).read_text(encoding="utf-8"))
        assert saved["assessment"]["answers"] == {"purpose-system-name": "Offline"}
        # Material's search needs the offline build's search_index.js under file://; not ours.
        assert [error for error in errors if "search_index.js" not in error] == []
    finally:
        context.close()


def test_answering_shows_progress_and_survives_a_reload(page, site, model):
    open_tool(page, site)
    first = sections(model)[0]
    control(page, "purpose-system-name").fill("Chattbot Eva")
    control(page, "purpose-system-name").press("Tab")
    announced(page, f"Svaret är sparat. 1 av {total(model)} frågor besvarade.")
    control(page, "purpose-benefit-type", "efficiency").check()
    control(page, "purpose-benefit-type", "unknown").check()
    control(page, "purpose-alternatives", "no").check()
    block = page.locator("#oai-tm-q-purpose-benefit-type-block")
    expect(block.locator(".oai-tm-attention")).to_contain_text("Om nyttan är oklar")
    expect(page.locator(".oai-tm-section__progress")).to_have_text(
        f"3 av {len(first['questions'])} besvarade"
    )
    expect(page.locator(".oai-tm-progress__text")).to_have_text(f"3 av {total(model)} frågor besvarade")
    expect(page.locator(".oai-tm-progress progress")).to_have_attribute("value", "3")
    expect(page.locator(".oai-tm-manage select option:checked")).to_have_text(
        re.compile(r"^Chattbot Eva \(ändrad .+\)$")
    )

    page.reload()
    page.locator(".oai-tm-section h2").wait_for()
    expect(control(page, "purpose-system-name")).to_have_value("Chattbot Eva")
    expect(control(page, "purpose-benefit-type", "unknown")).to_be_checked()
    expect(control(page, "purpose-alternatives", "no")).to_be_checked()
    expect(page.locator(".oai-tm-progress__text")).to_have_text(f"3 av {total(model)} frågor besvarade")
    assert current_answers(page)["answers"] == {
        "purpose-system-name": "Chattbot Eva",
        "purpose-benefit-type": ["efficiency", "unknown"],
        "purpose-alternatives": "no",
    }


def test_clearing_a_choice_removes_the_answer(page, site):
    open_tool(page, site)
    control(page, "purpose-alternatives", "no").check()
    page.locator("#oai-tm-q-purpose-alternatives-block .oai-tm-clear").click()
    expect(control(page, "purpose-alternatives", "no")).not_to_be_checked()
    assert stored(page) is None  # the only assessment is empty again: nothing is kept
    announced(page, "Svaret har rensats.")


def test_sections_previous_and_next(page, site, model):
    open_tool(page, site)
    all_sections = sections(model)
    page.get_by_role("button", name="Nästa avsnitt").click()
    expect(page.locator(".oai-tm-section h2")).to_have_text(f"2. {all_sections[1]['title']['sv']}")
    expect(page.locator(".oai-tm-section h2")).to_be_focused()
    announced(page, f"Avsnitt 2 av {len(all_sections)}")
    page.get_by_role("button", name="Föregående avsnitt").click()
    expect(page.locator(".oai-tm-section h2")).to_have_text(f"1. {all_sections[0]['title']['sv']}")
    expect(page.get_by_role("button", name="Föregående avsnitt")).to_be_disabled()


def test_assessments_side_by_side(page, site):
    open_tool(page, site)
    open_manage(page)
    select = page.get_by_label("Självskattning att arbeta med")
    control(page, "purpose-system-name").fill("System A")
    page.get_by_role("button", name="Ny självskattning").click()
    expect(select.locator("option")).to_have_count(2)
    expect(control(page, "purpose-system-name")).to_have_value("")
    control(page, "purpose-system-name").fill("System B")
    expect(select.locator("option")).to_have_text([re.compile("^System A "), re.compile("^System B ")])

    select.select_option(index=0)
    expect(control(page, "purpose-system-name")).to_have_value("System A")

    page.get_by_role("button", name="Byt namn").click()
    page.get_by_label("Nytt namn på självskattningen").fill("Chattbot för bygglov")
    page.get_by_role("button", name="Spara namnet").click()
    expect(select.locator("option")).to_have_text(
        [re.compile("^Chattbot för bygglov "), re.compile("^System B ")]
    )
    announced(page, "Självskattningen heter nu ”Chattbot för bygglov”.")

    page.get_by_role("button", name="Ta bort självskattningen").click()
    confirm = page.get_by_role(
        "group", name=re.compile("Vill du ta bort självskattningen ”Chattbot för bygglov”")
    )
    expect(confirm).to_be_visible()
    expect(confirm.get_by_role("button", name="Avbryt")).to_be_focused()
    confirm.get_by_role("button", name="Avbryt").click()
    expect(select.locator("option")).to_have_count(2)
    page.get_by_role("button", name="Ta bort självskattningen").click()
    page.get_by_role("button", name="Ja, ta bort den").click()
    expect(select.locator("option")).to_have_text([re.compile("^System B ")])
    announced(page, "”Chattbot för bygglov” har tagits bort.")

    page.get_by_role("button", name="Rensa allt").click()
    page.get_by_role("button", name="Ja, rensa allt").click()
    expect(select.locator("option")).to_have_text(["Namnlös självskattning 1"])
    assert stored(page) is None  # nothing is left behind


# ---------------------------------------------------------------------------
# Files
# ---------------------------------------------------------------------------


def answer_every_type(page: Page, model: dict) -> dict:
    """Answer one question of each type through the controls; return the expected answers."""
    control(page, "purpose-system-name").fill("Handläggningsstöd ÅÄÖ")
    control(page, "purpose-problem").fill("Rad ett\n\nRad två med ”citat” & <tecken>")
    control(page, "purpose-benefit-type", "efficiency").check()
    control(page, "purpose-benefit-type", "quality").check()
    control(page, "purpose-alternatives", "yes").check()
    go_to_section(page, "affected", model)
    control(page, "affected-decision-role", "decision-support").check()
    go_to_section(page, "legal-basis", model)
    control(page, "legal-basis-dpia-date").fill("2026-05-31")
    return {
        "purpose-system-name": "Handläggningsstöd ÅÄÖ",
        "purpose-problem": "Rad ett\n\nRad två med ”citat” & <tecken>",
        "purpose-benefit-type": ["efficiency", "quality"],
        "purpose-alternatives": "yes",
        "affected-decision-role": "decision-support",
        "legal-basis-dpia-date": "2026-05-31",
    }


def test_save_then_load_gives_identical_answers(page, site, model):
    open_tool(page, site)
    expected = answer_every_type(page, model)
    with page.expect_download() as download_info:
        save_button(page).click()
    download = download_info.value
    assert re.fullmatch(
        r"fortroendemodellen-handlaggningsstod-aao-\d{4}-\d{2}-\d{2}\.json", download.suggested_filename
    )
    saved = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    schema = json.loads((site.root / "data" / "trust-model-answers.schema.json").read_text(encoding="utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(saved)) == []
    assert saved["format"] == "offentligai-trust-model-answers" and saved["format_version"] == 1
    assert saved["model_version"] == model["version"]
    assert dt.datetime.fromisoformat(saved["saved"].replace("Z", "+00:00"))
    changed = saved["assessment"].pop("changed")
    assert dt.datetime.fromisoformat(changed.replace("Z", "+00:00")) <= dt.datetime.fromisoformat(
        saved["saved"].replace("Z", "+00:00")
    )
    assert saved["assessment"] == {"name": "Handläggningsstöd ÅÄÖ", "answers": expected}

    page.get_by_role("button", name="Rensa allt").click()
    page.get_by_role("button", name="Ja, rensa allt").click()
    assert stored(page) is None
    load_file(page, download.suggested_filename, Path(download.path()).read_bytes())
    announced(page, "Svaren i filen har lästs in som självskattningen ”Handläggningsstöd ÅÄÖ” (6 svar).")
    assert current_answers(page)["answers"] == expected
    expect(control(page, "purpose-problem")).to_have_value(expected["purpose-problem"])
    expect(page.locator(".oai-tm-unmatched")).to_be_empty()


def test_a_file_from_an_older_model_keeps_what_maps_and_lists_the_rest(page, site, model):
    open_tool(page, site)
    load_file(page, "older.json", (FIXTURES / "answers-older-model.json").read_bytes())
    notes = page.locator(".oai-tm-manage .oai-tm-message").nth(1)
    expect(notes).to_contain_text("(5 svar)")
    expect(notes).to_contain_text("Filen gjordes med version 2025.1 av modellen.")
    assert current_answers(page)["answers"] == {
        "purpose-system-name": "Gammal chattbot",
        "purpose-organisation": "Exempelkommunen",
        "purpose-benefit-type": ["efficiency"],
        "purpose-strategy": "no",
        "affected-scale": "under-100",
    }
    items = page.locator(".oai-tm-unmatched li")
    label = {q["id"]: f"{q['number']} {q['text']['sv']}" for s in sections(model) for q in s["questions"]}
    expect(items).to_have_text(
        [
            f"{label['purpose-benefit-type']} Svarsalternativet cheaper-printing finns inte längre.",
            f"{label['affected-decision-role']} Svarsalternativet fully-automated finns inte längre.",
            f"{label['purpose-alternatives']} Svaret har fel form för frågetypen. Svaret var: true",
            f"{label['legal-basis-dpia-date']} Svaret har fel form för frågetypen. Svaret var: 2025-13-45",
            "En fråga som inte längre finns i modellen (i filen kallad purpose-old-question). "
            "Svaret var: Svar på en fråga som har tagits bort",
            "En fråga som inte längre finns i modellen (i filen kallad even-older-question). "
            "Svaret var: Sparat från en ännu äldre version",
        ]
    )
    # Nothing is lost: the unmatched answers are saved again with the assessment.
    with page.expect_download() as download_info:
        save_button(page).click()
    saved = json.loads(Path(download_info.value.path()).read_text(encoding="utf-8"))
    assert [(u["id"], u["reason"]) for u in saved["assessment"]["unmatched"]] == [
        ("purpose-benefit-type", "unknown-option"),
        ("affected-decision-role", "unknown-option"),
        ("purpose-alternatives", "wrong-type"),
        ("legal-basis-dpia-date", "wrong-type"),
        ("purpose-old-question", "unknown-question"),
        ("even-older-question", "unknown-question"),
    ]
    page.reload()
    expect(page.locator(".oai-tm-unmatched li")).to_have_count(6)
    open_manage(page)
    page.get_by_role("button", name="Ta bort de här svaren").click()
    expect(page.locator(".oai-tm-unmatched li")).to_have_count(0)
    assert current_answers(page)["unmatched"] == []


def test_a_hostile_file_stays_text_and_runs_nothing(page, site):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_tool(page, site)
    load_file(page, "hostile.json", (FIXTURES / "answers-hostile.json").read_bytes())
    payload = '<img src=x onerror="window.__pwned=1">'
    expect(page.locator(".oai-tm-manage select option:checked")).to_have_text(
        re.compile("^" + re.escape(payload))
    )
    expect(control(page, "purpose-system-name")).to_have_value('<img src=x onerror="window.__pwned=2">')
    notes = page.locator(".oai-tm-manage .oai-tm-message").nth(1)
    expect(notes).to_contain_text("Nyckeln ”__proto__” i filen är inte tillåten och har hoppats över.")
    expect(notes).to_contain_text("Nyckeln ”constructor” i filen är inte tillåten")
    expect(page.locator(".oai-tm-unmatched li")).to_have_count(3)
    expect(page.locator(".oai-tm-unmatched")).to_contain_text('<svg onload="window.__pwned=4">')
    for name in ("Sammanfattning", "Rapport", "Skapa utkast till exempel", "Frågor"):
        view(page, name)
    view(page, "Rapport")
    expect(page.locator(".oai-tm-report__title")).to_have_text(f"Förtroendemodellen – {payload}")
    expect(page.locator(".oai-tm-report")).to_contain_text("<script>window.__pwned=3</script>")
    page.wait_for_timeout(300)
    assert dialogs == []
    assert page.evaluate("() => window.__pwned") is None
    assert page.evaluate("() => ({}).polluted === undefined && Object.prototype.polluted === undefined")
    assert (
        page.locator(
            "#oai-tm-app img, #oai-tm-app script, #oai-tm-app svg, #oai-tm-app iframe, #oai-tm-app b"
        ).count()
        == 0
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"this is not JSON {", "Filen kunde inte läsas. Den är inte en fil med sparade svar (JSON)."),
        (
            b'{"format": "something-else", "assessment": {"answers": {}}}',
            "Filen är inte en fil med sparade svar",
        ),
        (b'["a", "list"]', "Filen är inte en fil med sparade svar"),
        (
            b'{"format": "offentligai-trust-model-answers", "format_version": 99, '
            b'"assessment": {"answers": {}}}',
            "Filen gjordes med en nyare version av verktyget.",
        ),
        (
            b'{"format": "offentligai-trust-model-answers", "format_version": 1, "assessment": "x"}',
            "Filen är inte en fil med sparade svar",
        ),
        (b"{" + b" " * (2 * 1024 * 1024) + b"}", "Filen är för stor."),
    ],
    ids=["not-json", "wrong-format", "not-an-object", "newer-version", "no-answers", "too-large"],
)
def test_malformed_files_are_rejected_with_a_clear_message(page, site, content, message):
    open_tool(page, site)
    load_file(page, "bad.json", content)
    announced(page, message, region=".oai-tm-alert")
    expect(page.locator(".oai-tm-manage .oai-tm-message .oai-tm-error")).to_contain_text(message)
    expect(page.get_by_label("Självskattning att arbeta med").locator("option")).to_have_count(1)


# ---------------------------------------------------------------------------
# Summary, report and Markdown
# ---------------------------------------------------------------------------


def test_summary_shows_progress_attention_notes_and_guide_links(page, site, model):
    open_tool(page, site)
    control(page, "purpose-benefit-type", "unknown").check()
    view(page, "Sammanfattning")
    expect(page.locator(".oai-tm-view--summary h2")).to_be_focused()
    first = page.locator(".oai-tm-summary__section").first
    expect(first.locator(".oai-tm-section__progress")).to_have_text(
        f"1 av {len(sections(model)[0]['questions'])} besvarade"
    )
    expect(first.locator(".oai-tm-attention")).to_contain_text("Om nyttan är oklar")
    expect(first).to_contain_text("Ditt svar: Vet inte ännu")
    guide = first.locator(".oai-tm-summary__item .oai-tm-guide a")
    assert guide.get_attribute("href").endswith("/guide/nytta-och-strategi/")
    expect(page.locator(".oai-tm-summary__section").nth(1)).to_contain_text("Inte påbörjat.")
    expect(first).not_to_contain_text("Inte påbörjat.")
    page.locator(".oai-tm-summary__section").nth(1).get_by_role("button").click()
    expect(page.locator(".oai-tm-section h2")).to_have_text(f"2. {sections(model)[1]['title']['sv']}")


def test_report_in_another_language_and_as_markdown(page, site, model):
    open_tool(page, site)
    control(page, "purpose-system-name").fill("Chattbot <b>Eva</b>")
    control(page, "purpose-organisation").fill("Exempelkommunen")
    control(page, "purpose-problem").fill("- not a list\n# not a heading\n1. not a list")
    control(page, "purpose-benefit-type", "unknown").check()
    view(page, "Rapport")
    page.get_by_label("Visa bara besvarade frågor").uncheck()
    report = page.locator(".oai-tm-report")
    expect(report).to_have_attribute("lang", "sv")
    expect(page.locator(".oai-tm-report__title")).to_have_text("Förtroendemodellen – Chattbot <b>Eva</b>")
    expect(report.locator(".oai-tm-report__answer--none")).to_have_count(total(model) - 4)
    page.get_by_label("Rapportens språk").select_option("en")
    expect(report).to_have_attribute("lang", "en")
    expect(page.locator(".oai-tm-report__title")).to_have_text("The trust model – Chattbot <b>Eva</b>")
    expect(report).to_contain_text("No answer")
    facts = page.locator(".oai-tm-report__facts")
    expect(facts.locator("dt")).to_have_text(
        ["Organisation", "Date", "Answers last changed", "Model version", "Questions answered"]
    )
    expect(facts.locator("dd").nth(3)).to_have_text(model["version"])
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Ladda ner som Markdown").click()
    download = download_info.value
    assert re.fullmatch(r"trust-model-chattbot-b-eva-b-\d{4}-\d{2}-\d{2}\.md", download.suggested_filename)
    text = Path(download.path()).read_text(encoding="utf-8")
    assert text.startswith("# The trust model – Chattbot &lt;b&gt;Eva&lt;/b&gt;\n")
    assert "- **Organisation:** Exempelkommunen" in text
    assert "**1\\.1 What is the AI system called?**" not in text  # numbers are not escaped needlessly
    assert "**1.1 What is the AI system called?**\n\n> Chattbot &lt;b&gt;Eva&lt;/b&gt;" in text
    assert "> \\- not a list\n> \\# not a heading\n> 1\\. not a list" in text
    assert "*Note:* If the benefit is unclear" in text
    assert text.count("*No answer*") == total(model) - 4
    # The page keeps its own language.
    expect(page.locator(".oai-tm-views__button").first).to_have_text("Frågor")


def test_print_gives_the_report_only(page, site):
    open_tool(page, site)
    control(page, "purpose-system-name").fill("Chattbot")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    expect(page.locator(".oai-tm-view--report")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".oai-tm-report__title")).to_have_text("Förtroendemodellen – Chattbot")
    expect(page.locator(".oai-tm-report")).to_contain_text("Chattbot")
    for hidden in (
        ".md-header",
        ".md-sidebar--primary",
        "h1",
        ".oai-tm-bar",
        ".oai-tm-views",
        ".oai-tm-view--report h2.oai-tm-controls",
        ".oai-tm-privacy",
        ".md-footer",
    ):
        expect(page.locator(hidden).first).to_be_hidden()


# ---------------------------------------------------------------------------
# Example draft
# ---------------------------------------------------------------------------


def front_matter(text: str) -> tuple[dict, str]:
    document = frontmatter.split(text)  # the collection's own reader: dates stay text
    return document.meta, document.body


def test_example_draft_is_prefilled_and_valid(page, site, model):
    open_tool(page, site)
    control(page, "purpose-system-name").fill("Bygglovsassistenten")
    control(page, "purpose-organisation").fill("Exempelby kommun")
    control(page, "purpose-problem").fill("Handläggarna lägger mycket tid på att <svara> på samma frågor.")
    control(page, "purpose-technique", "natural-language-processing").check()
    go_to_section(page, "affected", model)
    control(page, "affected-decision-role", "none").check()
    go_to_section(page, "data-readiness", model)
    control(page, "data-readiness-personal-data", "yes").check()
    go_to_section(page, "monitoring", model)
    control(page, "monitoring-status", "pilot").check()

    view(page, "Skapa utkast till exempel")
    expect(page.get_by_label(re.compile("^Rubrik på svenska"))).to_have_value("Bygglovsassistenten")
    expect(page.get_by_label(re.compile("^Organisationens officiella namn"))).to_have_value(
        "Exempelby kommun"
    )
    expect(page.get_by_label(re.compile("^Id "))).to_have_value("exempelby-kommun-bygglovsassistenten")
    expect(page.get_by_label("Språkteknologi", exact=True)).to_be_checked()
    expect(page.get_by_label(re.compile("^Status"))).to_have_value("pilot")
    expect(page.get_by_label(re.compile("^Roll i beslut"))).to_have_value("none")
    expect(page.locator("#oai-tm-draft-personal_data-true")).to_be_checked()

    page.get_by_label(re.compile("^Rubrik på engelska")).fill("The building permit assistant")
    page.get_by_label(re.compile("^Sammanfattning på engelska")).fill(
        "A chatbot that answers questions about building permits."
    )
    page.get_by_label(re.compile("^Typ av organisation")).select_option("municipality")
    page.get_by_label("Bostadsförsörjning och samhällsutveckling", exact=True).check()
    page.get_by_label(re.compile("^År då arbetet startade")).fill("2024")
    page.get_by_label(re.compile("^Organisationsnummer")).fill("212000-0142")
    # The source policy: publisher and kind of each source, and the date that confirms the status.
    page.get_by_label(re.compile("^Källa, rubrik")).fill("Kommunens pressmeddelande")
    page.get_by_label(re.compile("^Källa, webbadress")).fill("https://example.org/press")
    page.get_by_label(re.compile("^Källa, utgivare")).fill("Exempelby kommun")
    page.get_by_label(re.compile("^Källa, typ")).select_option("primary")
    page.get_by_label(re.compile("^Källa, publiceringsdatum")).fill("2024-05-02")
    page.get_by_label(re.compile("^Datum då statusen bekräftades")).fill("2024-05-02")
    page.get_by_role("button", name="Skapa utkastet").click()
    expect(page.locator(".oai-tm-draft-output h3")).to_be_focused()

    swedish = page.get_by_label("Innehållet i exempelby-kommun-bygglovsassistenten.md").input_value()
    english = page.get_by_label("Innehållet i exempelby-kommun-bygglovsassistenten.en.md").input_value()
    meta, body = front_matter(swedish)
    assert meta["id"] == "exempelby-kommun-bygglovsassistenten"
    assert meta["techniques"] == ["natural-language-processing"] and meta["status"] == "pilot"
    assert meta["personal_data"] is True and meta["year_started"] == 2024
    assert meta["last_reviewed"] == dt.date.today().isoformat()
    assert meta["organisation_number"] == "212000-0142" and meta["status_confirmed"] == "2024-05-02"
    assert meta["sources"] == [
        {
            "title": "Kommunens pressmeddelande",
            "url": "https://example.org/press",
            "publisher": "Exempelby kommun",
            "kind": "primary",
            "date": "2024-05-02",
        }
    ]
    schema_path = site.root / "data" / "example.schema.json"  # published by the example collection
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in Draft202012Validator(schema).iter_errors(meta)]
    assert errors == []
    assert "&lt;svara&gt;" in body and "<svara>" not in body
    assert "TODO" not in swedish + english
    assert not re.search(r"^# ", body, re.M)
    english_meta, _ = front_matter(english)
    assert english_meta == {
        "title": "The building permit assistant",
        "summary": "A chatbot that answers questions about building permits.",
    }
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Ladda ner exempelby-kommun-bygglovsassistenten.en.md").click()
    assert Path(download_info.value.path()).read_text(encoding="utf-8") == english


def test_example_draft_errors_are_listed_and_announced(page, site):
    open_tool(page, site)
    view(page, "Skapa utkast till exempel")
    page.get_by_label(re.compile("^Id ")).fill("Inte Ett Id")
    page.get_by_label(re.compile("^År då arbetet startade")).fill("3000")
    page.get_by_label(re.compile("^Källa, webbadress")).fill("javascript:alert(1)")
    page.get_by_role("button", name="Skapa utkastet").click()
    errors = page.locator(".oai-tm-errors")
    expect(errors).to_be_focused()
    expect(errors).to_contain_text("Id (blir filnamnet): använd bara små bokstäver")
    expect(errors).to_contain_text("År då arbetet startade: ett årtal med fyra siffror")
    expect(errors).to_contain_text(
        "Källa, webbadress (https://…): en webbadress som börjar med http:// eller https://"
    )
    expect(errors).to_contain_text("Typ av organisation: fyll i det här fältet.")
    expect(errors).to_contain_text("Verksamhetsområden: välj minst ett alternativ.")
    expect(page.locator("#oai-tm-draft-id")).to_have_attribute("aria-invalid", "true")
    announced(page, "Utkastet kunde inte skapas.", region=".oai-tm-alert")
    errors.get_by_role("link", name=re.compile("^Id")).click()
    expect(page.locator("#oai-tm-draft-id")).to_be_focused()
    expect(page.locator(".oai-tm-draft-output textarea")).to_have_count(0)


# ---------------------------------------------------------------------------
# Privacy, keyboard and accessibility
# ---------------------------------------------------------------------------


def test_no_request_at_all_while_answering(page, site, model):
    open_tool(page, site)
    page.wait_for_load_state("networkidle")
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    answer_every_type(page, model)
    for name in ("Sammanfattning", "Rapport", "Skapa utkast till exempel", "Frågor"):
        view(page, name)
    with page.expect_download():
        save_button(page).click()
    page.wait_for_timeout(300)
    assert [url for url in requests if not url.startswith(("blob:", "data:"))] == []
    expect(page.locator(".oai-tm-privacy")).to_contain_text("Dina svar sparas bara i den här webbläsaren")


def focus_until(page: Page, predicate: str, limit: int = 400) -> None:
    """Press Tab until ``predicate`` (a JS expression on the focused element `e`) holds."""
    for _ in range(limit):
        if page.evaluate(f"() => {{ const e = document.activeElement; return !!(e && ({predicate})); }}"):
            return
        page.keyboard.press("Tab")
    pytest.fail(f"Tab never reached an element where {predicate}")


def test_a_section_can_be_completed_with_the_keyboard_alone(page, site, model):
    open_tool(page, site)
    affected = next(s for s in sections(model) if s["id"] == "affected")
    focus_until(
        page, f"e.matches('.oai-tm-sectionnav__button') && e.textContent.startsWith('{affected['number']}. ')"
    )
    page.keyboard.press("Enter")
    expect(page.locator(".oai-tm-section h2")).to_be_focused()
    chosen = {}
    for question in affected["questions"]:
        qid = question["id"]
        focus_until(page, f"e.id && e.id.startsWith('oai-tm-q-{qid}')")
        outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
        assert outline not in ("none", ""), f"no visible focus on {qid}"
        if question["type"] in ("short-text", "long-text"):
            page.keyboard.type("Svar med tangentbordet")
            chosen[qid] = "Svar med tangentbordet"
        elif question["type"] == "multiple-choice":
            page.keyboard.press("Space")
            chosen[qid] = [question["options"][0]["id"]]
        else:  # a radio group: Space picks the first option, an arrow key the next one
            page.keyboard.press("Space")
            page.keyboard.press("ArrowDown")
            chosen[qid] = question["options"][1]["id"]
    count = len(affected["questions"])
    expect(page.locator(".oai-tm-section__progress")).to_have_text(f"{count} av {count} besvarade")
    assert {k: v for k, v in current_answers(page)["answers"].items() if k in chosen} == chosen
    focus_until(page, "e.textContent === 'Nästa avsnitt'")
    page.keyboard.press("Enter")
    expect(page.locator(".oai-tm-section h2")).to_be_focused()
    expect(page.locator(".oai-tm-section h2")).to_have_text(re.compile(rf"^{affected['number'] + 1}\. "))


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("path", PARTS)
def test_part_pages_pass_axe(page, site, path, lang):
    page.goto(urljoin(site.url, ("en/" if lang == "en" else "") + path))
    violations = axe_violations(page)
    assert not violations, describe(violations)


VIEW_NAMES = {
    "sv": ["Frågor", "Sammanfattning", "Rapport", "Skapa utkast till exempel"],
    "en": ["Questions", "Summary", "Report", "Create example draft"],
}


def settled_axe(page: Page) -> list[dict]:
    """axe after the pointer has left the controls and no transition is half-way (colours mid-fade)."""
    page.mouse.move(0, 0)
    page.add_style_tag(
        content="*, *::before, *::after { transition: none !important; animation: none !important; }"
    )
    return axe_violations(page)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_tool_passes_axe_in_every_view(page, site, lang):
    open_tool(page, site, lang)
    control(page, "purpose-system-name").fill("Chattbot")
    control(page, "purpose-benefit-type", "unknown").check()
    load_file(
        page, "older.json", (FIXTURES / "answers-older-model.json").read_bytes()
    )  # notes and unmatched list
    for name in VIEW_NAMES[lang]:
        view(page, name)
        if name in ("Skapa utkast till exempel", "Create example draft"):
            page.locator(".oai-tm-draft button[type=submit]").click()  # error summary and invalid fields
        violations = settled_axe(page)
        assert not violations, f"{name}: {describe(violations)}"
    page.get_by_role(
        "button", name=re.compile("^(Ta bort självskattningen|Delete the self-assessment)$")
    ).click()
    violations = settled_axe(page)
    assert not violations, describe(violations)
