"""Open data: what a program or a spreadsheet user gets, read back and compared to the model."""

from __future__ import annotations

import csv
import io
import json

import pytest

from stavangerstandarden.exports import data_files
from stavangerstandarden.loader import load
from stavangerstandarden.model import Standard


@pytest.fixture(scope="module")
def standard(source_text: str) -> Standard:
    return load(source_text, "stavangerstandarden.yaml")


@pytest.fixture(scope="module")
def files(standard: Standard) -> dict[str, bytes]:
    return data_files(standard)


def test_json_mirrors_the_model(standard: Standard, files: dict[str, bytes]) -> None:
    data = json.loads(files["data/stavangerstandarden.json"])
    assert data["version"] == standard.meta.version
    assert [s["id"] for s in data["scale"]] == ["endres", "bedre", "tilfreds"]
    assert all(set(s) == {"id", "label", "colour"} for s in data["scale"])
    assert [lv["id"] for lv in data["levels"]] == ["skole", *(f"trinn-{n}" for n in range(1, 11))]
    assert [(a["id"], a["kind"]) for a in data["areas"]] == [
        (a.id, a.kind.id) for a in standard.areas
    ]
    statements = [s for a in data["areas"] for s in a["statements"]]
    assert [s["id"] for s in statements] == [s.id for s in standard.statements]
    sfo = next(s for s in statements if s["id"] == "digital-folge-med")
    assert sfo["text"] == "Foreldre har gode muligheter til å følge med i elevenes læringsarbeid."
    assert sfo["level_texts"][0]["levels"] == ["trinn-1", "trinn-2", "trinn-3", "trinn-4"]


def test_csv_opens_as_utf8_in_excel_and_has_one_row_per_statement(
    standard: Standard, files: dict[str, bytes]
) -> None:
    raw = files["data/stavangerstandarden.csv"]
    assert raw.startswith("\ufeff".encode())  # Excel needs the BOM to read UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == 26
    assert rows[0]["omrade"] == "Gode relasjoner"
    assert {r["utsagn_id"] for r in rows} == {s.id for s in standard.statements}
    assert any("æ" in r["utsagn"] or "ø" in r["utsagn"] or "å" in r["utsagn"] for r in rows)


def test_exports_are_deterministic(standard: Standard, files: dict[str, bytes]) -> None:
    assert data_files(standard) == files


def test_schema_is_a_valid_json_schema() -> None:
    import jsonschema

    from stavangerstandarden.schema import schema

    jsonschema.Draft202012Validator.check_schema(schema())
