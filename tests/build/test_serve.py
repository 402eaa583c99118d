"""`make serve`, the README's first command, serves both languages at the root; `make
serve-fast`, for writers, serves the Swedish pages only. (scripts/audit.py times how soon an
edit shows under each.)"""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from tests.helpers import ROOT, free_port

# Left out of `make test-fast`: make serve builds the whole site.
pytestmark = pytest.mark.site


def _status(url: str) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


@pytest.mark.parametrize(
    ("target", "served", "not_served"),
    [
        ("serve", ["", "en/", "guide/juridik/", "en/exempel/", "data/examples.json"], []),
        ("serve-fast", ["", "guide/juridik/", "exempel/", "data/examples.json"], ["en/", "en/exempel/"]),
    ],
)
def test_make_serve_serves_the_site_at_the_root(target, served, not_served):
    port = free_port()
    process = subprocess.Popen(
        ["make", "--no-print-directory", target, f"PORT={port}"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # so that make and mkdocs stop together
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and _status(base) != 200:
            assert process.poll() is None, f"make {target} stopped"
            time.sleep(1)
        for path in served:
            assert _status(base + path) == 200, path
        for path in not_served:
            assert _status(base + path) == 404, path
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
