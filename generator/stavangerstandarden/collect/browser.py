"""The Sammendrag page's way into `collect`, called by its worker under Pyodide.

The worker writes the files the leader chose into the browser's in-memory file system (one
folder, the names as chosen) and calls `summarise_folder`; from there on it is the command
line's code: the same inputs, reading, tally, report and words, so the page and
`stavangerstandarden collect <the same files>` give the same `sammendrag.json`. Two things
differ, both because of where it runs: PDFs are read with the pypdf engine (pikepdf is
compiled C++ and cannot load in the browser), and the shipped standard is built without
being checked again (the build that made the page checked it; jsonschema cannot load here).
The page belongs to one standard, the one its site was built from and the only one in its
bundle (with its kept versions, so forms of each count): forms of any other standard are
listed as not counted, as with `collect --source`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

from stavangerstandarden.collect.compare import BadPrevious, parse_previous
from stavangerstandarden.collect.inputs import find_inputs, read_all
from stavangerstandarden.collect.others import other_files
from stavangerstandarden.collect.pipeline import collect, not_counted
from stavangerstandarden.collect.standards import shipped
from stavangerstandarden.loader import load_checked

PREVIOUS_LABEL = "sammendrag.json"


def summarise_folder(folder: str, names: bool = False, language: str = "nb",
                     previous: str | None = None,
                     progress: Callable[[int, int], None] | None = None) -> str:
    """JSON for the page: `outputs` (file name → text), `not_counted` (one line per file not
    counted, with its reason), `counted` and `total`, and `line` (the count in words); or
    `error` with a message in the report's language. `progress(done, total)` after each PDF
    read."""
    os.chdir(folder)
    paths = sorted(Path().iterdir())
    files = find_inputs(paths)
    reads = [*read_all(files, workers=1, engine="pypdf", on_read=progress, given=paths),
             *other_files(paths)]
    try:
        earlier = parse_previous(previous, PREVIOUS_LABEL) if previous is not None else None
        standard = next(iter(shipped(load_checked).values()))
        collected = collect(reads, standard=standard, previous=earlier, names=names,
                            language=language, read=load_checked)
    except BadPrevious as exc:
        return json.dumps({"error": str(exc)}, ensure_ascii=False)
    summary = collected.summary
    total = len(summary.files)
    line = collected.loc.ngettext("{counted} av {n} fil talt med.",
                                  "{counted} av {n} filer talt med.", total).format(
        counted=len(summary.forms), n=total)
    return json.dumps({"outputs": collected.outputs, "not_counted": not_counted(collected),
                       "counted": len(summary.forms), "total": total, "line": line},
                      ensure_ascii=False)
