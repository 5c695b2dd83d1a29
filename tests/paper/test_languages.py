"""A printed form in a right-to-left language reads back like bokmål's: its corner markers and
QR code sit where the reader looks for them (a right-to-left page measures from the right,
which once pushed them off the sheet), and every mark is counted.

Arabic stands for the direction; the other languages lay out their marks as bokmål does.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

from paper import corpus
from paper import marking as m
from standards import STAVANGER

from stavangerstandarden.cli import main
from stavangerstandarden.forms import render_form
from stavangerstandarden.forms.content import localized
from stavangerstandarden.formspec import form_specs
from stavangerstandarden.i18n.editions import translated_editions
from stavangerstandarden.loader import load_file


def test_a_scanned_arabic_form_is_counted_exactly(tmp_path: Path) -> None:
    standard = load_file(STAVANGER)
    arabic = next(e for e in translated_editions(standard) if e.language == "ar")
    spec = next(s for s in form_specs(arabic.standard, localized("ar")) if s.area is not None)
    pdf = render_form(arabic.standard, spec, arabic)
    rng = random.Random(21)
    expected = corpus.Expected()
    inbox = tmp_path / "innboks"
    inbox.mkdir()
    scans = []
    for k in range(2):
        sheet = corpus.filled(pdf, rng, expected)
        corpus.expect(sheet, f"arabisk.pdf, side {k + 1}", expected)
        scans += [m.scanned(p, rng, quarter=2 * k) for p in sheet.pages]
    (inbox / "arabisk.pdf").write_bytes(m.scan_pdf(scans))
    out = tmp_path / "ut"
    assert main(["collect", str(inbox), "--out", str(out), "--source", str(STAVANGER)]) == 0
    summary = json.loads((out / "sammendrag.json").read_text("utf-8"))
    assert [(f["status"], f["read_from"], f["sprak"]) for f in summary["files"]] == [
        ("ok", "scan", "ar")] * 2
    for statement, counted in summary["statements"].items():
        wanted = expected.counts.get(statement, Counter())
        assert {k: v for k, v in counted.items() if v} == dict(+wanted), statement
