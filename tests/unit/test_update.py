"""deploy/update.py without nginx: where a built site belongs, release names, links.

The whole update, with nginx -t and reloads, runs against Debian's nginx in
tests/build/test_hosting.py.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from deploy import update
from tests.helpers import ROOT

SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{}
</urlset>
"""


def write(path: Path, text: str = "x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def built_site(folder: Path, *locations: str) -> Path:
    write(folder / "index.html")
    urls = "\n".join(f"<url><loc>{loc}</loc></url>" for loc in locations)
    write(folder / "sitemap.xml", SITEMAP.format(urls))
    return folder


@pytest.mark.parametrize(
    ("locations", "path"),
    [
        (["https://intranat.example.se/guide/", "https://intranat.example.se/"], "/"),
        (["https://intranat.example.se/ai/en/", "https://intranat.example.se/ai/"], "/ai/"),
        (["http://127.0.0.1:8080/a/b/"], "/a/b/"),
    ],
)
def test_a_built_site_belongs_at_the_path_of_its_address(tmp_path, locations, path):
    assert update.site_path(built_site(tmp_path / "site", *locations)) == path


def test_a_mike_branch_belongs_at_its_editions_address_without_the_edition(tmp_path):
    branch = tmp_path / "branch"
    write(branch / "index.html")
    write(branch / "versions.json", "[]")
    built_site(
        branch / "2026.1",
        "https://intranat.example.se/ai/2026.1/en/",
        "https://intranat.example.se/ai/2026.1/",
    )
    (branch / "latest").symlink_to("2026.1")
    assert update.site_path(branch) == "/ai/"


def test_a_folder_that_is_no_built_site_is_refused(tmp_path):
    with pytest.raises(update.UpdateError, match="no index.html; build the site first"):
        update.site_path(tmp_path)
    write(tmp_path / "index.html")
    with pytest.raises(update.UpdateError, match="no sitemap.xml"):
        update.site_path(tmp_path)
    write(tmp_path / "sitemap.xml", "<urlset")
    with pytest.raises(update.UpdateError, match="cannot read the sitemap"):
        update.site_path(tmp_path)


def test_release_names_sort_by_time_and_never_repeat():
    assert update.release_name(1_796_256_000, set()) == "20261203T000000Z"
    assert update.release_name(1_796_256_000, {"20261203T000000Z"}) == "20261203T000000Z-2"
    assert (
        update.release_name(1_796_256_000, {"20261203T000000Z", "20261203T000000Z-2"}) == "20261203T000000Z-3"
    )


def test_a_release_holds_the_site_under_its_sub_path_and_keeps_links(tmp_path):
    site = built_site(tmp_path / "site", "https://intranat.example.se/ai/")
    write(site / "2026.1" / "page.html")
    (site / "latest").symlink_to("2026.1")
    home = update.Home(tmp_path / "srv")
    release = update.copy_release(site, home, "/ai/", 1_796_256_000)
    assert release == home.releases / "20261203T000000Z"
    assert (release / "ai" / "index.html").is_file()
    assert os.readlink(release / "ai" / "latest") == "2026.1"
    assert [p.name for p in home.releases.iterdir()] == [release.name]  # nothing half copied left
    assert release.stat().st_mode & 0o755 == 0o755


def test_switching_a_link_replaces_it_in_one_step(tmp_path):
    home = update.Home(tmp_path)
    first, second = home.releases / "a", home.releases / "b"
    first.mkdir(parents=True)
    second.mkdir()
    update.switch(home.current, first)
    assert os.readlink(home.current) == "releases/a"  # relative: the folder may move
    update.switch(home.current, second)
    assert home.target(home.current) == second.resolve()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["current", "releases"]


def test_an_install_of_the_old_kind_is_named_with_what_to_do(tmp_path):
    """The old page installed the site as a folder where the link now goes."""
    home = update.Home(tmp_path)
    home.current.mkdir()
    with pytest.raises(update.UpdateError, match="is a folder, not a link: move it out of the way"):
        home.target(home.current)
    assert home.target(home.previous) is None


def test_a_rollback_needs_a_previous_release(tmp_path, capsys):
    args = ["rollback", "--home", str(tmp_path), "--csp", str(tmp_path / "csp.conf")]
    assert update.main(args) == 1
    assert "no previous release to go back to" in capsys.readouterr().err


def test_the_script_runs_with_plain_python3_and_says_what_it_needs(tmp_path):
    script = ROOT / "deploy" / "update.py"
    assert script.read_text(encoding="utf-8").startswith("#!/usr/bin/env python3\n")
    assert os.access(script, os.X_OK)
    result = subprocess.run(
        ["/usr/bin/python3", "-S", "-I", str(script), "install", "--home", "h", "--csp", "c"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "install needs the folder of the built site" in result.stderr


def test_the_children_of_a_process_are_read_from_proc():
    with subprocess.Popen(["sleep", "30"]) as child:
        try:
            assert child.pid in update.children(os.getpid())
            assert child.pid not in update.children(child.pid)
        finally:
            child.kill()
