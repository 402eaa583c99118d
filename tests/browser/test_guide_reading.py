"""Reading the guide: each chapter's reading time, the route for newcomers, and checklists that
can be ticked and are kept in the browser (the real site, both languages, desktop and phone)."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
from axecheck import axe_violations, describe
from viewports import VIEWPORTS

from offentligai.guide import reading

STRINGS = {
    "sv": {
        "time": r"Lästid: cirka (\d+) minuter?",
        "count": "{done} av {total} klara.",
        "clear": "Ta bort bockarna",
    },
    "en": {
        "time": r"Reading time: about (\d+) minutes?",
        "count": "{done} of {total} done.",
        "clear": "Clear the ticks",
    },
}
ROUTE_CHAPTERS = ["ar-ai-ratt-losning", "generativ-ai", "juridik", "genomgang-exempelvik"]
ROUTE = {"sv": "Ny på AI? Läs de här först", "en": "New to AI? Read these first"}
CHECKLIST = "#checklist-legal ~ ul.task-list input"
ENABLED = "() => !document.querySelector('ul.task-list input').disabled"
NO_STORAGE = (
    "Object.defineProperty(window, 'localStorage', "
    "{get() { throw new DOMException('refused', 'SecurityError'); }});"
)


def prefix(lang: str) -> str:
    return "en/" if lang == "en" else ""


@pytest.mark.parametrize("size", VIEWPORTS)
@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("chapter", ["guide/juridik/", "guide/sektorer/skola/"])
def test_each_chapter_shows_its_reading_time_computed_from_its_text(page, site, lang, chapter, size):
    page.set_viewport_size(VIEWPORTS[size])
    page.goto(urljoin(site.url, prefix(lang) + chapter))
    note = page.locator("article [data-oai=reading-time]")
    assert note.count() == 1
    assert note.is_visible()
    # Right under the title.
    assert note.evaluate("el => el.previousElementSibling.tagName") == "H1"
    minutes = int(re.fullmatch(STRINGS[lang]["time"], note.inner_text().strip()).group(1))
    html = (site.root / prefix(lang) / chapter / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    words = reading.word_count(article)
    assert words > 300
    assert abs(minutes - words / reading.WORDS_PER_MINUTE) <= 1, (minutes, words)


def test_pages_that_are_not_read_through_have_no_reading_time(page, site):
    for path in ("guide/", "guide/ordlista/", "guide/mallar/ai-policy/", "en/guide/"):
        page.goto(urljoin(site.url, path))
        assert page.locator("[data-oai=reading-time]").count() == 0, path


@pytest.mark.parametrize("size", VIEWPORTS)
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_guide_suggests_a_route_for_newcomers(page, site, lang, size):
    title, chapters = ROUTE[lang], ROUTE_CHAPTERS
    page.set_viewport_size(VIEWPORTS[size])
    page.goto(urljoin(site.url, prefix(lang) + "guide/"))
    box = page.locator(".admonition.tip", has=page.get_by_text(title))
    assert box.count() == 1
    assert box.is_visible()
    hrefs = box.locator("ol a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert [href.strip("./").split("/")[0] for href in hrefs] == chapters
    # The route comes before the list of every chapter.
    assert box.evaluate("el => !!(el.compareDocumentPosition(document.getElementById('chapters')) & 4)")


@pytest.mark.parametrize("size", VIEWPORTS)
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_checklists_can_be_ticked_and_are_kept_in_the_browser(context, page, site, lang, size):
    strings = STRINGS[lang]
    page.set_viewport_size(VIEWPORTS[size])
    url = urljoin(site.url, prefix(lang) + "guide/juridik/")
    page.goto(url)
    boxes = page.locator(CHECKLIST)
    total = boxes.count()
    assert total > 3
    page.wait_for_function(ENABLED)
    first = boxes.first.bounding_box()
    assert first["width"] >= 24 and first["height"] >= 24, first  # WCAG 2.2 target size
    assert first["x"] >= 0
    # By keyboard: focus a box, Space ticks it.
    boxes.nth(0).focus()
    page.keyboard.press("Space")
    boxes.nth(2).check()
    tools = page.locator("#checklist-legal ~ .oai-checklist__tools").first
    count = tools.locator(".oai-checklist__count")
    assert count.inner_text() == strings["count"].format(done=2, total=total)
    # Kept after a reload, and in another tab of the same browser as soon as it changes.
    page.reload()
    page.wait_for_function(ENABLED)
    assert [boxes.nth(i).is_checked() for i in range(3)] == [True, False, True]
    other = context.new_page()
    other.goto(url)
    other.wait_for_function(ENABLED)
    assert other.locator(CHECKLIST).nth(2).is_checked()
    boxes.nth(1).check()
    other.wait_for_function("selector => document.querySelectorAll(selector)[1].checked", arg=CHECKLIST)
    other.close()
    # Each page keeps its own ticks: another chapter and the other language start empty.
    other_language = "guide/juridik/" if lang == "en" else "en/guide/juridik/"
    for elsewhere in (prefix(lang) + "guide/data/", other_language):
        page.goto(urljoin(site.url, elsewhere))
        page.wait_for_function(ENABLED)
        assert page.locator("ul.task-list input:checked").count() == 0, elsewhere
    # Clearing a checklist unticks it and puts the focus on its first box.
    page.goto(url)
    page.wait_for_function(ENABLED)
    clear = tools.locator(".oai-checklist__clear")
    assert clear.get_attribute("aria-label").startswith(f"{strings['clear']}: ")
    clear.click()
    assert page.locator("ul.task-list input:checked").count() == 0
    assert boxes.first.evaluate("el => el === document.activeElement")
    assert clear.is_hidden()
    violations = axe_violations(page)
    assert not violations, describe(violations)


def test_without_storage_the_checklists_stay_plain_lists(browser, site):
    context = browser.new_context()
    context.add_init_script(NO_STORAGE)
    try:
        page = context.new_page()
        errors: list[str] = []
        # Material's own scripts stumble over the refused storage; ours must not.
        page.on("pageerror", lambda error: errors.append(error.stack or ""))
        page.goto(urljoin(site.url, "guide/juridik/"))
        page.wait_for_load_state("load")
        assert page.locator("ul.task-list input[type=checkbox]").count() > 3
        assert page.locator("ul.task-list input:not([disabled])").count() == 0
        assert page.locator(".oai-checklist__tools").count() == 0
        assert not [stack for stack in errors if "checklists.js" in stack], errors
    finally:
        context.close()
