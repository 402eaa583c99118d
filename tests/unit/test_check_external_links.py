"""scripts/check_external_links.py: finding links, checking them and reporting without failing."""

from __future__ import annotations

import http.server
import io
import ssl
import threading
import urllib.error
from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts import check_external_links as links
from scripts.check_external_links import Location, Result

# ---------------------------------------------------------------------------
# Finding links
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "url"),
    [
        ("https://imy.se/ai).", "https://imy.se/ai"),
        (
            "https://en.wikipedia.org/wiki/Gartner_(company))",
            "https://en.wikipedia.org/wiki/Gartner_(company)",
        ),
        ("https://www.digg.se/datalagen,", "https://www.digg.se/datalagen"),
        ("https://example.org/a?b=c;", "https://example.org/a?b=c"),
        ("https://x.se/sida”", "https://x.se/sida"),
        ("https://x.se/sida_", "https://x.se/sida"),
    ],
)
def test_clean_url_strips_the_surrounding_punctuation(raw, url):
    assert links.clean_url(raw) == url


def test_extract_urls_finds_markdown_links_bare_urls_and_yaml_values_with_line_numbers():
    text = (
        "---\n"
        "sources:\n"
        "  - url: https://rkrattsbaser.gov.se/sfst?bet=2017:900\n"
        "---\n"
        "Se [förvaltningslagen](https://lagen.nu/2017:900#P28) och https://imy.se/ai.\n"
        "| a | https://www.digg.se/x | b |\n"
        "En länk till [en sida](../guide/data.md) och [[repo_url]]/issues räknas inte.\n"
    )
    assert links.extract_urls(text) == [
        (3, "https://rkrattsbaser.gov.se/sfst?bet=2017:900"),
        (5, "https://lagen.nu/2017:900#P28"),
        (5, "https://imy.se/ai"),
        (6, "https://www.digg.se/x"),
    ]


def test_collect_groups_places_by_address_without_fragment_and_skips_reserved_hosts(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(
        "[x](https://lagen.nu/2017:900#P28)\nhttp://127.0.0.1:8000/\nhttps://example.org/\n", encoding="utf-8"
    )
    (tmp_path / "docs" / "b.en.md").write_text("\n\n[y](https://lagen.nu/2017:900)\n", encoding="utf-8")
    (tmp_path / "docs" / "image.svg").write_text("https://www.w3.org/2000/svg", encoding="utf-8")

    found = links.collect(links.source_files([tmp_path / "docs"]), tmp_path)

    assert found == {
        "https://lagen.nu/2017:900": [Location("docs/a.md", 1), Location("docs/b.en.md", 3)],
    }


# ---------------------------------------------------------------------------
# Checking links
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (200, "ok"),
        (301, "ok"),
        (404, "broken"),
        (410, "broken"),
        (500, "broken"),
        (403, "unverified"),
        (429, "unverified"),
    ],
)
def test_classify_statuses(status, kind):
    assert links.classify(status)[0] == kind


def test_classify_network_errors():
    assert links.classify(None, urllib.error.URLError(OSError("Name or service not known")))[0] == "broken"
    assert links.classify(None, TimeoutError("timed out")) == ("broken", "no answer (timeout)")
    certificate = urllib.error.URLError(ssl.SSLCertVerificationError("unable to get local issuer"))
    assert links.classify(None, certificate)[0] == "unverified"


def test_check_url_retries_once_and_reports_the_second_answer():
    answers = iter([503, 200])
    calls = []

    def fetch(url, timeout):
        calls.append(url)
        return next(answers)

    assert links.check_url("https://x.se/", 1, fetch, pause=0) == Result("https://x.se/", "ok", "200")
    assert len(calls) == 2


def test_check_url_gives_up_after_two_tries():
    calls = []

    def fetch(url, timeout):
        calls.append(url)
        raise urllib.error.URLError(OSError("Name or service not known"))

    result = links.check_url("https://gone.invalid/", 1, fetch, pause=0)
    assert result.kind == "broken" and "Name or service not known" in result.detail
    assert len(calls) == 2


# ---------------------------------------------------------------------------
# Reporting
# ---------------------------------------------------------------------------


def test_report_and_annotations_name_every_place_of_a_broken_link():
    where = {
        "https://a.se/gone": [Location("docs/guide/data.md", 12), Location("docs/guide/data.en.md", 12)],
        "https://b.se/robots": [Location("data/glossary.yml", 3)],
        "https://c.se/": [Location("docs/index.md", 1)],
    }
    results = [
        Result("https://a.se/gone", "broken", "404"),
        Result("https://b.se/robots", "unverified", "403 (the server refuses automated requests)"),
        Result("https://c.se/", "ok", "200"),
    ]

    text = links.report(results, where)

    assert "Checked 3 addresses: 1 answered, 1 broken, 1 could not be verified." in text
    assert "| https://a.se/gone | 404 | docs/guide/data.en.md:12, docs/guide/data.md:12 |" in text
    assert "## Could not be verified (1)" in text
    assert "https://c.se/" not in text
    assert links.annotations(results, where) == [
        "::warning file=docs/guide/data.en.md,line=12,title=Broken link::https://a.se/gone answered 404",
        "::warning file=docs/guide/data.md,line=12,title=Broken link::https://a.se/gone answered 404",
    ]


# ---------------------------------------------------------------------------
# The whole command against a local web server
# ---------------------------------------------------------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    user_agents: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (name required by BaseHTTPRequestHandler)
        type(self).user_agents.append(self.headers.get("User-Agent", ""))
        status = {"/ok": 200, "/gone": 404, "/moved": 301}.get(self.path, 500)
        self.send_response(status)
        if status == 301:
            self.send_header("Location", "/ok")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_run_reports_broken_links_in_the_summary_and_as_warnings_and_still_exits_0(tmp_path, server):
    page = tmp_path / "docs" / "sida.md"
    page.parent.mkdir()
    page.write_text(f"[a]({server}/ok)\n[b]({server}/gone)\n[c]({server}/moved)\n", encoding="utf-8")
    summary = tmp_path / "summary.md"
    out = io.StringIO()

    status = links.run(
        [tmp_path / "docs"],
        tmp_path,
        timeout=5,
        workers=2,
        out=out,
        summary=summary,
        annotate=True,
        skip_hosts=frozenset(),
    )

    assert status == 0
    assert f"| {server}/gone | 404 | docs/sida.md:2 |" in summary.read_text(encoding="utf-8")
    assert (
        f"::warning file=docs/sida.md,line=2,title=Broken link::{server}/gone answered 404" in out.getvalue()
    )
    assert "1 broken" in out.getvalue() and "2 answered" in out.getvalue()
    assert all("OffentligAI-linkcheck" in agent for agent in _Handler.user_agents)


def test_main_rejects_a_missing_path(capsys):
    with pytest.raises(SystemExit) as exit_info:
        links.main([str(Path("no/such/folder"))])
    assert exit_info.value.code == 2
    assert "no such file or folder" in capsys.readouterr().err
