"""MkDocs entry points of the print documents: the whole guide, and the trust model's questions.

A print page holds ``<!-- offentligai:print-document guide -->``; once the search plugin has
read it (it indexes the page's own text, not the whole guide again), the marker becomes every
chapter in order, with a table of contents (and, for the guide, its sources). The start pages
hold ``<!-- offentligai:print-downloads guide -->``: a link to the print page, and an inert link
to the PDF that ``make pdf`` (scripts/pdf.py) turns on once it has written the file.
The work itself is done by ``offentligai.printing``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from markupsafe import Markup
from mkdocs.plugins import event_priority

from offentligai import build
from offentligai.dates import long_date
from offentligai.errors import ContentError, Problem
from offentligai.examples.presentation import relative_url
from offentligai.languages import DEFAULT_LANGUAGE, page_language
from offentligai.opendata.changes import page_url
from offentligai.printing import document
from offentligai.sitewide import conversions, glossary

PART = "printing"
TEMPLATE = "print.html"
META = "oai_print_document"  # the id of the document a print page shows


@event_priority(build.priority(PART, "on_config"))
def on_config(config: Any) -> Any:
    """Nothing to read: the documents are made of pages the build renders anyway."""
    build.set_state(config, PART, {})
    return config


@event_priority(build.priority(PART, "on_page_markdown"))
def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """A print page gets its template; an unknown document's name stops the build."""
    with build.reported():
        for match in (*document.MARKER.finditer(markdown), *document.DOWNLOADS.finditer(markdown)):
            if match.group("id") not in document.DOCUMENTS:
                raise ContentError(
                    [
                        Problem(
                            page.file.src_uri,
                            "print marker",
                            match.group("id"),
                            f"allowed: {', '.join(document.DOCUMENTS)}",
                        )
                    ]
                )
    found = document.MARKER.search(markdown)
    if found:
        page.meta[META] = found.group("id")
        page.meta["template"] = TEMPLATE
    return markdown


@event_priority(build.priority(PART, "on_page_content"))
def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """Put the links to the print page and to its PDF in place of ``print-downloads``."""
    found = document.DOWNLOADS.search(html)
    if not found:
        return html
    doc = document.DOCUMENTS[found.group("id")]
    lang = page_language(page.url)
    key = doc.id.replace("-", "_")
    links = (
        build.templates(config)
        .get_template("partials/print-downloads.html")
        .render(
            t=build.site(config).t(lang),
            open_text=f"print_{key}_open",
            hint_text=f"print_{key}_hint",
            pdf_text=f"print_{key}_pdf",
            print_href=relative_url(page_url(doc.page, lang, config.use_directory_urls), page.url),
            pdf_path=doc.pdf[lang],
            pdf_href=relative_url(doc.pdf[lang], page.url),
        )
    )
    return html[: found.start()] + links + html[found.end() :]


@event_priority(build.priority(PART, "on_page_context"))
def on_page_context(context: dict, page: Any, config: Any, nav: Any) -> dict:
    """Assemble a print page from its chapters (every page is rendered by now)."""
    doc_id = page.meta.get(META)
    if not doc_id:
        return context
    doc = document.DOCUMENTS[doc_id]
    lang = page_language(page.url)
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    pages = [
        p
        for p in nav.pages
        if p.url.startswith(f"{prefix}{doc.section}/") and _swedish_name(p.file.src_uri) not in doc.leave_out
    ]
    addresses = {p.url: document.chapter_slug(p.url) for p in pages}
    # Each chapter's HTML, and the sources of all of them, once per version (``serve`` rebuilds).
    chapter_list = repr(sorted(addresses.items()))

    def prepared(p: Any) -> str:
        return conversions.STORE.memo(
            ("print-chapter", p.content or "", addresses[p.url], p.url, chapter_list, page.url),
            lambda: document.prepare(p.content or "", addresses[p.url], p.url, addresses, page.url),
        )

    chapters = [
        document.Chapter(
            slug=addresses[p.url],
            title=str(p.title),
            url=p.url,
            html=prepared(p),
            sections=document.sections(p.toc, addresses[p.url]),
            reviewed=_date(p.meta.get("last_reviewed")),
        )
        for p in pages
    ]
    rendered = (
        build.templates(config)
        .get_template("partials/print-document.html")
        .render(
            doc=doc,
            chapters=[{**vars(c), "html": Markup(c.html)} for c in chapters],
            sources=_sources([c.html for c in chapters]) if doc.sources else (),
            t=build.site(config).t(lang),
            lang=lang,
            long_date=long_date,
        )
    )
    content = document.MARKER.sub(lambda _: rendered, page.content or "", count=1)
    # Each chapter has its glossary terms marked once: the document too marks each term once.
    page.content = glossary.unmark_repeats(content, build.site(config).term_marker(lang))
    return context


def _sources(contents: list[str]) -> tuple[document.Source, ...]:
    return conversions.STORE.memo(("print-sources", *contents), lambda: document.sources(contents))


def _date(value: object) -> dt.date | None:
    return value if isinstance(value, dt.date) else None


def _swedish_name(src_uri: str) -> str:
    """``guide/juridik.en.md`` → ``guide/juridik.md``."""
    return src_uri[: -len(".en.md")] + ".md" if src_uri.endswith(".en.md") else src_uri
