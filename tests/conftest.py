"""Shared fixtures: a strict build of the real site, served by a real web server."""

from __future__ import annotations

import functools
import http.server
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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


@dataclass(frozen=True)
class Site:
    root: Path  # the built site on disk
    url: str  # where it is served, ending in "/"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The real site, built strictly with site_url set to the address it is served at."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT / "mkdocs.yml", site_dir, url)
    if result.returncode != 0:
        pytest.fail(f"strict build failed:\n{result.stdout}\n{result.stderr}", pytrace=False)
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Site(site_dir, url)
    finally:
        server.shutdown()
        server.server_close()
