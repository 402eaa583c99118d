"""The example catalogue and example pages in a real browser (the real site, both languages)."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from axecheck import axe_violations, describe

from offentligai.examples.presentation import PAGE_SIZE  # matches shown before "show more"
from offentligai.freshness import load_limits, older_than
from tests.helpers import ROOT


@pytest.fixture(scope="module")
def records(site) -> list[dict]:
    return json.loads((site.root / "data" / "examples.json").read_text(encoding="utf-8"))["examples"]


def visible_entries(page) -> int:
    return page.locator("#oai-cat-list > li:not([hidden])").count()


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def common_function(records) -> tuple[str, int]:
    """A function that some but not all examples have, and how many have it."""
    counts = Counter(code for record in records for code in record["functions"])
    code, count = next((code, n) for code, n in counts.most_common() if n < len(records))
    return code, count


def test_filters_narrow_the_list_and_update_the_url(page, site, records):
    code, count = common_function(records)
    page.goto(urljoin(site.url, "exempel/"))
    page.wait_for_selector("#oai-cat-form:not([hidden])")
    assert visible_entries(page) == min(len(records), PAGE_SIZE)
    page.locator("details.oai-cat__facet", has=page.locator(f"input[value='{code}']")).locator(
        "summary"
    ).click()
    page.locator(f"input[name=function][value='{code}']").check()
    assert visible_entries(page) == min(count, PAGE_SIZE)
    assert query(page) == {"function": [code]}
    status = page.locator("#oai-cat-status")
    assert status.text_content() == f"{count} av {len(records)} exempel matchar filtren"
    assert status.get_attribute("aria-live") == "polite"
    page.fill("#oai-cat-text", "zzzz-inget-exempel")
    assert visible_entries(page) == 0
    page.wait_for_function("() => /Inga exempel/.test(document.getElementById('oai-cat-status').textContent)")
    assert query(page)["text"] == ["zzzz-inget-exempel"]
    page.click("#oai-cat-form button[type=reset]")
    page.wait_for_function("() => location.search === ''")
    assert visible_entries(page) == min(len(records), PAGE_SIZE)


def test_back_button_restores_the_previous_filter(page, site, records):
    code, count = common_function(records)
    page.goto(urljoin(site.url, f"exempel/?function={code}"))
    page.wait_for_selector("#oai-cat-form:not([hidden])")
    page.locator("details.oai-cat__facet", has=page.locator("input[name=personal_data]")).locator(
        "summary"
    ).click()
    page.locator("input[name=personal_data][value=true]").check()
    with_personal_data = sum(1 for r in records if code in r["functions"] and r["personal_data"])
    assert visible_entries(page) == with_personal_data
    page.go_back()
    page.wait_for_function("() => !location.search.includes('personal_data')")
    assert visible_entries(page) == count
    assert not page.locator("input[name=personal_data][value=true]").is_checked()
    assert page.locator(f"input[name=function][value='{code}']").is_checked()


def test_opening_a_filtered_url_restores_the_filter(page, site, records):
    retired = sum(1 for r in records if r["status"] == "retired")
    year = str(records[0]["year_started"])
    page.goto(urljoin(site.url, "en/exempel/?status=retired"))
    page.wait_for_selector("#oai-cat-form:not([hidden])")
    box = page.locator("input[name=status][value=retired]")
    assert box.is_checked() and box.is_visible()  # its group was opened
    assert visible_entries(page) == retired
    assert (
        page.locator("#oai-cat-status").text_content()
        == f"{retired} of {len(records)} examples match the filters"
    )
    page.goto(urljoin(site.url, f"en/exempel/?year={year}"))
    page.wait_for_selector("#oai-cat-form:not([hidden])")
    assert page.locator("#oai-cat-year").input_value() == year
    assert visible_entries(page) == sum(1 for r in records if str(r["year_started"]) == year)


def test_fact_box_links_lead_to_the_filtered_catalogue(page, site, records):
    record = records[0]
    page.goto(record["url"]["en"])  # the site is built with site_url = the address it is served at
    facts = page.locator("aside[data-oai=facts]")
    assert facts.get_attribute("aria-label") == "Facts about the example"
    status_link = facts.locator(f"a[href='../?status={record['status']}']")
    status_link.click()
    page.wait_for_selector("#oai-cat-form:not([hidden])")
    assert query(page) == {"status": [record["status"]]}
    assert page.locator(f"input[name=status][value='{record['status']}']").is_checked()


@pytest.mark.parametrize(
    ("lang", "labels"),
    [
        ("sv", ["Verksamhetsområde", "Teknik", "Källor"]),
        ("en", ["Area of government", "Technique", "Sources"]),
    ],
)
def test_example_pages_have_a_fact_box_in_their_language(page, site, records, lang, labels):
    record = records[-1]
    path = ("en/" if lang == "en" else "") + f"exempel/{record['id']}/"
    page.goto(urljoin(site.url, path))
    assert page.locator("h1").text_content() == (record["title"][lang] or record["title"]["sv"])
    text = page.locator("article").inner_text()
    for label in labels:
        assert label in text
    assert page.locator("[data-oai=reviewed] time").get_attribute("datetime") == record["last_reviewed"]


def test_list_is_complete_without_javascript(browser, site, records):
    context = browser.new_context(java_script_enabled=False)
    try:
        for path in ("exempel/", "en/exempel/"):
            page = context.new_page()
            page.goto(urljoin(site.url, path))
            assert page.locator("#oai-cat-list > li").count() == len(records)
            assert visible_entries(page) == len(records)
            assert page.locator("#oai-cat-list > li h3 a").first.is_visible()
            assert page.locator("#oai-cat-form").is_hidden()  # it could not filter without JavaScript
            page.close()
    finally:
        context.close()


def test_filter_is_operable_with_the_keyboard(page, site, records):
    code, count = common_function(records)
    page.goto(urljoin(site.url, "exempel/"))
    page.wait_for_selector("#oai-cat-form:not([hidden])")
    page.focus("#oai-cat-text")
    page.keyboard.press("Tab")  # to the year
    page.keyboard.press("Tab")  # to the first filter group
    summary = page.locator("details.oai-cat__facet summary").first
    assert summary.evaluate("el => el === document.activeElement")
    for _ in range(page.locator("details.oai-cat__facet").count()):
        if page.evaluate(
            "() => document.activeElement.parentElement.querySelector(\"input[value='" + code + "']\")"
        ):
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # opens the group
    page.keyboard.press("Tab")
    while page.evaluate("() => document.activeElement.value") != code:
        page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert visible_entries(page) == count
    assert query(page) == {"function": [code]}
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def test_more_button_shows_the_next_page_and_moves_focus(page, site, records):
    if len(records) < 4:
        pytest.fail("the site needs at least four examples for this test")

    # The page size is set in the HTML; make it small so that the real list has pages.
    def smaller_pages(route) -> None:  # noqa: ANN001
        response = route.fetch()
        page_size = f'data-page-size="{PAGE_SIZE}"'
        route.fulfill(response=response, body=response.text().replace(page_size, 'data-page-size="2"'))

    page.route("**/exempel/", smaller_pages)
    page.goto(urljoin(site.url, "exempel/"))
    page.wait_for_selector("#oai-cat-form:not([hidden])")
    assert visible_entries(page) == 2
    more = page.locator("#oai-cat-more")
    assert more.text_content() == f"Visa fler ({len(records) - 2} till)"
    more.click()
    assert visible_entries(page) == 4
    focused = page.evaluate(
        "() => document.activeElement.closest('li') === "
        "document.querySelectorAll('#oai-cat-list > li:not([hidden])')[2]"
    )
    assert focused


@pytest.mark.parametrize("path", ["exempel/", "en/exempel/"])
def test_catalogue_with_open_filters_passes_axe(page, site, path):
    page.goto(urljoin(site.url, path + "?status=production"))
    page.wait_for_selector("#oai-cat-form:not([hidden])")
    page.evaluate("() => document.querySelectorAll('#oai-cat-form details').forEach(d => d.open = true)")
    violations = axe_violations(page)
    assert not violations, describe(violations)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_example_page_passes_axe(page, site, records, lang):
    page.goto(urljoin(site.url, ("en/" if lang == "en" else "") + f"exempel/{records[0]['id']}/"))
    violations = axe_violations(page)
    assert not violations, describe(violations)


# ---------------------------------------------------------------------------
# Status confirmation: fact box, catalogue marker and filter, sources
# ---------------------------------------------------------------------------

MARKER = {"sv": "Status inte bekräftad", "en": "Status not confirmed"}


def confirmation_state(record: dict, today: dt.date, months: int) -> str:
    if record["status_confirmed"] is None:
        return "none"
    confirmed = dt.date.fromisoformat(record["status_confirmed"])
    return "old" if older_than(confirmed, months, today) else "recent"


@pytest.fixture(scope="module")
def states(records) -> dict[str, str]:
    months = load_limits(ROOT).status_unconfirmed_months
    return {r["id"]: confirmation_state(r, dt.date.today(), months) for r in records}


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("state", ["old", "none"])
def test_catalogue_filters_examples_whose_status_is_not_recently_confirmed(page, site, states, lang, state):
    expected = sum(1 for value in states.values() if value == state)
    prefix = "en/" if lang == "en" else ""
    page.goto(urljoin(site.url, f"{prefix}exempel/?confirmed={state}"))
    page.wait_for_selector("#oai-cat-form:not([hidden])")
    box = page.locator(f"input[name=confirmed][value={state}]")
    if not expected:
        assert box.count() == 0  # a value no example has is not offered
        return
    assert box.is_checked() and box.is_visible()
    assert visible_entries(page) == min(expected, PAGE_SIZE)
    first = page.locator("#oai-cat-list > li:not([hidden])").first
    assert MARKER[lang] in first.locator("p").last.inner_text()


def test_unconfirmed_status_is_marked_in_the_list_without_javascript(browser, site, states):
    flagged = sum(1 for value in states.values() if value != "recent")
    context = browser.new_context(java_script_enabled=False)
    try:
        for lang, path in (("sv", "exempel/"), ("en", "en/exempel/")):
            page = context.new_page()
            page.goto(urljoin(site.url, path))
            markers = page.locator("#oai-cat-list > li p strong")
            assert markers.count() == flagged
            assert all(MARKER[lang] in text for text in markers.all_inner_texts())
            page.close()
    finally:
        context.close()


@pytest.mark.parametrize(
    ("lang", "according", "unconfirmed", "undated"),
    [
        (
            "sv",
            "enligt källa från",
            "Statusen har inte bekräftats sedan",
            "Ingen daterad källa bekräftar statusen.",
        ),
        ("en", "according to a source from", "The status has not been confirmed since", "No dated source"),
    ],
)
def test_fact_box_gives_the_status_confirmation_and_warns_when_it_is_old(
    page, site, records, states, lang, according, unconfirmed, undated
):
    prefix = "en/" if lang == "en" else ""
    for record in records:
        state = states[record["id"]]
        page.goto(urljoin(site.url, f"{prefix}exempel/{record['id']}/"))
        facts = page.locator("aside[data-oai=facts]").inner_text()
        warning = page.locator("[data-oai=status-warning]")
        if state == "recent":
            assert according in facts and warning.count() == 0
        elif state == "old":
            assert according in facts and unconfirmed in warning.inner_text()
        else:
            assert according not in facts and undated in warning.inner_text()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_sources_show_publisher_and_kind_and_a_missing_primary_source_is_explained(page, site, records, lang):
    without_primary = [r for r in records if all(s["kind"] != "primary" for s in r["sources"])]
    record = (without_primary or records)[0]
    prefix = "en/" if lang == "en" else ""
    page.goto(urljoin(site.url, f"{prefix}exempel/{record['id']}/"))
    sources = page.locator("ol[data-oai=sources] > li")
    assert sources.count() == len(record["sources"])
    first = sources.first.inner_text()
    assert record["sources"][0]["publisher"] in first
    kind = {"primary": ("Primärkälla", "Primary source"), "secondary": ("Sekundärkälla", "Secondary source")}
    assert kind[record["sources"][0]["kind"]][lang == "en"] in first
    note = page.locator("[data-oai=no-primary-source]")
    assert note.count() == (1 if without_primary else 0)
    violations = axe_violations(page)
    assert not violations, describe(violations)
