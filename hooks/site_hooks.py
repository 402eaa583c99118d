"""MkDocs entry points of the Offentlig AI site.

Each hook only dispatches to small, tested functions in the ``offentligai`` package.
The i18n plugin runs one complete build per language on the same config object, so
every event here runs once per language; nothing is kept in module-level state.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import material
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File

from offentligai import build, datafiles, markers, templating, terminology
from offentligai.dates import long_date
from offentligai.guide import reading, situations
from offentligai.languages import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    load_strings,
    not_found_path,
    page_language,
)
from offentligai.sitewide import (
    assets,
    conversions,
    glossary,
    jsbundle,
    material_patches,
    offline,
    placeholders,
    redirects,
    search_index,
    seo,
    tasklists,
)

log = get_plugin_logger("offentligai")
GLOSSARY_FILE = "data/glossary.yml"
# page.meta key: set on the glossary page, from on_page_markdown to on_page_content
GLOSSARY_PAGE = "oai_glossary_page"


# ---------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------


@event_priority(build.priority("site", "on_config"))
def on_config(config: Any) -> Any:
    """Load and validate the site's data once per language build."""
    root = Path(config.config_file_path).parent
    only = build.build_only_locale(config)
    if only and only != DEFAULT_LANGUAGE:
        # The plugin would build that language at the site root, where our hooks take it for
        # Swedish (languages are told apart by their address).
        raise PluginError(
            f"mkdocs.yml: plugins.i18n.build_only_locale: {only!r} (BUILD_ONLY_LOCALE): "
            f"only {DEFAULT_LANGUAGE!r} can be built alone; preview English with `make serve`"
        )
    with build.reported():
        strings = load_strings(root / "data" / "strings")
        terms = glossary.load_glossary(root / GLOSSARY_FILE)
        words = terminology.load_terminology(root / "data" / "terminology.yml")
        _settings(config)  # a malformed EDITORIAL_CONTACT stops the build here, once
    if not config.repo_url:
        # Without a repository (REPO_URL empty) there is nothing to edit: no "edit" links.
        config["edit_uri"] = None
    if not getattr(config.theme.get_env, "lists_visible_files", False):
        config.theme.get_env = templating.list_visible_files(config.theme.get_env)
    build.set_state(config, "site", build.SiteState(root, strings, terms, words))
    return config


@event_priority(build.priority("site", "on_files"))
def on_files(files: Any, config: Any) -> Any:
    """Publish each browser tool as one classic script made from its ES modules, not the modules."""
    docs = Path(config.docs_dir)
    # Joined once per version of the modules: not again for the other language or a serve rebuild.
    key = ("scripts from modules", tuple(datafiles.version(path) for path in jsbundle.module_files(docs)))
    with build.reported():
        scripts = datafiles.remembered(key, lambda: jsbundle.scripts(docs))
    for file in [file for file in files if jsbundle.is_module(file.src_uri)]:
        files.remove(file)
    for target, text in scripts.items():
        if files.get_file_from_path(target) is not None:
            raise PluginError(
                f"docs/{target}: the build makes this script from the modules under docs/"
                f"{jsbundle.SOURCE_DIR}/ui/; remove the file"
            )
        files.append(File.generated(config, target, content=text))
    return files


@event_priority(build.priority("site", "on_page_markdown"))
def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Fill in site settings (``[[name]]``, ``[[if name]]`` blocks) and write out the dates of
    dated boxes."""
    lang = page_language(page.url)
    first_line = _first_body_line(page, markdown)
    with build.reported():
        markdown = placeholders.fill(markdown, _settings(config), page.file.src_uri)
        boxes = situations.parse(markdown, page.file.src_uri, dt.date.today(), first_line)
    label = build.site(config).t(lang)["situation_title"]
    markdown = situations.render(markdown, boxes, label, lang, first_line)
    if page.file.src_uri.startswith("guide/"):
        markdown = _glossary_page_parts(markdown, page, config)
    return markdown


@event_priority(build.priority("site", "on_page_content"))
def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """Check that every marker was handled; explain glossary terms in place; describe the page."""
    with build.reported():
        markers.check_all_handled(html, page.file.src_uri, before_indexing=True)
    glossary_page = page.meta.pop(GLOSSARY_PAGE, False)  # it explains nothing in place
    if page.file.src_uri.startswith("guide/") and not glossary_page:
        site, lang = build.site(config), page_language(page.url)
        marker, made = site.term_marker(lang), html
        # Once per version of the page's HTML and of the glossary (a serve rebuild has both).
        html = conversions.STORE.memo(
            ("glossary marks", site.term_marker_digest(lang), made), lambda: glossary.mark_terms(made, marker)
        )
    if reading.is_chapter(page.file.src_uri):
        html = _with_reading_time(html, page, config)
    html = tasklists.label_checkboxes(html)
    page.meta["description"] = seo.description(
        page.meta.get("description"), html, config.site_description or ""
    )
    return html


@event_priority(build.priority("site", "on_page_context"))
def on_page_context(context: dict, page: Any, config: Any, nav: Any) -> dict:
    """Check that no marker is left; give templates the page's strings, alternates and review date."""
    with build.reported():
        markers.check_all_handled(page.content or "", page.file.src_uri)
    context["oai"] = _page_data(page, config, str(context.get("base_url", ".")))
    return context


@event_priority(build.priority("site", "on_env"))
def on_env(env: Any, config: Any, files: Any) -> Any:
    """Compile the theme's templates once per process, not again in every language build."""
    return templating.compile_once(env)


@event_priority(build.priority("site", "on_template_context"))
def on_template_context(context: dict, template_name: str, config: Any) -> dict:
    """Give stand-alone templates (the 404 page) the strings of the language being built."""
    lang = _build_language(config)
    context["oai"] = {"lang": lang, "t": build.site(config).t(lang)}
    # MkDocs takes the 404 page's base URL from site_url, to which mike appends the edition
    # without a slash ("/2026.1"); Material would then resolve its files outside the edition.
    base_url = str(context.get("base_url", ""))
    if base_url.startswith("/") and not base_url.endswith("/"):
        context["base_url"] = base_url + "/"
    return context


@event_priority(build.priority("site", "on_post_template"))
def on_post_template(output: str, template_name: str, config: Any) -> str:
    """Write each language's 404 page to its own folder (en/404.html for English).

    The i18n plugin renders 404.html once per language into the same file; the last
    language would win. Returning an empty string makes MkDocs skip its own write.
    """
    if template_name != "404.html":
        return output
    lang = _build_language(config)
    if lang == DEFAULT_LANGUAGE:
        return output
    target = Path(config.site_dir) / not_found_path(lang)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return ""


@event_priority(build.priority("site", "on_post_build"))
def on_post_build(config: Any) -> None:
    """Split the search index per language, patch Material's bundle, drop unused files."""
    if build.inner_language_build(config):
        return  # the outermost call does the work once, after every language
    site = Path(config.site_dir)
    _split_search_index(site)
    _mirror_redirects(config, site)
    if "material/offline" in config.plugins:
        _finish_offline(config, site)
    for path in assets.unused_lunr_files(site / "assets" / "javascripts" / "lunr"):
        path.unlink()
    _drop_source_maps(site)
    _patch_bundle(site)


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def _settings(config: Any) -> dict[str, str]:
    """The site settings pages may use: REPO_URL and EDITORIAL_CONTACT (mkdocs.yml)."""
    return placeholders.settings(config.repo_url, config.extra.get("editorial_contact"))


def _build_language(config: Any) -> str:
    """The language of the build in progress (the i18n plugin sets the theme language)."""
    lang = config.theme["language"]
    return lang if lang in LANGUAGES else LANGUAGES[0]


def _first_body_line(page: Any, markdown: str) -> int:
    """The line of the page's file on which its text begins (after the front matter)."""
    source = getattr(page.file, "abs_src_path", None)
    if not source or not markdown:
        return 1
    raw = Path(source).read_text(encoding="utf-8")
    at = raw.find(markdown[:200])
    return raw.count("\n", 0, at) + 1 if at >= 0 else 1


def _glossary_page_parts(markdown: str, page: Any, config: Any) -> str:
    """Render the glossary page's markers: the terms, the word choices and the checklist roles."""
    lang = page_language(page.url)
    site = build.site(config)
    env = build.templates(config)
    is_glossary = markers.GLOSSARY in markdown
    if is_glossary:
        with build.reported():
            see = glossary.see_also(
                site.glossary, lang, Path(config.docs_dir), page.file.src_uri, GLOSSARY_FILE
            )
        template = env.get_template("partials/glossary.html")
        terms = glossary.sorted_terms(site.glossary, lang)
        listing = template.render(terms=terms, lang=lang, see=see, t=site.t(lang))
        markdown = markdown.replace(markers.GLOSSARY, listing)
    if markers.WORD_CHOICES in markdown or markers.CHECKLIST_ROLES in markdown:
        words, t = site.terminology, site.t(lang)
        groups = [
            {"caption": t["terminology_in_swedish"], "words": words.words_for("sv")},
            {"caption": t["terminology_in_english"], "words": words.words_for("en")},
        ]
        oai = {"t": t, "lang": lang}
        choices = env.get_template("partials/word-choices.html").render(groups=groups, oai=oai)
        roles = env.get_template("partials/checklist-roles.html").render(roles=words.roles, oai=oai)
        markdown = markdown.replace(markers.WORD_CHOICES, choices).replace(markers.CHECKLIST_ROLES, roles)
    if is_glossary:
        page.meta[GLOSSARY_PAGE] = True  # the page of definitions: no term explained in place
    return markdown


def _with_reading_time(html: str, page: Any, config: Any) -> str:
    """The chapter's reading time, computed from its text, under its title."""
    lang = page_language(page.url)
    template = build.templates(config).get_template("partials/reading-time.html")
    note = template.render(minutes=reading.reading_minutes(html), t=build.site(config).t(lang))
    return reading.after_title(html, note)


def _page_data(page: Any, config: Any, base_url: str) -> dict:
    """Everything the page templates need about languages and review dates."""
    lang = page_language(page.url)
    site = build.site(config)
    file_lang = getattr(page.file, "locale", lang)
    reviewed = page.meta.get("last_reviewed")
    site_url = config.site_url or ""
    return {
        "lang": lang,
        "t": site.t(lang),
        "untranslated": lang != file_lang,
        "alternates": [
            {"lang": alt.lang, "href": seo.absolute(site_url, alt.url)} for alt in seo.alternates(page.url)
        ],
        "switch": [
            {
                "lang": alt.lang,
                "href": f"{base_url.rstrip('/')}/{alt.url}",
                "label": site.t(alt.lang)["language_switch_to"],
                "current": alt.lang == lang,
            }
            for alt in seo.alternates(page.url)
            if alt.lang in LANGUAGES
        ],
        "reviewed": long_date(reviewed, lang) if isinstance(reviewed, dt.date) else None,
        "reviewed_iso": reviewed.isoformat() if isinstance(reviewed, dt.date) else None,
    }


def _split_search_index(site: Path) -> None:
    """Replace the merged search index with one index per language."""
    merged_path = site / "search" / "search_index.json"
    if not merged_path.exists():
        return
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    for lang, index in search_index.split_index(merged).items():
        if not index["docs"]:
            continue  # a single-language build (BUILD_ONLY_LOCALE) leaves the other index alone
        target = site / search_index.index_path(lang)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _mirror_redirects(config: Any, site: Path) -> None:
    """Give every language the redirects from moved pages (mkdocs-redirects writes Swedish only)."""
    plugin = config.plugins.get("redirects")
    if plugin is not None:
        redirects.mirror(site, plugin.config["redirect_maps"], config.use_directory_urls)


def _finish_offline(config: Any, site: Path) -> None:
    """Search scripts per language and the local iframe-worker shim for the offline profile."""
    with build.reported():
        offline.finish(build.site(config).root, site)


def _drop_source_maps(site: Path) -> None:
    """Remove the source maps and the comments in the scripts and styles that point at them."""
    for path in assets.source_maps(site):
        path.unlink()
    for path in [*(site / "assets").rglob("*.js"), *(site / "assets").rglob("*.css")]:
        text = path.read_text(encoding="utf-8")
        trimmed = assets.without_source_map_comment(text)
        if trimmed != text:
            path.write_text(trimmed, encoding="utf-8")


def _patch_bundle(site: Path) -> None:
    """Patch Material's bundle and search worker; they get new names from their new content."""
    try:
        theme = Path(material.__file__).parent / "templates"
        finish = assets.without_source_map_comment
        # Material's files change only with its version: patch them once per process.
        key = ("material patches", theme.as_posix(), material.__version__)
        patched = datafiles.remembered(key, lambda: material_patches.patched_files(theme, finish))
        material_patches.patch_site(site, theme, finish=finish, patched=patched)
    except material_patches.PatchError as error:
        raise PluginError(str(error)) from None
