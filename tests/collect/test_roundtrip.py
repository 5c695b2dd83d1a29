"""Real forms filled by real engines read back exactly: fill → collect → the same answers.

The renderer's PDFs are filled with the same answers by pypdf, Mozilla pdf.js (node, as
Firefox saves) and PDFium (pypdfium2's form API, as Chrome fills: clicks and key strokes);
every count, every answer per file and every tiltak must come back unchanged, read by either
PDF engine (pikepdf, the command line's; pypdf, the browser's).
"""

from __future__ import annotations

from collections import Counter
from functools import partial

import pytest
from pypdf import PdfReader
from standards import STAVANGER, picks

from stavangerstandarden.collect import command
from stavangerstandarden.collect.inputs import read_all
from stavangerstandarden.loader import load_file

STANDARD = load_file(STAVANGER)
P = picks(STANDARD)
CASES = [(P.area.id, P.level.id), (P.varied_area.id, P.varied_level),
         (None, STANDARD.levels[0].id)]
"""An area form, a form with level-specific text and the complete, multi-page form."""


@pytest.fixture
def collect_with(reader_engine, collect, monkeypatch):
    """`collect` (the command, in-process) with the forms read by `reader_engine`."""
    monkeypatch.setattr(command, "read_all", partial(read_all, engine=reader_engine))
    return collect


def spec_of(specs, area, level):
    return next(s for s in specs
                if (s.area.id if s.area else None) == area and s.level.id == level)


def expected_counts(standard, specs, filled):
    """Counts per statement from what was filled in, for every engine's copy."""
    counts = {s.id: Counter() for s in standard.statements}
    for (area, level), values, copies in filled:
        for f in spec_of(specs, area, level).fields:
            if f.type == "radio":
                counts[f.name][values.get(f.name, "ubesvart")] += copies
    keys = [*(step.id for step in standard.scale), "ubesvart"]
    return {sid: {k: c[k] for k in keys} for sid, c in counts.items()}


def test_every_engine_reads_back_the_same(tmp_path, standard, specs, real_form, engines,
                                          answers, collect_with):
    filled = []
    for seed, (area, level) in enumerate(CASES):
        values = answers(spec_of(specs, area, level), seed)
        for name, fill in engines.items():
            target = tmp_path / "inn" / name / f"{area or 'alle'}-{level}.pdf"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(fill(real_form(area, level), values, tmp_path))
        filled.append(((area, level), values, len(engines)))

    pdfium_copy = tmp_path / "inn" / "pdfium" / f"{P.area.id}-{P.level.id}.pdf"
    saved = PdfReader(pdfium_copy).get_fields()["tiltak.1.tiltak"]["/V"]
    assert "\r\n" in saved, "PDFium no longer writes CR LF: the quirk this covers is gone"

    status, data, rows = collect_with(tmp_path / "inn")

    assert status == 0, data["files"]
    assert [f["status"] for f in data["files"]] == ["ok"] * len(CASES) * len(engines)
    assert data["statements"] == expected_counts(standard, specs, filled)
    for (area, level), values, _ in filled:
        stem = f"{area or 'alle'}-{level}.pdf"
        wanted = {f.name: values.get(f.name, "ubesvart")
                  for f in spec_of(specs, area, level).fields if f.type == "radio"}
        for engine in engines:
            got = {r["utsagn"]: r["svar"] for r in rows if r["fil"].endswith(f"{engine}/{stem}")}
            assert got == wanted, engine
            actions = [a for a in data["tiltak"] if a["file"].endswith(f"{engine}/{stem}")]
            assert [(a["rad"], a["tiltak"], a["ansvarlig"], a["frist"]) for a in actions] == [
                (n, values.get(f"tiltak.{n}.tiltak", ""), values.get(f"tiltak.{n}.ansvarlig", ""),
                 values.get(f"tiltak.{n}.frist", "")) for n in (1, 3)], engine
            meta = next(f["meta"] for f in data["files"] if f["file"].endswith(f"{engine}/{stem}"))
            assert meta["klasse"] == values.get("meta.klasse", ""), engine


def test_saved_twice_in_firefox_the_last_save_counts(tmp_path, real_form, engines,
                                                      collect_with):
    """pdf.js appends each save as an incremental update; the newest answers win."""
    pdfjs = engines["pdfjs"]
    first = pdfjs(real_form(P.area.id, P.level.id),
                  {P.second.id: P.low, "tiltak.1.tiltak": "Første utkast"}, tmp_path)
    second = pdfjs(first, {P.second.id: P.high, P.third.id: P.mid, "tiltak.1.tiltak": "Endelig"},
                   tmp_path)
    assert second.startswith(first)
    form = tmp_path / "lagret-to-ganger.pdf"
    form.write_bytes(second)
    status, data, _ = collect_with(form)
    assert status == 0
    assert data["statements"][P.second.id][P.high] == 1
    assert data["statements"][P.third.id][P.mid] == 1
    assert sum(data["statements"][P.second.id].values()) == 1
    assert [a["tiltak"] for a in data["tiltak"]] == ["Endelig"]
