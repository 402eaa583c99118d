"""Time how soon `make serve` shows an edit of a guide page: the median of five edits.

Starts `make serve` (both languages, strict) in a temporary copy of the repository, adds a
line to docs/guide/juridik.md five times and times each edit from saving the file until the
served page contains the new line; also the CPU time the server used meanwhile (the rebuild,
and the file watcher's polling), and the machine's load before and after, since the machine
may be shared. The timing is scripts/audit.py's, which `make audit` runs too.

    python -m scripts.serve_rebuild                  # make serve, five edits
    python -m scripts.serve_rebuild --target serve-fast --edits 3
"""

from __future__ import annotations

import argparse
import os
import sys

from scripts.audit import rebuild_times


def load() -> str:
    """The load averages over 1, 5 and 15 minutes, as uptime prints them."""
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--target", default="serve", help="the make target (default serve)")
    parser.add_argument("--edits", type=int, default=5, help="edits to time (default 5)")
    args = parser.parse_args(argv)
    before = load()
    print(f"serve_rebuild: `make {args.target}`, {args.edits} edits; load average: {before}", flush=True)
    found = rebuild_times(args.target, args.edits)
    runs = ", ".join(f"{value:.2f}" for value in found["runs_s"])
    cpu = ", ".join(f"{value:.2f}" for value in found["cpu_s"])
    print(f"first build: {found['first_build_s']:.1f} s")
    print(f"edit shown after: median {found['median_s']:.2f} s (runs: {runs} s)")
    print(f"CPU time of the server meanwhile: median {found['median_cpu_s']:.2f} s (runs: {cpu} s)")
    print(f"load average before: {before}; after: {load()} (cores: {os.cpu_count()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
