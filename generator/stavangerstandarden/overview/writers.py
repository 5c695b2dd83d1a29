"""The overview → `kommune.json` and `kommune.csv`, as strings; the command writes them.

Both publish exactly what `combine` decided may be shown: a hidden count is `null` in the JSON
and an empty `antall` with `prikket` = 1 in the CSV. Schools are named by their «Skole»; the
inputs that were not counted by their position and file name, never a folder.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Sequence
from typing import Any

from stavangerstandarden.collect.safetext import csv_cell
from stavangerstandarden.collect.writers import CSV_DELIMITER
from stavangerstandarden.overview.combine import FORMS, Cells, Overview
from stavangerstandarden.overview.compare import FORMAT
from stavangerstandarden.overview.received import Received

CSV_HEADER = ("tabell", "id", "skole", "svar", "antall", "prikket")
"""`tabell`: skjema (per school), niva, omrade or utsagn; `skole` empty on the totals."""


def overview_data(o: Overview, received: Sequence[Received],
                  changes: dict[str, dict[str, int]] | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": FORMAT,
        "standard": o.standard.meta.id,
        "versjon": o.standard.meta.version,
        "k": o.k,
        "skoler": [{"skole": s.name, "skjema": s.forms,
                    "omrader": None if s.areas is None else list(s.areas)}
                   for s in o.schools],
        "skjema": {"totalt": o.forms, "nivaer": o.levels},
        "omrader": {key: _table(cells, o) for key, cells in o.areas.items()},
        "utsagn": {key: _table(cells, o) for key, cells in o.statements.items()},
        "rangering": [{"utsagn": s, "omrade": a, "lavere": low, "besvart": n}
                      for s, a, low, n in o.ranking],
        "tiltak": [{"omrade": a or None, "tiltak": t, "antall": n} for a, t, n in o.tiltak],
        "filer": [{"nr": r.number, "fil": r.label, "talt": not r.reason,
                   "grunn": r.reason or None, "merknad": r.note or None} for r in received],
    }
    if changes is not None:
        data["endring"] = changes
    return data


def _table(cells: Cells, o: Overview) -> dict[str, Any]:
    names = {s.key: s.name for s in o.schools}
    return {"totalt": cells.totals,
            "skoler": [{"skole": names[key], "svar": row}
                       for key, row in cells.rows.items()]}


def overview_json(o: Overview, received: Sequence[Received],
                  changes: dict[str, dict[str, int]] | None = None) -> str:
    return json.dumps(overview_data(o, received, changes), ensure_ascii=False, indent=2) + "\n"


def overview_csv(o: Overview) -> str:
    """One row per published number; UTF-8 with BOM and `;` for Norwegian Excel."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for row in _rows(o):
        writer.writerow([csv_cell(str(cell)) for cell in row])
    return "\ufeff" + out.getvalue()


def _rows(o: Overview) -> Iterator[tuple[str, str, str, str, str, str]]:
    def cell(n: int | None) -> tuple[str, str]:
        return ("", "1") if n is None else (str(n), "")

    steps = [step.id for step in o.standard.scale]
    names = {s.key: s.name for s in o.schools}
    for s in o.schools:
        yield ("skjema", "", s.name, FORMS, *cell(s.forms))
    yield ("skjema", "", "", FORMS, *cell(o.forms))
    for level, n in o.levels.items():
        yield ("niva", level, "", FORMS, *cell(n))
    for kind, tables in (("omrade", o.areas), ("utsagn", o.statements)):
        for key, cells in tables.items():
            for step in (*steps, *(["ubesvart"] if kind == "utsagn" else [])):
                yield (kind, key, "", step,
                       *cell(None if cells.totals is None else cells.totals.get(step, 0)))
            for school, row in cells.rows.items():
                for step in steps:
                    yield (kind, key, names[school], step,
                           *cell(None if row is None else row.get(step, 0)))
