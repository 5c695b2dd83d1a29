"""The command line's PATHs → the files to read, and reading them (on every core when many).

Reading a file returns its content hash with the raw form or the reason it cannot be read,
so the caller can spot duplicates and never lets one bad file stop the others.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from stavangerstandarden.collect.pdfform import RawForm, Unreadable, quiet_pypdf, read_form
from stavangerstandarden.cores import usable_cores

PARALLEL_FROM = 40
"""Below this many files a process pool costs more than it saves."""


@dataclass(frozen=True)
class Read:
    file: str
    digest: str
    """SHA-256 of the content; empty when the file could not be opened."""
    form: RawForm | None
    reason: str
    """Why the file could not be read as a form; empty when `form` is set."""


def find_inputs(paths: Sequence[Path]) -> list[Path]:
    """Files as given; folders searched recursively for `*.pdf`, skipping hidden entries
    (macOS puts `._name.pdf` resource files next to real ones in ZIP files)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(
                p for p in path.rglob("*")
                if p.suffix.lower() == ".pdf" and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)))
        else:
            found.append(path)
    return found


def read_all(files: Sequence[Path], workers: int | None = None) -> list[Read]:
    """Read every file, in order; in a process pool when there are many."""
    workers = workers or usable_cores()
    if workers < 2 or len(files) < PARALLEL_FROM:
        return [read_path(f) for f in files]
    with ProcessPoolExecutor(workers, initializer=quiet_pypdf) as pool:
        return list(pool.map(read_path, files, chunksize=max(1, len(files) // (workers * 8))))


def read_path(path: Path) -> Read:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Read(path.as_posix(), "", None, "filen finnes ikke")
    except OSError as exc:
        return Read(path.as_posix(), "", None, f"filen kan ikke leses ({exc.strerror})")
    digest = hashlib.sha256(data).hexdigest()
    try:
        return Read(path.as_posix(), digest, read_form(data), "")
    except Unreadable as exc:
        return Read(path.as_posix(), digest, None, str(exc))
