"""MkDocs entry points of Förtroendemodellen (the trust model).

``hooks/site_hooks.py`` runs first and puts the UI strings on the config. Here the
question model is loaded and checked once per language build, the stub pages'
markers are replaced with the rendered parts and the tool, the tool page gets the
model as JSON, and the open data is written once, after the last language build.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from offentligai import trust_model as tm
from offentligai import trust_model_pages as pages
from offentligai.errors import ContentError
from offentligai.languages import page_language, strings_for

log = get_plugin_logger("offentligai.trust_model")

STATE = "offentligai_trust_model"  # attribute on the MkDocs config that holds this build's model
SITE_STATE = "offentligai_state"  # set by site_hooks.on_config
VOCABULARIES_FILE = "data/vocabularies.yml"


# ---------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------


def on_config(config: Any) -> Any:
    """Load and check the question model; stop the build with every problem at once."""
    site = getattr(config, SITE_STATE)
    root: Path = site["root"]
    docs_dir = Path(config.docs_dir)
    try:
        data, schema = tm.load_model(root, docs_dir)
    except ContentError as error:
        raise PluginError(error.report()) from None
    model = tm.normalise(data, tm.yes_no_labels(site["strings"]))
    rules, rule_problems = pages.load_draft_rules(root / VOCABULARIES_FILE)
    for problem in rule_problems:
        log.info("example draft form switched off: %s", problem)
    # Prefilling is a convenience; tests/test_trust_model_pages.py checks it against the real model.
    _, missing = pages.draft_prefill(model)
    for question in missing:
        log.info(
            "the example draft is not prefilled from question '%s': the model has no such question", question
        )
    setattr(
        config,
        STATE,
        {
            "model": model,
            "schema": schema,
            "example_rules": rules,
            "guides": pages.guide_titles(docs_dir / "guide", tm.used_guides(model)),
        },
    )
    return config


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Replace ``<!-- offentligai:trust-model … -->`` markers with the part or the tool."""
    if not pages.MARKER.search(markdown):
        return markdown
    state = getattr(config, STATE)
    lang = page_language(page.url)
    strings = strings_for(getattr(config, SITE_STATE)["strings"], lang)
    env = pages.prepare_env(config.theme.get_env())
    model, guides = state["model"], state["guides"]

    def render(args: dict[str, str]) -> str:
        if "tool" in args:
            return pages.render_tool(env, model, lang, strings, guides)
        return pages.render_part(env, model, args["part"], lang, strings, guides)

    try:
        return pages.replace_markers(
            markdown, render, [part["id"] for part in model["parts"]], page.file.src_uri
        )
    except ContentError as error:
        raise PluginError(error.report()) from None


def on_page_context(context: dict, page: Any, config: Any, nav: Any) -> dict:
    """Give the tool page the model, the tool's settings and the example rules as JSON for its script."""
    if page.meta.get("template") != pages.TOOL_PAGE_TEMPLATE:
        return context
    state = getattr(config, STATE)
    ui = pages.tool_data(state["model"], getattr(config, SITE_STATE)["strings"], page_language(page.url))
    rules = state["example_rules"]
    context["oai_trust_model"] = {
        "model": pages.script_json(state["model"]),
        "ui": pages.script_json(ui),
        "rules": pages.script_json(rules) if rules is not None else None,
    }
    return context


@event_priority(-200)  # like site_hooks: once, after the i18n plugin's last language build
def on_post_build(config: Any) -> None:
    """Publish the model, its schema and the schema of saved answers under /data/."""
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return
    state = getattr(config, STATE)
    target = Path(config.site_dir) / "data"
    target.mkdir(parents=True, exist_ok=True)
    for name, data in (
        ("trust-model.json", state["model"]),
        ("trust-model.schema.json", state["schema"]),
        ("trust-model-answers.schema.json", tm.answers_schema()),
    ):
        (target / name).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
