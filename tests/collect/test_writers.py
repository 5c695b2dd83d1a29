"""sammendrag.json and svar.csv say the same thing, and read back in the tools people use."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter

from stavangerstandarden.collect.inputs import Read
from stavangerstandarden.collect.pdfform import RawForm
from stavangerstandarden.collect.tally import summarise
from stavangerstandarden.collect.writers import answers_csv, summary_json

IDENTITY = {"skjema.standard": "stavangerstandarden", "skjema.versjon": "2020.1"}


def reads():
    one = RawForm({**IDENTITY, "skjema.omrade": "laeringsfellesskap", "skjema.niva": "trinn-2",
                   "meta.klasse": "2A", "tiltak.1.tiltak": "Åpen dag\nfor alle",
                   "tiltak.1.ansvarlig": "FAU", "tiltak.1.frist": "juni",
                   "tiltak.2.tiltak": "", "tiltak.2.ansvarlig": "", "tiltak.2.frist": ""},
                  {"laeringsfellesskap-respekt": "endres",
                   "laeringsfellesskap-tilbakemeldinger": "tilfreds",
                   "laeringsfellesskap-framsnakke": None})
    two = RawForm({**IDENTITY, "skjema.omrade": "", "skjema.niva": "trinn-9"},
                  {"laeringsfellesskap-respekt": "bedre", "digital-kontakt": "tilfreds"})
    return [Read("mappe/én.pdf", "1", one, ""), Read("to.pdf", "2", two, ""),
            Read("x.txt", "3", None, "filen er ikke en PDF")]


def test_json_shape(standard):
    data = json.loads(summary_json(summarise(standard, reads())))
    assert data["files"][0] == {
        "file": "mappe/én.pdf", "status": "ok", "reason": "", "area": "laeringsfellesskap",
        "level": "trinn-2", "versjon": "2020.1",
        "meta": {"skole": "", "klasse": "2A", "dato": "", "utfylt_av": ""}}
    assert data["files"][1]["area"] is None
    assert data["files"][2] == {"file": "x.txt", "status": "skipped",
                                "reason": "filen er ikke en PDF", "area": None, "level": None}
    assert data["statements"]["laeringsfellesskap-respekt"] == {
        "endres": 1, "bedre": 1, "tilfreds": 0, "ubesvart": 0}
    assert data["tiltak"] == [{"file": "mappe/én.pdf", "area": "laeringsfellesskap",
                               "level": "trinn-2", "rad": 1, "tiltak": "Åpen dag\nfor alle",
                               "ansvarlig": "FAU", "frist": "juni"}]


def test_csv_opens_in_excel_and_matches_the_counts(standard):
    summary = summarise(standard, reads())
    text = answers_csv(summary)
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert len(rows) == 5
    sfo = next(r for r in rows if r["utsagn"] == "laeringsfellesskap-tilbakemeldinger")
    assert sfo["utsagnstekst"].endswith("Foreldre med barn på SFO får tilbakemeldinger på "
                                         "elevenes SFO-hverdag")
    assert (sfo["fil"], sfo["område"], sfo["nivå"], sfo["klasse"]) == (
        "mappe/én.pdf", "laeringsfellesskap", "trinn-2", "2A")
    assert sfo["svartekst"] == "Praksis er tilfredsstillende"
    tally = Counter((r["utsagn"], r["svar"]) for r in rows)
    expected = Counter({(sid, key): n for sid, counts in summary.counts.items()
                        for key, n in counts.items() if n})
    assert tally == expected
