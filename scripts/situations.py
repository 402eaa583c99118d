#!/usr/bin/env python3
"""List the site's dated boxes (`!!! situation "YYYY-MM-DD"`) and find the stale ones.

    python scripts/situations.py              # every box: date, page:line, first words
    python scripts/situations.py --check      # only boxes older than six months; exit 1 if any

A dated box holds a statement about a situation that moves (a bill not yet passed, an
authority not yet appointed). Six months after its date someone must check it again and
either update the text and the date or remove the box. `--today YYYY-MM-DD` checks as of
another day. A box with a bad date is reported as one line per problem, exit 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from offentligai.errors import ContentError
from offentligai.guide import situations

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="the docs folder (default: docs/)")
    parser.add_argument("--check", action="store_true", help="list only stale boxes; exit 1 if there are any")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today(), help="YYYY-MM-DD")
    parser.add_argument("--months", type=int, default=situations.STALE_AFTER_MONTHS, help="default: 6")
    args = parser.parse_args(argv)

    try:
        boxes = situations.collect(args.docs, args.today, relative_to=Path.cwd())
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 2
    old = situations.stale(boxes, args.today, args.months)
    shown = old if args.check else boxes
    for box in shown:
        print(situations.row(box))
    limit = situations.stale_before(args.today, args.months).isoformat()
    if args.check:
        if old:
            print(
                f"{len(old)} dated box(es) older than {limit}: check them and update the date.",
                file=sys.stderr,
            )
            return 1
        print(f"No dated box is older than {limit} ({len(boxes)} boxes).", file=sys.stderr)
        return 0
    print(f"{len(boxes)} dated boxes, {len(old)} older than {limit}.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
