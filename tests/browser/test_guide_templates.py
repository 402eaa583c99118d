"""The guide's templates in a real browser: the download links deliver documents with the page's text."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

from tests.helpers.documents_text import docx_blocks, odt_blocks, page_blocks

READERS = {"docx": docx_blocks, "odt": odt_blocks}
LABELS = {
    "": ("Mallen som Word-dokument (.docx)", "Mallen som OpenDocument-text (.odt)"),
    "en/": ("The template as a Word document (.docx)", "The template as an OpenDocument text (.odt)"),
}


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_download_links_deliver_the_template_in_the_page_language(page, site, prefix, tmp_path):
    page.goto(urljoin(site.url, f"{prefix}guide/mallar/forklaring-av-beslut/"))
    box = page.locator('[data-oai="downloads"]')
    expect(box).to_have_attribute("aria-labelledby", "oai-downloads-title")
    links = box.locator("a[download]")
    expect(links).to_have_count(2)
    expected = page_blocks(page.content())
    for index, (fmt, label) in enumerate(zip(("docx", "odt"), LABELS[prefix], strict=True)):
        link = links.nth(index)
        expect(link).to_have_text(label)
        link.focus()  # reachable and usable with the keyboard
        with page.expect_download() as info:
            page.keyboard.press("Enter")
        download = info.value
        assert download.suggested_filename == f"forklaring-av-beslut.{fmt}"
        saved = Path(tmp_path) / f"{prefix.strip('/') or 'sv'}.{fmt}"
        download.save_as(saved)
        assert READERS[fmt](saved) == expected
