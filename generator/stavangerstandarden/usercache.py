"""Files derived from the shipped ones (a font's code points, a compiled word catalogue, a
parsed PO file or kept version), kept in the user's cache folder between runs: each is named
by a hash of everything it is made from, so a changed input or changed code makes a new file,
never a stale answer."""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import TypeVar

from stavangerstandarden.atomicfile import write_atomic

T = TypeVar("T")


def cache_dir() -> Path:
    home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return home / "stavangerstandarden"


def digest(*parts: bytes) -> str:
    key = hashlib.sha256()
    for part in parts:
        key.update(part)
    return key.hexdigest()[:24]


def cached(name: str, parts: tuple[bytes, ...], make: Callable[[], bytes]) -> bytes:
    """The bytes `make` returns for `parts`, from the cache when an earlier run stored them
    (`name`: the file's name with `{}` where the hash goes). A cache folder that cannot be
    written costs the next run the time of `make`, nothing else."""
    path = cache_dir() / name.format(digest(*parts))
    with suppress(OSError):
        return path.read_bytes()
    data = make()
    with suppress(OSError):
        write_atomic(path, data)
    return data


def cached_object(name: str, parts: tuple[bytes, ...], make: Callable[[], T]) -> T:
    """`cached` for a Python object that is slow to make and quick to unpickle (a parsed
    file): the Python version is part of its name. Pickled, as Python keeps its compiled code
    in __pycache__: only this program writes the user's own cache folder."""
    parts = (sys.version.encode(), *parts)
    stored = cached(name, parts, lambda: pickle.dumps(make()))
    try:
        found: T = pickle.loads(stored)
    except Exception:  # a damaged cache file is made again, never an error
        found = make()
        with suppress(OSError):
            write_atomic(cache_dir() / name.format(digest(*parts)), pickle.dumps(found))
    return found
