"""The command line's PATHs → the files to read, and reading them (on every core when many).

Reading a file returns its content hash with the raw form or the reason it cannot be read,
so the caller can spot duplicates and never lets one bad file stop the others.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from stavangerstandarden.collect import limits
from stavangerstandarden.collect.pdfform import Engine, RawForm, Unreadable, read_form
from stavangerstandarden.collect.safetext import file_label
from stavangerstandarden.cores import usable_cores

PARALLEL_FROM = 40
"""Below this many files a process pool costs more than it saves."""


@dataclass(frozen=True)
class Read:
    file: str
    digest: str
    """SHA-256 of the content; empty when the file could not be opened or is over the size
    limit."""
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


def shown_name(path: Path, given: Sequence[Path]) -> str:
    """How the outputs name `path`, found in or given as one of `given`: relative to the folder
    given, that folder's own name first (as a browser's folder picker names it), never the
    folders above it, which an absolute path would give away (`/home/<user>/…`). A file given
    by itself is named as given, or by its name alone when given by an absolute path."""
    for root in given:
        if path == root:
            return file_label(Path(path.name) if path.is_absolute() else path)
        if path.is_relative_to(root) and root.is_dir():
            base = Path() if root.name in ("", ".", "..") else Path(root.name)
            return file_label(base / path.relative_to(root))
    return file_label(path)


def named(reads: Sequence[Read], files: Sequence[Path], given: Sequence[Path]) -> list[Read]:
    """`reads` of `files` (in that order), each named by `shown_name`."""
    return [replace(read, file=shown_name(file, given))
            for read, file in zip(reads, files, strict=True)]


def read_all(files: Sequence[Path], workers: int | None = None,
             engine: Engine = "pikepdf",
             on_read: Callable[[int, int], None] | None = None) -> list[Read]:
    """Read every file, in order; in a process pool when there are many. If a reader process
    dies (killed for memory by the system, or a crash in qpdf), every file is read again in
    a process of its own, so only the file that kills its reader is lost, with a reason.
    With `workers=1` no process is started (Pyodide has none); `on_read(done, total)` is then
    called after each file, so the Sammendrag page can show how far it has come."""
    workers = workers or usable_cores()
    if workers < 2 or len(files) < PARALLEL_FROM:
        reads = []
        for f in files:
            reads.append(read_path(f, engine))
            if on_read:
                on_read(len(reads), len(files))
        return reads
    # Imported here: Pyodide can import multiprocessing but not start a process.
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    read = partial(read_path, engine=engine)
    try:
        with ProcessPoolExecutor(workers) as pool:
            return list(pool.map(read, files, chunksize=max(1, len(files) // (workers * 8))))
    except BrokenProcessPool:
        return [_read_alone(f, engine) for f in files]


def _read_alone(path: Path, engine: Engine) -> Read:
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    try:
        with ProcessPoolExecutor(1) as alone:
            return alone.submit(read_path, path, engine).result()
    except BrokenProcessPool:
        return Read(file_label(path), "", None, READER_DIED)


READER_DIED = ("PDF-filen stanset leseprosessen (trolig for lite minne eller en feil i "
               "PDF-biblioteket); den er ikke lest")


def read_path(path: Path, engine: Engine = "pikepdf") -> Read:
    label = file_label(path)
    try:
        with path.open("rb") as file:
            data = file.read(limits.MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return Read(label, "", None, "filen finnes ikke")
    except OSError as exc:
        return Read(label, "", None, f"filen kan ikke leses ({exc.strerror})")
    return read_data(label, data, engine)


def read_data(label: str, data: bytes, engine: Engine = "pikepdf") -> Read:
    """A file's content read as a form (the browser has the bytes of a dropped file, no
    path)."""
    if len(data) > limits.MAX_FILE_BYTES:  # only its start was read: no digest to compare
        return Read(label, "", None, limits.over_limit("byte i filen", limits.MAX_FILE_BYTES))
    digest = hashlib.sha256(data).hexdigest()
    try:
        return Read(label, digest, read_form(data, engine), "")
    except Unreadable as exc:
        return Read(label, digest, None, str(exc))
