"""`collect` from any folder: the forms say which standard they belong to, and the package
ships the standard's YAML, so no `--source` and no project checkout are needed."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from stavangerstandarden.cli import main
from stavangerstandarden.loader import load_file

ROOT = Path(__file__).resolve().parents[2]
OTHER = ROOT / "tests" / "fixtures" / "annen-kommune.yaml"
COMMAND = Path(sys.executable).with_name("stavangerstandarden")
"""The console script installed next to this Python, as a user runs it."""


def run_in(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(COMMAND), "collect", *args], cwd=folder, capture_output=True,
                          text=True, check=False, timeout=120)


@pytest.fixture
def empty(tmp_path) -> Path:
    folder = tmp_path / "tom-mappe"
    folder.mkdir()
    return folder


@pytest.fixture
def other():
    return load_file(OTHER)


def test_shipped_standard_is_the_source(standard):
    shipped = resources.files("stavangerstandarden").joinpath("standards")
    yaml = shipped.joinpath(f"{standard.meta.id}.yaml").read_bytes()
    assert yaml == (ROOT / "framework" / f"{standard.meta.id}.yaml").read_bytes()


def test_run_from_an_empty_folder_without_source(empty, tmp_path, real_form, fill):
    forms = tmp_path / "innboks"
    forms.mkdir()
    (forms / "a.pdf").write_bytes(fill(real_form("gode-relasjoner", "trinn-3"),
                                       {"relasjoner-tett-kontakt": "bedre"}))
    (forms / "b.pdf").write_bytes(fill(real_form(None, "trinn-5"),
                                       {"relasjoner-tett-kontakt": "endres"}))
    run = run_in(empty, str(forms), "--out", "ut")
    assert run.returncode == 0, run.stderr
    assert "2 av 2 filer talt med" in run.stdout
    data = json.loads((empty / "ut" / "sammendrag.json").read_text(encoding="utf-8"))
    assert (data["standard"], data["versjon"]) == ("stavangerstandarden", "2020.1")
    assert data["statements"]["relasjoner-tett-kontakt"] == {
        "endres": 1, "bedre": 1, "tilfreds": 0, "ubesvart": 0}
    assert sorted(p.name for p in empty.iterdir()) == ["ut"]


def test_another_standard_needs_its_source(empty, tmp_path, real_form, fill, other):
    forms = tmp_path / "fjordby"
    forms.mkdir()
    (forms / "vg1.pdf").write_bytes(fill(real_form("trivsel", "vg1", other),
                                         {"trivsel-kontakt": "svaert-god"}))
    run = run_in(empty, str(forms), "--out", "ut")
    assert run.returncode == 2
    assert run.stderr == ("stavangerstandarden collect: feil: skjemaene hører til "
                          "«fjordbystandarden», som ikke følger med programmet (det har "
                          "stavangerstandarden); oppgi standarden med --source FIL.yaml\n")
    assert not (empty / "ut").exists()
    run = run_in(empty, str(forms), "--out", "ut", "--source", str(OTHER))
    assert run.returncode == 0, run.stderr
    data = json.loads((empty / "ut" / "sammendrag.json").read_text(encoding="utf-8"))
    assert data["statements"]["trivsel-kontakt"]["svaert-god"] == 1


def test_the_standard_most_forms_name_is_used(tmp_path, real_form, fill, other, capsys):
    forms = tmp_path / "blandet"
    forms.mkdir()
    for name in ("a.pdf", "b.pdf"):
        (forms / name).write_bytes(fill(real_form("gode-relasjoner", "trinn-3"),
                                        {"relasjoner-tett-kontakt": "bedre",
                                         "meta.klasse": name}))
    (forms / "c.pdf").write_bytes(fill(real_form("trivsel", "vg1", other),
                                       {"trivsel-kontakt": "god"}))
    assert main(["collect", str(forms), "--out", str(tmp_path / "ut")]) == 1
    data = json.loads((tmp_path / "ut" / "sammendrag.json").read_text(encoding="utf-8"))
    assert data["standard"] == "stavangerstandarden"
    assert [(f["status"], f["reason"]) for f in data["files"]][2] == (
        "skipped", "skjemaet hører til en annen standard («fjordbystandarden»), ikke "
                   "Stavangerstandarden")


def test_every_option_has_norwegian_help(capsys):
    with pytest.raises(SystemExit) as info:
        main(["collect", "--help"])
    assert info.value.code == 0
    shown = capsys.readouterr().out
    assert shown.startswith("bruk: stavangerstandarden collect")
    for option, words in (("STI", "utfylte skjema"), ("-h, --help", "vis denne hjelpen"),
                          ("--out MAPPE", "mappen sammendraget"),
                          ("--sammenlign FORRIGE/sammendrag.json", "et tidligere sammendrag"),
                          ("--source FIL", "standarden som YAML-fil"),
                          ("--med-navn", "vis navnene fra «Utfylt av»")):
        after = shown.split(f"\n  {option}", 1)[1]
        assert " ".join(after.split()).startswith(words), option
    for english in ("usage", "options", "show this help", "positional"):
        assert english not in shown
