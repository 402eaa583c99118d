#!/usr/bin/env python3
"""Build the offline edition of the site and pack it into one zip file.

    python scripts/offline_bundle.py                         # build/offentligai-offline.zip
    python scripts/offline_bundle.py --output x.zip --site-dir build/offline

The site is built strictly with the offline profile (mkdocs.offline.yml: no directory
URLs, search indexes as scripts, a local iframe-worker shim), so that it works when
opened from the file system: unzip it anywhere and open ``offentligai/index.html``.
The whole guide and the trust model's questions go in as PDF too (scripts/pdf.py, which needs
Debian's Chromium). The zip is reproducible: entries are sorted and dated SOURCE_DATE_EPOCH (or
2026-01-01).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PROFILE = ROOT / "mkdocs.offline.yml"
STRINGS = ROOT / "data" / "strings" / "publishing.yml"
TOP = "offentligai"  # the folder the zip unpacks to
DEFAULT_EPOCH = 1767225600  # 2026-01-01T00:00:00Z


def build(site_dir: Path) -> subprocess.CompletedProcess:
    """Run the strict MkDocs build of the offline profile into ``site_dir``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "VERSION_PROVIDER": ""}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--clean",
            "-f",
            str(PROFILE),
            "-d",
            str(site_dir),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


def make_pdfs(site_dir: Path) -> subprocess.CompletedProcess:
    """Print the built offline site's print documents to PDF (scripts/pdf.py)."""
    return subprocess.run(
        [sys.executable, "-m", "scripts.pdf", "--site-dir", str(site_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def readme(strings: dict[str, dict[str, str]]) -> str:
    """The bilingual README.txt at the top of the zip: how to open the site."""
    lines = [strings["publishing_offline_readme"][lang] for lang in ("sv", "en")]
    return "\n\n".join(line.strip() for line in lines) + "\n"


def pack(site_dir: Path, zip_path: Path, readme_text: str, epoch: int) -> int:
    """Write ``site_dir`` as ``offentligai/…`` plus README.txt into ``zip_path``; return its size."""
    stamp = time.gmtime(max(epoch, 315532800))[:6]  # the zip format starts in 1980
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in site_dir.rglob("*") if p.is_file())
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(_entry("README.txt", stamp), readme_text)
        for path in files:
            name = f"{TOP}/{path.relative_to(site_dir).as_posix()}"
            archive.writestr(_entry(name, stamp), path.read_bytes())
    return zip_path.stat().st_size


def _entry(name: str, stamp: tuple[int, ...]) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=stamp)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def human_size(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "build" / "offentligai-offline.zip")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "build" / "offline")
    args = parser.parse_args(argv)

    result = build(args.site_dir)
    if result.returncode != 0:
        print(result.stdout + result.stderr, file=sys.stderr)
        print("offline_bundle.py: the strict build of mkdocs.offline.yml failed", file=sys.stderr)
        return 1
    pdfs = make_pdfs(args.site_dir)
    if pdfs.returncode != 0:
        print(pdfs.stdout + pdfs.stderr, file=sys.stderr)
        print("offline_bundle.py: making the PDFs failed (scripts/pdf.py)", file=sys.stderr)
        return 1
    strings = yaml.safe_load(STRINGS.read_text(encoding="utf-8"))
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", DEFAULT_EPOCH))
    size = pack(args.site_dir, args.output, readme(strings), epoch)
    print(f"wrote {args.output} ({human_size(size)}): unzip it and open {TOP}/index.html")
    return 0


if __name__ == "__main__":
    sys.exit(main())
