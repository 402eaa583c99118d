"""MkDocs entry points that let ``mkdocs serve`` reuse the rendered pages that have not changed.

``on_startup`` keeps rendered pages only in ``mkdocs serve``. ``on_env`` makes the theme's
templates ``StoringTemplate``s and works out the digest of the theme's files. The last of all
``on_page_context`` handlers puts the digest of everything the page's output depends on in the
context, where the template finds its stored output. The rules are in
``offentligai.sitewide.rendering``.
"""

from __future__ import annotations

from importlib.metadata import version
from typing import Any

from mkdocs.plugins import event_priority, get_plugin_logger

from offentligai import build
from offentligai.sitewide import rendering
from offentligai.sitewide.conversions import STORE

PART = "rendering"
log = get_plugin_logger("offentligai.rendering")


@event_priority(build.priority(PART, "on_startup"))
def on_startup(command: str, dirty: bool) -> None:
    """Keep rendered pages only where a rebuild can use them (the store outlives these hooks)."""
    STORE.serving = command == "serve"


@event_priority(build.priority(PART, "on_env"))
def on_env(env: Any, config: Any, files: Any) -> Any:
    """Make the theme's templates store their output; under serve, note the version of every theme file.

    The state is new for each build (each language): the navigation shared by pages outside it
    is kept there, and so are the facts every page's digest starts from.
    """
    env.template_class = rendering.StoringTemplate
    state: dict[str, Any] = {}
    if STORE.serving:  # only a rebuild can use stored outputs, and only they need the digest
        packages = f"mkdocs {version('mkdocs')}, mkdocs-material {version('mkdocs-material')}"
        state["templates"] = rendering.templates_digest(config.theme.dirs, packages)
    build.set_state(config, PART, state)
    return env


@event_priority(build.priority(PART, "on_page_context"))
def on_page_context(context: dict, page: Any, config: Any, nav: Any) -> dict:
    """After every other handler: the digest of the page's context, or None to render it anew."""
    if not STORE.serving or page.file.inclusion.is_excluded():
        return context  # a plain build renders each page once; a draft's HTML is marked later
    state = build.state(config, PART)
    try:
        if "facts" not in state:
            state["facts"] = rendering.build_facts(config, nav, state["templates"])
        context[rendering.CONTEXT_KEY] = rendering.page_key(context, page, config, nav, state["facts"])
    except rendering.Uncachable as reason:
        log.debug("%s is rendered every time: %s", page.file.src_uri, reason)
        context[rendering.CONTEXT_KEY] = None
    return context
