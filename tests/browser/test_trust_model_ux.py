"""The self-assessment tool as a new user meets it, in both languages, on a desktop
(1280 × 900) and on a phone (390 × 844): the questions come first, nothing is lost with
two tabs open, one message at a time, loading files, the summary and the report, touch
targets and the way in from the start page.

The `page` fixture (tests/browser/conftest.py) fails a test on console errors, uncaught
exceptions and requests to other origins; a second tab is watched here the same way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from axecheck import axe_violations, describe
from playwright.sync_api import Page, expect

from tests.helpers import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "trust_model"
TOOL = "fortroendemodellen/verktyg/"
STORAGE_KEY = "offentligai.trust-model.v1"
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}

TEXT = {
    "sv": {
        "manage": "Hantera och spara",
        "next": "Nästa avsnitt",
        "saved": "Sparat",
        "save_file": "Spara svaren till en fil",
        "select": "Självskattning att arbeta med",
        "replace": "Ersätt den",
        "keep_both": "Behåll båda",
        "clear": "Rensa allt",
        "clear_yes": "Ja, rensa allt",
        "delete": "Ta bort självskattningen",
        "summary": "Sammanfattning",
        "report": "Rapport",
        "not_started": "Inte påbörjat.",
        "answered_only": "Visa bara besvarade frågor",
        "report_title": "Förtroendemodellen – ",
        "changed_fact": "Svaren ändrades senast",
        "not_translated": "Svar i fritext står som de skrevs. De är inte översatta.",
        "language": "Rapportens språk",
        "start": "Gör en självskattning",
        "file_prefix": "fortroendemodellen-",
        "bad": "Filen kunde inte läsas. Den är inte en fil med sparade svar (JSON).",
        "ok": "Svaren i filen har lästs in som självskattningen ”Gammal chattbot” (5 svar).",
    },
    "en": {
        "manage": "Manage and save",
        "next": "Next section",
        "saved": "Saved",
        "save_file": "Save the answers to a file",
        "select": "Self-assessment to work on",
        "replace": "Replace it",
        "keep_both": "Keep both",
        "clear": "Clear everything",
        "clear_yes": "Yes, clear everything",
        "delete": "Delete the self-assessment",
        "summary": "Summary",
        "report": "Report",
        "not_started": "Not started.",
        "answered_only": "Show answered questions only",
        "report_title": "The trust model – ",
        "changed_fact": "Answers last changed",
        "not_translated": "Free-text answers are shown as they were written. They are not translated.",
        "language": "Language of the report",
        "start": "Start a self-assessment",
        "file_prefix": "trust-model-",
        "bad": "The file could not be read. It is not a file of saved answers (JSON).",
        "ok": "The answers in the file have been loaded as the self-assessment “Gammal chattbot” "
        "(5 answers).",
    },
}


@pytest.fixture(autouse=True)
def patient_expectations(page: Page) -> Iterator[None]:
    """Longer waits than Playwright's 5 s: the suite shares busy CI machines with builds."""
    page.set_default_timeout(20_000)
    expect.set_options(timeout=20_000)
    yield
    expect.set_options(timeout=5_000)


@pytest.fixture(params=list(SIZES))
def size(request: pytest.FixtureRequest, page: Page) -> str:
    """Each test runs on a desktop and on a phone."""
    page.set_viewport_size(SIZES[request.param])
    return request.param


@pytest.fixture
def model(site) -> dict:
    return json.loads((site.root / "data" / "trust-model.json").read_text(encoding="utf-8"))


def sections(model: dict) -> list[dict]:
    return [section for part in model["parts"] for section in part["sections"]]


def address(site, lang: str, path: str = TOOL) -> str:
    return urljoin(site.url, ("en/" if lang == "en" else "") + path)


def open_tool(page: Page, site, lang: str) -> None:
    page.goto(address(site, lang))
    page.locator(".oai-tm-section h2").wait_for()


def control(page: Page, question_id: str, option: str | None = None):
    return page.locator(f"#oai-tm-q-{question_id}" + (f"-{option}" if option else ""))


def manage(page: Page, lang: str):
    """The "Manage and save" area, opened."""
    area = page.locator("details.oai-tm-manage")
    if not area.evaluate("node => node.open"):
        area.locator("summary").click()
    return area


def stored(page: Page) -> dict | None:
    return json.loads(page.evaluate(f"() => localStorage.getItem({STORAGE_KEY!r})") or "null")


def load_file(page: Page, name: str, content: bytes) -> None:
    page.locator("input[type=file]").set_input_files(
        {"name": name, "mimeType": "application/json", "buffer": content}
    )


def on_screen(page: Page, locator) -> bool:
    """Wholly inside the viewport, without scrolling."""
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


def header_bottom(page: Page) -> float:
    return page.locator(".md-header").bounding_box()["height"]


def valid_answer(question: dict) -> str | list[str]:
    """An answer that fits the question."""
    if question["type"] in ("short-text", "long-text"):
        return "Eva"
    if question["type"] == "date":
        return "2026-01-01"
    first = question["options"][0]["id"]
    return [first] if question["type"] == "multiple-choice" else first


# ---------------------------------------------------------------------------
# The questions come first
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_first_question_is_on_the_first_screen(page, site, lang, size, model):
    open_tool(page, site, lang)
    first = sections(model)[0]["questions"][0]
    label = page.locator(f"label[for='oai-tm-q-{first['id']}']")
    expect(label).to_have_text(f"{first['number']} {first['text'][lang]}")
    assert page.evaluate("() => window.scrollY") == 0
    assert on_screen(page, label), label.bounding_box()
    assert on_screen(page, control(page, first["id"])), control(page, first["id"]).bounding_box()
    # The management of assessments and files is folded away in one compact area.
    area = page.locator("details.oai-tm-manage")
    expect(area.locator("summary")).to_have_text(TEXT[lang]["manage"])
    assert area.evaluate("node => node.open") is False
    expect(page.get_by_role("button", name=TEXT[lang]["save_file"])).to_be_hidden()
    # The list of sections: beside the questions on a desktop, folded away on a phone.
    sections_list = page.locator("details.oai-tm-sections")
    nav_button = page.locator(".oai-tm-sectionnav__button").first
    if size == "phone":
        assert sections_list.evaluate("node => node.open") is False
        expect(nav_button).to_be_hidden()
        sections_list.locator("summary").click()
        expect(nav_button).to_be_visible()
    else:
        assert sections_list.evaluate("node => node.open") is True
        expect(nav_button).to_be_visible()
        questions_box = page.locator(".oai-tm-section").bounding_box()
        assert sections_list.bounding_box()["x"] > questions_box["x"] + questions_box["width"] - 1


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_keyboard_reaches_the_first_question_in_a_few_tabs(page, site, lang, size):
    open_tool(page, site, lang)
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.classList.contains('md-skip')")
    page.keyboard.press("Enter")
    presses = 0
    while page.evaluate("() => document.activeElement.id") != "oai-tm-q-purpose-system-name":
        page.keyboard.press("Tab")
        presses += 1
        assert presses <= 7, page.evaluate("() => document.activeElement.outerHTML.slice(0, 120)")
    # Material's permalink of the page heading, the management area and the four views.
    assert presses == 7


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_next_section_lands_on_its_first_question(page, site, lang, size, model):
    open_tool(page, site, lang)
    second = sections(model)[1]
    page.get_by_role("button", name=TEXT[lang]["next"]).click()
    heading = page.locator(".oai-tm-section h2")
    expect(heading).to_have_text(f"{second['number']}. {second['title'][lang]}")
    expect(heading).to_be_focused()
    page.wait_for_timeout(200)  # let the scroll settle
    assert heading.bounding_box()["y"] >= header_bottom(page) - 1  # not under the sticky header
    first = second["questions"][0]
    assert on_screen(page, page.locator(f"#oai-tm-q-{first['id']}-block .oai-tm-question__text"))


# ---------------------------------------------------------------------------
# Never lose answers
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_two_tabs_lose_nothing(page, context, site, lang, size):
    open_tool(page, site, lang)
    other = context.new_page()
    errors: list[str] = []
    other.on("pageerror", lambda error: errors.append(str(error)))
    other.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    other.set_viewport_size(SIZES[size])
    open_tool(other, site, lang)

    control(page, "purpose-system-name").fill("Från flik A")
    expect(control(other, "purpose-system-name")).to_have_value("Från flik A")  # synced at once
    control(other, "purpose-alternatives", "no").check()
    expect(control(page, "purpose-alternatives", "no")).to_be_checked()

    # A tab that has not heard of the other's change yet still does not write over it.
    other.evaluate("() => window.addEventListener('storage', (e) => e.stopImmediatePropagation(), true)")
    control(page, "purpose-organisation").fill("Exempelkommunen")
    control(other, "purpose-benefit-type", "efficiency").check()
    answers = next(a for a in stored(page)["assessments"])["answers"]
    assert answers == {
        "purpose-system-name": "Från flik A",
        "purpose-alternatives": "no",
        "purpose-organisation": "Exempelkommunen",
        "purpose-benefit-type": ["efficiency"],
    }
    expect(control(page, "purpose-benefit-type", "efficiency")).to_be_checked()
    other.reload()
    other.locator(".oai-tm-section h2").wait_for()
    expect(control(other, "purpose-organisation")).to_have_value("Exempelkommunen")
    # Each tab keeps its own place: moving on in one does not move the other.
    first_heading = other.locator(".oai-tm-section h2").inner_text()
    page.get_by_role("button", name=TEXT[lang]["next"]).click()
    page.wait_for_timeout(300)
    expect(other.locator(".oai-tm-section h2")).to_have_text(first_heading)
    other.close()
    assert errors == []


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_saved_shows_next_to_the_question_just_answered(page, site, lang, size):
    open_tool(page, site, lang)
    name_saved = page.locator("#oai-tm-q-purpose-system-name-block .oai-tm-saved")
    choice_saved = page.locator("#oai-tm-q-purpose-alternatives-block .oai-tm-saved")
    expect(name_saved).to_be_hidden()
    control(page, "purpose-system-name").fill("Eva")
    expect(name_saved).to_be_visible()
    expect(name_saved).to_have_text(TEXT[lang]["saved"])
    control(page, "purpose-alternatives", "yes").check()
    expect(choice_saved).to_have_text(TEXT[lang]["saved"])
    expect(choice_saved).to_be_visible()
    expect(name_saved).to_be_hidden()  # only at the question just answered
    expect(page.locator(".oai-tm-saved:visible")).to_have_count(1)


# ---------------------------------------------------------------------------
# One message at a time
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_failed_load_then_a_good_one_shows_only_the_latest_outcome(page, site, lang, size):
    open_tool(page, site, lang)
    area = manage(page, lang)
    load_file(page, "bad.json", b"this is not JSON {")
    file_message = area.locator(".oai-tm-message").nth(1)
    expect(file_message.locator(".oai-tm-error")).to_have_text(TEXT[lang]["bad"])
    load_file(page, "older.json", (FIXTURES / "answers-older-model.json").read_bytes())
    expect(file_message.locator("p").first).to_have_text(TEXT[lang]["ok"])
    # Once, next to the file controls, and no error left anywhere on screen.
    expect(page.locator("#oai-tm-app .oai-tm-error")).to_have_count(0)
    shown = page.locator("#oai-tm-app :not(.oai-visually-hidden) > p", has_text=TEXT[lang]["ok"])
    expect(shown).to_have_count(1)
    load_box = page.locator("input[type=file]").bounding_box()
    message_box = file_message.bounding_box()
    assert 0 <= message_box["y"] - (load_box["y"] + load_box["height"]) < 60  # right below it
    # The live regions are for screen readers only and take no room.
    for region in (".oai-tm-status", ".oai-tm-alert"):
        box = page.locator(region).bounding_box()
        assert box["width"] <= 1 and box["height"] <= 1, (region, box)
    expect(page.locator(".oai-tm-alert")).to_be_empty()
    expect(page.locator(".oai-tm-status")).to_contain_text(TEXT[lang]["ok"])
    app_top = page.locator("#oai-tm-app").bounding_box()["y"]
    assert page.locator(".oai-tm-bar").bounding_box()["y"] - app_top < 20  # no gap above the tool


# ---------------------------------------------------------------------------
# Loading files
# ---------------------------------------------------------------------------


def save_file(page: Page, lang: str) -> tuple[str, bytes]:
    manage(page, lang)
    with page.expect_download() as download_info:
        page.get_by_role("button", name=TEXT[lang]["save_file"]).click()
    download = download_info.value
    return download.suggested_filename, Path(download.path()).read_bytes()


def options(page: Page, lang: str) -> list[str]:
    return page.get_by_label(TEXT[lang]["select"]).locator("option").all_inner_texts()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_loading_a_file_twice_offers_replace_or_keep_both(page, site, lang, size):
    open_tool(page, site, lang)
    control(page, "purpose-system-name").fill("Chattbot Eva")
    control(page, "purpose-alternatives", "no").check()
    name, content = save_file(page, lang)
    assert re.fullmatch(rf"{TEXT[lang]['file_prefix']}chattbot-eva-\d{{4}}-\d{{2}}-\d{{2}}\.json", name)
    saved = json.loads(content)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z", saved["assessment"]["changed"])

    # "Clear everything" leaves nothing behind; a file then takes the empty one's place.
    area = manage(page, lang)
    area.get_by_role("button", name=TEXT[lang]["clear"]).click()
    area.get_by_role("button", name=TEXT[lang]["clear_yes"]).click()
    assert stored(page) is None
    load_file(page, name, content)
    expect(page.locator(".oai-tm-message p").first).to_contain_text("Chattbot Eva")
    assert len(stored(page)["assessments"]) == 1
    assert len(options(page, lang)) == 1
    # Each assessment shows when it last changed (the file's time, not the time of loading).
    changed = re.compile(r"^Chattbot Eva \((ändrad|changed) .*\d{2}:\d{2}\)$")
    assert changed.match(options(page, lang)[0]), options(page, lang)
    expect(page.locator(".oai-tm-bar__current")).to_contain_text("Chattbot Eva")

    # The same file again: the reader chooses; "keep both" gives the copy a name of its own.
    load_file(page, name, content)
    choice = page.get_by_role("group", name=re.compile("Chattbot Eva"))
    expect(choice).to_be_visible()
    expect(choice.get_by_role("button", name=TEXT[lang]["keep_both"])).to_be_focused()
    assert len(stored(page)["assessments"]) == 1  # nothing added before the reader chooses
    choice.get_by_role("button", name=TEXT[lang]["keep_both"]).click()
    names = [a["name"] for a in stored(page)["assessments"]]
    assert names == ["Chattbot Eva", "Chattbot Eva (2)"]
    assert [re.sub(r" \(.*\)$", "", o) for o in options(page, lang)] == ["Chattbot Eva", "Chattbot Eva"]
    assert options(page, lang)[1].startswith("Chattbot Eva (2) (")

    # And once more: replace the one of that name; no third assessment.
    page.get_by_label(TEXT[lang]["select"]).select_option(index=0)
    control(page, "purpose-alternatives", "yes").check()
    load_file(page, name, content)
    page.get_by_role("group", name=re.compile("Chattbot Eva")).get_by_role(
        "button", name=TEXT[lang]["replace"]
    ).click()
    assessments = stored(page)["assessments"]
    assert len(assessments) == 2
    assert assessments[0]["answers"]["purpose-alternatives"] == "no"
    expect(control(page, "purpose-alternatives", "no")).to_be_checked()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_destructive_actions_are_quiet_and_ask_first(page, site, lang, size):
    open_tool(page, site, lang)
    control(page, "purpose-system-name").fill("Eva")
    area = manage(page, lang)
    for name in (TEXT[lang]["delete"], TEXT[lang]["clear"]):
        action = area.get_by_role("button", name=name)
        expect(action).to_have_class("oai-tm-quiet")  # a text button, not a primary one
        action.click()
        confirm = area.locator(".oai-tm-confirm[role=group]")
        expect(confirm).to_be_visible()
        expect(confirm.get_by_role("button").last).to_be_focused()  # "Cancel" first
        confirm.get_by_role("button").last.click()
        expect(confirm).to_be_hidden()
    assert stored(page)["assessments"][0]["answers"] == {"purpose-system-name": "Eva"}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_unmatched_answers_are_named_by_question_number_and_text(page, site, lang, size, model):
    open_tool(page, site, lang)
    manage(page, lang)
    load_file(page, "older.json", (FIXTURES / "answers-older-model.json").read_bytes())
    items = page.locator(".oai-tm-unmatched li")
    expect(items).to_have_count(6)
    by_id = {q["id"]: q for s in sections(model) for q in s["questions"]}
    for position, qid in enumerate(
        ["purpose-benefit-type", "affected-decision-role", "purpose-alternatives", "legal-basis-dpia-date"]
    ):
        question = by_id[qid]
        expect(items.nth(position)).to_contain_text(f"{question['number']} {question['text'][lang]}")
        expect(items.nth(position)).not_to_contain_text(qid)
    expect(page.locator(".oai-tm-bar__current")).to_contain_text("6")


# ---------------------------------------------------------------------------
# Summary and report
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_summary_lists_what_is_left_and_leads_on(page, site, lang, size, model):
    open_tool(page, site, lang)
    first, second = sections(model)[0], sections(model)[1]
    control(page, "purpose-system-name").fill("Eva")
    page.locator(".oai-tm-views__button", has_text=TEXT[lang]["summary"]).click()
    view = page.locator(".oai-tm-view--summary")
    expect(view.locator(".oai-tm-summary__section").nth(1)).to_contain_text(TEXT[lang]["not_started"])
    left = view.locator(".oai-tm-summary__todo li")
    expect(left).to_have_count(len(sections(model)))
    expect(left.first).to_contain_text(f"1. {first['title'][lang]} ({len(first['questions']) - 1} ")
    next_button = view.locator(".oai-tm-summary__left .md-button--primary")
    expect(next_button).to_contain_text(f"1. {first['title'][lang]}")
    # Once section 1 is done, the summary leads on to section 2.
    page.evaluate(
        """answers => { const key = 'offentligai.trust-model.v1';
        const data = JSON.parse(localStorage.getItem(key));
        Object.assign(data.assessments[0].answers, answers);
        localStorage.setItem(key, JSON.stringify(data)); }""",
        {q["id"]: valid_answer(q) for q in first["questions"]},
    )
    page.reload()
    page.locator(".oai-tm-views__button", has_text=TEXT[lang]["summary"]).click()
    expect(left).to_have_count(len(sections(model)) - 1)
    expect(next_button).to_contain_text(f"2. {second['title'][lang]}")
    next_button.click()
    expect(page.locator(".oai-tm-section h2")).to_have_text(f"2. {second['title'][lang]}")
    assert on_screen(
        page, page.locator(f"#oai-tm-q-{second['questions'][0]['id']}-block .oai-tm-question__text")
    )


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_few_answers_give_a_short_report(page, site, lang, size, model):
    open_tool(page, site, lang)
    control(page, "purpose-system-name").fill("Chattbot Eva")
    control(page, "purpose-problem").fill("Fritext på svenska")
    control(page, "purpose-alternatives", "no").check()
    page.locator(".oai-tm-views__button", has_text=TEXT[lang]["report"]).click()
    report = page.locator(".oai-tm-report")
    # The report follows the page's language, and shows the answered questions only.
    expect(report).to_have_attribute("lang", lang)
    expect(page.get_by_label(TEXT[lang]["answered_only"])).to_be_checked()
    expect(report.locator(".oai-tm-report__question")).to_have_count(3)
    expect(report.locator("h4")).to_have_count(1)
    expect(report).to_contain_text(TEXT[lang]["not_translated"])
    facts = report.locator(".oai-tm-report__facts")
    expect(facts.locator("dt")).to_contain_text([TEXT[lang]["changed_fact"]])
    page.get_by_label(TEXT[lang]["answered_only"]).uncheck()
    total = sum(len(s["questions"]) for s in sections(model))
    expect(report.locator(".oai-tm-report__question")).to_have_count(total)
    # The reader may pick the other language; a new visit follows the page again.
    other = "en" if lang == "sv" else "sv"
    page.get_by_label(TEXT[lang]["language"]).select_option(other)
    expect(report).to_have_attribute("lang", other)
    expect(report).to_contain_text(TEXT[other]["not_translated"])
    page.reload()
    page.locator(".oai-tm-views__button", has_text=TEXT[lang]["report"]).click()
    expect(page.locator(".oai-tm-report")).to_have_attribute("lang", lang)
    expect(page.locator(".oai-tm-report__title")).to_have_text(TEXT[lang]["report_title"] + "Chattbot Eva")


# ---------------------------------------------------------------------------
# Touch targets
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_each_option_is_a_full_width_row_tappable_anywhere(page, site, lang, size):
    open_tool(page, site, lang)
    rows = page.locator(".oai-tm-section label.oai-tm-option")
    assert rows.count() > 10
    for i in range(rows.count()):
        row = rows.nth(i)
        box = row.bounding_box()
        holder = row.locator("xpath=..").bounding_box()
        assert box["height"] >= 24 and box["width"] >= 24, box
        assert box["width"] >= holder["width"] - 1, (box, holder)  # the whole width of the list
        input_box = row.locator("input").bounding_box()
        assert input_box["width"] >= 19 and input_box["height"] >= 19, input_box
    for target in page.locator(".oai-tm-section button, .oai-tm summary").all():
        if target.is_visible():
            box = target.bounding_box()
            assert box["height"] >= 24 and box["width"] >= 24, (target.inner_text(), box)
    row = page.locator("label.oai-tm-option", has=control(page, "purpose-alternatives", "no"))
    box = row.bounding_box()
    row.click(position={"x": box["width"] - 4, "y": box["height"] / 2})  # far from the radio button
    expect(control(page, "purpose-alternatives", "no")).to_be_checked()


# ---------------------------------------------------------------------------
# The example draft goes somewhere
# ---------------------------------------------------------------------------

DRAFT = {
    "sv": {
        "tab": "Skapa utkast till exempel",
        "source_needed": "Ett exempel bygger på minst en offentlig källa",
        "title_sv": "^Rubrik på svenska",
        "title_en": "^Rubrik på engelska",
        "summary_en": "^Sammanfattning på engelska",
        "type": "^Typ av organisation",
        "function": "Utbildning",
        "year": "^År då arbetet startade",
        "source": {
            "title": "^Källa, rubrik",
            "url": "^Källa, webbadress",
            "publisher": "^Källa, utgivare",
            "kind": "^Källa, typ",
            "date": "^Källa, publiceringsdatum",
        },
        "confirmed": "^Datum då statusen bekräftades",
        "create": "Skapa utkastet",
        "issue": "Öppna ett förifyllt förslag i ärendelistan",
        "submit": "Skicka in filerna som ett ändringsförslag (pull request) i projektets kodförråd.",
    },
    "en": {
        "tab": "Create example draft",
        "source_needed": "An example rests on at least one public source",
        "title_sv": "^Title in Swedish",
        "title_en": "^Title in English",
        "summary_en": "^Summary in English",
        "type": "^Type of organisation",
        "function": "Education",
        "year": "^Year the work started",
        "source": {
            "title": "^Source, title",
            "url": "^Source, web address",
            "publisher": "^Source, publisher",
            "kind": "^Source, kind",
            "date": "^Source, date of publication",
        },
        "confirmed": "^Date the status was confirmed",
        "create": "Create the draft",
        "issue": "Open a prefilled proposal in the issue list",
        "submit": "Submit the files as a pull request in the project's repository.",
    },
}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_example_draft_leads_to_a_prefilled_issue_form(page, site, lang, size):
    text = DRAFT[lang]
    open_tool(page, site, lang)
    control(page, "purpose-system-name").fill("Skolchatten")
    control(page, "purpose-organisation").fill("Exempelby kommun")
    control(page, "purpose-problem").fill("Elever får svar på frågor om skolan.")
    control(page, "purpose-technique", "natural-language-processing").check()
    page.locator(".oai-tm-views__button", has_text=text["tab"]).click()
    view = page.locator(".oai-tm-view--draft")
    # First of all: a public source is needed. Then where the files go.
    expect(view.locator("h2 + p")).to_contain_text(text["source_needed"])
    expect(view.locator(".oai-tm-draft-submit")).to_have_text(text["submit"])
    expect(page.get_by_label(re.compile(text["title_sv"]))).to_have_value("Skolchatten")
    expect(page.get_by_label(re.compile(text["title_en"]))).to_have_value("")  # not the Swedish title
    page.get_by_label(re.compile(text["title_en"])).fill("The school chat")
    page.get_by_label(re.compile(text["summary_en"])).fill("Pupils get answers about school.")
    page.get_by_label(re.compile(text["type"])).select_option("municipality")
    page.get_by_label(text["function"], exact=True).check()
    page.get_by_label(re.compile(text["year"])).fill("2025")
    page.locator("#oai-tm-draft-organisation_number").fill("212000-0142")
    page.get_by_label(re.compile("^Status")).select_option("pilot")
    page.get_by_label(re.compile("^(Roll i beslut|Role in decisions)")).select_option("none")
    page.locator("#oai-tm-draft-personal_data-false").check()
    source = text["source"]
    page.get_by_label(re.compile(source["title"])).fill("Kommunens nyhet")
    page.get_by_label(re.compile(source["url"])).fill("https://example.org/nyhet")
    page.get_by_label(re.compile(source["publisher"])).fill("Exempelby kommun")
    page.get_by_label(re.compile(source["kind"])).select_option("primary")
    page.get_by_label(re.compile(source["date"])).fill("2025-03-01")
    page.get_by_label(re.compile(text["confirmed"])).fill("2025-03-01")
    page.get_by_role("button", name=text["create"]).click()
    link = page.get_by_role("link", name=text["issue"])
    expect(link).to_be_visible()
    href = link.get_attribute("href")
    assert href.startswith("https://github.com/offentligai/offentligai/issues/new?")
    query = parse_qs(urlsplit(href).query)
    assert query["template"] == ["propose-example.yml"]
    assert query["title"] == ["Exempel / Example: Skolchatten"]
    assert query["organisation"] == ["Exempelby kommun"]
    assert query["own_page"] == ["https://example.org/nyhet"]
    assert query["sources"] == ["Kommunens nyhet – Exempelby kommun – https://example.org/nyhet – 2025-03-01"]
    swedish = page.locator(".oai-tm-draft-file").first.input_value()
    assert query["details"] == [swedish]
    assert len(href) <= 7000
    box = link.bounding_box()
    assert box["height"] >= 24 and box["width"] >= 24
    page.mouse.move(0, 0)
    violations = axe_violations(page)
    assert not violations, describe(violations)


# ---------------------------------------------------------------------------
# A way in
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("path", ["", "fortroendemodellen/"])
def test_a_way_in_says_how_big_the_job_is(page, site, lang, size, model, path):
    page.goto(address(site, lang, path))
    start = page.locator(".oai-tm-start")
    count = sum(len(s["questions"]) for s in sections(model))
    size_text = {
        "sv": f"{count} frågor i {len(sections(model))} avsnitt",
        "en": f"{count} questions in {len(sections(model))} sections",
    }[lang]
    expect(start).to_contain_text(size_text)
    expect(start).to_contain_text({"sv": "en annan dag", "en": "another day"}[lang])
    expect(start).to_contain_text({"sv": "dataskyddsombudet", "en": "data protection officer"}[lang])
    button = start.get_by_role("link", name=TEXT[lang]["start"])
    expect(button).to_have_class(re.compile("md-button--primary"))
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    assert box["height"] >= 24 and box["width"] >= 24
    button.click()
    page.locator(".oai-tm-section h2").wait_for()
    assert page.url == address(site, lang)
    violations = axe_violations(page)
    assert not violations, describe(violations)


# ---------------------------------------------------------------------------
# Accessibility of the new parts, on both sizes
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_manage_area_sections_summary_and_report_pass_axe(page, site, lang, size):
    open_tool(page, site, lang)
    control(page, "purpose-system-name").fill("Chattbot Eva")
    control(page, "purpose-alternatives", "no").check()
    page.locator("details.oai-tm-sections summary").click()  # open on a phone, folded on a desktop
    manage(page, lang)
    load_file(page, "older.json", (FIXTURES / "answers-older-model.json").read_bytes())
    load_file(page, "older.json", (FIXTURES / "answers-older-model.json").read_bytes())  # the choice
    expect(page.get_by_role("button", name=TEXT[lang]["keep_both"])).to_be_visible()
    page.mouse.move(0, 0)
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    violations = axe_violations(page)
    assert not violations, describe(violations)
    for name in (TEXT[lang]["summary"], TEXT[lang]["report"]):
        page.locator(".oai-tm-views__button", has_text=name).click()
        violations = axe_violations(page)
        assert not violations, f"{name}: {describe(violations)}"
