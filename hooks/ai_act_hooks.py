"""MkDocs entry points of the AI Act decision aid ("AI-förordningen – vad gäller för oss?").

The aid's data (``data/ai-act.yml``) is read and checked once per language build; the page's
marker is replaced with every question and the duty catalogue as text (what readers without
JavaScript get, and what the script links to); the page gets the data in its language as
JSON for the script; and the open data is written once, after the last language build. The
work is done by ``offentligai.ai_act``; the rules are evaluated only by the JavaScript engine.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority

from offentligai import build, templating
from offentligai.ai_act import data as aid_data
from offentligai.ai_act import pages
from offentligai.languages import page_language
from offentligai.trust_model import model as tm
from offentligai.trust_model import pages as tm_pages

PART = "ai_act"


# ---------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------


@event_priority(build.priority(PART, "on_config"))
def on_config(config: Any) -> Any:
    """Load and check the aid's data; stop the build with every problem at once."""
    site = build.site(config)
    docs_dir = Path(config.docs_dir)
    with build.reported():
        data, schema, _ = aid_data.load_aid(site.root, docs_dir)
        trust_data, _ = tm.load_model(site.root, docs_dir)
    trust = tm.normalise(trust_data, tm.yes_no_labels(site.strings))
    build.set_state(
        config,
        PART,
        {
            "data": data,
            "schema": schema,
            "guides": pages.guide_headings(docs_dir),
            "trust": pages.trust_model_index(trust),
        },
    )
    return config


@event_priority(build.priority(PART, "on_page_markdown"))
def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Replace ``<!-- offentligai:ai-act -->`` with the questions and the duty catalogue as text."""
    if not pages.MARKER.search(markdown):
        return markdown
    state = build.state(config, PART)
    lang = page_language(page.url)
    context = pages.body_context(
        state["data"], lang, build.site(config).t(lang), state["guides"], state["trust"]
    )
    env = build.templates(config)
    with build.reported():
        return pages.replace_marker(markdown, lambda: pages.render_body(env, context), page.file.src_uri)


@event_priority(build.priority(PART, "on_page_context"))
def on_page_context(context: dict, page: Any, config: Any, nav: Any) -> dict:
    """Give the aid's page its data in the page's language and the tool's settings, as JSON."""
    if page.meta.get("template") != pages.PAGE_TEMPLATE:
        return context
    state = build.state(config, PART)
    lang = page_language(page.url)
    ui = pages.tool_data(state["data"], build.site(config).strings, lang, tm_pages.STORAGE_KEY)
    context["oai_ai_act"] = {
        "aid": templating.script_json(pages.view(state["data"], lang)),
        "ui": templating.script_json(ui),
    }
    return context


@event_priority(build.priority(PART, "on_post_build"))
def on_post_build(config: Any) -> None:
    """Publish the aid's data and its schema under /data/."""
    if build.inner_language_build(config):
        return
    state = build.state(config, PART)
    build.publish_data(config.site_dir, {"ai-act.json": state["data"], "ai-act.schema.json": state["schema"]})
