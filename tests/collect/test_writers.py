"""sammendrag.json and svar.csv say the same thing, and read back in the tools people use."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter

from standards import counts, picks

from stavangerstandarden.collect.inputs import Read
from stavangerstandarden.collect.pdfform import RawForm
from stavangerstandarden.collect.summaryfile import summary_json
from stavangerstandarden.collect.tally import summarise
from stavangerstandarden.collect.writers import answers_csv


def reads(standard):
    """An area form on a level with level texts, a complete form, and a file that is no PDF."""
    p = picks(standard)
    identity = {"skjema.standard": standard.meta.id, "skjema.versjon": standard.meta.version}
    one = RawForm({**identity, "skjema.omrade": p.varied_area.id, "skjema.niva": p.varied_level,
                   "meta.klasse": "2A", "tiltak.1.tiltak": "Åpen dag\nfor alle",
                   "tiltak.1.ansvarlig": "FAU", "tiltak.1.frist": "juni",
                   "tiltak.2.tiltak": "", "tiltak.2.ansvarlig": "", "tiltak.2.frist": ""},
                  {p.varied_area.statements[0].id: p.low, p.varied.id: p.high,
                   p.varied_area.statements[-1].id: None})
    two = RawForm({**identity, "skjema.omrade": "", "skjema.niva": standard.levels[-1].id},
                  {p.varied_area.statements[0].id: p.mid, p.elsewhere.id: p.high})
    return [Read("mappe/én.pdf", "1", one, ""), Read("to.pdf", "2", two, ""),
            Read("x.txt", "3", None, "filen er ikke en PDF")]


def test_json_shape(standard):
    p = picks(standard)
    data = json.loads(summary_json(summarise(standard, reads(standard))))
    assert data["files"][0] == {
        "file": "mappe/én.pdf", "status": "ok", "reason": "", "area": p.varied_area.id,
        "level": p.varied_level, "versjon": standard.meta.version, "sprak": "nb",
        "meta": {"skole": "", "klasse": "2A", "dato": "", "utfylt_av": ""},
        "read_from": "fields", "unclear": []}
    assert data["files"][1]["area"] is None
    assert data["files"][2] == {"file": "x.txt", "status": "skipped",
                                "reason": "filen er ikke en PDF", "area": None, "level": None,
                                "read_from": "fields", "unclear": []}
    assert data["statements"][p.varied_area.statements[0].id] == counts(
        standard, {p.low: 1, p.mid: 1})
    assert data["tiltak"] == [{"file": "mappe/én.pdf", "area": p.varied_area.id,
                               "level": p.varied_level, "rad": 1, "tiltak": "Åpen dag\nfor alle",
                               "ansvarlig": "FAU", "frist": "juni"}]


def test_csv_opens_in_excel_and_matches_the_counts(standard):
    p = picks(standard)
    read = reads(standard)
    summary = summarise(standard, read)
    text = answers_csv(summary)
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert len(rows) == sum(len(r.form.choices) for r in read if r.form)
    varied = next(r for r in rows if r["utsagn"] == p.varied.id)
    assert varied["utsagnstekst"] == p.varied.text_for(p.varied_level)
    assert varied["utsagnstekst"].endswith(p.varied.level_texts[0].text)
    assert (varied["fil"], varied["område"], varied["nivå"], varied["klasse"]) == (
        "mappe/én.pdf", p.varied_area.id, p.varied_level, "2A")
    assert varied["svartekst"] == standard.scale[-1].label
    tally = Counter((r["utsagn"], r["svar"]) for r in rows)
    expected = Counter({(sid, key): n for sid, counts in summary.counts.items()
                        for key, n in counts.items() if n})
    assert tally == expected
