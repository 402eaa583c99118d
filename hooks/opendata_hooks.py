"""MkDocs entry points of the open-data catalogue, the Atom feeds and the edition page.

``on_config`` reads the publisher (mkdocs.yml: extra.open_data), the editions
(data/editions.yml) and the review dates of the guide's and the trust model's pages; every
page's head links the feeds of its language; the edition page's marker becomes the list of
what changed; the outermost build writes data/catalog.rdf, data/catalog.ttl and the feeds.
The work itself is done by the ``offentligai.opendata`` package.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority, get_plugin_logger

from offentligai import build
from offentligai.dates import long_date
from offentligai.examples import exports, presentation, schema
from offentligai.languages import LANGUAGES, page_language
from offentligai.opendata import addresses, catalog, changes, feeds, settings
from offentligai.sitewide.seo import absolute

log = get_plugin_logger("offentligai.opendata")

PART = "opendata"
EDITIONS_MARKER = "<!-- offentligai:editions -->"
FILES_MARKER = "<!-- offentligai:open-data-files -->"  # the open-data page's list of files
EDITIONS_FILE = "data/editions.yml"


@dataclass
class _Build:
    publisher: catalog.Publisher
    issued: dt.date
    editions: tuple[changes.Edition, ...]
    pages: dict[str, list[changes.Change]]  # language -> reviewed pages of the guide and trust model


# ---------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------


@event_priority(build.priority(PART, "on_config"))
def on_config(config: Any) -> Any:
    """Read the publisher, the editions and the pages' review dates; stop on any problem."""
    root = build.site(config).root
    docs = Path(config.docs_dir)
    with build.reported():
        publisher, issued = settings.read(config.extra.get("open_data"))
        editions = changes.load_editions(root / EDITIONS_FILE, dt.date.today())
        pages = {lang: changes.page_changes(docs, lang) for lang in LANGUAGES}
    if not publisher.contact_email:
        log.info(
            "the open-data catalogue has no contact e-mail; "
            "Sveriges dataportal asks for one (OPEN_DATA_CONTACT_EMAIL)"
        )
    build.set_state(config, PART, _Build(publisher, issued, editions, pages))
    return config


@event_priority(build.priority(PART, "on_page_markdown"))
def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Replace the edition page's marker with what changed in each edition (Markdown links)."""
    if EDITIONS_MARKER not in markdown:
        return markdown
    lang = page_language(page.url)
    current = build.state(config, PART)
    everything = [*current.pages[lang], *_example_changes(config, lang)]
    folder = page.file.src_uri.rsplit("/", 1)[0] if "/" in page.file.src_uri else ""
    periods = [
        {
            "edition": period.edition,
            "pages": [c for c in period.changes if not c.src.startswith(presentation.SECTION + "/")],
            "examples": [c for c in period.changes if c.src.startswith(presentation.SECTION + "/")],
        }
        for period in changes.periods(current.editions, everything)
    ]
    listing = (
        build.templates(config)
        .get_template("partials/editions.html")
        .render(
            periods=periods,
            published=bool(current.editions),
            lang=lang,
            t=build.site(config).t(lang),
            long_date=long_date,
            link=lambda src: _relative(src, folder),
        )
    )
    return markdown.replace(EDITIONS_MARKER, listing, 1)


@event_priority(build.priority(PART, "on_page_content"))
def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """Put the list of the catalogue's and the feeds' files in place of its marker (after Markdown)."""
    if FILES_MARKER not in html:
        return html
    lang = page_language(page.url)
    files_list = [
        {
            "href": _href(addresses.CATALOG_RDF, page.url),
            "name": "catalog.rdf",
            "text": "od_file_catalog_rdf",
        },
        {
            "href": _href(addresses.CATALOG_TTL, page.url),
            "name": "catalog.ttl",
            "text": "od_file_catalog_ttl",
        },
        *(
            {
                "href": _href(addresses.FEEDS[kind][lang], page.url),
                "name": addresses.FEEDS[kind][lang].rsplit("/", 1)[1],
                "text": f"od_feed_link_{kind}",
                "type": addresses.FEED_MEDIA_TYPE,
            }
            for kind in addresses.FEED_KINDS
        ),
    ]
    listing = (
        build.templates(config)
        .get_template("partials/open-data-files.html")
        .render(files=files_list, t=build.site(config).t(lang))
    )
    return html.replace(FILES_MARKER, listing, 1)


@event_priority(build.priority(PART, "on_page_context"))
def on_page_context(context: dict, page: Any, config: Any, nav: Any) -> dict:
    """Every page's head links the feeds of its language."""
    context["oai_feeds"] = _feed_links(config, page_language(page.url))
    return context


@event_priority(build.priority(PART, "on_template_context"))
def on_template_context(context: dict, template_name: str, config: Any) -> dict:
    """The stand-alone pages (404) link the feeds too, in the language being built."""
    lang = config.theme["language"] if config.theme["language"] in LANGUAGES else LANGUAGES[0]
    context["oai_feeds"] = _feed_links(config, lang)
    return context


@event_priority(build.priority(PART, "on_post_build"))
def on_post_build(config: Any) -> None:
    """Write the catalogue (RDF/XML and Turtle) and the four feeds, once, in the outermost build."""
    if build.inner_language_build(config):
        return
    site_url = config.site_url or ""
    graph = catalog.catalogue_graph(_catalogue(config), addresses.CATALOG_RDF)
    files: dict[str, bytes] = {
        addresses.CATALOG_RDF: catalog.rdf_xml(graph).encode("utf-8"),
        addresses.CATALOG_TTL: catalog.turtle(graph).encode("utf-8"),
    }
    current = build.state(config, PART)
    directory_urls = config.use_directory_urls
    for lang in LANGUAGES:
        t = build.site(config).t(lang)
        examples = _example_changes(config, lang)
        for kind, entries, page in (
            ("examples", examples, presentation.catalogue_url(lang, directory_urls)),
            ("changes", current.pages[lang], changes.page_url("guide/index.md", lang, directory_urls)),
        ):
            path = addresses.FEEDS[kind][lang]
            files[path] = feeds.atom(
                feeds.Feed(
                    title=t[f"od_feed_{kind}_title"],
                    subtitle=t[f"od_feed_{kind}_subtitle"],
                    url=absolute(site_url, path),
                    page_url=absolute(site_url, page),
                    lang=lang,
                    author=current.publisher.name,
                    rights=t["od_rights"],
                    entries=feeds.newest(
                        [
                            feeds.Entry(
                                c.title,
                                c.summary,
                                absolute(site_url, changes.page_url(c.src, lang, directory_urls)),
                                c.reviewed,
                                c.lang,
                            )
                            for c in entries
                        ]
                    ),
                )
            )
    for relative, data in files.items():
        target = Path(config.site_dir) / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def _feed_links(config: Any, lang: str) -> list[dict[str, str]]:
    t = build.site(config).t(lang)
    return [
        {"path": addresses.FEEDS[kind][lang], "title": t[f"od_feed_link_{kind}"]}
        for kind in addresses.FEED_KINDS
    ]


def _example_changes(config: Any, lang: str) -> list[changes.Change]:
    """The examples as changes: each as last reviewed, in ``lang`` (or Swedish, untranslated)."""
    result = []
    for example in build.state(config, "examples").examples.values():
        title, title_lang = example.text("title", lang)
        summary, _ = example.text("summary", lang)
        result.append(
            changes.Change(
                f"{presentation.SECTION}/{example.id}.md", title, summary, example.last_reviewed, title_lang
            )
        )
    return result


def _catalogue(config: Any) -> catalog.Catalogue:
    """What the catalogue says, from the settings, the strings and the examples."""
    current = build.state(config, PART)
    strings = build.site(config).strings
    examples = list(build.state(config, "examples").examples.values())
    site_url, directory_urls = config.site_url or "", config.use_directory_urls

    def both(key: str) -> dict[str, str]:
        return {lang: strings[key][lang].strip() for lang in LANGUAGES}

    distributions = (
        (
            "json",
            exports.JSON_PATH,
            "od_distribution_json",
            "ex_open_data_json",
            "JSON",
            "application/json",
            "",
        ),
        ("csv", exports.CSV_PATH, "od_distribution_csv", "ex_open_data_csv", "CSV", "text/csv", ""),
        (
            "csvw",
            exports.CSVW_PATH,
            "od_distribution_csvw",
            "ex_open_data_csvw",
            "JSON_LD",
            "application/csvm+json",
            "http://www.w3.org/TR/tabular-metadata/",
        ),
        (
            "schema",
            schema.SCHEMA_PATH,
            "od_distribution_schema",
            "ex_open_data_schema",
            "JSON",
            "application/schema+json",
            "https://json-schema.org/draft/2020-12/schema",
        ),
    )
    return catalog.Catalogue(
        site_url=site_url,
        title=both("od_catalog_title"),
        description=both("od_catalog_description"),
        dataset_title=both("od_dataset_title"),
        dataset_description=both("od_dataset_description"),
        keywords={
            lang: tuple(
                word.strip() for word in strings["od_dataset_keywords"][lang].split(";") if word.strip()
            )
            for lang in LANGUAGES
        },
        landing_pages={
            lang: absolute(site_url, presentation.catalogue_url(lang, directory_urls)) for lang in LANGUAGES
        },
        issued=current.issued,
        modified=max((e.last_reviewed for e in examples), default=current.issued),
        first_year=min((e.year_started for e in examples), default=current.issued.year),
        publisher=current.publisher,
        distributions=tuple(
            catalog.Distribution(key, path, both(title), both(description), file_type, media_type, standard)
            for key, path, title, description, file_type, media_type, standard in distributions
        ),
    )


def _href(target: str, page_url: str) -> str:
    """The address of the site-relative file ``target`` as seen from the page at ``page_url``."""
    return presentation.relative_url(target, page_url)


def _relative(src: str, folder: str) -> str:
    """A Markdown link from a page in ``folder`` to the file ``src`` (both under docs/)."""
    return posixpath.relpath(src, folder or ".")
