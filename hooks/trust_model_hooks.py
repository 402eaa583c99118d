"""MkDocs entry points of Förtroendemodellen (the trust model).

``hooks/site_hooks.py`` runs first and puts the UI strings on the config. Here the
question model is loaded and checked once per language build, the stub pages'
markers are replaced with the rendered parts and the tool, the tool page gets the
model as JSON, and the open data is written once, after the last language build.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority, get_plugin_logger

from offentligai import build, templating
from offentligai.languages import page_language
from offentligai.sitewide import placeholders
from offentligai.trust_model import model as tm
from offentligai.trust_model import pages

log = get_plugin_logger("offentligai.trust_model")

PART = "trust_model"
VOCABULARIES_FILE = "data/vocabularies.yml"


# ---------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------


@event_priority(build.priority(PART, "on_config"))
def on_config(config: Any) -> Any:
    """Load and check the question model; stop the build with every problem at once."""
    site = build.site(config)
    root: Path = site.root
    docs_dir = Path(config.docs_dir)
    with build.reported():
        data, schema = tm.load_model(root, docs_dir)
    model = tm.normalise(data, tm.yes_no_labels(site.strings))
    rules, rule_problems = pages.load_draft_rules(root / VOCABULARIES_FILE)
    for problem in rule_problems:
        log.info("example draft form switched off: %s", problem)
    # Prefilling is a convenience; tests/unit/test_trust_model_pages.py checks it against the real model.
    _, missing = pages.draft_prefill(model)
    for question in missing:
        log.info(
            "the example draft is not prefilled from question '%s': the model has no such question", question
        )
    build.set_state(
        config,
        PART,
        {
            "model": model,
            "schema": schema,
            "example_rules": rules,
            "guides": pages.guide_titles(docs_dir / "guide", tm.used_guides(model)),
        },
    )
    return config


@event_priority(build.priority(PART, "on_page_markdown"))
def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Replace ``<!-- offentligai:trust-model … -->`` markers with the part or the tool."""
    if not pages.MARKER.search(markdown):
        return markdown
    state = build.state(config, PART)
    lang = page_language(page.url)
    strings = build.site(config).t(lang)
    env = build.templates(config)
    model, guides = state["model"], state["guides"]

    def render(args: dict[str, str]) -> str:
        if "tool" in args:
            return pages.render_tool(env, model, lang, strings, guides)
        if "start" in args:
            return pages.render_start(env, model, strings, page.file.src_uri)
        return pages.render_part(env, model, args["part"], lang, strings, guides)

    with build.reported():
        return pages.replace_markers(
            markdown, render, [part["id"] for part in model["parts"]], page.file.src_uri
        )


@event_priority(build.priority(PART, "on_page_context"))
def on_page_context(context: dict, page: Any, config: Any, nav: Any) -> dict:
    """Give the tool page the model, the tool's settings and the example rules as JSON for its script."""
    if page.meta.get("template") != pages.TOOL_PAGE_TEMPLATE:
        return context
    state = build.state(config, PART)
    contact = placeholders.settings(config.repo_url, config.extra.get("editorial_contact"))
    ui = pages.tool_data(state["model"], build.site(config).strings, page_language(page.url), contact)
    rules = state["example_rules"]
    context["oai_trust_model"] = {
        "model": templating.script_json(state["model"]),
        "ui": templating.script_json(ui),
        "rules": templating.script_json(rules) if rules is not None else None,
    }
    return context


@event_priority(build.priority(PART, "on_post_build"))
def on_post_build(config: Any) -> None:
    """Publish the model, its schema and the schema of saved answers under /data/."""
    if build.inner_language_build(config):
        return
    state = build.state(config, PART)
    build.publish_data(
        config.site_dir,
        {
            "trust-model.json": state["model"],
            "trust-model.schema.json": state["schema"],
            "trust-model-answers.schema.json": tm.answers_schema(),
        },
    )
