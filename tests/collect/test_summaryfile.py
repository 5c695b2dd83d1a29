"""`sammendrag.json` is a public contract: the exact file `collect` writes for a fixed pile of
forms is kept as a golden file, and a file written by an earlier release (no `format` key)
still reads, both for `collect --sammenlign` and for `kommune`.

Nothing in the file is variable (no dates, no absolute paths), so the golden files are
compared whole, byte for byte. After a deliberate change to the file: `UPDATE_GOLDEN=1` once,
and raise `summaryfile.FORMAT` if a key changed meaning or went away.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from collect.conftest import answers_for, pypdf_fill, spec_for
from standards import ROOT, source_text

from stavangerstandarden.cli import main
from stavangerstandarden.collect import summaryfile
from stavangerstandarden.forms import render_form
from stavangerstandarden.formspec import form_specs
from stavangerstandarden.loader import load
from stavangerstandarden.pages import page_files

GOLDEN = ROOT / "tests" / "fixtures" / "sammendrag"
GOLDEN_STANDARDS = ("annen-kommune", "tilfeldig")
"""Test-owned standards (a fixture file, a seeded generated one), so the golden files change
only when the contract does, never when Stavanger's text is edited."""


@pytest.fixture(scope="session")
def piles(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Per standard: a folder with its YAML and a fixed pile: two real forms filled with fixed
    answers (an area form, the complete form), a copy of the first, and a file that is no
    PDF."""
    made = {}
    for name in GOLDEN_STANDARDS:
        folder = tmp_path_factory.mktemp(name)
        source = folder / "standard.yaml"
        source.write_text(source_text(name), encoding="utf-8")
        standard = load(source_text(name), "standard.yaml")
        specs = form_specs(standard)
        pile = folder / "skjema"
        pile.mkdir()
        area_form = spec_for(specs, standard.areas[-1].id, standard.levels[0].id)
        whole = spec_for(specs, None, standard.levels[-1].id)
        for file, spec, seed in (("a-område.pdf", area_form, 1), ("b-hele.pdf", whole, 2)):
            filled = pypdf_fill(render_form(standard, spec), answers_for(spec, seed))
            (pile / file).write_bytes(filled)
        (pile / "c-kopi.pdf").write_bytes((pile / "a-område.pdf").read_bytes())
        (pile / "d-notat.txt").write_text("ikke et skjema", encoding="utf-8")
        made[name] = folder
    return made


def _collect(folder: Path, out: Path, *extra: str) -> int:
    return main(["collect", str(folder / "skjema"), "--out", str(out),
                 "--source", str(folder / "standard.yaml"), *extra])


@pytest.mark.parametrize("name", GOLDEN_STANDARDS)
def test_the_file_is_the_golden_one(name: str, piles: dict[str, Path], tmp_path: Path) -> None:
    _collect(piles[name], tmp_path)
    written = (tmp_path / "sammendrag.json").read_text("utf-8")
    golden = GOLDEN / f"{name}.json"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(written, encoding="utf-8")
    assert written == golden.read_text("utf-8")
    data = json.loads(written)
    assert data["format"] == summaryfile.FORMAT == 1
    assert [f["status"] for f in data["files"]] == ["ok", "ok", "duplicate", "skipped"]


def _earlier(name: str) -> Path:
    """The same pile's `sammendrag.json` as the release before `format` wrote it."""
    return GOLDEN / f"{name}-uten-format.json"


@pytest.mark.parametrize("name", GOLDEN_STANDARDS)
def test_a_file_from_an_earlier_release_reads_as_format_1(name: str) -> None:
    data = json.loads(_earlier(name).read_text("utf-8"))
    assert "format" not in data
    found = summaryfile.read(data)
    assert found.format == 1
    assert found.counts == json.loads((GOLDEN / f"{name}.json").read_text("utf-8"))["statements"]
    assert len(found.counted_forms()) == 2


@pytest.mark.parametrize("name", GOLDEN_STANDARDS)
def test_sammenlign_reads_an_earlier_release_as_today(name: str, piles: dict[str, Path],
                                                      tmp_path: Path) -> None:
    """The report compared with last year's file is the same whether that file was written
    before `format` existed or today; and it differs from the report without a comparison."""
    reports = []
    for label, extra in (("gammel", ("--sammenlign", str(_earlier(name)))),
                         ("ny", ("--sammenlign", str(GOLDEN / f"{name}.json"))), ("uten", ())):
        assert _collect(piles[name], tmp_path / label, *extra) == 1  # a skipped file: 1
        report = (tmp_path / label / "rapport.html").read_text("utf-8")
        reports.append(report.replace(_earlier(name).name, f"{name}.json"))
    assert reports[0] == reports[1] != reports[2]


@pytest.mark.parametrize("name", GOLDEN_STANDARDS)
def test_kommune_reads_an_earlier_release_as_today(name: str, piles: dict[str, Path],
                                                   tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    outputs = []
    for label, given in (("gammel", _earlier(name)), ("ny", GOLDEN / f"{name}.json")):
        out = tmp_path / label
        assert main(["kommune", str(given), "--out", str(out),
                     "--source", str(piles[name] / "standard.yaml")]) == 0
        assert "ikke talt med" not in capsys.readouterr().err
        outputs.append([(out / f).read_text("utf-8").replace(given.name, "sammendrag.json")
                        for f in ("kommune.json", "kommune.csv")])
    assert outputs[0] == outputs[1]
    assert [f["talt"] for f in json.loads(outputs[0][0])["filer"]] == [True]


@pytest.mark.parametrize("newer", [2, "2", True, None])
def test_a_newer_format_is_refused_with_a_reason(newer: object, piles: dict[str, Path],
                                                 tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    name = GOLDEN_STANDARDS[0]
    data = json.loads((GOLDEN / f"{name}.json").read_text("utf-8"))
    data["format"] = newer
    given = tmp_path / "framtidig.json"
    given.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    reason = (f"sammendraget har format {json.dumps(newer)}, som denne "
              "versjonen av programmet ikke kan lese (den leser format 1)")
    assert _collect(piles[name], tmp_path / "collect", "--sammenlign", str(given)) == 2
    assert f"{given}: {reason}" in capsys.readouterr().err
    assert main(["kommune", str(given), "--out", str(tmp_path / "kommune"),
                 "--source", str(piles[name] / "standard.yaml")]) == 2
    assert f"{given}: ikke talt med: {reason}" in capsys.readouterr().err


@pytest.mark.parametrize("name", GOLDEN_STANDARDS)
def test_the_open_data_page_names_every_key(name: str) -> None:
    """Each key the golden file holds, at the top, in a file's entry, in a tiltak and in
    a count, is explained on the site's «Åpne data» page, as `key` or «key»."""
    standard = load(source_text(name), "standard.yaml")
    page = page_files(standard, form_specs(standard))["generert/apne-data.md"].decode()
    data = json.loads((GOLDEN / f"{name}.json").read_text("utf-8"))
    keys = {*data, *(k for f in data["files"] for k in f),
            *(k for t in data["tiltak"] for k in t),
            *(k for u in (u for f in data["files"] for u in f["unclear"]) for k in u),
            "ubesvart", "missing_pages", "statement", "page", "sheet"}
    assert [k for k in sorted(keys) if f"`{k}`" not in page and f"«{k}»" not in page] == []
    assert "`format`: " in page and f" {summaryfile.FORMAT}. " in page
