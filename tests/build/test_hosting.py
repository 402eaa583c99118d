"""docs/om/drift.md, run as printed: its shell blocks against Debian's stock nginx.

Two servers, each a copy of this machine's /etc/nginx (Debian's nginx.conf and its enabled
default site, with only absolute paths and the port changed; see
tests/helpers/debian.py):

- a server of its own: the page's install, the site at the root, two updates while requests
  run without pause (the second as on a server without internet), a rollback, and an update
  that nginx -t stops;
- a shared host: another site on the same server block keeps its own headers, and Offentlig AI
  lives at /ai/ through the page's location block; then editions with mike at /ai/.

Every block of the page is run here or named in NOT_RUN with the reason (checked below).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import debian
from tests.helpers import publishing as support
from tests.helpers.debian import RUN, fetch, page_block

SITE_PATHS = [
    "/",
    "/en/",
    "/guide/",
    "/en/guide/juridik/",
    "/exempel/",
    "/assets/stylesheets/offentligai.css",
]
OTHER_HOST = "intranat.example.se"

# Left out of `make test-fast`: these tests build the whole site five times.
pytestmark = pytest.mark.site


def run_block(server: debian.Server, anchor: str, index: int, cwd: Path, **replace: str) -> str:
    """Run block ``index`` of section ``anchor`` (``replace``: a tag → another tag)."""
    block = page_block(anchor, index)
    assert (anchor, index) in RUN, "list the block in RUN"
    for old, new in replace.items():
        assert old in block, (anchor, index, old)
        block = block.replace(old, new)
    try:
        result = server.run(block, cwd)
        return result.stdout + result.stderr
    except debian.Failed as error:
        pytest.fail(str(error), pytrace=False)


def lang_of(reply: debian.Reply) -> str | None:
    match = re.search(r'<html[^>]*\slang="([a-z]+)"', reply.text)
    return match.group(1) if match else None


def assert_styled_404(server: debian.Server, path: str, lang: str, host: str | None = None) -> debian.Reply:
    """The site's 404 page in ``lang``, whose stylesheet loads from where the page says."""
    reply = fetch(server.url, path, host=host)
    assert (reply.status, lang_of(reply)) == (404, lang), path
    assert "content-security-policy" in reply.headers, path
    stylesheet = re.search(r'<link rel="stylesheet" href="(/[^"]+/main\.[0-9a-f]{8}\.min\.css)"', reply.text)
    assert stylesheet, f"{path}: the 404 page links its stylesheet by an absolute path"
    css = fetch(server.url, stylesheet.group(1), host=host)
    assert (css.status, css.headers["content-type"]) == (200, "text/css; charset=utf-8"), stylesheet.group(1)
    return reply


def marker(tag: str) -> str:
    return f"Testversion {tag}."


def commit_version(origin: Path, work: Path, tag: str) -> None:
    """A new commit tagged ``tag`` on the origin, whose start page says which version it is."""
    for name in ("index.md", "index.en.md"):
        page = work / "docs" / name
        page.write_text(page.read_text(encoding="utf-8") + f"\n{marker(tag)}\n", encoding="utf-8")
    for command in (
        ["git", "commit", "--quiet", "--all", "--message", tag],
        ["git", "tag", tag],
        ["git", "push", "--quiet", "origin", "main", tag],
    ):
        support.run(command, work)


# --- a server of its own -------------------------------------------------------------


@pytest.fixture(scope="module")
def own_server() -> Iterator[tuple[debian.Server, Path]]:
    """Stock Debian nginx with its default site; before the page's install it says "Welcome"."""
    try:
        with debian.debian_server() as server:
            origin, src = server.base / "origin.git", server.base / "src"
            debian.source_checkout(src, server)
            support.run(["git", "clone", "--quiet", "--bare", str(src), str(origin)], server.base)
            support.run(["git", "remote", "add", "origin", str(origin)], src)
            server.start()
            welcome = fetch(server.url, "/")
            assert welcome.status == 200 and "Welcome to nginx!" in welcome.text
            run_block(server, "nginx", 0, src)
            yield server, src
    except debian.Failed as error:
        pytest.fail(str(error), pytrace=False)


def test_the_install_serves_the_site_instead_of_debians_welcome_page(own_server):
    server, _ = own_server
    for path in SITE_PATHS:
        reply = fetch(server.url, path)
        assert reply.status == 200, path
        assert "Welcome to nginx" not in reply.text
    home = fetch(server.url, "/", host="any-name.example")  # the default server for every host name
    assert lang_of(home) == "sv" and "content-security-policy" in home.headers
    assert not (server.etc / "sites-enabled" / "default").exists()


def test_the_install_uses_brotli_and_one_link_to_a_release(own_server):
    server, _ = own_server
    # Off in the repository (not every nginx has the module), on after the page's Debian block.
    assert (
        "    # include offentligai/brotli.conf;"
        in (support.ROOT / "deploy/nginx/offentligai.conf").read_text()
    )
    assert "    include offentligai/brotli.conf;" in (server.etc / "conf.d" / "offentligai.conf").read_text()
    css = fetch(server.url, "/assets/stylesheets/offentligai.css", **{"Accept-Encoding": "br, gzip"})
    assert css.headers.get("content-encoding") == "br"
    current = server.home / "current"
    assert current.is_symlink() and current.resolve().parent == server.home / "releases"


@pytest.mark.parametrize(
    ("path", "lang"),
    [("/missing", "sv"), ("/guide/missing/", "sv"), ("/en/missing", "en"), ("/en/guide/a/b/c/d/e/f/g", "en")],
)
def test_a_missing_address_at_the_root_gets_the_styled_404_page_of_its_language(own_server, path, lang):
    assert_styled_404(own_server[0], path, lang)


def test_two_updates_answer_every_request_and_a_rollback_returns_the_old_release(
    own_server, record_property, capsys
):
    server, src = own_server
    work = server.base / "maintainer"
    support.run(["git", "clone", "--quiet", str(server.base / "origin.git"), str(work)], server.base)
    for tag in ("v2026.2", "v2026.3"):
        commit_version(server.base / "origin.git", work, tag)
    first = server.current_release()
    air_gapped = server.base / "air-gapped"
    air_gapped.mkdir()
    with debian.Load(server.url, SITE_PATHS) as load:
        # The first update on the server itself: build, then install.
        run_block(server, "update", 0, src)
        run_block(server, "update", 1, src)
        second = server.current_release()
        assert marker("v2026.2") in fetch(server.url, "/").text
        # The second built on a connected machine, copied, and installed with plain python3.
        run_block(server, "update", 0, src, **{"v2026.2": "v2026.3"})
        run_block(server, "air-gapped", 0, src)
        shutil.copy2(src / "offentligai-site.tar.gz", air_gapped)
        run_block(server, "air-gapped", 1, air_gapped)
        third = server.current_release()
        assert marker("v2026.3") in fetch(server.url, "/").text
        run_block(server, "update", 2, src)  # rollback
        assert server.current_release() == second
    assert len({first, second, third}) == 3
    assert sorted(p.name for p in (server.home / "releases").iterdir()) == sorted(
        p.name for p in (first, second, third)
    )
    assert marker("v2026.2") in fetch(server.url, "/").text
    assert (server.home / "previous").resolve() == third
    record_property("requests_during_updates", load.ok)
    with capsys.disabled():
        print(
            f"\nupdates: {load.ok} requests answered 200, {len(load.failures)} failed (2 updates, 1 rollback)"
        )
    assert not load.failures, load.failures[:10]
    assert load.ok > 200, load.ok


def test_an_update_that_nginx_t_refuses_changes_nothing(own_server):
    """Debian's default site back in place: nginx -t fails, and the old release stays."""
    server, src = own_server
    before = server.current_release()
    releases = sorted(p.name for p in (server.home / "releases").iterdir())
    policy = (server.etc / "offentligai" / "csp.conf").read_text(encoding="utf-8")
    default = server.etc / "sites-enabled" / "default"
    default.symlink_to(server.etc / "sites-available" / "default")
    try:
        with pytest.raises(debian.Failed, match="duplicate default server"):
            server.run(page_block("update", 1), src)
    finally:
        default.unlink()
    assert server.current_release() == before
    assert sorted(p.name for p in (server.home / "releases").iterdir()) == releases
    assert (server.etc / "offentligai" / "csp.conf").read_text(encoding="utf-8") == policy
    assert fetch(server.url, "/").status == 200


# --- a shared host -------------------------------------------------------------------

OTHER_SITE = """server {{
    listen 127.0.0.1:{port};
    server_name {host};
    root {root};
    add_header X-Intranat "egen" always;

    location / {{
        try_files $uri $uri/ =404;
    }}
    location ~* \\.(?:css|js)$ {{
        add_header X-Intranat-Static "ja" always;
    }}
#OFFENTLIGAI#
}}
"""


@pytest.fixture(scope="module")
def shared_host() -> Iterator[tuple[debian.Server, Path]]:
    """Another site with its own headers on a server block; Offentlig AI added at /ai/."""
    try:
        with debian.debian_server() as server:
            src = debian.source_checkout(server.base / "src", server)
            origin = server.base / "origin.git"
            support.run(["git", "init", "--quiet", "--bare", str(origin)], server.base)
            support.run(["git", "remote", "add", "origin", str(origin)], src)
            other = server.base / "var" / "www" / "intranat"
            other.mkdir(parents=True)
            (other / "index.html").write_text("<p>Intranätet</p>\n", encoding="utf-8")
            (other / "style.css").write_text("p { color: black; }\n", encoding="utf-8")
            site_file = server.etc / "sites-available" / "intranat"
            text = OTHER_SITE.format(port=server.port, host=OTHER_HOST, root=other)
            site_file.write_text(text, encoding="utf-8")
            (server.etc / "sites-enabled" / "intranat").symlink_to(site_file)
            server.start()
            run_block(server, "shared-host", 0, src)
            location = page_block("shared-host", 0, "nginx")
            indented = "".join(f"    {line}\n" for line in server.localise(location).splitlines())
            site_file.write_text(text.replace("#OFFENTLIGAI#\n", indented), encoding="utf-8")
            run_block(server, "shared-host", 1, src)
            yield server, src
    except debian.Failed as error:
        pytest.fail(str(error), pytrace=False)


def test_the_site_lives_at_ai_with_its_headers_and_the_other_site_keeps_its_own(shared_host):
    server, _ = shared_host
    ours = fetch(server.url, "/ai/", host=OTHER_HOST)
    assert ours.status == 200 and lang_of(ours) == "sv"
    assert "content-security-policy" in ours.headers and "x-intranat" not in ours.headers
    # "^~": the other site's rule for *.css does not reach our stylesheets.
    css = fetch(server.url, "/ai/assets/stylesheets/offentligai.css", host=OTHER_HOST)
    assert css.status == 200 and "x-intranat-static" not in css.headers
    assert css.headers["cache-control"] == "no-cache" and "content-security-policy" in css.headers
    theirs = fetch(server.url, "/", host=OTHER_HOST)
    assert theirs.text == "<p>Intranätet</p>\n" and theirs.headers["x-intranat"] == "egen"
    assert "content-security-policy" not in theirs.headers and "x-content-type-options" not in theirs.headers
    assert fetch(server.url, "/style.css", host=OTHER_HOST).headers["x-intranat-static"] == "ja"
    missing = fetch(server.url, "/missing", host=OTHER_HOST)  # the other site's own 404
    assert missing.status == 404 and "content-security-policy" not in missing.headers
    # Debian's default site answers other host names, untouched.
    assert "Welcome to nginx!" in fetch(server.url, "/", host="other.example").text


@pytest.mark.parametrize(
    ("path", "lang"),
    [
        ("/ai/missing", "sv"),
        ("/ai/guide/missing/", "sv"),
        ("/ai/en/missing", "en"),
        ("/ai/en/guide/a/b/c", "en"),
    ],
)
def test_a_missing_address_under_ai_gets_the_styled_404_page_of_its_language(shared_host, path, lang):
    assert_styled_404(shared_host[0], path, lang, host=OTHER_HOST)


@pytest.fixture(scope="module")
def editions(shared_host) -> tuple[debian.Server, Path, str]:
    """An edition published with mike at /ai/ and installed from the local branch."""
    server, src = shared_host
    output = run_block(server, "versions", 0, src)
    run_block(server, "versions", 1, src)
    return server, src, output


def test_an_edition_is_tagged_when_published(editions):
    _, src, output = editions
    assert "publish.py: tag v2026.1 already marks this commit" in output
    assert "nothing changed in commit" not in output


@pytest.mark.parametrize(
    ("path", "lang", "edition"),
    [
        ("/ai/2026.1/en/guide/missing", "en", "2026.1"),
        ("/ai/2026.1/missing", "sv", "2026.1"),
        ("/ai/latest/en/missing", "en", "2026.1"),
        ("/ai/missing", "sv", "2026.1"),  # the branch root has no 404 page: latest's answers
        ("/ai/en/missing", "en", "2026.1"),  # … in English for an English address
    ],
)
def test_a_missing_address_in_an_edition_gets_its_404_page(editions, path, lang, edition):
    server = editions[0]
    reply = assert_styled_404(server, path, lang, host=OTHER_HOST)
    assert f"/ai/{edition}/assets/" in reply.text


def test_an_edition_pushed_from_another_machine_installs_from_the_remote(editions):
    server, src, _ = editions
    before = server.current_release()
    support.run(["git", "push", "--quiet", "origin", "gh-pages"], src)  # `make publish … PUSH=1` elsewhere
    support.run(["git", "update-ref", "-d", "refs/remotes/origin/gh-pages"], src)
    run_block(server, "versions", 2, src)
    after = server.current_release()
    assert after != before and (after / "ai" / "versions.json").is_file()
    assert fetch(server.url, "/ai/latest/en/", host=OTHER_HOST).status == 200
