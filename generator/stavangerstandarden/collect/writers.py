"""The summary → `svar.csv`, as a string; the command writes it (`sammendrag.json`:
`summaryfile`)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from stavangerstandarden import contract as c
from stavangerstandarden.collect.safetext import csv_cell
from stavangerstandarden.collect.tally import UNANSWERED, Summary
from stavangerstandarden.i18n.edition import Edition
from stavangerstandarden.i18n.ui import Localized
from stavangerstandarden.model import Statement
from stavangerstandarden.words import N_

CSV_HEADER = ("fil", "område", "nivå", "utsagn", "utsagnstekst", "svar", "svartekst",
              *(part for part, _ in c.META_FIELDS))
UNANSWERED_LABEL = N_("Ikke besvart")
CSV_DELIMITER = ";"
"""Excel with Norwegian settings splits on semicolons when a CSV file is opened directly."""


def answers_csv(summary: Summary, edition: Edition | None = None,
                loc: Localized | None = None) -> str:
    """One row per form × statement; UTF-8 with a byte-order mark so Excel reads æøå. Every
    cell that a spreadsheet would take for a formula starts with `'` (the values come from
    strangers); the meta values repeated on each row are bounded (`MAX_META_CHARS`).

    The ids and the column names stay the same in every language; the statement and answer
    texts are those of `edition` (the report's language), bokmål by default."""
    standard = edition.standard if edition else summary.standard
    statements = {s.id: s for s in standard.statements}
    labels = {step.id: step.label for step in standard.scale}
    labels[UNANSWERED] = loc.gettext(UNANSWERED_LABEL) if loc else UNANSWERED_LABEL
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
            text = (statements[statement_id].text_for(form.level) if statement_id in statements
                    else summary.retired_text(statement_id, form.level))
            yield (file, form.area, form.level, statement_id, text, key, labels[key], *meta)
