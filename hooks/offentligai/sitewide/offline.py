"""The offline profile (``mkdocs.offline.yml``): a site that works opened from ``file://``.

A browser cannot fetch files from ``file://``, so Material loads the search index as a
script (``search/search_index.js``, which defines ``__index``) and runs its search worker
in an iframe through the iframe-worker shim. Two things need our help:

1. Material's offline plugin writes ``search/search_index.js`` from the merged index of
   both languages, before ``search_index`` splits it; the page of each language loads
   ``<prefix>search/search_index.js`` (see ``material_patches``), so each language's own
   index is written as a script next to its ``search_index.json``.
2. The offline plugin points the shim at unpkg, which an intranet cannot reach. The
   profile names a local copy in ``extra.polyfills`` (``POLYFILL``); we copy the file
   that npm installed (``package.json``) to that address, with its licence.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ..errors import ContentError, Problem
from ..languages import LANGUAGES
from .search_index import index_path

# Where the shim is published; mkdocs.offline.yml lists this path in extra.polyfills (the
# offline plugin adds unpkg's copy unless a polyfill's address contains "iframe-worker").
POLYFILL = "assets/javascripts/vendor/iframe-worker/shim.js"
# What npm installs (package.json devDependencies: iframe-worker).
SHIM_PACKAGE = Path("node_modules") / "iframe-worker"
SHIM_FILES = {"shim/index.js": "shim.js", "LICENSE": "LICENSE"}


def search_script(index_json: str) -> str:
    """The script form of a search index, as Material's offline plugin writes it."""
    return f"var __index = {index_json}"


def write_search_scripts(site: Path) -> list[Path]:
    """Write ``search_index.js`` beside each language's ``search_index.json``; return them."""
    written = []
    for lang in LANGUAGES:
        index = site / index_path(lang)
        if not index.is_file():
            continue  # a single-language build (BUILD_ONLY_LOCALE)
        script = index.with_suffix(".js")
        script.write_text(search_script(index.read_text(encoding="utf-8")), encoding="utf-8")
        written.append(script)
    return written


def copy_shim(root: Path, site: Path) -> list[Path]:
    """Copy the iframe-worker shim and its licence from node_modules into the site."""
    package = root / SHIM_PACKAGE
    missing = [name for name in SHIM_FILES if not (package / name).is_file()]
    if missing:
        raise ContentError(
            [
                Problem(
                    (package / name).as_posix(),
                    "",
                    "",
                    "is missing: run `npm ci` (make offline does) to install iframe-worker",
                )
                for name in missing
            ]
        )
    target_dir = (site / POLYFILL).parent
    target_dir.mkdir(parents=True, exist_ok=True)
    copied = []
    for source, target in SHIM_FILES.items():
        copied.append(Path(shutil.copyfile(package / source, target_dir / target)))
    return copied


def finish(root: Path, site: Path) -> None:
    """Everything the offline site needs after the build: search scripts and the shim."""
    write_search_scripts(site)
    copy_shim(root, site)
