"""The glue between MkDocs and the hook package: event order, build state, errors, templates and
the i18n plugin.

Every entry point in ``hooks/*_hooks.py`` reaches MkDocs through this module, so the rest of the
package stays plain Python without MkDocs types:

- ``priority``: when each part's handler of each event runs (``PRIORITIES``, the one statement
  of the order of events);
- ``state``/``set_state``: the data of the build in progress, one attribute per part on the
  config object (the i18n plugin builds every language on the same config, so nothing may
  live at module level);
- ``reported``: a ``ContentError`` (bad content: file, field, value, what is allowed) stops
  the build as a ``PluginError``, which MkDocs prints as one clean line per problem;
- ``templates``: the theme's Jinja environment with our filters, made once per build;
- ``inner_language_build``/``build_only_locale``: what we read of the i18n plugin's internals
  (``tests/unit/test_build_glue.py`` fails loudly if the plugin changes them).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from . import templating
from .errors import ContentError
from .languages import strings_for
from .sitewide import glossary as glossary_terms

# ---------------------------------------------------------------------------
# The order of events
# ---------------------------------------------------------------------------

# The parts of the site; each has a hooks/<part>_hooks.py entry file and a state of its own.
PARTS = (
    "site",
    "examples",
    "trust_model",
    "ai_act",
    "documents",
    "opendata",
    "printing",
    "conversions",
    "rendering",
)

# MkDocs runs the handlers of an event from the highest priority to the lowest; plugins run
# at 0 unless they say otherwise, and hooks after plugins of the same priority. Every handler
# of every entry file takes its priority from here (a test checks that none is missing).
PRIORITIES: dict[str, dict[str, int]] = {
    # The site's data first: the other parts read it. All before the i18n plugin (-100),
    # which reconfigures the theme for each language.
    "on_config": {
        "site": 0,
        "examples": -1,
        "trust_model": -1,
        "ai_act": -1,
        "opendata": -1,
        "printing": -1,
    },
    # The site's on_files replaces the browser modules with the scripts made from them: after
    # the i18n plugin (-100), which cannot handle files that the build generates.
    "on_files": {"examples": 0, "ai_act": 0, "site": -150},
    # Example pages: MkDocs gets the text without the front matter that on_config has read.
    "on_page_read_source": {"examples": 0},
    # After the i18n plugin (50) has chosen the page's language.
    "on_page_markdown": {
        "site": 0,
        "examples": 0,
        "trust_model": 0,
        "ai_act": 0,
        "documents": 0,
        "opendata": 0,
        "printing": 0,
        # Last of all (after the i18n plugin's 50 too): the Markdown as it will be converted.
        "conversions": -1000,
    },
    # Each part puts its rendered HTML in place of its markers; then the site checks that
    # no marker is left and describes the page.
    "on_page_content": {
        # First of all: the page's stored conversion, or the one just made, is stored.
        "conversions": 1000,
        "examples": 10,
        "trust_model": 10,
        "ai_act": 10,
        "documents": 10,
        "opendata": 10,
        "printing": 10,
        "site": 0,
    },
    # The search plugin indexes page.content at 0. The examples' fact box goes in after it
    # (the index holds the text, not the labels every example shares), and so do the print
    # documents' chapters (the index has them on their own pages); the site's check that no
    # marker is left comes last of all.
    "on_page_context": {
        # Just before the search plugin (0): a page's search entries, stored or to be stored.
        "conversions": 1,
        "trust_model": 0,
        "ai_act": 0,
        "opendata": 0,
        "examples": -50,
        "printing": -50,
        "site": -60,
        # Last of all: the digest of the context as the template will get it.
        "rendering": -1000,
    },
    # Before Material's and our templates are rendered: compile each template once per process.
    "on_env": {"site": 0, "rendering": 0},
    # Once per process: `mkdocs serve` or a plain build.
    "on_startup": {"rendering": 0},
    "on_template_context": {"site": 0, "opendata": 0},
    "on_post_template": {"site": 0},
    # After the page is written out: the search plugin's work on it is done.
    "on_post_page": {"conversions": 0},
    # Once per site, after the i18n plugin (-100) has run every language and written the
    # merged search index. The parts write independent files, in any order.
    "on_post_build": {"site": -200, "examples": -200, "trust_model": -200, "ai_act": -200, "opendata": -200},
}


def priority(part: str, event: str) -> int:
    """The priority of ``part``'s handler of ``event`` (raises if the table does not say)."""
    try:
        return PRIORITIES[event][part]
    except KeyError:
        raise KeyError(f"offentligai.build.PRIORITIES has no entry for {part}.{event}") from None


# ---------------------------------------------------------------------------
# Build state
# ---------------------------------------------------------------------------


@dataclass
class SiteState:
    """What every part needs of the site: its folder, UI strings, glossary and terminology, templates."""

    root: Path
    strings: Mapping[str, Mapping[str, str]]  # key -> {lang: text}
    glossary: list[Any]
    terminology: Any = None  # data/terminology.yml: word choices and checklist roles
    env: Any = None  # the Jinja environment, made on first use
    _by_language: dict[str, dict[str, str]] = field(default_factory=dict)
    _term_markers: dict[str, glossary_terms.TermMarker] = field(default_factory=dict)
    _marker_digests: dict[str, str] = field(default_factory=dict)

    def t(self, lang: str) -> dict[str, str]:
        """The UI strings of ``lang`` (made once per build: pages ask thousands of times)."""
        if lang not in self._by_language:
            self._by_language[lang] = strings_for(self.strings, lang)
        return self._by_language[lang]

    def term_marker(self, lang: str) -> glossary_terms.TermMarker:
        """The glossary of ``lang`` ready to mark pages (made once per build)."""
        if lang not in self._term_markers:
            self._term_markers[lang] = glossary_terms.term_marker(self.glossary, lang)
        return self._term_markers[lang]

    def term_marker_digest(self, lang: str) -> str:
        """A digest of everything ``term_marker(lang)`` marks with: its pattern, forms and markup."""
        if lang not in self._marker_digests:
            marker = self.term_marker(lang)
            pattern = marker.pattern.pattern if marker.pattern is not None else ""
            shown = repr((pattern, sorted(marker.term_of.items()), sorted(marker.markup.items())))
            self._marker_digests[lang] = hashlib.sha256(shown.encode()).hexdigest()
        return self._marker_digests[lang]


_PREFIX = "offentligai_"


def state(config: Any, part: str) -> Any:
    """The build state of ``part``, set by that part's ``on_config``."""
    try:
        return getattr(config, _attribute(part))
    except AttributeError:
        raise PluginError(
            f"offentligai: the {part} hooks ran before their on_config set up the build"
        ) from None


def set_state(config: Any, part: str, value: Any) -> None:
    setattr(config, _attribute(part), value)


def previous_state(config: Any, part: str) -> Any | None:
    """What an earlier build on the same config left (the other language, a ``serve`` rebuild)."""
    return getattr(config, _attribute(part), None)


def _attribute(part: str) -> str:
    if part not in PARTS:
        raise ValueError(f"unknown part {part!r}; known: {', '.join(PARTS)}")
    return _PREFIX + part


def site(config: Any) -> SiteState:
    """The site's state (``hooks/site_hooks.py`` sets it first; see ``PRIORITIES``)."""
    return state(config, "site")


@contextmanager
def reported() -> Iterator[None]:
    """Turn a ``ContentError`` into the ``PluginError`` that stops the build with its lines."""
    try:
        yield
    except ContentError as error:
        raise PluginError(error.report()) from None


def templates(config: Any) -> Any:
    """The Jinja environment for our partials: the theme's loader, autoescaping, our filters."""
    current = site(config)
    if current.env is None:
        current.env = templating.prepare(config.theme.get_env())
    return current.env


# ---------------------------------------------------------------------------
# mkdocs-static-i18n (1.3): what we rely on of its internals
# ---------------------------------------------------------------------------

I18N = "i18n"  # the plugin's name in mkdocs.yml
# The plugin sets this attribute while it runs the builds of the other languages from
# inside the first one; work for the whole site is done by the outermost on_post_build.
I18N_BUILDING = "building"
I18N_ONLY_LOCALE = "build_only_locale"  # an option of the plugin's configuration


def i18n_plugin(config: Any) -> Any | None:
    return config.plugins.get(I18N)


def inner_language_build(config: Any) -> bool:
    """True inside a language build that the i18n plugin runs from the outermost build."""
    plugin = i18n_plugin(config)
    return plugin is not None and bool(getattr(plugin, I18N_BUILDING, False))


def publish_data(site_dir: str | Path, files: Mapping[str, Any]) -> None:
    """Write each of ``files`` (name -> JSON value) to <site_dir>/data/ as open data."""
    target = Path(site_dir) / "data"
    target.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (target / name).write_text(json.dumps(content, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def build_only_locale(config: Any) -> str | None:
    """The one language the plugin is asked to build (``BUILD_ONLY_LOCALE``), if any."""
    plugin = i18n_plugin(config)
    if plugin is None:
        return None
    return plugin.config.get(I18N_ONLY_LOCALE) or None
