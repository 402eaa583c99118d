#!/usr/bin/env python3
"""Make the PDFs of the print documents in a built site, with Debian's Chromium (Playwright).

    python scripts/pdf.py                  # after `make build`: PDFs into site/pdf/ (make pdf)
    python scripts/pdf.py --site-dir build/offline    # the offline edition (make offline)

For each print page (the whole guide, the trust model's questions; offentligai.printing.document)
in each language, Chromium opens the built page and prints it to a tagged PDF with a document
outline (headings as bookmarks). The page is opened at its public address (its canonical link),
with every request answered from the built files and any request to another origin refused, so
the PDF's links lead to the published site, not to a local server. Then the start pages' links
to the PDFs are turned on (until now they were inert: a plain build has no PDF).

The PDFs' creation and modification dates are set to SOURCE_DATE_EPOCH (or 2026-01-01), so that
they do not depend on the clock. The plain site build (and the container) needs neither Chromium
nor Playwright; this step does.
"""

from __future__ import annotations

import argparse
import mimetypes
import os
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from offentligai.languages import LANGUAGES
from offentligai.opendata.changes import page_url
from offentligai.printing import document
from scripts import chromium

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EPOCH = 1767225600  # 2026-01-01T00:00:00Z, as scripts/offline_bundle.py
_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')
_PDF_DATE = re.compile(rb"(/(?:CreationDate|ModDate) ?\(D:)\d{14}")
FOOTER = (
    '<div style="font-size:8px;width:100%;text-align:center;font-family:sans-serif">'
    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
)


class PdfError(Exception):
    """A print page is missing, or Chromium was asked to load something from elsewhere."""


@dataclass(frozen=True)
class Job:
    page: Path  # the built print page
    pdf: str  # where the PDF goes, site-relative
    address: str  # the page's public address


def jobs(site: Path) -> list[Job]:
    """Every print document in every language the site was built in."""
    found = []
    for doc in document.DOCUMENTS.values():
        for lang in LANGUAGES:
            candidates = [
                site / page_url(doc.page, lang, True) / "index.html",
                site / page_url(doc.page, lang, False),
            ]
            page = next((path for path in candidates if path.is_file()), None)
            if page is None:
                if lang == LANGUAGES[0]:
                    raise PdfError(f"{candidates[0]}: no print page of '{doc.id}'; build the site first")
                continue  # a single-language build (BUILD_ONLY_LOCALE)
            canonical = _CANONICAL.search(page.read_text(encoding="utf-8"))
            if canonical is None:
                raise PdfError(f"{page}: no canonical link; build with site_url set")
            found.append(Job(page, doc.pdf[lang], canonical.group(1)))
    return found


def site_root_address(job: Job, site: Path) -> str:
    """The public address of the site's root, from a page's address and its place in the site."""
    relative = job.page.relative_to(site).as_posix()
    bare = relative[: -len("index.html")] if relative.endswith("index.html") else relative
    if not job.address.endswith(bare):
        raise PdfError(f"{job.page}: canonical {job.address} does not end with {bare}")
    return job.address[: len(job.address) - len(bare)]


def local_file(site: Path, root_address: str, url: str) -> Path | None:
    """The built file that ``url`` (under ``root_address``) stands for, or None."""
    if not url.startswith(root_address):
        return None
    path = unquote(urlsplit(url).path)[len(urlsplit(root_address).path) :]
    target = site / path
    if path.endswith("/") or not path or target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def fixed_dates(pdf: bytes, epoch: int) -> bytes:
    """The PDF with its creation and modification dates set to ``epoch`` (same length: offsets hold)."""
    stamp = time.strftime("%Y%m%d%H%M%S", time.gmtime(epoch)).encode()
    return _PDF_DATE.sub(lambda match: match.group(1) + stamp, pdf)


def print_all(site: Path, epoch: int) -> list[Path]:
    """Write every PDF and turn on the links to them; returns the PDFs written."""
    from playwright.sync_api import sync_playwright  # only this step needs Playwright

    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium.EXECUTABLE, args=chromium.ARGS)
        try:
            for job in jobs(site):
                root_address = site_root_address(job, site)
                refused: list[str] = []
                page = browser.new_page()

                def answer(route, request, root_address=root_address, refused=refused):  # noqa: ANN001
                    target = local_file(site, root_address, request.url)
                    if target is None:
                        refused.append(request.url)
                        route.abort()
                        return
                    kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
                    route.fulfill(status=200, body=target.read_bytes(), content_type=kind)

                page.route("**/*", answer)
                page.goto(job.address, wait_until="load")
                page.emulate_media(media="print")
                data = page.pdf(
                    format="A4",
                    print_background=True,
                    tagged=True,
                    outline=True,
                    display_header_footer=True,
                    header_template="<span></span>",
                    footer_template=FOOTER,
                    margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
                )
                page.close()
                outside = [url for url in refused if not url.startswith(root_address)]
                if outside:
                    raise PdfError(f"{job.page}: asked for other origins: {', '.join(sorted(set(outside)))}")
                if refused:
                    raise PdfError(f"{job.page}: missing files: {', '.join(sorted(set(refused)))}")
                target = site / job.pdf
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(fixed_dates(data, epoch))
                written.append(target)
        finally:
            browser.close()
    enable_links(site, [path.relative_to(site).as_posix() for path in written])
    return written


def enable_links(site: Path, pdfs: list[str]) -> list[Path]:
    """Turn on the start pages' links to the PDFs that exist; returns the pages changed."""
    changed = []
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        if "data-oai-pdf=" not in text:
            continue
        new = text
        for pdf in pdfs:
            new = document.enable_pdf_links(new, pdf)
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed.append(path)
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="the built site")
    args = parser.parse_args(argv)
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", DEFAULT_EPOCH))
    try:
        written = print_all(args.site_dir, epoch)
    except PdfError as error:
        print(f"pdf.py: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path} ({path.stat().st_size / 1024:.0f} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
