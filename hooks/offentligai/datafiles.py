"""Reading the site's YAML data files: once per change, with libyaml, with one kind of error.

The strings, the glossary, the vocabularies and the trust model are read by both language
builds and again by every rebuild of ``mkdocs serve``. A file is parsed once for each version
of it (its path, size and modification time) with PyYAML's C loader where the wheel has it,
and every caller gets its own copy of the result, so no build can change another's data.

``remembered`` does the same for work done on files (checking the trust model, reading every
example): its result is kept for as long as the versions of the files in its key are those
on disk, so the second language build and a ``serve`` rebuild after an edit elsewhere reuse it.
"""

from __future__ import annotations

import collections
import functools
import pickle
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

import yaml

from .errors import ContentError, Problem

T = TypeVar("T")

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
    # A copy for each caller; unpickling makes one several times faster than copy.deepcopy.
    return pickle.loads(_parsed(str(path), stat.st_size, stat.st_mtime_ns, shown))  # noqa: S301 (our own bytes)


@functools.lru_cache(maxsize=64)
def _parsed(path: str, size: int, mtime_ns: int, shown: str) -> bytes:
    """One parse per version of a file, pickled (the size and time are part of the key, not used)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError([Problem(shown, "", "", f"cannot be read ({error})")]) from None
    try:
        data = yaml.load(text, Loader=Loader)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as error:
        detail = " ".join(str(error).split())
        raise ContentError([Problem(shown, "", "", f"is not valid YAML ({detail})")]) from None
    return pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)


# ---------------------------------------------------------------------------
# Work done on files, once per version of the files
# ---------------------------------------------------------------------------

FileVersion = tuple[str, int, int]
_REMEMBERED_MAX = 16
_remembered: collections.OrderedDict[Hashable, Any] = collections.OrderedDict()


def version(path: Path) -> FileVersion:
    """The identity of a file's present version: its path, size and modification time.

    A missing or unreadable file is (path, -1, -1): whatever reads it reports the problem.
    """
    try:
        stat = path.stat()
    except OSError:
        return (path.as_posix(), -1, -1)
    return (path.as_posix(), stat.st_size, stat.st_mtime_ns)


def remembered(key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, done once per ``key`` for the life of the process (the last few keys).

    The key must hold everything the result depends on: the ``version`` of every file read
    and every other input (the build date, the site's address). The result is shared by
    every caller, so it must not be changed: frozen dataclasses, or data no caller writes
    to. A ``compute`` that raises is not remembered: the next build tries again.
    """
    if key in _remembered:
        _remembered.move_to_end(key)
        return _remembered[key]
    result = compute()
    _remembered[key] = result
    while len(_remembered) > _REMEMBERED_MAX:
        _remembered.popitem(last=False)
    return result
