"""The glue between MkDocs and the hook package: build state, errors, templates, the i18n plugin.

Every entry point in ``hooks/*_hooks.py`` reaches MkDocs through these few functions, so the
rest of the package stays plain Python without MkDocs types:

- ``state``/``set_state``: each part of the site keeps the data of the build in progress on
  the config object under one attribute per part (the i18n plugin builds every language on
  the same config, so nothing may live at module level);
- ``reported``: a ``ContentError`` (bad content: file, field, value, what is allowed) stops
  the build as a ``PluginError``, which MkDocs prints as one clean line per problem;
- ``templates``: the theme's Jinja environment with our filters, from one place;
- ``inner_language_build``/``build_only_locale``: what we read of the i18n plugin's internals
  (``tests/unit/test_build_glue.py`` fails loudly if the plugin changes them).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from mkdocs.exceptions import PluginError

from .errors import ContentError

# The parts of the site, each with its own state on the config object.
PARTS = ("site", "examples", "trust_model", "ai_act")
_PREFIX = "offentligai_"


def state(config: Any, part: str) -> Any:
    """The build state of ``part`` (set by that part's ``on_config``)."""
    try:
        return getattr(config, _attribute(part))
    except AttributeError:
        raise PluginError(
            f"offentligai: the {part} hooks ran before their on_config set up the build"
        ) from None


def set_state(config: Any, part: str, value: Any) -> None:
    setattr(config, _attribute(part), value)


def previous_state(config: Any, part: str) -> Any | None:
    """The state an earlier build on the same config left (the other language, a serve rebuild)."""
    return getattr(config, _attribute(part), None)


def _attribute(part: str) -> str:
    if part not in PARTS:
        raise ValueError(f"unknown part {part!r}; known: {', '.join(PARTS)}")
    return _PREFIX + part


@contextmanager
def reported() -> Iterator[None]:
    """Turn a ``ContentError`` into the ``PluginError`` that stops the build with its lines."""
    try:
        yield
    except ContentError as error:
        raise PluginError(error.report()) from None


def templates(config: Any) -> Any:
    """The theme's Jinja environment (our ``overrides/`` first), with the package's filters."""
    env = config.theme.get_env()
    if "oai_date" not in env.filters:
        from .dates import long_date  # local: dates imports nothing of MkDocs either way

        env.filters["oai_date"] = long_date
    return env


# ---------------------------------------------------------------------------
# mkdocs-static-i18n (1.3): what we rely on of its internals
# ---------------------------------------------------------------------------

I18N = "i18n"  # the plugin's name in mkdocs.yml
# The plugin sets this attribute while it runs the builds of the other languages from
# inside the first build; hooks that must run once per site check it.
I18N_BUILDING = "building"


def i18n_plugin(config: Any) -> Any | None:
    return config.plugins.get(I18N)


def inner_language_build(config: Any) -> bool:
    """True inside a language build that the i18n plugin runs from the outermost build.

    Work that covers the whole site (the search index split, open data) is done once, by the
    outermost call of ``on_post_build``, after every language has been built.
    """
    plugin = i18n_plugin(config)
    return plugin is not None and bool(getattr(plugin, I18N_BUILDING, False))


def build_only_locale(config: Any) -> str | None:
    """The one language the plugin is asked to build (``BUILD_ONLY_LOCALE``), if any."""
    plugin = i18n_plugin(config)
    if plugin is None:
        return None
    return plugin.config.get("build_only_locale") or None
