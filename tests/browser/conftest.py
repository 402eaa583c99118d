"""Browser fixtures: Debian's Chromium driven by Playwright, and axe-core from npm.

(tests/conftest.py marks every test here ``browser``.)

Every test page records console errors, uncaught exceptions and any request to
another origin; the `page` fixture fails the test if it saw any of them. Requests to
other origins are also blocked, so a test can never reach the network.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from scripts import chromium


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not shutil.which(chromium.EXECUTABLE):
        pytest.fail(
            f"{chromium.EXECUTABLE} is missing: install Debian's chromium package (see .ci/run)",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium.EXECUTABLE, headless=True, args=chromium.ARGS
        )
        yield browser
        browser.close()


@dataclass
class Watch:
    """What a page did that a reader's browser should never see."""

    origin: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    failed_responses: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return (
            [f"console error: {e}" for e in self.console_errors]
            + [f"uncaught exception: {e}" for e in self.page_errors]
            + [f"request to another origin: {u}" for u in self.foreign_requests]
            + [f"failed response: {r}" for r in self.failed_responses]
        )


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def watch_context(context: BrowserContext, origin: str) -> Watch:
    """Block and record requests to other origins for every page of ``context``."""
    watch = Watch(origin)

    def route(route_, request) -> None:  # noqa: ANN001
        url = request.url
        if url.startswith(("data:", "blob:", "about:")) or _origin(url) == origin:
            route_.continue_()
        else:
            watch.foreign_requests.append(url)
            route_.abort()

    context.route("**/*", route)
    return watch


def watch_page(page: Page, watch: Watch) -> None:
    """Record console errors and uncaught exceptions of ``page``."""
    page.on("console", lambda msg: watch.console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda error: watch.page_errors.append(str(error)))
    page.on(
        "response",
        lambda response: (
            watch.failed_responses.append(f"{response.status} {response.url}")
            if response.status >= 400
            else None
        ),
    )


@pytest.fixture
def context(browser: Browser, site) -> Iterator[BrowserContext]:
    context = browser.new_context(locale="sv-SE", service_workers="block")
    context.watch = watch_context(context, _origin(site.url))  # type: ignore[attr-defined]
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Iterator[Page]:
    """A fresh page; the test fails if it logs errors or contacts another origin."""
    page = context.new_page()
    watch = context.watch  # type: ignore[attr-defined]
    watch_page(page, watch)
    yield page
    problems = watch.problems()
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
