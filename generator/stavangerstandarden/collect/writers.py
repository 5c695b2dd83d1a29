"""The summary → `sammendrag.json` and `svar.csv`, as strings; the command writes them."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from stavangerstandarden import contract as c
from stavangerstandarden.collect.safetext import csv_cell
from stavangerstandarden.collect.tally import UNANSWERED, FileResult, Summary
from stavangerstandarden.model import Statement

CSV_HEADER = ("fil", "område", "nivå", "utsagn", "utsagnstekst", "svar", "svartekst",
              *(part for part, _ in c.META_FIELDS))
CSV_DELIMITER = ";"
"""Excel with Norwegian settings splits on semicolons when a CSV file is opened directly."""


def summary_data(summary: Summary) -> dict[str, Any]:
    return {
        "standard": summary.standard.meta.id,
        "versjon": summary.standard.meta.version,
        "files": [_file_data(f) for f in summary.files],
        "statements": summary.counts,
        "tiltak": [
            {"file": file, "area": form.area or None, "level": form.level, "rad": action.row,
             **action.parts}
            for file, form in summary.forms for action in form.actions
        ],
    }


def _file_data(f: FileResult) -> dict[str, Any]:
    data: dict[str, Any] = {"file": f.file, "status": f.status, "reason": f.reason,
                            "area": None, "level": None}
    if f.form is not None:
        data.update(area=f.form.area or None, level=f.form.level, versjon=f.form.version,
                    meta=f.form.meta)
    return data


def summary_json(summary: Summary) -> str:
    return json.dumps(summary_data(summary), ensure_ascii=False, indent=2) + "\n"


def answers_csv(summary: Summary) -> str:
    """One row per form × statement; UTF-8 with a byte-order mark so Excel reads æøå. Every
    cell that a spreadsheet would take for a formula starts with `'` (the values come from
    strangers); the meta values repeated on each row are bounded (`MAX_META_CHARS`)."""
    statements = {s.id: s for s in summary.standard.statements}
    labels = {step.id: step.label for step in summary.standard.scale}
    labels[UNANSWERED] = "Ikke besvart"
    out = io.StringIO()
    writer = csv.writer(out, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for row in _rows(summary, statements, labels):
        writer.writerow([csv_cell(cell) for cell in row])
    return "\ufeff" + out.getvalue()


def _rows(summary: Summary, statements: dict[str, Statement],
          labels: dict[str, str]) -> Iterator[tuple[str, ...]]:
    for file, form in summary.forms:
        meta = [form.meta.get(part, "") for part, _ in c.META_FIELDS]
        for statement_id, answer in form.answers.items():
            key = answer or UNANSWERED
            yield (file, form.area, form.level, statement_id,
                   statements[statement_id].text_for(form.level), key, labels[key], *meta)
