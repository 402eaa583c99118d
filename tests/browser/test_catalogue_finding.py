"""Finding examples in the catalogue: word forms, the summary next to the filters, chips, and
the language switch (the real site, both languages, desktop and phone where layout matters)."""

from __future__ import annotations

import json
from urllib.parse import urljoin

import pytest
from viewports import IN_VIEW, VIEWPORTS

from offentligai.examples.presentation import PAGE_SIZE, TEXT_PARAM

SCHOOL_EXAMPLES = ("goteborg-skolplacering", "kalmar-generativ-ai-skola")


@pytest.fixture(scope="module")
def records(site) -> list[dict]:
    return json.loads((site.root / "data" / "examples.json").read_text(encoding="utf-8"))["examples"]


def prefix(lang: str) -> str:
    return "en/" if lang == "en" else ""


def open_catalogue(page, site, lang: str, query: str = "") -> None:
    page.goto(urljoin(site.url, f"{prefix(lang)}exempel/{query}"))
    page.wait_for_selector("#oai-cat-form:not([hidden])")


def visible_ids(page) -> list[str]:
    hrefs = page.eval_on_selector_all(
        "#oai-cat-list > li:not([hidden]) h3 a", "links => links.map(a => a.getAttribute('href'))"
    )
    return [href.rstrip("/").split("/")[-1] for href in hrefs]


def entry_text(page, example_id: str) -> str:
    return page.locator(f"#oai-cat-list > li:has(a[href$='{example_id}/'])").inner_text().lower()


@pytest.mark.parametrize("size", VIEWPORTS)
@pytest.mark.parametrize(
    ("lang", "words", "absent"), [("sv", ["skola", "skolan"], "skolan"), ("en", ["school's"], "school's")]
)
def test_word_forms_find_both_school_examples(page, site, records, lang, words, absent, size):
    ids = {record["id"] for record in records}
    assert set(SCHOOL_EXAMPLES) <= ids, "the school examples are gone: choose others for this test"
    page.set_viewport_size(VIEWPORTS[size])
    open_catalogue(page, site, lang)
    # The exact form is in neither entry: only matching other forms of the word finds them.
    # (English entries have "school" and "schools": the possessive is the form they lack.)
    assert all(absent not in entry_text(page, example_id) for example_id in SCHOOL_EXAMPLES)
    for word in words:
        page.fill("#oai-cat-text", word)
        page.wait_for_function(
            "n => document.querySelectorAll('#oai-cat-list > li:not([hidden])').length < n", arg=len(records)
        )
        found = visible_ids(page)
        assert set(SCHOOL_EXAMPLES) <= set(found), (word, found)
        assert len(found) < len(records)


@pytest.mark.parametrize("size", VIEWPORTS)
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_count_and_first_results_show_next_to_the_filters_and_show_leads_to_them(
    page, site, records, lang, size
):
    page.set_viewport_size(VIEWPORTS[size])
    open_catalogue(page, site, lang)
    page.evaluate("() => document.querySelectorAll('#oai-cat-form details').forEach(d => d.open = true)")
    box = page.locator("#oai-cat-form input[name=function]").first
    box.evaluate("el => el.scrollIntoView({block: 'center'})")
    heading = page.locator("#oai-cat-list-heading")
    assert not heading.evaluate(IN_VIEW), "the list is in view anyway: the test proves nothing"
    box.check()
    name, value = box.get_attribute("name"), box.get_attribute("value")
    matches = len(visible_ids(page))
    status = page.locator("#oai-cat-status")
    expected = "av" if lang == "sv" else "of"
    page.wait_for_function(
        "word => document.getElementById('oai-cat-status').textContent.includes(` ${word} `)", arg=expected
    )
    assert status.evaluate(IN_VIEW), "the count of matches is not on the screen"
    assert box.evaluate(IN_VIEW), "the summary hides the filter just changed"
    first = page.locator("#oai-cat-list > li:not([hidden]) h3 a").first.get_attribute("href")
    preview = page.locator(f"#oai-cat-preview a[href='{first}']")
    assert matches and preview.evaluate(IN_VIEW), "the first match is not on the screen"
    chip = f"#oai-cat-chips button[aria-label$='{box.get_attribute('data-label')}']"
    assert page.locator(chip).count() == 1
    # "Visa"/"Show" leads to the list and gives it the focus.
    show = page.locator(".oai-cat__show button")
    assert show.inner_text() == ("Visa" if lang == "sv" else "Show")
    show.click()
    page.wait_for_function("() => document.activeElement.id === 'oai-cat-list-heading'")
    assert heading.evaluate(IN_VIEW)
    assert page.locator("#oai-cat-list > li:not([hidden]) h3 a").first.evaluate(IN_VIEW)
    assert status.evaluate(IN_VIEW), "the count should show above the list"
    assert f"{name}={value}" in page.url


@pytest.mark.parametrize(
    ("lang", "filter_name", "text_name"),
    [
        ("sv", "Ta bort filtret Verksamhetsområde: ", "Ta bort filtret Sökord: skolan"),
        ("en", "Remove the filter Area of government: ", "Remove the filter Search words: skolan"),
    ],
)
def test_active_filters_are_chips_removable_by_keyboard(page, site, records, lang, filter_name, text_name):
    code = records[0]["functions"][0]
    open_catalogue(page, site, lang, f"?function={code}&{TEXT_PARAM}=skolan")
    label = page.locator(f"input[name=function][value='{code}']").get_attribute("data-label")
    chips = page.locator("#oai-cat-chips button")
    assert chips.count() == 2
    assert page.locator("#oai-cat-chips").get_attribute("hidden") is None
    names = [chips.nth(i).get_attribute("aria-label") for i in range(2)]
    assert names == [text_name, filter_name + label]
    assert page.locator("#oai-cat-chips ul").get_attribute("aria-labelledby") == "oai-cat-chips-label"
    chips.first.focus()
    page.keyboard.press("Enter")  # removes the search words; the focus moves to the next chip
    page.wait_for_function("p => !location.search.includes(p)", arg=f"{TEXT_PARAM}=")
    assert page.locator("#oai-cat-text").input_value() == ""
    assert chips.count() == 1
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == filter_name + label
    page.keyboard.press("Space")  # removes the last one; the focus goes to the search field
    page.wait_for_function("() => location.search === ''")
    assert not page.locator(f"input[name=function][value='{code}']").is_checked()
    assert page.locator("#oai-cat-chips").is_hidden()
    assert page.evaluate("() => document.activeElement.id") == "oai-cat-text"
    assert len(visible_ids(page)) == min(len(records), PAGE_SIZE)


@pytest.mark.parametrize("size", VIEWPORTS)
def test_the_language_switch_keeps_the_filters(page, site, size):
    page.set_viewport_size(VIEWPORTS[size])
    open_catalogue(page, site, "en", "?organisation_type=municipality")
    page.locator(".oai-language__link").click()
    page.wait_for_url(urljoin(site.url, "exempel/?organisation_type=municipality"))
    page.wait_for_selector("#oai-cat-form:not([hidden])")
    assert page.locator("input[name=organisation_type][value=municipality]").is_checked()
    # A change on the page moves into the switch as well.
    page.locator("details.oai-cat__facet", has=page.locator("input[name=status]")).locator("summary").click()
    page.locator("input[name=status]").first.check()
    status = page.locator("input[name=status]").first.get_attribute("value")
    page.locator(".oai-language__link").click()
    page.wait_for_url(urljoin(site.url, f"en/exempel/?organisation_type=municipality&status={status}"))
    page.wait_for_selector("#oai-cat-form:not([hidden])")
    assert page.locator("input[name=organisation_type][value=municipality]").is_checked()
    assert page.locator(f"input[name=status][value='{status}']").is_checked()
    assert page.evaluate("document.documentElement.lang") == "en"
