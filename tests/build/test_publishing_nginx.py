"""The built site served by a real nginx with deploy/nginx/: headers, compression, caching,
404 pages per language, redirects, a sub-path, and a bounded load test on loopback."""

from __future__ import annotations

import http.client
import statistics
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

from deploy.nginx import serve
from scripts import csp
from tests.helpers.publishing import fetch, lang_of

YEAR = "public, max-age=31536000, immutable"
LOAD_SECONDS = 10.0
LOAD_CONNECTIONS = 16


@pytest.fixture(scope="module")
def nginx(site, tmp_path_factory) -> Iterator[serve.Server]:
    try:
        with serve.running(site.root, tmp_path_factory.mktemp("nginx")) as server:
            yield server
    except RuntimeError as error:
        pytest.fail(str(error), pytrace=False)


# --- headers -------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/en/guide/", "/assets/stylesheets/offentligai.css", "/missing/"])
def test_every_response_carries_the_security_headers(nginx, site, path):
    reply = fetch(nginx.url, path)
    assert reply.headers["content-security-policy"] == csp.policy(csp.site_hashes(site.root))
    assert "frame-ancestors 'self'" in reply.headers["content-security-policy"]
    assert reply.headers["x-content-type-options"] == "nosniff"
    assert reply.headers["referrer-policy"] == "same-origin"
    assert "camera=()" in reply.headers["permissions-policy"]
    assert reply.headers["cross-origin-opener-policy"] == "same-origin"
    assert reply.headers["server"] == "nginx"  # no version number


def test_the_policy_needs_no_unsafe_source(nginx):
    policy = fetch(nginx.url, "/").headers["content-security-policy"]
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "default-src 'none'" in policy


# --- compression and caching ---------------------------------------------------------


def _bundle_path(site) -> str:
    (bundle,) = (site.root / "assets" / "javascripts").glob("bundle.*.min.js")
    return "/" + bundle.relative_to(site.root).as_posix()


def test_text_is_gzipped_for_browsers_that_ask(nginx, site):
    for path in ("/", _bundle_path(site), "/en/search/search_index.json"):
        plain, gzipped = fetch(nginx.url, path), fetch(nginx.url, path, **{"Accept-Encoding": "gzip"})
        assert gzipped.headers.get("content-encoding") == "gzip", path
        assert "Accept-Encoding" in gzipped.headers["vary"]
        assert len(gzipped.body) < len(plain.body) / 2, path
        assert "content-encoding" not in plain.headers


def test_text_is_brotli_compressed_where_the_module_exists(nginx, site):
    if not nginx.brotli:
        pytest.skip(f"no brotli module at {serve.BROTLI_MODULE}: {serve.APT_LINE}")
    reply = fetch(nginx.url, _bundle_path(site), **{"Accept-Encoding": "br, gzip"})
    assert reply.headers.get("content-encoding") == "br"


@pytest.mark.parametrize(
    ("kind", "path", "expected"),
    [
        ("page", "/en/guide/", "no-cache"),
        ("search index", "/search/search_index.json", "no-cache"),
        ("our stylesheet", "/assets/stylesheets/offentligai.css", "no-cache"),
        ("image", "/assets/images/logo.svg", "public, max-age=86400"),
        ("404 page", "/en/missing/", "no-cache"),
    ],
)
def test_cache_lifetimes(nginx, kind, path, expected):
    assert fetch(nginx.url, path).headers["cache-control"] == expected, kind


def test_fingerprinted_files_are_kept_for_a_year(nginx, site):
    css = next((site.root / "assets" / "stylesheets").glob("main.*.min.css"))
    for path in (_bundle_path(site), "/" + css.relative_to(site.root).as_posix()):
        assert fetch(nginx.url, path).headers["cache-control"] == YEAR, path


def test_pages_are_revalidated_cheaply(nginx):
    etag = fetch(nginx.url, "/om/").headers["etag"]
    assert fetch(nginx.url, "/om/", **{"If-None-Match": etag}).status == 304


# --- addresses -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "lang"),
    [
        ("/missing", "sv"),
        ("/guide/missing/", "sv"),
        ("/guide/a/b/c/d", "sv"),
        ("/en/missing", "en"),
        ("/en/guide/missing/", "en"),
        ("/en/guide/a/b/c/d", "en"),
    ],
)
def test_a_missing_page_gets_the_404_page_of_its_language(nginx, path, lang):
    reply = fetch(nginx.url, path)
    assert reply.status == 404
    assert lang_of(reply.body) == lang


def test_a_site_under_a_sub_path_gets_its_404_pages_too(site, tmp_path):
    www = tmp_path / "www"
    www.mkdir()
    (www / "offentligai").symlink_to(site.root)
    with serve.running(www, tmp_path / "nginx", csp=csp.nginx_include(csp.policy([]))) as server:
        assert fetch(server.url, "/offentligai/").status == 200
        for path, lang in (("/offentligai/en/guide/missing", "en"), ("/offentligai/missing", "sv")):
            reply = fetch(server.url, path)
            assert (reply.status, lang_of(reply.body)) == (404, lang), path


@pytest.mark.parametrize("prefix", ["/", "/en/"])
def test_a_moved_page_leads_to_its_new_address(nginx, prefix):
    reply = fetch(nginx.url, f"{prefix}om/tillganglighetsredogorelse/")
    assert reply.status == 200
    assert b'content="0; url=../tillganglighet/"' in reply.body
    assert fetch(nginx.url, f"{prefix}om/tillganglighet/").status == 200


def test_a_folder_without_slash_redirects_relative_to_the_host_used(nginx):
    reply = fetch(nginx.url, "/guide")
    assert reply.status == 301
    assert reply.headers["location"] == "/guide/"


def test_open_data_is_served_with_its_type(nginx):
    assert fetch(nginx.url, "/data/examples.csv").headers["content-type"] == "text/csv; charset=utf-8"
    assert (
        fetch(nginx.url, "/data/examples.json").headers["content-type"] == "application/json; charset=utf-8"
    )
    types = {
        "/data/catalog.rdf": "application/rdf+xml; charset=utf-8",
        "/data/catalog.ttl": "text/turtle; charset=utf-8",
        "/data/feeds/examples-sv.atom": "application/atom+xml; charset=utf-8",
    }
    for path, expected in types.items():
        reply = fetch(nginx.url, path, **{"Accept-Encoding": "gzip"})
        assert reply.status == 200 and reply.headers["content-type"] == expected, path
        assert reply.headers.get("content-encoding") == "gzip", path


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        (
            "/guide/mallar/ai-policy.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("/en/guide/mallar/ai-policy.odt", "application/vnd.oasis.opendocument.text"),
    ],
)
def test_template_downloads_are_served_with_their_type(nginx, path, content_type):
    """Word and LibreOffice open the guide's templates only when the type is right."""
    reply = fetch(nginx.url, path)
    assert reply.status == 200 and reply.headers["content-type"] == content_type


def test_hidden_files_are_never_served(nginx, site):
    (site.root / ".secret").write_text("x", encoding="utf-8")
    try:
        assert fetch(nginx.url, "/.secret").status == 404
    finally:
        (site.root / ".secret").unlink()


# --- load ----------------------------------------------------------------------------


@dataclass
class Tally:
    ok: int = 0
    errors: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _load_client(base: str, paths: list[str], deadline: float, tally: Tally) -> None:
    """Requests over one keep-alive connection until ``deadline``."""
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    ok, errors, latencies, count = 0, [], [], 0
    while time.monotonic() < deadline:
        path = paths[count % len(paths)]
        count += 1
        started = time.perf_counter()
        try:
            connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
            response = connection.getresponse()
            response.read()
        except (OSError, http.client.HTTPException) as error:
            errors.append(f"{path}: {error!r}")
            connection.close()
            continue
        latencies.append(time.perf_counter() - started)
        if response.status == 200:
            ok += 1
        else:
            errors.append(f"{path}: HTTP {response.status}")
    connection.close()
    with tally.lock:
        tally.ok += ok
        tally.errors += errors
        tally.latencies += latencies


def test_load_on_loopback_has_no_errors(nginx, site, record_property, capsys):
    """A fixed 10 s at 16 concurrent keep-alive connections, only to 127.0.0.1."""
    assert urlsplit(nginx.url).hostname == "127.0.0.1"
    paths = [
        "/",
        "/en/",
        "/guide/",
        "/en/guide/juridik/",
        "/exempel/",
        _bundle_path(site),
        "/search/search_index.json",
    ]
    tally = Tally()
    deadline = time.monotonic() + LOAD_SECONDS
    threads = [
        threading.Thread(target=_load_client, args=(nginx.url, paths, deadline, tally))
        for _ in range(LOAD_CONNECTIONS)
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=LOAD_SECONDS + 10)
    elapsed = time.monotonic() - started
    rate = tally.ok / elapsed
    p99 = (
        statistics.quantiles(tally.latencies, n=100)[98] * 1000
        if len(tally.latencies) > 100
        else float("nan")
    )
    record_property("requests_per_second", round(rate))
    with capsys.disabled():
        print(
            f"\nload test: {tally.ok} requests in {elapsed:.1f} s = {rate:.0f} requests/s, "
            f"{len(tally.errors)} errors, p99 {p99:.1f} ms ({LOAD_CONNECTIONS} connections, gzip)"
        )
    assert not tally.errors, tally.errors[:10]
    assert rate > 100, f"{rate:.0f} requests/s"
