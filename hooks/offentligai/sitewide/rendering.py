"""Rendered pages kept for the rebuilds of ``mkdocs serve``.

After a writer saves one page, ``mkdocs serve`` renders every page of both languages through
the theme's templates again: about a third of a rebuild, although the output of all but the
edited page (and those whose navigation shows a changed title) comes out the same. A page's
output depends only on:

- the template it names and every file of the theme's folders (our ``overrides/``);
- what the template is given, the context: the page (its HTML, table of contents, title,
  address, front matter, neighbours), the navigation (every item's title, address, state and
  front matter), the settings, and what the plugins and our hooks add (strings, alternates,
  data for the tools).

``page_key`` makes one digest of all of these, after every other ``on_page_context`` handler
has run. The theme's templates are made of ``StoringTemplate``, whose ``render`` returns the
stored output for a key it has rendered before in this process, and stores a new one.

Safety comes first, so the digest is built from ``repr`` of plain data, and a value whose
``repr`` names a memory address (an object that does not show its state) makes the page
uncachable: it is rendered every time, never served from an output that may be stale. A
page excluded from the site (a draft) is never stored either: MkDocs marks its HTML after
the context is made.

Outputs are kept only in ``mkdocs serve`` (``on_startup``), where a rebuild can use them; a
plain build renders each page once and keeps nothing.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from .. import build
from .conversions import STORE, Store

CONTEXT_KEY = "oai_render_key"  # the context's key of a page's digest (None: render it)
# Front matter that our handlers set during a page's turn and take off again (conversions_hooks).
TRANSIENT_META = frozenset({"oai_conversion", "oai_search", "search"})
_ADDRESS = " at 0x"  # in a repr: an object shown by identity, not by its state


class Uncachable(Exception):
    """A value of the context whose repr does not show its state."""


class StoringTemplate(jinja2.Template):
    """A theme template that gives a page the output stored for its key, or renders and stores it.

    Its partials in ``SHARED_PARTIALS`` are rendered once per build for all the pages that
    would get the same output from them (``shared_partial``).
    """

    store: Store = STORE

    @classmethod
    def _from_namespace(cls, environment: Any, namespace: Any, globals: Any) -> jinja2.Template:  # noqa: A002
        template = super()._from_namespace(environment, namespace, globals)
        if template.name in SHARED_PARTIALS:
            template.root_render_func = shared_partial(template.root_render_func)
        return template

    def render(self, *args: Any, **kwargs: Any) -> str:
        context = args[0] if args and isinstance(args[0], Mapping) else kwargs
        key = context.get(CONTEXT_KEY)
        if not key or not self.store.serving:
            return super().render(*args, **kwargs)
        key = f"page:{self.name}:{key}"
        found = self.store.get(key)
        if found is not None:
            return found
        output = super().render(*args, **kwargs)
        self.store.put(key, output)
        return output


# ---------------------------------------------------------------------------
# The navigation of pages outside it, rendered once per build and folder
# ---------------------------------------------------------------------------
# Material renders the whole navigation into every page: about a tenth of an example page's
# build at 1,000 examples. For a page outside the navigation (every example) nothing in it is
# marked as current, and its links are relative to the page's folder: every page outside the
# navigation in the same folder gets the same HTML from it, in the same build.

SHARED_PARTIALS = frozenset({"partials/nav.html"})
SHARED_KEY = "shared partials"  # the build state's key: {(template, folder): HTML}


def shared_partial(render_root: Any) -> Any:
    """``render_root`` that reuses its output within a build for pages outside the navigation."""

    def render(context: Any) -> Iterator[str]:
        shared = _shared_outputs(context)
        if shared is None:
            yield from render_root(context)
            return
        key = (render_root.__name__, posixpath.dirname(context["page"].url.rstrip("/")))
        if key not in shared:
            shared[key] = "".join(render_root(context))
        yield shared[key]

    return render


def _shared_outputs(context: Any) -> dict | None:
    """The build's store of shared outputs, if the page is outside the navigation; else None."""
    page, nav, config = context.get("page"), context.get("nav"), context.get("config")
    if page is None or nav is None or config is None:
        return None
    if page.parent is not None or any(item.active for item in nav.pages) or page in nav.pages:
        return None
    state = build.previous_state(config, "rendering")  # made anew by each build's on_env
    if not isinstance(state, dict):
        return None  # the rendering hooks are not in this site
    return state.setdefault(SHARED_KEY, {})


def templates_digest(dirs: Iterable[str], package_versions: str) -> str:
    """A digest of every file of the theme folders we write; installed packages by their versions.

    Material's own folder (14,000 files, most of them icons) changes only with its version.
    """
    digest = hashlib.sha256(package_versions.encode())
    for folder in dirs:
        if "site-packages" in Path(folder).parts:
            continue
        for path, size, mtime in _files(Path(folder)):
            digest.update(f"{path}\t{size}\t{mtime}\n".encode())
    return digest.hexdigest()


def _files(folder: Path) -> Iterator[tuple[str, int, int]]:
    for path, dirs, names in os.walk(folder):
        dirs.sort()
        for name in sorted(names):
            stat = os.stat(os.path.join(path, name))
            yield os.path.join(path, name), stat.st_size, stat.st_mtime_ns


@dataclass(frozen=True)
class BuildFacts:
    """What is the same for every page of one language build, worked out at its first page.

    By then MkDocs has read and converted every page, so titles, addresses and front matter
    are final. Our handlers after that change only the page being rendered, and restore what
    they change for a moment (``TRANSIENT_META``).
    """

    templates: str  # templates_digest
    settings: str  # every setting but ``extra``, which the i18n plugin changes for each page
    items: Mapping[int, str]  # id of each navigation item -> its kind, title, address, front matter


def build_facts(config: Mapping[str, Any], nav: Any, templates: str) -> BuildFacts:
    """The ``BuildFacts`` of the build now under way; raises ``Uncachable``."""
    items: dict[int, str] = {}

    def walk(level: Iterable[Any]) -> None:
        for item in level:
            items[id(item)] = _shown(
                (
                    type(item).__name__,
                    str(item.title),
                    getattr(item, "url", None),
                    bool(getattr(item, "is_index", False)),
                    _meta(getattr(item, "meta", None)),
                )
            )
            walk(item.children or ())

    walk(nav.items)
    return BuildFacts(templates, _settings(config), items)


def page_key(
    context: Mapping[str, Any], page: Any, config: Mapping[str, Any], nav: Any, facts: BuildFacts
) -> str:
    """The digest of everything the page's output depends on; raises ``Uncachable``."""
    digest = hashlib.sha256()
    parts = [
        facts.templates,
        facts.settings,
        _shown(config.get("extra")),
        str(page.meta.get("template", "main.html")),
        page.content or "",
        _page(page),
        _nav(nav, facts),
    ]
    for name, value in context.items():
        if name in {"page", "nav", "config", "pages", "build_date_utc", CONTEXT_KEY}:
            continue  # the page, navigation and settings above; the theme reads no more of the rest
        parts.append(f"{name}={_shown(value)}")
    for part in parts:
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


def _shown(value: Any) -> str:
    text = repr(value)
    if _ADDRESS in text:
        raise Uncachable(text[:120])
    return text


def _meta(meta: Mapping[str, Any] | None) -> Any:
    """Front matter without what our handlers put there for a moment during a page's turn."""
    if not meta:
        return meta
    return {key: value for key, value in meta.items() if key not in TRANSIENT_META}


def _page(page: Any) -> str:
    """The page as the templates read it (its HTML is fed apart): neighbours in brief."""
    return _shown(
        (
            page.url,
            page.canonical_url,
            page.abs_url,
            page.edit_url,
            str(page.title),
            page.is_homepage,
            page.file.src_uri,
            _toc(page.toc),
            _meta(page.meta),
            [_brief(item) for item in (page.previous_page, page.next_page, *page.ancestors)],
        )
    )


def _brief(item: Any) -> tuple:
    if item is None:
        return ()
    return (type(item).__name__, str(item.title), getattr(item, "url", None), getattr(item, "active", None))


def _toc(toc: Any) -> list:
    return [(item.id, item.url, str(item.title), item.level, _toc(item.children)) for item in toc or ()]


def _nav(nav: Any, facts: BuildFacts) -> str:
    """Each item as ``build_facts`` saw it, with its state for this page (open or not), in order."""

    def items(level: Iterable[Any]) -> list:
        return [(facts.items.get(id(item)), item.active, items(item.children or ())) for item in level]

    return repr((items(nav.items), getattr(nav.homepage, "url", None)))


def _settings(config: Mapping[str, Any]) -> str:
    """The settings but ``extra``; the plugins by name with their own settings (the objects show no state)."""
    plugins = config.get("plugins") or {}
    shown = [f"{name}={value!r}" for name, value in config.items() if name not in _OWN_SETTINGS]
    shown.append(f"theme={_theme(config.get('theme'))}")
    shown.append(
        "plugins=" + repr([(name, getattr(plugin, "config", None)) for name, plugin in plugins.items()])
    )
    return _shown(shown)


# Shown apart (plugins, theme), per page (extra), or not read by templates: the output folder,
# which `mkdocs serve` keeps for a session but a build in a test changes.
_OWN_SETTINGS = frozenset({"plugins", "theme", "extra", "site_dir"})


def _theme(theme: Any) -> str:
    if theme is None:
        return "None"
    return repr(
        (theme.name, list(theme.dirs), dict(theme.items()) if hasattr(theme, "items") else repr(theme))
    )
