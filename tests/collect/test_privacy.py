"""The shared report protects people by default: file names, not paths; no names from
«Utfylt av» unless asked (--med-navn); no shares where fewer than k forms answered (k from
the YAML, default 5). sammendrag.json and svar.csv stay complete."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from stavangerstandarden.collect.inputs import Read
from stavangerstandarden.collect.pdfform import RawForm
from stavangerstandarden.collect.report import render_report
from stavangerstandarden.collect.tally import summarise
from stavangerstandarden.loader import load, load_file
from stavangerstandarden.model import Standard

ROOT = Path(__file__).resolve().parents[2]
SOURCES = {"stavanger": (ROOT / "framework" / "stavangerstandarden.yaml", ""),
           "annen-kommune, k=3": (ROOT / "tests" / "fixtures" / "annen-kommune.yaml",
                                  "report:\n  min_answers: 3\n")}


def visible(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def answers(standard: Standard, n: int) -> str:
    """The report's text when n forms answered the first statement (the lowest step)."""
    first = standard.statements[0]
    reads = [Read(f"{i}.pdf", str(i), RawForm(
        {"skjema.standard": standard.meta.id, "skjema.versjon": standard.meta.version,
         "skjema.omrade": "", "skjema.niva": standard.levels[0].id},
        {first.id: standard.scale[0].id}), "") for i in range(n)]
    return visible(render_report(summarise(standard, reads)))


@pytest.mark.parametrize("source", SOURCES)
def test_shares_only_from_k_answers(source):
    path, extra = SOURCES[source]
    standard = load(path.read_text(encoding="utf-8") + extra, str(path))
    k = standard.report.min_answers
    assert k == (3 if extra else 5)
    first, step = standard.statements[0].text, standard.scale[0].label
    below, at = answers(standard, k - 1), answers(standard, k)
    assert f"{first} Færre enn {k} svar: fordelingen vises ikke." in below
    assert f"{step}: {k - 1} (100 %)" not in below
    assert f"({k - 1} skjema) Færre enn {k} svar" in below  # the area's overview, too
    assert "Dette bør dere se på først" in below and first not in below.split(
        "Dette bør dere se på først")[1].split("Slik leser du")[0]
    assert f"{first} {k} {step}: {k} (100 %)" in at  # the bar's label, then the text
    assert f"{k} av {k} svar (100 %) er «{step}»" in at


FORMS = {"stavanger": (None, "gode-relasjoner", "trinn-3", "3. trinn", "Gode relasjoner",
                       "relasjoner-tett-kontakt", "endres"),
         "annen-kommune": (SOURCES["annen-kommune, k=3"][0], "trivsel", "vg1", "Vg1",
                           "Trivsel & trygghet", "trivsel-kontakt", "svak")}


@pytest.fixture(params=FORMS)
def case(request):
    return FORMS[request.param]


@pytest.fixture
def inbox(tmp_path, real_form, fill, case):
    """Two forms with names typed in, and a copy, deep under a private folder."""
    source, area, level, _, _, statement, step = case
    folder = tmp_path / "hjemme" / "rektor" / "innboks"
    folder.mkdir(parents=True)
    form = real_form(area, level, load_file(source) if source else None)
    for name, who in (("kari.pdf", "Kari Nordmann"), ("ola.pdf", "Ola Nordmann (FAU)")):
        (folder / name).write_bytes(fill(form, {statement: step, "meta.utfylt_av": who,
                                                "tiltak.1.tiltak": "Foreldrekaffe"}))
    (folder / "kopi.pdf").write_bytes((folder / "kari.pdf").read_bytes())
    return folder


def with_source(case, *extra: str) -> tuple[str, ...]:
    return (*extra, "--source", str(case[0])) if case[0] else extra


def test_report_has_no_paths_and_no_names_by_default(inbox, collect, tmp_path, case):
    _, data, rows = collect(inbox, extra=with_source(case))
    html = (tmp_path / "ut" / "rapport.html").read_text(encoding="utf-8")
    for private in ("Kari Nordmann", "Ola Nordmann", str(tmp_path), "hjemme", "rektor/"):
        assert private not in html
    text = visible(html)
    assert "kari.pdf" in text and "ola.pdf" in text
    assert "kopi.pdf Duplikat samme innhold som kari.pdf; talt én gang" in text
    assert "sammendrag.json og svar.csv i samme mappe er komplette, også med navn" in text
    # the leader's working files keep everything
    assert {f["meta"]["utfylt_av"] for f in data["files"] if f["status"] == "ok"} == {
        "Kari Nordmann", "Ola Nordmann (FAU)"}
    assert data["files"][0]["file"] == f"{inbox.as_posix()}/kari.pdf"
    assert {r["utfylt_av"] for r in rows} == {"Kari Nordmann", "Ola Nordmann (FAU)"}


def test_names_only_with_med_navn(inbox, collect, tmp_path, case):
    _, _, _, level, area, _, _ = case
    collect(inbox, extra=with_source(case, "--med-navn"))
    text = visible((tmp_path / "ut" / "rapport.html").read_text(encoding="utf-8"))
    assert "Utfylt av: Kari Nordmann, Ola Nordmann (FAU)" in text  # with the tiltak
    assert f"kari.pdf {area}, {level} Kari Nordmann" in text
    assert str(tmp_path) not in text
