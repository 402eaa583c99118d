"""MkDocs entry points of Exempelsamlingen (the example collection).

Every example is read and validated in ``on_config``, once per version of the files (the
second language build and a ``serve`` rebuild after an edit elsewhere reuse the result);
MkDocs gets each example's text without its front matter, which it would parse again. The
pages get their title, fact box and sources from that data, the catalogue replaces
``<!-- offentligai:example-catalogue -->``, and the outermost build writes the open data
files. The work itself is done by the ``offentligai.examples`` package.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape
from mkdocs.plugins import event_priority

from offentligai import build, datafiles, freshness, frontmatter, markers
from offentligai.examples import collection, exports, presentation, schema, vocabularies
from offentligai.languages import page_language
from offentligai.sitewide.seo import absolute, shorten

PART = "examples"
CATALOGUE_MARKER = "<!-- offentligai:example-catalogue -->"
# Where an example page's title, summary and fact box, and its sources go (set by this hook).
HEADER_MARKER = "<!-- offentligai:example-header -->"
SOURCES_MARKER = "<!-- offentligai:example-sources -->"
# What MkDocs gets in place of an example's front matter: an empty mapping, which it parses
# in no time; without front matter it would take "Key: value" lines at the top as metadata.
EMPTY_FRONT_MATTER = "---\n{}\n---\n"


@dataclass(frozen=True)
class _Collection:
    """The examples as read and checked: shared by the builds until one of the files changes."""

    vocabularies: vocabularies.Vocabularies
    schema: dict
    examples: dict[str, collection.Example]
    # Which status confirmations are too old, as of the build date (data/review.yml)
    check: presentation.StatusCheck


@dataclass
class _Build:
    vocabularies: vocabularies.Vocabularies
    schema: dict
    examples: dict[str, collection.Example]
    check: presentation.StatusCheck | None = None
    # Fact boxes rendered in on_page_content, put in the page after search indexing, by page
    facts: dict[str, str] = field(default_factory=dict)
    # Templates by name: Jinja's get_template checks the file on disk at every call
    templates: dict[str, Any] = field(default_factory=dict)


# ---------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------


@event_priority(build.priority(PART, "on_config"))
def on_config(config: Any) -> Any:
    """Read and validate the vocabularies and every example; stop the build on any problem.

    Done once per version of the files read, the site's address and the build date
    (``datafiles.remembered``): the language builds and ``serve`` rebuilds share the result.
    """
    root = build.site(config).root
    folder = Path(config.docs_dir) / presentation.SECTION
    today = dt.date.today()
    files = [
        root / "data" / "vocabularies.yml",
        root / freshness.LIMITS_PATH,
        *sorted(folder.rglob("*.md")),
    ]
    key = ("examples", config.site_url, today, *map(datafiles.version, files))
    with build.reported():
        read = datafiles.remembered(key, lambda: _read_collection(root, folder, config.site_url or "", today))
    build.set_state(config, PART, _Build(read.vocabularies, read.schema, read.examples, read.check))
    return config


@event_priority(build.priority(PART, "on_page_read_source"))
def on_page_read_source(page: Any, config: Any) -> str | None:
    """An example's text with an empty front matter: ``on_config`` has read and checked its own."""
    if _example_of(page, config) is None:
        return None
    try:
        return EMPTY_FRONT_MATTER + frontmatter.body(page.file.content_string)
    except frontmatter.FrontMatterError:
        return None  # changed since on_config read it: MkDocs reads it, the next build reports it


@event_priority(build.priority(PART, "on_page_markdown"))
def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Give example pages their template, title and review date, and mark where their parts go."""
    if CATALOGUE_MARKER in markdown:
        page.meta["template"] = "example.html"
        page.meta["oai_catalogue"] = True
        return markdown
    example = _example_of(page, config)
    if example is None:
        return markdown
    lang = page_language(page.url)
    page.meta["template"] = "example.html"
    # Material prints the title unescaped (<title>, header); Markup keeps it escaped exactly once.
    page.meta["title"] = Markup(escape(example.text("title", lang)[0]))
    page.meta["last_reviewed"] = example.last_reviewed  # English files have none of their own
    heading = build.site(config).t(lang)["ex_sources"]
    return f"{HEADER_MARKER}\n\n{markdown.strip()}\n\n## {heading} {{ #sources }}\n\n{SOURCES_MARKER}\n"


@event_priority(build.priority(PART, "on_page_content"))
def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """Put the rendered catalogue, or an example's header and sources, in place of the markers.

    The HTML is added here, after Markdown, so that Markdown never parses it.
    """
    lang = page_language(page.url)
    current = build.state(config, PART)
    t = build.site(config).t(lang)
    if page.meta.get("oai_catalogue"):
        context = presentation.catalogue(
            list(current.examples.values()),
            lang,
            current.vocabularies,
            t,
            page.url,
            config.use_directory_urls,
            current.check,
        )
        return html.replace(CATALOGUE_MARKER, _render(config, "partials/catalogue.html", c=context, t=t), 1)
    example = _example_of(page, config)
    if example is None:
        return html
    catalogue_href = presentation.relative_url(
        presentation.catalogue_url(lang, config.use_directory_urls), page.url
    )
    header = presentation.example_header(
        example, lang, current.vocabularies, t, catalogue_href, current.check
    )
    sources = presentation.example_sources(example, lang, current.vocabularies)
    reason = presentation.no_primary_source(example, lang)
    current.facts[page.file.src_uri] = _render(config, "partials/example-facts.html", h=header, t=t)
    top = _render(config, "partials/example-header.html", h=header, facts=Markup(markers.EXAMPLE_FACTS))
    html = html.replace(HEADER_MARKER, top, 1)
    listing = _render(config, "partials/example-sources.html", sources=sources, reason=reason, t=t)
    return html.replace(SOURCES_MARKER, listing, 1)


@event_priority(build.priority(PART, "on_page_context"))
def on_page_context(context: dict, page: Any, config: Any, nav: Any) -> dict:
    """Put the fact box in an example page and describe the page by its summary.

    The fact box goes in only now, so that the search index holds the example's text but not
    its fact labels, which every example shares; the catalogue's filters cover the facts.
    """
    facts = build.state(config, PART).facts.pop(page.file.src_uri, None)
    if facts is not None:
        page.content = page.content.replace(markers.EXAMPLE_FACTS, facts, 1)
    example = _example_of(page, config)
    if example is not None:
        summary = example.text("summary", page_language(page.url))[0]
        page.meta["description"] = Markup(escape(shorten(summary)))
    return context


@event_priority(build.priority(PART, "on_post_build"))
def on_post_build(config: Any) -> None:
    """Write the open data files once, in the outermost build."""
    if build.inner_language_build(config):
        return
    current = build.state(config, PART)
    examples = list(current.examples.values())
    site_url, directory_urls, generated = config.site_url or "", config.use_directory_urls, _generated()
    files = {
        schema.SCHEMA_PATH: schema.schema_text(current.schema),
        exports.JSON_PATH: exports.examples_json(
            examples, current.vocabularies, site_url, generated, directory_urls
        ),
        exports.CSV_PATH: exports.examples_csv(examples, site_url, directory_urls),
        exports.CSVW_PATH: exports.csv_metadata(site_url, generated, directory_urls),
    }
    for relative, text in files.items():
        target = Path(config.site_dir) / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="")


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def _example_of(page: Any, config: Any) -> collection.Example | None:
    """The example a page shows, or None for pages outside the collection and the catalogue."""
    folder, name = posixpath.split(page.file.src_uri)
    if folder != presentation.SECTION:
        return None
    stem = name[: -len(collection.ENGLISH_SUFFIX)] if name.endswith(collection.ENGLISH_SUFFIX) else name[:-3]
    return build.state(config, PART).examples.get(stem)


def _render(config: Any, template: str, **context: Any) -> str:
    """A partial rendered; templates are kept per build (Jinja checks the file at every lookup)."""
    kept = build.state(config, PART).templates
    if template not in kept:
        kept[template] = build.templates(config).get_template(template)
    return kept[template].render(**context)


def _read_collection(root: Path, folder: Path, site_url: str, today: dt.date) -> _Collection:
    """The vocabularies, the schema made from them, and every example, checked as of ``today``."""
    vocab = vocabularies.load_vocabularies(root / "data" / "vocabularies.yml")
    example_schema = schema.build_schema(vocab, absolute(site_url, schema.SCHEMA_PATH))
    check = schema.validator(example_schema)
    found = collection.load_collection(folder, root, check, today)
    limits = freshness.load_limits(root)
    examples = {example.id: example for example in found}
    return _Collection(
        vocab, example_schema, examples, presentation.StatusCheck(today, limits.status_unconfirmed_months)
    )


def _generated() -> str:
    """The build time in UTC; SOURCE_DATE_EPOCH (reproducible builds) takes precedence."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")
