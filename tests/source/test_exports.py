"""Open data for any standard: what a program or a spreadsheet user gets, read back and
compared to the model."""

from __future__ import annotations

import csv
import io
import json

from stavangerstandarden.exports import data_files
from stavangerstandarden.model import Standard


def test_json_mirrors_the_model(any_standard: Standard) -> None:
    standard = any_standard
    data = json.loads(data_files(standard)[f"data/{standard.meta.id}.json"])
    assert data["version"] == standard.meta.version
    assert [(s["id"], s["label"], s["colour"]) for s in data["scale"]] == [
        (s.id, s.label, s.colour) for s in standard.scale]
    assert all(set(s) == {"id", "label", "colour"} for s in data["scale"])
    assert [(lv["id"], lv["label"]) for lv in data["levels"]] == [
        (lv.id, lv.label) for lv in standard.levels]
    assert [(a["id"], a["kind"]) for a in data["areas"]] == [
        (a.id, a.kind.id) for a in standard.areas]
    statements = [s for a in data["areas"] for s in a["statements"]]
    assert [(s["id"], s["text"]) for s in statements] == [
        (s.id, s.text) for s in standard.statements]
    assert [[lt["levels"] for lt in s.get("level_texts", [])] for s in statements] == [
        [list(lt.levels) for lt in s.level_texts] for s in standard.statements]


def test_csv_opens_as_utf8_in_excel_and_has_one_row_per_statement(
    any_standard: Standard,
) -> None:
    raw = data_files(any_standard)[f"data/{any_standard.meta.id}.csv"]
    assert raw.startswith("\ufeff".encode())  # Excel needs the BOM to read UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert [(r["omrade"], r["utsagn_id"], r["utsagn"]) for r in rows] == [
        (a.title, s.id, s.text) for a in any_standard.areas for s in a.statements]


def test_exports_are_deterministic(any_standard: Standard) -> None:
    assert data_files(any_standard) == data_files(any_standard)


def test_schema_is_a_valid_json_schema() -> None:
    import jsonschema

    from stavangerstandarden.schema import schema

    jsonschema.Draft202012Validator.check_schema(schema())
