"""How every tool of the project starts Debian's Chromium: the browser tests, the benchmark and
the audit's Lighthouse runs (scripts/lighthouse_runs.mjs gets the flags in its job file)."""

from __future__ import annotations

EXECUTABLE = "/usr/bin/chromium"
# No sandbox (CI runs as root), and none of Chromium's own traffic to Google, which the
# project's machines refuse (it would fill the logs and slow every start).
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
]
# chrome-launcher (Lighthouse) starts the browser itself and needs headless set explicitly.
LIGHTHOUSE_FLAGS = ["--headless=new", *ARGS]
