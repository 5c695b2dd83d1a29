"""Another municipality's standard builds by editing only the YAML."""

from __future__ import annotations

import csv
import io
import json

from standards import OTHER

from stavangerstandarden.build import generated_files
from stavangerstandarden.loader import check_file

FIXTURE = OTHER


def test_other_standard_builds_every_output() -> None:
    checked = check_file(FIXTURE)
    assert checked.errors == ()
    standard = checked.standard
    assert standard is not None
    files = generated_files(standard)

    data = json.loads(files["data/fjordbystandarden.json"])
    assert [s["id"] for s in data["scale"]] == ["svak", "middels", "god", "svaert-god"]
    assert data["areas"][0]["statements"][0]["level_texts"] == [
        {"levels": ["vg1"], "text": "Første år får foreldre et eget møte"}
    ]
    csv_text = files["data/fjordbystandarden.csv"].decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    assert [r["utsagn_id"] for r in rows] == ["trivsel-kontakt", "trivsel-samtaler",
                                               "laering-oppfolging"]

    manifest = json.loads(files["skjema/skjema.json"])
    assert len(manifest["forms"]) == 2 * (2 + 1)
    for form in manifest["forms"]:
        assert form["file"] in files
        assert files[form["file"]].startswith(b"%PDF-")
        radios = [f for f in form["fields"] if f["type"] == "radio"]
        assert radios
        assert all([o["value"] for o in f["options"]] == ["svak", "middels", "god", "svaert-god"]
                   for f in radios)
    assert "skjema/fjordbystandarden-vg1.pdf" in files
    assert "skjema/trivsel-vg2.pdf" in files
