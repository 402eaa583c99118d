"""Typing into Material's search like a reader, and waiting for the final results.

The search worker answers every keystroke; an answer for an earlier, shorter query can
arrive after typing has finished. So we wait until the results have stayed the same for
a second (the worker answers in milliseconds) before reading them.
"""

from __future__ import annotations

from playwright.sync_api import Page

_META = "document.querySelector('.md-search-result__meta').textContent"


def open_search(page: Page) -> None:
    page.keyboard.press("s")  # Material's shortcut opens the search dialog
    page.locator(".md-search__input").wait_for(state="visible")
    # The worker is ready when the prompt replaces "Initialising search".
    page.wait_for_function(f"() => !/Initi|Initierar/.test({_META})")


def _settled(page: Page, query: str, timeout_s: float = 30.0) -> tuple[str, list[str]]:
    """Type ``query`` and return (message, result links) once they stop changing."""
    open_search(page)
    page.locator(".md-search__input").press_sequentially(query, delay=20)
    page.wait_for_function(f"() => /\\d|Inga|No matching/.test({_META})")
    state, stable, waited = None, 0, 0.0
    while stable < 4 and waited < timeout_s:
        page.wait_for_timeout(250)
        waited += 0.25
        now = page.evaluate(
            f"() => [{_META}, [...document.querySelectorAll('.md-search-result__link')].map(a => a.href)]"
        )
        stable = stable + 1 if now == state else 0
        state = now
    return state[0], state[1]


def search_hits(page: Page, query: str) -> list[str]:
    """Result links for ``query`` once the results have settled."""
    return _settled(page, query)[1]


def search_finds_nothing(page: Page, query: str) -> bool:
    """True when ``query`` ends with no results."""
    message, links = _settled(page, query)
    return not links and ("Inga" in message or "No matching" in message)
