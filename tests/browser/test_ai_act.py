"""The AI Act decision aid in a real browser: a full run in each language, back and change,
the date of the duties, saved files, several assessments, the trust model, printing,
the page without JavaScript, the keyboard and axe.

Every test gets a fresh browser context (empty localStorage); the shared `page` fixture
fails a test on console errors, uncaught exceptions and requests to other origins.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from axecheck import axe_violations, describe
from playwright.sync_api import Page, expect

from offentligai.ai_act import pages
from offentligai.dates import long_date
from tests.helpers import ROOT

PAGE = "ai-forordningen/"
STORAGE_KEY = "offentligai.ai-act.v1"
TRUST_STORAGE_KEY = "offentligai.trust-model.v1"
CASES = {
    case["id"]: case
    for case in json.loads(
        (ROOT / "tests" / "fixtures" / "ai-act" / "edge-cases.json").read_text(encoding="utf-8")
    )
}
DATA = yaml.safe_load((ROOT / "data" / "ai-act.yml").read_text(encoding="utf-8"))
WORDS = {
    "sv": {
        "next": "Nästa",
        "back": "Tillbaka",
        "change": "Ändra",
        "now": "Gäller nu",
        "uncertain": "Osäkert",
    },
    "en": {
        "next": "Next",
        "back": "Back",
        "change": "Change",
        "now": "Applies now",
        "uncertain": "Uncertain",
    },
}
# The date the legal content was last checked, written out in each language.
CHECKED = {
    lang: long_date(
        dt.date.fromisoformat(
            next(item["date"] for item in DATA["dates"] if item["id"] == DATA["law_baseline"]["checked"])
        ),
        lang,
    )
    for lang in ("sv", "en")
}
# The vendor's eligibility tool under the municipality's name (edge case 5): high risk, two roles.
HIGH_RISK = CASES["own-name-on-a-vendors-high-risk-system"]


@pytest.fixture(autouse=True)
def patient_expectations(page: Page) -> Iterator[None]:
    """Longer waits than Playwright's 5 s: the suite shares busy CI machines with builds."""
    page.set_default_timeout(20_000)
    expect.set_options(timeout=20_000)
    yield
    expect.set_options(timeout=5_000)


def open_aid(page: Page, site, lang: str = "sv") -> None:
    page.goto(urljoin(site.url, ("en/" if lang == "en" else "") + PAGE))
    page.locator(".oai-aa-view h2").first.wait_for()


def path_of(case: dict) -> list[tuple[str, list[str]]]:
    """The answers of a fixture in the order they are asked (the engine's path)."""
    order = [question["id"] for question in DATA["questions"]]
    answers = case["answers"]
    return [
        (qid, answers[qid] if isinstance(answers[qid], list) else [answers[qid]])
        for qid in order
        if qid in answers
    ]


def answer_all(page: Page, case: dict, lang: str = "sv") -> list[str]:
    """Answer the questions the page asks with the fixture's answers; returns the questions asked."""
    asked = []
    answers = dict(path_of(case))
    while page.locator("form.oai-aa-question").count():
        qid = shown_question(page)
        if qid not in answers:
            break
        asked.append(qid)
        for option in answers[qid]:
            page.locator(f"form.oai-aa-question input[value='{option}']").check()
        page.get_by_role("button", name=WORDS[lang]["next"], exact=True).click()
        page.wait_for_function(
            "previous => { const f = document.querySelector('form.oai-aa-question'); "
            "return !f || f.dataset.oaiAaQuestion !== previous; }",
            arg=qid,
        )
    return asked


def shown_question(page: Page) -> str:
    return page.locator("form.oai-aa-question").get_attribute("data-oai-aa-question")


def expect_question(page: Page, qid: str) -> None:
    expect(page.locator("form.oai-aa-question")).to_have_attribute("data-oai-aa-question", qid)


def result_ids(page: Page) -> dict:
    """What the result shows, by id (never by text)."""
    grab = (
        "([selector, attribute]) => "
        "[...document.querySelectorAll(selector)].map(e => e.getAttribute(attribute))"
    )
    return {
        "outcomes": page.evaluate(grab, ["[data-oai-aa-outcome]", "data-oai-aa-outcome"]),
        "roles": page.evaluate(grab, ["[data-oai-aa-role]", "data-oai-aa-role"]),
        "duties": page.evaluate(grab, ["[data-oai-aa-result-duty]", "data-oai-aa-result-duty"]),
        "notes": sorted(set(page.evaluate(grab, [".oai-aa-view [data-oai-aa-note]", "data-oai-aa-note"]))),
    }


def stored(page: Page, key: str = STORAGE_KEY) -> dict:
    return json.loads(page.evaluate(f"() => localStorage.getItem({key!r})") or "null")


def no_axe_violations(page: Page) -> None:
    violations = axe_violations(page)
    assert violations == [], describe(violations)


# ---------------------------------------------------------------------------
# A full run
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_full_run_gives_the_result_of_the_engine(page: Page, site, lang):
    open_aid(page, site, lang)
    assert page.locator(".oai-aa-steps [aria-current='step']").count() == 1
    expect(page.locator(".oai-aa-counter")).to_contain_text("1")
    no_axe_violations(page)
    asked = answer_all(page, HIGH_RISK, lang)
    assert asked == [qid for qid, _ in path_of(HIGH_RISK)]
    shown = result_ids(page)
    expect_ = HIGH_RISK["expect"]
    assert shown["outcomes"][0] == "HIGH_RISK_ANNEX_III"
    assert shown["roles"] == expect_["roles"]
    assert sorted(shown["duties"]) == sorted(expect_["duties"])
    # Duties that apply now and later are split by today's date: AI literacy now, the rest later.
    now = page.locator("h3", has_text=WORDS[lang]["now"])
    expect(now).to_contain_text("(1)")
    # Each duty links to the guide and to the trust model, and uncertain notes say so, with a date.
    duty = page.locator("[data-oai-aa-result-duty='fria']")
    assert duty.locator("a[href*='guide/juridik/#dpia']").count() == 1
    assert duty.locator("a[href*='fortroendemodellen/utveckling/#ai-act-fria']").count() == 1
    uncertain = duty.locator(".oai-aa-note--uncertain").first
    expect(uncertain).to_contain_text(WORDS[lang]["uncertain"])
    expect(uncertain).to_contain_text(CHECKED[lang])
    no_axe_violations(page)


def test_both_languages_give_the_same_ids(browser, site):
    results = {}
    for lang in ("sv", "en"):
        context = browser.new_context()
        page = context.new_page()
        open_aid(page, site, lang)
        answer_all(page, CASES["municipal-chatbot-on-an-llm-api"], lang)
        results[lang] = result_ids(page)
        context.close()
    assert results["sv"] == results["en"]
    assert results["sv"]["outcomes"] == ["MINIMAL", "TRANSPARENCY_50_1", "TRANSPARENCY_50_2"]


def test_the_first_question_is_on_the_first_screen(page: Page, site):
    page.set_viewport_size({"width": 390, "height": 844})
    open_aid(page, site)
    box = page.locator("form.oai-aa-question input").first.bounding_box()
    assert box is not None and box["y"] + box["height"] < 844, box


# ---------------------------------------------------------------------------
# Back, change, date
# ---------------------------------------------------------------------------


def test_back_and_a_changed_answer_change_the_path(page: Page, site):
    open_aid(page, site)
    page.locator("input[value='unsure']").check()
    page.get_by_role("button", name="Nästa", exact=True).click()
    expect_question(page, "A1a")
    page.get_by_role("button", name="Tillbaka", exact=True).click()
    expect(page.locator("input[value='unsure']")).to_be_checked()
    expect(page.get_by_role("button", name="Tillbaka", exact=True)).to_be_disabled()
    page.locator("input[value='no']").check()
    page.get_by_role("button", name="Nästa", exact=True).click()
    expect(page.locator("[data-oai-aa-outcome='OUT_NOT_AI']")).to_be_visible()


def test_an_answer_can_be_changed_from_the_result(page: Page, site):
    open_aid(page, site)
    answer_all(page, CASES["ai-drafted-news-reviewed"])
    assert "t50-4" not in result_ids(page)["duties"]
    t2b = next(question for question in DATA["questions"] if question["id"] == "T2b")
    page.get_by_role("button", name=f"Ändra svaret på frågan {t2b['text']['sv']}").click()
    expect_question(page, "T2b")  # the text is reviewed; now it is not
    page.locator("input[value='no']").check()
    page.get_by_role("button", name="Nästa", exact=True).click()
    expect(page.locator("[data-oai-aa-result-duty='t50-4']")).to_be_visible()


def test_the_duties_follow_the_chosen_date(page: Page, site):
    open_aid(page, site)
    answer_all(page, HIGH_RISK)
    page.get_by_label("Visa skyldigheterna per dag").fill("2028-01-01")
    page.get_by_label("Visa skyldigheterna per dag").dispatch_event("change")
    expect(page.locator("h3", has_text="Gäller nu")).to_contain_text(
        f"({len(HIGH_RISK['expect']['duties'])})"
    )
    assert stored(page)["date"] == "2028-01-01"
    page.get_by_role("button", name="Idag").click()
    expect(page.locator("h3", has_text="Gäller nu")).to_contain_text("(1)")


def test_the_keyboard_alone_answers_a_question(page: Page, site):
    open_aid(page, site)
    page.locator("form.oai-aa-question input").first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    expect_question(page, "A2")
    assert page.evaluate("document.activeElement.tagName") == "H2"


def test_a_question_without_an_answer_says_so(page: Page, site):
    open_aid(page, site)
    page.get_by_role("button", name="Nästa", exact=True).click()
    expect(page.locator("form.oai-aa-question .oai-aa-error")).to_have_text(
        "Välj ett svar för att gå vidare."
    )
    expect(page.locator("form.oai-aa-question fieldset")).to_have_attribute("aria-invalid", "true")


def test_none_of_these_stands_alone(page: Page, site):
    open_aid(page, site)
    answer_all(page, {"answers": {"A1": "yes", "A2": "system"}})
    page.locator("input[value='military']").check()
    page.locator("input[value='none']").check()
    expect(page.locator("input[value='military']")).not_to_be_checked()
    page.locator("input[value='research']").check()
    expect(page.locator("input[value='none']")).not_to_be_checked()


# ---------------------------------------------------------------------------
# Storage and files
# ---------------------------------------------------------------------------


def test_answers_stay_after_a_reload_and_assessments_are_kept_apart(page: Page, site):
    open_aid(page, site)
    answer_all(page, {"answers": {"A1": "yes"}})
    page.reload()
    expect_question(page, "A2")
    page.get_by_role("button", name="Hantera och spara bedömningar").click()
    page.get_by_role("button", name="Ny bedömning").click()
    expect_question(page, "A1")
    data = stored(page)
    assert len(data["assessments"]) == 2
    assert data["assessments"][0]["answers"] == {"A1": "yes"}
    assert data["assessments"][1]["answers"] == {}


def test_an_assessment_is_saved_to_a_file_and_loaded_again(page: Page, site, tmp_path: Path):
    open_aid(page, site)
    answer_all(page, HIGH_RISK)
    before = result_ids(page)
    page.get_by_role("button", name="Hantera och spara bedömningar").click()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Spara till fil").click()
    saved = json.loads(Path(download_info.value.path()).read_text(encoding="utf-8"))
    assert saved["format"] == "offentligai-ai-act-answers"
    assert saved["format_version"] == 1
    assert saved["aid_version"] == DATA["law_baseline"]["version"]
    assert saved["assessment"]["answers"] == HIGH_RISK["answers"]
    assert download_info.value.suggested_filename.startswith("ai-forordningen-")
    # Delete it, then load the file.
    page.get_by_role("button", name="Ta bort").click()
    page.get_by_role("button", name="Ja, ta bort den").click()
    expect_question(page, "A1")
    path = tmp_path / "saved.json"
    path.write_text(json.dumps(saved), encoding="utf-8")
    page.get_by_label("Läs in en sparad fil").set_input_files(str(path))
    expect(page.locator(".oai-aa-manage .oai-aa-note")).to_contain_text("Filen är inläst")
    assert result_ids(page) == before


def test_a_broken_file_is_refused_with_a_message(page: Page, site):
    open_aid(page, site)
    page.get_by_role("button", name="Hantera och spara bedömningar").click()
    page.get_by_label("Läs in en sparad fil").set_input_files(
        {"name": "x.json", "mimeType": "application/json", "buffer": b'{"format": "something-else"}'}
    )
    expect(page.locator(".oai-aa-manage .oai-aa-error")).to_have_text(
        "Filen är inte en sparad bedömning från det här beslutsstödet."
    )


# ---------------------------------------------------------------------------
# The trust model and printing
# ---------------------------------------------------------------------------


def test_the_result_is_carried_into_a_trust_model_self_assessment(page: Page, site):
    open_aid(page, site)
    answer_all(page, HIGH_RISK)
    page.get_by_role("button", name="För över resultatet").click()
    expect(page.locator(".oai-aa-carry .oai-aa-note")).to_contain_text(
        "Resultatet finns nu i självskattningen"
    )
    trust = stored(page, TRUST_STORAGE_KEY)
    carried = next(a for a in trust["assessments"] if a["id"] == trust["current"])
    assert carried["ai_act"]["risk_class"] == "HIGH_RISK_ANNEX_III"
    assert carried["answers"]["ai-act-role"] == "both"
    page.locator(".oai-aa-carry a").click()
    page.locator(".oai-tm-section h2").wait_for()
    # The trust model keeps the result when it stores the assessment again.
    page.wait_for_timeout(300)
    trust = stored(page, TRUST_STORAGE_KEY)
    carried = next(a for a in trust["assessments"] if a["id"] == trust["current"])
    assert carried["ai_act"]["duties"][0] == {"id": "lit", "applies_from": "2025-02-02"}


def test_printing_shows_the_result_only(page: Page, site):
    open_aid(page, site)
    answer_all(page, CASES["municipal-chatbot-on-an-llm-api"])
    page.emulate_media(media="print")
    assert page.locator(".oai-aa-verdict").is_visible()
    assert not page.locator(".oai-aa-manage").is_visible()
    assert not page.locator(".oai-aa-carry").is_visible()
    assert not page.locator("#questions").is_visible()
    assert page.locator(".oai-aa-print-only").is_visible()


# ---------------------------------------------------------------------------
# Without JavaScript
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_without_javascript_every_question_and_duty_is_readable_text(browser, site, lang):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(urljoin(site.url, ("en/" if lang == "en" else "") + PAGE))
        expect(page.locator(".oai-aa-nojs")).to_be_visible()
        expect(page.locator("#oai-aa-app")).to_be_hidden()
        expect(page.locator("li.oai-aa-question")).to_have_count(len(DATA["questions"]))
        expect(page.locator("div.oai-aa-duty")).to_have_count(len(DATA["duties"]))
        shown = pages.view(DATA, lang)
        for question in shown["questions"]:
            expect(page.locator(f"#aid-q-{question['id']}")).to_contain_text(question["text"])
        for duty in shown["duties"]:
            expect(page.locator(f"#duty-{duty['id']}")).to_contain_text(duty["title"])
        open_items = page.locator(".oai-aa-open > li")
        expect(open_items).to_have_count(len(DATA["open_questions"]))
        for index in range(len(DATA["open_questions"])):  # each one visibly uncertain, with the date
            expect(open_items.nth(index)).to_be_visible()
            expect(open_items.nth(index)).to_contain_text(WORDS[lang]["uncertain"])
            expect(open_items.nth(index)).to_contain_text(CHECKED[lang])
        expect(page.locator(".oai-aa-timeline tbody tr")).to_have_count(len(DATA["dates"]))
        # axe needs scripts; with scripts on, the same text is checked below the tool (full run).
    finally:
        context.close()


def test_the_aid_is_in_the_main_navigation_in_both_languages(page: Page, site):
    for prefix, label in (("", "AI-förordningen"), ("en/", "The AI Act")):
        page.goto(urljoin(site.url, prefix))
        link = page.locator(".md-nav--primary a.md-nav__link", has_text=label).first
        assert link.get_attribute("href").rstrip("/").endswith("ai-forordningen")
