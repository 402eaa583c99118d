"""Reading the site's YAML data files: once per change, with libyaml, with one kind of error.

The strings, the glossary, the vocabularies and the trust model are read by both language
builds and again by every rebuild of ``mkdocs serve``. A file is parsed once for each version
of it (its path, size and modification time) with PyYAML's C loader where the wheel has it,
and every caller gets its own copy of the result, so no build can change another's data.
"""

from __future__ import annotations

import copy
import functools
from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError, Problem

# libyaml is several times faster than the pure-Python loader; PyYAML's wheels include it.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path, name: str | None = None) -> Any:
    """The parsed file, or a ContentError naming it (``name``, else its path) and what is wrong."""
    shown = name or path.as_posix()
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise ContentError([Problem(shown, "", "", "file not found")]) from None
    except OSError as error:
        raise ContentError([Problem(shown, "", "", f"cannot be read ({error.strerror})")]) from None
    return copy.deepcopy(_parsed(str(path), stat.st_size, stat.st_mtime_ns, shown))


@functools.lru_cache(maxsize=64)
def _parsed(path: str, size: int, mtime_ns: int, shown: str) -> Any:
    """One parse per version of a file (the size and time are part of the key, not used)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError([Problem(shown, "", "", f"cannot be read ({error})")]) from None
    try:
        return yaml.load(text, Loader=Loader)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as error:
        detail = " ".join(str(error).split())
        raise ContentError([Problem(shown, "", "", f"is not valid YAML ({detail})")]) from None
