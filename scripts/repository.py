"""A copy of the repository's sources, for builds that must not touch the working copy
(the benchmark, the audit's rebuild timing, the tests' mike deployments)."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What the top of a working copy holds besides the sources: installed tools, built files.
NOT_SOURCES = {".git", ".venv", "node_modules", "site", "build", ".cache", "test-results"}
# Caches that may sit in any folder.
CACHES = {"__pycache__", ".pytest_cache", ".ruff_cache"}


def copy_sources(target: Path) -> None:
    """Copy the working tree's sources to ``target`` (symbolic links kept as links)."""

    def ignored(folder: str, names: list[str]) -> list[str]:
        top = Path(folder).resolve() == ROOT
        return [name for name in names if name in CACHES or (top and name in NOT_SOURCES)]

    shutil.copytree(ROOT, target, ignore=ignored, symlinks=True)
