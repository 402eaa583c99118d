"""MkDocs entry points of the guide's downloadable templates (.docx and .odt).

A page with ``<!-- offentligai:document -->`` … ``<!-- offentligai:document-end -->`` gets
its template part made into one document per format, in the page's language, beside the page;
the start marker becomes the download links. The work is done by ``offentligai.guide.documents``;
pandoc's results are cached in build/cache/documents/ (see that module).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority, get_plugin_logger

from offentligai import build
from offentligai.guide import documents
from offentligai.languages import page_language

log = get_plugin_logger("offentligai.documents")

PART = "documents"
CACHE = Path("build") / "cache" / "documents"  # under the repository root
META = "oai_documents"  # page.meta key: the page's downloads, from on_page_markdown to on_page_content


# ---------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------


@event_priority(build.priority(PART, "on_page_markdown"))
def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Make the page's documents (from the cache when the text is unchanged) and write them."""
    file = page.file.src_uri
    with build.reported():
        source = documents.extract(markdown, file)
        if source is None:
            return markdown
        name = documents.document_name(page.meta, file)
        reviewed = documents.review_date(page.meta, file)
        # The language of the text (an untranslated English page shows the Swedish file).
        lang = getattr(page.file, "locale", None) or page_language(page.url)
        cache_dir = build.site(config).root / CACHE
        made = []
        for fmt in documents.FORMATS:
            data, converted = documents.convert(source, fmt, lang, reviewed, cache_dir, file)
            if converted:
                log.debug("pandoc made %s.%s (%s)", name, fmt.extension, lang)
            target = documents.download(page.url, name, fmt, len(data))
            path = Path(config.site_dir) / target.path
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            made.append(target)
    page.meta[META] = made
    return markdown


@event_priority(build.priority(PART, "on_page_content"))  # before the site checks for markers
def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """Put the download links where the template starts and mark the template part."""
    made = page.meta.get(META)
    if not made:
        return html
    t = build.site(config).t(page_language(page.url))
    links = [
        {
            "href": item.href,
            "type": item.format.media_type,
            "label": t[item.format.label_key],
            "size": documents.size_label(item.size),
        }
        for item in made
    ]
    box = build.templates(config).get_template("partials/document-downloads.html").render(links=links, t=t)
    html = html.replace(documents.START, f'{box}\n<div class="oai-document" data-oai="document">', 1)
    return html.replace(documents.END, "</div>", 1)
