"""`stavangerstandarden collect`: the one place that touches the file system for collect.

Exit status: 0 when every input was read as a form, 1 when anything was not counted or was
a duplicate (the summary is still written), 2 when the command itself cannot run (no
usable source, no files found, an unreadable --sammenlign file, an --out it cannot write).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from stavangerstandarden.collect.compare import BadPrevious, Previous, parse_previous
from stavangerstandarden.collect.inputs import find_inputs, read_all
from stavangerstandarden.collect.others import other_files
from stavangerstandarden.collect.pdfform import quiet_pypdf
from stavangerstandarden.collect.report import render_report
from stavangerstandarden.collect.standards import NoStandard, standard_for
from stavangerstandarden.collect.tally import Summary, summarise
from stavangerstandarden.collect.writers import answers_csv, summary_json
from stavangerstandarden.loader import check_file
from stavangerstandarden.model import Standard

OUTPUTS = ("sammendrag.json", "svar.csv", "rapport.html")


def run(paths: Sequence[Path], out: Path, source: Path | None = None,
        compare: Path | None = None, names: bool = False) -> int:
    """`source` None: the standard the forms name, shipped with the package."""
    standard: Standard | None = None
    if source is not None:
        checked = check_file(source)
        if checked.standard is None:
            for problem in checked.errors:
                print(problem, file=sys.stderr)
            print(f"Kan ikke lese skjemaene uten en gyldig kilde: {source}", file=sys.stderr)
            return 2
        standard = checked.standard
    try:
        previous = _previous(compare) if compare else None
    except BadPrevious as exc:
        print(f"stavangerstandarden collect: feil: {exc}", file=sys.stderr)
        return 2
    quiet_pypdf()
    files = find_inputs(paths)
    if not files:
        print("stavangerstandarden collect: feil: fant ingen PDF-filer i "
              + ", ".join(str(p) for p in paths), file=sys.stderr)
        return 2
    reads = [*read_all(files), *other_files(paths)]
    try:
        summary = summarise(standard or standard_for(reads), reads)
    except NoStandard as exc:
        print(f"stavangerstandarden collect: feil: {exc}", file=sys.stderr)
        return 2
    try:
        write_outputs(out, summary, previous, names)
    except OSError as exc:
        print(f"stavangerstandarden collect: feil: kan ikke skrive til {out} "
              f"({exc.strerror or exc})", file=sys.stderr)
        return 2
    _print_outcome(summary, out)
    return 0 if summary.complete else 1


def _previous(path: Path) -> Previous:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise BadPrevious(f"{path}: filen finnes ikke") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise BadPrevious(f"{path}: kan ikke lese filen ({exc})") from exc
    return parse_previous(text, str(path))


def write_outputs(out: Path, summary: Summary, previous: Previous | None,
                  names: bool = False) -> None:
    out.mkdir(parents=True, exist_ok=True)
    texts = (summary_json(summary), answers_csv(summary),
             render_report(summary, previous, names=names))
    for name, text in zip(OUTPUTS, texts, strict=True):
        (out / name).write_text(text, encoding="utf-8", newline="")


def _print_outcome(summary: Summary, out: Path) -> None:
    for f in summary.files:
        if f.status != "ok":
            label = "duplikat" if f.status == "duplicate" else "ikke talt med"
            print(f"{f.file}: {label}: {f.reason}", file=sys.stderr)
    total = len(summary.files)
    print(f"{len(summary.forms)} av {total} {'fil' if total == 1 else 'filer'} talt med. "
          f"Skrev {', '.join(OUTPUTS)} i {out}/.")
