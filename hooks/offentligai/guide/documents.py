"""The guide's templates as editable documents (.docx and .odt), made with pandoc from the page.

A template page marks the part of its Markdown that is the template itself::

    <!-- offentligai:document -->
    ## AI-policy för [organisationens namn] { #policy }
    …
    <!-- offentligai:document-end -->

That part, exactly as the page shows it, is converted by pandoc (shipped by the PyPI package
``pypandoc-binary``) into one file per format and language. Its first heading becomes the
document's title. Conversions are cached on disk under a key made of everything that decides
the output, so a build where the text did not change does not run pandoc. pandoc runs with
``--sandbox``: it reads nothing but its input and never reaches the network.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import posixpath
import re
import subprocess
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from ..errors import ContentError, Problem

START = "<!-- offentligai:document -->"
END = "<!-- offentligai:document-end -->"
# Bump when the conversion changes in a way the key below does not capture.
CONVERTER_VERSION = "1"
_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Inline links and images whose target is not an absolute web address or a mail address.
_RELATIVE_LINK = re.compile(r"\]\((?!https?://|mailto:)([^)\s]*)")
# Language tags written into the documents, so that word processors check the right spelling.
LANGUAGE_TAGS = {"sv": "sv-SE", "en": "en-GB"}


@dataclass(frozen=True)
class Format:
    """One kind of downloadable document."""

    extension: str
    writer: str  # pandoc's name of the output format
    media_type: str
    label_key: str  # the UI string that names the format


FORMATS = (
    Format(
        "docx",
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "doc_format_docx",
    ),
    Format("odt", "odt", "application/vnd.oasis.opendocument.text", "doc_format_odt"),
)


@dataclass(frozen=True)
class Download:
    """A made document: where it goes in the site and how the page links to it."""

    path: str  # site-relative, e.g. "en/guide/mallar/ai-policy.docx"
    href: str  # relative to the page
    format: Format
    size: int  # bytes


# ---------------------------------------------------------------------------
# Reading the page
# ---------------------------------------------------------------------------


def extract(markdown: str, file: str) -> str | None:
    """The template part of a page's Markdown, or None when the page has none.

    A page has at most one template part; its markers stand on lines of their own, and it
    links only to absolute addresses (a downloaded document has no site around it).
    """
    starts, ends = markdown.count(START), markdown.count(END)
    if starts == 0 and ends == 0:
        return None
    if starts != 1 or ends != 1:
        raise ContentError(
            [
                Problem(
                    file, "marker", f"{starts} × {START}, {ends} × {END}", "a page has one of each, or none"
                )
            ]
        )
    head, _, rest = markdown.partition(START)
    if END in head:
        raise ContentError([Problem(file, "marker", END, f"must come after {START}")])
    body = rest.partition(END)[0].strip("\n")
    problems = []
    if not re.match(r"^#{2} \S", body):
        first = body.lstrip().split("\n", 1)[0][:60]
        problems.append(
            Problem(
                file, "document", first, "the template part must start with a level-2 heading (its title)"
            )
        )
    problems += [
        Problem(
            file,
            "document link",
            target,
            "a downloaded template cannot follow links within the site; use an https:// address",
        )
        for target in _RELATIVE_LINK.findall(body)
    ]
    if problems:
        raise ContentError(problems)
    return body + "\n"


def document_name(meta: dict, file: str) -> str:
    """The file name (without extension) given by the page's ``document`` field."""
    name = meta.get("document")
    if not isinstance(name, str) or not _NAME.match(name):
        raise ContentError(
            [
                Problem(
                    file,
                    "document",
                    name if name is not None else "",
                    "a template page needs a file name: lowercase a–z, 0–9 and hyphens, e.g. ai-policy",
                )
            ]
        )
    return name


def review_date(meta: dict, file: str) -> dt.date:
    """The page's review date; a template states rules, so it must have one."""
    value = meta.get("last_reviewed")
    if isinstance(value, str):
        with contextlib.suppress(ValueError):  # a bad string is reported below
            value = dt.date.fromisoformat(value)
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise ContentError(
            [
                Problem(
                    file,
                    "last_reviewed",
                    value if value is not None else "",
                    "a template page needs YYYY-MM-DD",
                )
            ]
        )
    return value


# ---------------------------------------------------------------------------
# Where the documents go
# ---------------------------------------------------------------------------


def downloads_folder(page_url: str) -> str:
    """The site folder of a page's documents: the folder that holds the page.

    ``guide/mallar/ai-policy/`` (directory URLs) and ``guide/mallar/ai-policy.html`` both give
    ``guide/mallar``, so the documents sit beside the template pages in either build.
    """
    path = page_url.rstrip("/")
    return posixpath.dirname(path)


def download(page_url: str, name: str, fmt: Format, size: int) -> Download:
    """Where one document goes and the page's link to it."""
    folder = downloads_folder(page_url)
    path = f"{folder}/{name}.{fmt.extension}" if folder else f"{name}.{fmt.extension}"
    start = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    href = posixpath.relpath("/" + path, "/" + start) if start else path
    return Download(path, href, fmt, size)


def size_label(size: int) -> str:
    """``14 kB``, the same in Swedish and English (no decimals for files this small)."""
    return f"{max(1, round(size / 1000))} kB"


# ---------------------------------------------------------------------------
# Conversion with a cache
# ---------------------------------------------------------------------------


def pandoc_arguments(fmt: Format, lang: str) -> list[str]:
    """pandoc's options: the site's Markdown, the first heading as title, no file or network access."""
    return [
        "--sandbox",
        # Python-Markdown's syntax: no smart quotes (the text has its own), headings with { #id }.
        "--from=markdown-smart",
        f"--to={fmt.writer}",
        "--shift-heading-level-by=-1",
        f"--metadata=lang:{LANGUAGE_TAGS[lang]}",
    ]


def pandoc_version() -> str:
    """The version of the installed ``pypandoc-binary`` (the pandoc it ships with)."""
    return metadata.version("pypandoc-binary")


def cache_key(source: str, fmt: Format, lang: str, reviewed: dt.date, version: str) -> str:
    """A key that changes whenever anything that decides the document's bytes changes."""
    parts = [CONVERTER_VERSION, version, reviewed.isoformat(), *pandoc_arguments(fmt, lang), source]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def convert(
    source: str, fmt: Format, lang: str, reviewed: dt.date, cache_dir: Path, file: str
) -> tuple[bytes, bool]:
    """The document's bytes and whether pandoc had to run (False: taken from the cache)."""
    version = pandoc_version()
    cached = cache_dir / f"{cache_key(source, fmt, lang, reviewed, version)}.{fmt.extension}"
    if cached.is_file():
        return cached.read_bytes(), False
    data = run_pandoc(source, fmt, lang, reviewed, file)
    cache_dir.mkdir(parents=True, exist_ok=True)
    # Written beside and renamed, so that a build running at the same time never reads half a file.
    with tempfile.NamedTemporaryFile(dir=cache_dir, suffix=".part", delete=False) as part:
        part.write(data)
    os.replace(part.name, cached)
    return data, True


def run_pandoc(source: str, fmt: Format, lang: str, reviewed: dt.date, file: str) -> bytes:
    """Run the pandoc that pypandoc-binary ships; its dates are the review date (same text, same bytes)."""
    import pypandoc  # local: only builds with templates need it

    epoch = int(dt.datetime.combine(reviewed, dt.time(), dt.UTC).timestamp())
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch)}
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / f"document.{fmt.extension}"
        try:
            result = subprocess.run(
                [pypandoc.get_pandoc_path(), *pandoc_arguments(fmt, lang), f"--output={output}"],
                input=source.encode("utf-8"),
                env=env,
                capture_output=True,
                timeout=120,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise ContentError(
                [Problem(file, "document", fmt.extension, f"pandoc could not run: {error}")]
            ) from None
        if result.returncode != 0 or not output.is_file():
            message = " ".join(result.stderr.decode("utf-8", "replace").split())[:300]
            raise ContentError(
                [Problem(file, "document", fmt.extension, f"pandoc failed ({result.returncode}): {message}")]
            )
        return output.read_bytes()
