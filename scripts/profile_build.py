"""Profile a strict build of the site: the functions that take the most time of their own.

Runs ``mkdocs build --strict`` (both languages) in this process under cProfile, into a
temporary folder, and writes the top functions by own time (``tottime``), then the same
functions by cumulative time, to ``build/profile.txt``. Under cProfile a build takes about
twice as long as without it: read the shares, not the seconds.

    python -m scripts.profile_build              # what `make profile` runs
    python -m scripts.profile_build --rebuild    # the second build in one process, as `make serve` rebuilds
    python -m scripts.profile_build --top 60 --out build/profile-main.txt
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def profiled_build(
    config_file: Path, site_dir: Path, rebuild: bool = False
) -> tuple[cProfile.Profile, float]:
    """A strict build of ``config_file`` into ``site_dir`` under cProfile, and its wall time.

    With ``rebuild``, a first build runs unprofiled and the second is profiled: what a
    ``mkdocs serve`` rebuild does (templates compiled and stored work reused in the process).
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    if rebuild:
        from offentligai.sitewide.conversions import STORE

        STORE.serving = True  # as `mkdocs serve` sets it (hooks/rendering_hooks.py)
        build(load_config(str(config_file), site_dir=str(site_dir), strict=True))
    profile = cProfile.Profile()
    started = time.perf_counter()
    profile.enable()
    config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
    build(config)
    profile.disable()
    return profile, time.perf_counter() - started


def report(profile: cProfile.Profile, seconds: float, top: int, heading: str = "Strict build") -> str:
    """The profile as text: a heading, then the top functions by own and by cumulative time."""
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out)
    stats.strip_dirs()
    total = stats.total_tt  # type: ignore[attr-defined]
    out.write(f"{heading} of both languages under cProfile: {seconds:.1f} s wall clock, ")
    out.write(f"{total:.1f} s profiled (python -m scripts.profile_build)\n\n")
    out.write(f"== Top {top} functions by own time (tottime) ==\n")
    stats.sort_stats(pstats.SortKey.TIME).print_stats(top)
    out.write(f"\n== Top {top} functions by cumulative time ==\n")
    stats.sort_stats(pstats.SortKey.CUMULATIVE).print_stats(top)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--top", type=int, default=40, help="functions listed (default 40)")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "profile.txt", help="report file")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="the site's mkdocs.yml")
    parser.add_argument("--rebuild", action="store_true", help="profile a second build in the same process")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="profile-site-") as site_dir:
        profile, seconds = profiled_build(args.config.resolve(), Path(site_dir), args.rebuild)
    text = report(
        profile,
        seconds,
        args.top,
        "Strict rebuild (the second in one process)" if args.rebuild else "Strict build",
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print("\n".join(text.splitlines()[:30]))  # the heading and the top functions by own time
    print(f"profile: the whole report is in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
