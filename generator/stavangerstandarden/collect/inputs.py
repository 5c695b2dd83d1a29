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
from typing import TYPE_CHECKING

from stavangerstandarden.collect import limits
from stavangerstandarden.collect.pdfform import Engine, RawForm, Unreadable, read_form
from stavangerstandarden.collect.reasons import Reason
from stavangerstandarden.collect.safetext import file_label
from stavangerstandarden.cores import usable_cores
from stavangerstandarden.words import N_

if TYPE_CHECKING:
    from stavangerstandarden.collect.read.scan import ScanSource
    from stavangerstandarden.collect.read.scan.writing import Handwriting

PARALLEL_FROM = 40
"""Below this many files a process pool costs more than it saves."""


READ_SUFFIXES = (".pdf", ".jpg", ".jpeg", ".png", ".heic", ".heif")
"""What `collect` reads in a folder: forms filled on screen, scans and photos of printouts."""


@dataclass(frozen=True)
class Unclear:
    """A statement on paper marked twice, or too faintly to say: counted for neither."""

    statement: str
    page: int
    """The form's page it is on."""
    sheet: int
    """The picture's position in its file."""


@dataclass(frozen=True)
class Read:
    file: str
    digest: str
    """SHA-256 of the content; empty when the file could not be opened or is over the size
    limit."""
    form: RawForm | None
    reason: str
    """Why the file could not be read as a form; empty when `form` is set."""
    via: str = "fields"
    """How it was read: "fields" (a PDF form), "scan" (a scan PDF's page images) or
    "photo"."""
    unclear: tuple[Unclear, ...] = ()
    missing: tuple[int, ...] = ()
    """Pages of a printed form that were not in the file."""
    writing: tuple[Handwriting, ...] = ()
    """Tiltak boxes written in by hand, as pictures."""
    parts: tuple[Read, ...] = ()
    """A file of pictures: a Read per respondent and per page not read, in its place."""


def flattened(reads: Sequence[Read]) -> list[Read]:
    """Each file's parts (a scan's respondents) in place of the file."""
    return [part for read in reads for part in (read.parts or (read,))]


def find_inputs(paths: Sequence[Path]) -> list[Path]:
    """Files as given; folders searched recursively for `*.pdf`, skipping hidden entries
    (macOS puts `._name.pdf` resource files next to real ones in ZIP files)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(
                p for p in path.rglob("*")
                if p.suffix.lower() in READ_SUFFIXES and p.is_file()
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
    """`reads` of `files` (one each, in that order), each named by `shown_name`; a scan's
    respondents («bunke.pdf, side 3–4») keep what follows the file's name."""
    return [_renamed(read, read.file, shown_name(file, given))
            for read, file in zip(reads, files, strict=True)]


def _renamed(read: Read, old: str, new: str) -> Read:
    file = new + read.file[len(old):] if read.file.startswith(old) else read.file
    return replace(read, file=file, parts=tuple(_renamed(p, old, new) for p in read.parts))


def read_all(files: Sequence[Path], workers: int | None = None,
             engine: Engine = "pikepdf", scans: ScanSource | None = None,
             on_read: Callable[[int, int], None] | None = None,
             given: Sequence[Path] | None = None) -> list[Read]:
    """Read every file, in order; in a process pool when there are many. If a reader process
    dies (killed for memory by the system, or a crash in qpdf), every file is read again in
    a process of its own, so only the file that kills its reader is lost, with a reason.
    With `workers=1` no process is started (Pyodide has none); `on_read(done, total)` is then
    called after each file, so the Sammendrag page can show how far it has come. With
    `given` (the PATHs the files were found in), each is named by `shown_name`. A scan's
    respondents come in place of its file."""
    reads = _read_files(files, workers, engine, scans, on_read)
    return flattened(named(reads, files, given) if given is not None else reads)


def _read_files(files: Sequence[Path], workers: int | None, engine: Engine,
                scans: ScanSource | None,
                on_read: Callable[[int, int], None] | None = None) -> list[Read]:
    workers = workers or usable_cores()
    if workers < 2 or len(files) < PARALLEL_FROM:
        reads = []
        for f in files:
            reads.append(read_path(f, engine, scans))
            if on_read:
                on_read(len(reads), len(files))
        return reads
    # Imported here: Pyodide can import multiprocessing but not start a process.
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    read = partial(read_path, engine=engine, scans=scans)
    try:
        with ProcessPoolExecutor(workers) as pool:
            return list(pool.map(read, files, chunksize=max(1, len(files) // (workers * 8))))
    except BrokenProcessPool:
        return [_read_alone(f, engine, scans) for f in files]


def _read_alone(path: Path, engine: Engine, scans: ScanSource | None) -> Read:
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    try:
        with ProcessPoolExecutor(1) as alone:
            return alone.submit(read_path, path, engine, scans).result()
    except BrokenProcessPool:
        return Read(file_label(path), "", None, READER_DIED)


READER_DIED = N_("PDF-filen stanset leseprosessen (trolig for lite minne eller en feil i "
                 "PDF-biblioteket); den er ikke lest")


def read_path(path: Path, engine: Engine = "pikepdf", scans: ScanSource | None = None) -> Read:
    label = file_label(path)
    try:
        with path.open("rb") as file:
            data = file.read(limits.MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return Read(label, "", None, N_("filen finnes ikke"))
    except OSError as exc:
        return Read(label, "", None, Reason(N_("filen kan ikke leses ({error})"),
                                           error=exc.strerror or ""))
    return read_data(label, data, engine, scans)


def read_data(label: str, data: bytes, engine: Engine = "pikepdf",
              scans: ScanSource | None = None) -> Read:
    """A file's content read as a form (the browser has the bytes of a dropped file, no
    path); a photo, or a PDF with no fields whose pages show images, as pictures of printed
    pages. Where no picture reader loads (the Sammendrag page), those get a reason that says
    where they are read."""
    if len(data) > limits.MAX_FILE_BYTES:  # only its start was read: no digest to compare
        return Read(label, "", None, limits.over_limit(N_("byte i filen"),
                                                         limits.MAX_FILE_BYTES))
    digest = hashlib.sha256(data).hexdigest()
    try:
        form = None if _is_picture(data) else read_form(data, engine)
        if form is not None and (form.texts or form.choices):
            return Read(label, digest, form, "")
        try:
            if form is not None and not _has_images(data):
                return Read(label, digest, form, "")  # no fields, no pictures: no form
            return _pictures(label, digest, data, scans)
        except ImportError:  # no OpenCV, PDFium or pikepdf here (the browser)
            raise Unreadable(PICTURES_ELSEWHERE if form is None else SCAN_ELSEWHERE) from None
    except Unreadable as exc:
        return Read(label, digest, None, exc.reason)


PICTURES_ELSEWHERE = N_("bilder av papirskjemaer leses ikke på denne siden; les dem med "
                        "kommandoen `stavangerstandarden collect` på en datamaskin")
SCAN_ELSEWHERE = N_("PDF-filen har ingen skjemafelt; er den et skannet papirskjema, les den "
                    "med kommandoen `stavangerstandarden collect` på en datamaskin (skannede "
                    "sider leses ikke på denne siden)")


def _has_images(data: bytes) -> bool:
    """A PDF with no fields is read as a scan only when its pages show images: a text PDF
    (minutes of a meeting) is no scan, and is not rendered page by page. Raises ImportError
    where the reader cannot load."""
    from stavangerstandarden.collect.read.scan.images import shows_images

    return shows_images(data)


def _is_picture(data: bytes) -> bool:
    from stavangerstandarden.collect.read.scan import is_photo

    return is_photo(data)


def _pictures(label: str, digest: str, data: bytes, scans: ScanSource | None) -> Read:
    """Imported here: OpenCV loads only when a scan or a photo arrives."""
    from stavangerstandarden.collect.read.scan import ScanSource
    from stavangerstandarden.collect.read.scan.respondents import read_pictures

    return read_pictures(label, digest, data, scans or ScanSource())
