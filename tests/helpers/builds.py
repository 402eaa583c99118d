"""Builds for the tests: the real strict build, and small fixture sites with our hooks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT


def mkdocs_build(config_file: Path, site_dir: Path, site_url: str) -> subprocess.CompletedProcess:
    """Run the real `mkdocs build --strict`, as a reader of the README would."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file), "-d", str(site_dir)],
        cwd=config_file.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def fixture_config(site_url: str, hooks: list[str], head: str = "", markdown: str = "") -> str:
    """mkdocs.yml of a small fixture site that uses the real theme overrides and ``hooks``.

    ``head`` adds top-level settings (nav, repo_url, …); ``markdown`` adds Markdown extensions.
    """
    hook_lines = "\n".join(f"  - {ROOT.as_posix()}/hooks/{name}" for name in hooks)
    extensions = ", ".join(filter(None, ["abbr, admonition, attr_list, md_in_html", markdown]))
    return f"""
site_name: Fixture
site_url: {site_url}
strict: true
validation: {{omitted_files: warn, absolute_links: warn, unrecognized_links: warn, anchors: warn}}
{head}
theme:
  name: material
  custom_dir: {ROOT.as_posix()}/overrides
  language: sv
  font: false
  features: [content.action.edit]
plugins:
  - search: {{lang: [sv, en], pipeline: [trimmer, stopWordFilter, stemmer]}}
  - i18n:
      docs_structure: suffix
      fallback_to_default: true
      reconfigure_material: true
      languages:
        - {{locale: sv, name: Svenska, default: true}}
        - {{locale: en, name: English}}
hooks:
{hook_lines}
markdown_extensions: [{extensions}, {{toc: {{permalink: true}}}}]
"""
