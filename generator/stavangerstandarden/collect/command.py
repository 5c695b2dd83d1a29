"""`stavangerstandarden collect`: the one place that touches the file system for collect.

Exit status: 0 when every input was read as a form, 1 when anything was not counted or was
a duplicate (the summary is still written), 2 when the command itself cannot run (no
usable source, no files found, an unreadable --sammenlign file, an --out it cannot write).
"""

from __future__ import annotations

import fcntl
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from stavangerstandarden.collect import limits
from stavangerstandarden.collect.compare import BadPrevious, Previous, parse_previous
from stavangerstandarden.collect.inputs import find_inputs, read_all
from stavangerstandarden.collect.others import other_files
from stavangerstandarden.collect.pipeline import OUTPUTS, Collected, collect, not_counted
from stavangerstandarden.collect.read.scan import ScanSource
from stavangerstandarden.collect.safetext import for_terminal
from stavangerstandarden.collect.standards import NoStandard
from stavangerstandarden.i18n.layout import SOURCE_LANGUAGE
from stavangerstandarden.i18n.ui import ui_languages
from stavangerstandarden.loader import check_file
from stavangerstandarden.model import Standard

LOCK = ".collect.lock"
"""Lock file in --out: a second run into the same folder waits until the first has written."""


def languages() -> tuple[str, ...]:
    """The languages the report can be written in: bokmål and each catalogue's."""
    return (SOURCE_LANGUAGE, *ui_languages())


def run(paths: Sequence[Path], out: Path, source: Path | None = None,
        compare: Path | None = None, names: bool = False,
        language: str = SOURCE_LANGUAGE) -> int:
    """`source` None: the standard the forms name, shipped with the package. `language`:
    the report's (and svar.csv's texts'); the forms may be in any language."""
    if language not in languages():
        _say(f"stavangerstandarden collect: feil: ukjent språk «{language}» for rapporten; "
             f"velg ett av {', '.join(languages())}")
        return 2
    standard: Standard | None = None
    if source is not None:
        checked = check_file(source)
        if checked.standard is None:
            for problem in checked.errors:
                _say(str(problem))
            _say(f"Kan ikke lese skjemaene uten en gyldig kilde: {source}")
            return 2
        standard = checked.standard
    try:
        previous = _previous(compare) if compare else None
    except BadPrevious as exc:
        _say(f"stavangerstandarden collect: feil: {exc}")
        return 2
    files = find_inputs(paths)
    if not files:
        _say("stavangerstandarden collect: feil: fant ingen PDF-filer i "
             + ", ".join(str(p) for p in paths))
        return 2
    reads = [*read_all(files, scans=ScanSource(source), given=paths), *other_files(paths)]
    try:
        collected = collect(reads, standard=standard, source=source, previous=previous,
                            names=names, language=language)
    except NoStandard as exc:
        _say(f"stavangerstandarden collect: feil: {exc}")
        return 2
    try:
        write_outputs(out, collected.outputs)
    except OSError as exc:
        _say(f"stavangerstandarden collect: feil: kan ikke skrive til {out} "
             f"({exc.strerror or exc})")
        return 2
    _print_outcome(collected, out)
    return 0 if collected.summary.complete else 1


def _previous(path: Path) -> Previous:
    try:
        with path.open("rb") as file:
            raw = file.read(limits.MAX_PREVIOUS_BYTES + 1)
    except FileNotFoundError as exc:
        raise BadPrevious(f"{path}: filen finnes ikke") from exc
    except OSError as exc:
        raise BadPrevious(f"{path}: kan ikke lese filen ({exc.strerror or exc})") from exc
    if len(raw) > limits.MAX_PREVIOUS_BYTES:
        shown = limits.shown(limits.MAX_PREVIOUS_BYTES)
        raise BadPrevious(f"{path}: filen er større enn {shown} byte, for stor til å være et "
                          "sammendrag")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadPrevious(f"{path}: kan ikke lese filen (ikke UTF-8)") from exc
    return parse_previous(text, str(path))


def write_outputs(out: Path, outputs: dict[str, str]) -> None:
    """Every output, or none: each is written to a temporary file and renamed over the old
    one while holding the lock, so a failed run leaves the last outputs whole and two runs
    into one folder never mix their files."""
    out.mkdir(parents=True, exist_ok=True)
    with _locked(out / LOCK):
        staged: list[Path] = []
        try:
            for name, text in outputs.items():
                staged.append(_stage(out, name, text))
            for temporary, name in zip(staged, outputs, strict=True):
                temporary.replace(out / name)
        finally:
            for temporary in staged:
                temporary.unlink(missing_ok=True)


def _stage(out: Path, name: str, text: str) -> Path:
    """`text` in a new hidden file next to `name`, on disk before it replaces `name`."""
    handle, name_of_temporary = tempfile.mkstemp(prefix=f".{name}.", dir=out)
    temporary = Path(name_of_temporary)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", errors="replace", newline="") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        temporary.chmod(0o666 & ~_umask())
    except BaseException:
        temporary.unlink()
        raise
    return temporary


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    with path.open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _say(text: str, stream: TextIO | None = None) -> None:
    """Print one line with the control characters a form or file name may carry removed."""
    print(for_terminal(text), file=stream or sys.stderr)


def _print_outcome(collected: Collected, out: Path) -> None:
    for line in not_counted(collected):
        _say(line)
    total = len(collected.summary.files)
    _say(collected.loc.ngettext(
        "{counted} av {n} fil talt med. Skrev {outputs} i {out}/.",
        "{counted} av {n} filer talt med. Skrev {outputs} i {out}/.", total).format(
        counted=len(collected.summary.forms), n=total, outputs=", ".join(OUTPUTS), out=out),
        sys.stdout)
