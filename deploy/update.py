#!/usr/bin/env python3
"""Install a built site on an nginx server as a new release, or go back to the previous one.

    sudo deploy/update.py install site --home /srv/offentligai --csp /etc/nginx/offentligai/csp.conf
    sudo deploy/update.py rollback --home /srv/offentligai --csp /etc/nginx/offentligai/csp.conf

The folder to install is a built site (``make build`` writes site/) or an extracted mike
branch. Everything lives under --home:

    releases/20261203T101500Z/   one folder per release, never changed once installed
    current  -> releases/…       nginx's root (deploy/nginx/offentligai.conf)
    previous -> releases/…       where `rollback` goes back to

A site built for a sub-path (SITE_URL https://intranat.example.se/ai/) is copied to
``releases/<release>/ai/``, so nginx's root stays ``<home>/current`` whatever the sub-path;
the sub-path is read from the site's sitemap.

`install` runs these steps in order and stops at the first that fails:

1. copy the site into a new, empty release folder;
2. write the Content-Security-Policy (scripts/csp.py) for the release being served and the
   new one, so that both releases' pages work while the link changes;
3. ``nginx -t``; if it fails, the previous policy file is put back and the new release removed;
4. ``nginx -s reload``, waiting until nginx's new workers run;
5. switch ``current`` to the new release with one atomic rename; ``previous`` to the old one.

Readers see either the old release or the new one, never a mixture, and no request fails.
`rollback` swaps ``current`` and ``previous`` the same way (steps 2 to 5).

Standard library only, so it runs with the plain ``python3`` of a server.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from urllib.parse import urlsplit
from xml.etree import ElementTree

CSP_SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "csp.py"
DEFAULT_PID_FILE = "/run/nginx.pid"  # Debian's, when the configuration names none
RELEASES = "releases"
CURRENT = "current"
PREVIOUS = "previous"
_SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"


class UpdateError(Exception):
    """A step failed; the message says which and what to do."""


# --- where a built site belongs ------------------------------------------------------


def sitemap_path(sitemap: Path) -> str:
    """The address path of the site a sitemap.xml describes: its shortest <loc> ("/ai/")."""
    try:
        locations = [element.text or "" for element in ElementTree.parse(sitemap).iter(_SITEMAP)]
    except (OSError, ElementTree.ParseError) as error:
        raise UpdateError(f"{sitemap}: cannot read the sitemap ({error})") from None
    if not locations:
        raise UpdateError(f"{sitemap}: the sitemap lists no page")
    path = urlsplit(min(locations, key=len).strip()).path or "/"
    return path if path.endswith("/") else path + "/"


def site_path(site: Path) -> str:
    """The address path a built site or a mike branch was built for ("/", "/ai/")."""
    if not (site / "index.html").is_file():
        raise UpdateError(f"{site}: no index.html; build the site first (make build)")
    if (site / "sitemap.xml").is_file():
        return sitemap_path(site / "sitemap.xml")
    if (site / "versions.json").is_file():  # a mike branch: editions in folders, each with a sitemap
        for edition in sorted(p for p in site.iterdir() if (p / "sitemap.xml").is_file()):
            path = sitemap_path(edition / "sitemap.xml")
            suffix = f"{edition.name}/"
            if path.endswith(suffix):
                return path[: -len(suffix)]
    raise UpdateError(f"{site}: no sitemap.xml, so the address it was built for is unknown")


# --- releases ------------------------------------------------------------------------


@dataclass(frozen=True)
class Home:
    """The folder that holds the releases and the two links."""

    path: Path

    @property
    def releases(self) -> Path:
        return self.path / RELEASES

    @property
    def current(self) -> Path:
        return self.path / CURRENT

    @property
    def previous(self) -> Path:
        return self.path / PREVIOUS

    def target(self, link: Path) -> Path | None:
        """The release a link points to, or None when there is no link."""
        if not link.is_symlink():
            if link.exists():
                raise UpdateError(
                    f"{link} is a folder, not a link: move it out of the way "
                    f"(sudo mv {link} {self.releases}/old) and install again"
                )
            return None
        return (link.parent / os.readlink(link)).resolve()


def release_name(now: float, taken: set[str]) -> str:
    """A name that sorts by time of installation, unique among ``taken``."""
    base = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(now))
    name, number = base, 1
    while name in taken:
        number += 1
        name = f"{base}-{number}"
    return name


def copy_release(site: Path, home: Home, path: str, now: float) -> Path:
    """Copy ``site`` into a new release folder, under ``path`` inside it; return the folder."""
    home.releases.mkdir(parents=True, exist_ok=True)
    taken = {p.name for p in home.releases.iterdir()}
    release = home.releases / release_name(now, taken)
    incoming = home.releases / f".incoming-{release.name}"
    shutil.rmtree(incoming, ignore_errors=True)
    incoming.mkdir()
    incoming.chmod(0o755)  # nginx's workers (www-data) read it
    # Aliases of a mike branch (latest) are links inside the branch: keep them as links.
    shutil.copytree(site, incoming / path.strip("/"), symlinks=True, dirs_exist_ok=True)
    incoming.rename(release)  # a release appears whole or not at all
    return release


def switch(link: Path, release: Path) -> None:
    """Point ``link`` at ``release`` with one rename, which no reader can see half done."""
    staged = link.with_name(f".{link.name}.new")
    staged.unlink(missing_ok=True)
    staged.symlink_to(os.path.relpath(release, link.parent))
    os.replace(staged, link)


# --- nginx ---------------------------------------------------------------------------


def load_csp() -> ModuleType:
    spec = importlib.util.spec_from_file_location("offentligai_csp", CSP_SCRIPT)
    if spec is None or spec.loader is None:
        raise UpdateError(f"{CSP_SCRIPT} is missing: run this script from the project's folder")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_policy(csp_file: Path, releases: list[Path]) -> str | None:
    """Write the policy that allows the scripts of every release; return the old file's text."""
    csp = load_csp()
    hashes = sorted({h for release in releases for h in csp.site_hashes(release)})
    old = csp_file.read_text(encoding="utf-8") if csp_file.is_file() else None
    csp_file.parent.mkdir(parents=True, exist_ok=True)
    csp_file.write_text(csp.nginx_include(csp.policy(hashes)), encoding="utf-8")
    return old


def run_nginx(nginx: str, *args: str) -> None:
    try:
        result = subprocess.run([nginx, *args], capture_output=True, text=True)
    except FileNotFoundError:
        raise UpdateError(f"'{nginx}' not found: install nginx (apt-get install nginx)") from None
    if result.returncode != 0:
        raise UpdateError(f"{nginx} {' '.join(args)} failed:\n{result.stderr.strip()}")


def master_pid(nginx: str) -> int | None:
    """The pid of the running nginx master, from the pid file its configuration names."""
    result = subprocess.run([nginx, "-T"], capture_output=True, text=True)
    match = re.search(r"^\s*pid\s+([^;\s]+)\s*;", result.stdout, re.M)
    pid_file = Path(match.group(1) if match else DEFAULT_PID_FILE)
    try:
        return int(pid_file.read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return None


def children(pid: int, proc: Path = Path("/proc")) -> set[int]:
    """The processes whose parent is ``pid`` (nginx's workers, for its master)."""
    found = set()
    for stat in proc.glob("[0-9]*/stat"):
        try:
            fields = stat.read_text(encoding="ascii", errors="replace").rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        if fields[1] == str(pid):  # fields after the name: state, parent pid, …
            found.add(int(stat.parent.name))
    return found


def reload(nginx: str, timeout: float = 10.0) -> None:
    """``nginx -s reload``, and wait until new workers serve: the signal returns at once, and
    the link may change only once the new policy is in force."""
    master = master_pid(nginx)
    if master is None:
        raise UpdateError("nginx is not running: start it (sudo systemctl start nginx) and run this again")
    before = children(master)
    run_nginx(nginx, "-s", "reload")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if children(master) - before:
            time.sleep(0.2)  # the master tells the old workers to stop right after
            return
        time.sleep(0.05)
    raise UpdateError(f"nginx started no new workers within {timeout:.0f} s of the reload: see its error log")


def activate(home: Home, csp_file: Path, nginx: str, new: Path, old: Path | None) -> None:
    """Steps 2 to 5: policy for both, nginx -t, reload, switch the links."""
    previous_policy = write_policy(csp_file, [r for r in (old, new) if r is not None])
    try:
        run_nginx(nginx, "-t")
    except UpdateError:
        if previous_policy is None:
            csp_file.unlink()
        else:
            csp_file.write_text(previous_policy, encoding="utf-8")
        raise
    reload(nginx)
    switch(home.current, new)
    if old is not None:
        switch(home.previous, old)


# --- commands ------------------------------------------------------------------------


def install(site: Path, home: Home, csp_file: Path, nginx: str, now: float | None = None) -> Path:
    path = site_path(site)
    old = home.target(home.current)
    release = copy_release(site, home, path, time.time() if now is None else now)
    print(f"copied {site} to {release} (site address path {path})")
    try:
        activate(home, csp_file, nginx, release, old)
    except UpdateError:
        shutil.rmtree(release)
        raise
    return release


def rollback(home: Home, csp_file: Path, nginx: str) -> Path:
    current, previous = home.target(home.current), home.target(home.previous)
    if previous is None or not previous.is_dir():
        raise UpdateError(f"{home.previous}: no previous release to go back to")
    activate(home, csp_file, nginx, previous, current)
    return previous


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["install", "rollback"])
    parser.add_argument("site", type=Path, nargs="?", help="install: the built site (site/) or mike branch")
    parser.add_argument("--home", type=Path, required=True, help="folder of the releases (/srv/offentligai)")
    parser.add_argument(
        "--csp", type=Path, required=True, help="the policy include (/etc/nginx/offentligai/csp.conf)"
    )
    parser.add_argument("--nginx", default="nginx", help="the nginx command (default: nginx)")
    args = parser.parse_args(argv)
    if (args.command == "install") != (args.site is not None):
        parser.error("install needs the folder of the built site; rollback takes none")
    home = Home(args.home)
    try:
        if args.command == "install":
            release = install(args.site, home, args.csp, args.nginx)
        else:
            release = rollback(home, args.csp, args.nginx)
    except UpdateError as error:
        print(f"update.py: {error}", file=sys.stderr)
        return 1
    print(f"{home.current} -> {release.name}: nginx serves it")
    return 0


if __name__ == "__main__":
    sys.exit(main())
