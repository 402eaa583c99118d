#!/usr/bin/env python3
"""Publish an edition of the site with mike: one folder per edition on the gh-pages branch.

    python scripts/publish.py 2026.1            # deploy 2026.1, alias latest, root → latest
    python scripts/publish.py 2026.1 --push     # … and push the branch (the GitHub workflow)
    python scripts/publish.py 2025.1            # a fix to an older edition: latest stays put

Editions are named YEAR.NUMBER (2026.1, 2026.2, …). The newest edition carries the alias
``latest``, and the branch root redirects there, so links to ``/latest/…`` always show the
current text while ``/2025.1/…`` keeps showing what was published then, with a banner that
leads to the latest. mike runs ``mkdocs build`` itself (strict through mkdocs.yml) with
VERSION_PROVIDER=mike, which turns on Material's version selector.

The edition must be listed in data/editions.yml (version, date, summary in both languages):
the edition page lists what changed in it, and older editions' banners link there.

Aliases are symbolic links in the branch: nginx and GitHub Pages follow them. Serve the
branch with deploy/nginx/offentligai.conf (see docs/om/drift.md).

Each published edition is also tagged in the sources, v2026.1 for 2026.1 (pushed with
--push), so that a server can check out the sources of an edition. A tag that exists is
never moved, and nothing is tagged while tracked files have uncommitted changes.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
REDIRECT_TEMPLATE = ROOT / "deploy" / "mike" / "redirect.html"
EDITIONS = ROOT / "data" / "editions.yml"
LATEST = "latest"
EDITION = re.compile(r"^(\d{4})\.(\d{1,3})$")
# What mike prints when `set-default` finds the branch root already leading to latest.
EMPTY_COMMIT = "warning: nothing changed in commit\n  To create a commit anyway, retry with --allow-empty\n"


def edition_key(version: str) -> tuple[int, int]:
    """Sortable key of an edition name; ValueError for anything but YEAR.NUMBER."""
    match = EDITION.match(version)
    if not match:
        raise ValueError(f"edition '{version}' must be YEAR.NUMBER, such as 2026.1")
    return int(match.group(1)), int(match.group(2))


def is_newest(version: str, deployed: list[dict]) -> bool:
    """True when no deployed edition is newer than ``version`` (so it takes ``latest``)."""
    key = edition_key(version)
    others = [item["version"] for item in deployed if EDITION.match(str(item.get("version", "")))]
    return all(edition_key(other) <= key for other in others)


def mike_commands(
    mike: list[str], version: str, *, latest: bool, push: bool, branch: str, remote: str
) -> list[list[str]]:
    """The mike commands that publish ``version``."""
    git = ["--branch", branch, "--remote", remote] + (["--push"] if push else [])
    deploy = [*mike, "deploy", *git, "--title", version]
    if not latest:
        return [[*deploy, version]]
    return [
        [*deploy, "--update-aliases", version, LATEST],
        [*mike, "set-default", *git, "--template", str(REDIRECT_TEMPLATE), LATEST],
    ]


def edition_tag(version: str) -> str:
    """The git tag of an edition: v2026.1 for 2026.1 (the publish workflow runs on these)."""
    return f"v{version}"


def without_empty_commit_warning(stderr: str) -> tuple[str, bool]:
    """mike's output without its warning that a commit changed nothing; and whether it was there.

    Publishing a second edition leaves the branch root as it was (it already leads to
    ``latest``): that is expected, not a problem to report.
    """
    return stderr.replace(EMPTY_COMMIT, ""), EMPTY_COMMIT in stderr


def tag_edition(version: str, *, push: bool, remote: str, cwd: Path = ROOT) -> str:
    """Tag the checked-out commit as the edition (and push the tag); say what was done."""

    def _git(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)

    tag = edition_tag(version)
    head = _git("rev-parse", "HEAD").stdout.strip()
    existing = _git("rev-parse", "--quiet", "--verify", f"refs/tags/{tag}^{{commit}}").stdout.strip()
    if existing and existing != head:
        return f"tag {tag} exists on commit {existing[:12]}; it is left there"
    if not existing:
        if _git("status", "--porcelain", "--untracked-files=no").stdout.strip():
            return f"not tagged {tag}: tracked files have uncommitted changes"
        result = _git("tag", tag)
        if result.returncode != 0:
            return f"not tagged {tag}: {result.stderr.strip()}"
    if push:
        result = _git("push", "--quiet", remote, f"refs/tags/{tag}")
        if result.returncode != 0:
            return f"tagged {tag}, but pushing it failed: {result.stderr.strip()}"
        return f"tagged {tag} and pushed it to {remote}"
    return f"tagged {tag}" if not existing else f"tag {tag} already marks this commit"


def unlisted_edition(version: str, editions_file: Path) -> str | None:
    """Why ``version`` may not be published yet: the edition page needs it in data/editions.yml."""
    try:
        data = yaml.safe_load(editions_file.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        return f"{editions_file.name}: cannot be read ({' '.join(str(error).split())})"
    listed = [str(item.get("version")) for item in data.get("editions") or [] if isinstance(item, dict)]
    if version in listed:
        return None
    return (
        f"data/editions.yml: editions: {version} is not listed; add "
        f"{{version: '{version}', date: YYYY-MM-DD, summary: {{sv: …, en: …}}}} first (see CONTRIBUTING.md)"
    )


def builder_problem() -> str | None:
    """Why mike would not build with MkDocs here, or None.

    mike 2.2 builds with ProperDocs (a fork of MkDocs) whenever the package ``properdocs``
    is installed; mkdocs-redirects 1.2.3 pulls it in, which is why requirements.txt pins
    mkdocs-redirects 1.2.2.
    """
    try:
        importlib.metadata.version("properdocs")
    except importlib.metadata.PackageNotFoundError:
        return None
    return "properdocs is installed, so mike would build with it instead of MkDocs: pip uninstall properdocs"


def deployed_versions(mike: list[str], branch: str, remote: str, env: dict[str, str]) -> list[dict]:
    """What the branch holds now, updated from the remote's (nothing when it does not exist yet)."""
    result = subprocess.run(
        [*mike, "list", "--json", "--branch", branch, "--remote", remote],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0 or not result.stdout.strip():
        return []
    return json.loads(result.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("version", help="edition to publish, YEAR.NUMBER (such as 2026.1)")
    parser.add_argument("--push", action="store_true", help="push the branch to the remote")
    parser.add_argument("--branch", default="gh-pages", help="branch that holds the editions")
    parser.add_argument("--remote", default="origin", help="remote to push to")
    args = parser.parse_args(argv)

    try:
        edition_key(args.version)
    except ValueError as error:
        print(f"publish.py: {error}", file=sys.stderr)
        return 2
    problem = builder_problem() or unlisted_edition(args.version, EDITIONS)
    if problem:
        print(f"publish.py: {problem}", file=sys.stderr)
        return 2
    bin_dir = Path(sys.executable).parent
    mike = [str(bin_dir / "mike")]
    # mike runs `mkdocs build` from PATH: use the one installed beside this Python.
    env = {
        **os.environ,
        "PATH": os.pathsep.join([str(bin_dir), os.environ.get("PATH", "")]),
        "VERSION_PROVIDER": "mike",
        "NO_MKDOCS_2_WARNING": "1",
    }
    latest = is_newest(args.version, deployed_versions(mike, args.branch, args.remote, env))
    if not latest:
        print(f"publish.py: a newer edition is published; '{LATEST}' stays where it is")
    for command in mike_commands(
        mike, args.version, latest=latest, push=args.push, branch=args.branch, remote=args.remote
    ):
        # The build's progress streams as it comes; only set-default, which is quick and may
        # find nothing to change, is read first.
        quick = "set-default" in command
        stderr_to = subprocess.PIPE if quick else None
        result = subprocess.run(command, cwd=ROOT, env=env, stderr=stderr_to, text=True)
        stderr, unchanged = without_empty_commit_warning(result.stderr or "")
        sys.stderr.write(stderr)
        if unchanged:
            print(f"publish.py: the branch root already leads to '{LATEST}'; it stays as it is")
        if result.returncode != 0:
            print(f"publish.py: failed: {' '.join(command)}", file=sys.stderr)
            return result.returncode
    print(f"published {args.version}" + (f" as {LATEST}" if latest else "") + f" on branch {args.branch}")
    print(f"publish.py: {tag_edition(args.version, push=args.push, remote=args.remote)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
