"""offentligai.build: the event order, the build state, errors and what we rely on of the i18n plugin."""

from __future__ import annotations

import importlib.util
import inspect
import sys
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError
from mkdocs_static_i18n import plugin as i18n_module
from mkdocs_static_i18n.config import I18nPluginConfig
from mkdocs_static_i18n.reconfigure import ExtendedPlugin

from offentligai import build
from offentligai.errors import ContentError, Problem
from tests.helpers import ROOT

ENTRY_FILES = sorted((ROOT / "hooks").glob("*_hooks.py"))


def _entry(path: Path):
    """The entry file as MkDocs loads it (a module of its own, imported by path)."""
    name = f"entry_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("path", ENTRY_FILES, ids=lambda p: p.name)
def test_every_handler_takes_its_priority_from_the_one_table(path):
    part = path.stem.removesuffix("_hooks")
    assert part in build.PARTS, f"{path.name}: add the part to offentligai.build.PARTS"
    module = _entry(path)
    handlers = {name: f for name, f in vars(module).items() if name.startswith("on_") and callable(f)}
    assert handlers, path.name
    for name, handler in handlers.items():
        assert getattr(handler, "mkdocs_priority", None) == build.priority(part, name), f"{path.name}: {name}"


def test_every_part_has_an_entry_file_and_the_config_lists_them():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for path in ENTRY_FILES:
        assert f"hooks/{path.name}" in config
    assert {p.stem.removesuffix("_hooks") for p in ENTRY_FILES} <= set(build.PARTS)


def test_the_site_part_sets_up_before_the_others_and_before_the_i18n_plugin():
    first = build.PRIORITIES["on_config"]["site"]
    assert all(first > value for part, value in build.PRIORITIES["on_config"].items() if part != "site")
    assert all(value > -100 for value in build.PRIORITIES["on_config"].values())  # i18n: -100
    context = build.PRIORITIES["on_page_context"]
    assert context["examples"] < 0 and context["site"] < context["examples"]  # after search (0)
    assert all(value < -100 for value in build.PRIORITIES["on_post_build"].values())


def test_an_unknown_event_or_part_is_a_loud_error():
    with pytest.raises(KeyError, match="site.on_nav"):
        build.priority("site", "on_nav")
    with pytest.raises(ValueError, match="unknown part 'blog'"):
        build.set_state(object(), "blog", 1)


class _Config:
    pass


def test_state_is_kept_per_part_on_the_config():
    config = _Config()
    assert build.previous_state(config, "examples") is None
    with pytest.raises(PluginError, match="the examples hooks ran before their on_config"):
        build.state(config, "examples")
    build.set_state(config, "examples", {"n": 1})
    assert build.state(config, "examples") == {"n": 1}
    assert build.previous_state(config, "examples") == {"n": 1}


def test_site_state_gives_the_strings_of_one_language():
    site = build.SiteState(ROOT, {"a": {"sv": "hej", "en": "hello"}}, [])
    assert site.t("sv") == {"a": "hej"} and site.t("en") == {"a": "hello"}
    assert site.t("sv") is site.t("sv")  # made once per build


def test_content_errors_stop_the_build_with_their_lines():
    with pytest.raises(PluginError) as raised, build.reported():
        raise ContentError([Problem("docs/x.md", "title", "", "is required")])
    assert str(raised.value) == "1 problem in the site's content:\n  docs/x.md: title: is required"


# ---------------------------------------------------------------------------
# mkdocs-static-i18n: if one of these fails, the plugin changed what offentligai.build relies on
# ---------------------------------------------------------------------------


def test_the_i18n_plugin_still_marks_its_inner_language_builds():
    assert "self.building = True" in inspect.getsource(i18n_module.I18n.on_post_build)
    assert "self.building = False" in inspect.getsource(ExtendedPlugin.__init__)
    assert build.I18N_BUILDING == "building"


def test_the_i18n_plugin_still_has_the_build_only_locale_option():
    assert build.I18N_ONLY_LOCALE in dict(I18nPluginConfig._schema)


def test_the_glue_reads_the_plugin_as_it_is():
    class Plugin:
        building = True
        config = {"build_only_locale": "sv"}

    class Config:
        plugins = {"i18n": Plugin()}

    assert build.inner_language_build(Config()) and build.build_only_locale(Config()) == "sv"
    Plugin.building, Plugin.config = False, {"build_only_locale": None}
    assert not build.inner_language_build(Config()) and build.build_only_locale(Config()) is None

    class Without:
        plugins: dict = {}

    assert not build.inner_language_build(Without()) and build.build_only_locale(Without()) is None
