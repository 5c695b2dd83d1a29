"""The leader sees everything that is theirs; what is shared hides what must be hidden.

rapport.html, the leader's, shows every count; rapport-til-deling.html shows no shares where
fewer than k forms answered (k from the YAML, default 5) and never a name from «Utfylt av».
Both name files, not paths; names in rapport.html only when asked (--med-navn).
sammendrag.json and svar.csv stay complete, and name files relative to the folder given."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from stavangerstandarden.collect.disclosure import for_leader
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


def answers(standard: Standard, n: int, leader: bool = False) -> str:
    """The report's text when n forms answered the first statement (the lowest step): the
    shareable report, or the leader's."""
    first = standard.statements[0]
    reads = [Read(f"{i}.pdf", str(i), RawForm(
        {"skjema.standard": standard.meta.id, "skjema.versjon": standard.meta.version,
         "skjema.omrade": "", "skjema.niva": standard.levels[0].id},
        {first.id: standard.scale[0].id}), "") for i in range(n)]
    audience = for_leader() if leader else None
    return visible(render_report(summarise(standard, reads), audience=audience))


def urgent(text: str) -> str:
    return text.split("Dette bør dere se på først")[1].split("Slik leser du")[0]


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
    # Not ranked, and said so: named among the statements with too few answers.
    assert f"{first}: {k - 1} av {k - 1} svar" not in below
    assert (f"1 utsagn har færre enn {k} svar og er ikke rangert, så ingen enkeltsvar "
            f"kan kjennes igjen: {first} ({standard.areas[0].title})") in urgent(below)
    assert f"{first} {k} {step}: {k} (100 %)" in at  # the bar's label, then the text
    assert f"{k} av {k} svar (100 %) er «{step}»" in at
    assert "ikke rangert" not in at


@pytest.mark.parametrize("source", SOURCES)
def test_the_leader_sees_every_count(source):
    path, extra = SOURCES[source]
    standard = load(path.read_text(encoding="utf-8") + extra, str(path))
    k = standard.report.min_answers
    first, step = standard.statements[0].text, standard.scale[0].label
    for n in range(1, k + 1):
        text = answers(standard, n, leader=True)
        assert "fordelingen vises ikke" not in text
        assert f"{first} {n} {step}: {n} (100 %)" in text
        assert f"{first} ({standard.areas[0].title}): {n} av {n} svar (100 %) er «{step}»" \
            in urgent(text)
        assert "ikke rangert" not in text
        assert "Del den ikke; del rapport-til-deling.html" in text


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


REPORTS = ("rapport.html", "rapport-til-deling.html")


def test_reports_have_no_paths_and_no_names_by_default(inbox, collect, tmp_path, case):
    _, data, rows = collect(inbox, extra=with_source(case))
    for report in REPORTS:
        html = (tmp_path / "ut" / report).read_text(encoding="utf-8")
        for private in ("Kari Nordmann", "Ola Nordmann", str(tmp_path), "hjemme", "rektor/"):
            assert private not in html, report
        text = visible(html)
        assert "kari.pdf" in text and "ola.pdf" in text
        assert "kopi.pdf Duplikat samme innhold som kari.pdf; talt én gang" in text
    shared = visible((tmp_path / "ut" / REPORTS[1]).read_text(encoding="utf-8"))
    assert ("rapport.html, sammendrag.json og svar.csv er komplette, også med navn: de er "
            "arbeidsfilene dine og bør ikke deles.") in shared
    # the leader's working files keep everything, and name files from the folder given
    assert {f["meta"]["utfylt_av"] for f in data["files"] if f["status"] == "ok"} == {
        "Kari Nordmann", "Ola Nordmann (FAU)"}
    assert [f["file"] for f in data["files"]] == [
        "innboks/kari.pdf", "innboks/kopi.pdf", "innboks/ola.pdf"]
    assert {r["fil"] for r in rows} == {"innboks/kari.pdf", "innboks/ola.pdf"}
    assert {r["utfylt_av"] for r in rows} == {"Kari Nordmann", "Ola Nordmann (FAU)"}
    assert str(tmp_path) not in (tmp_path / "ut" / "sammendrag.json").read_text("utf-8")


def test_names_only_with_med_navn_and_only_in_the_leaders_report(inbox, collect, tmp_path,
                                                                 case):
    _, _, _, level, area, _, _ = case
    collect(inbox, extra=with_source(case, "--med-navn"))
    text = visible((tmp_path / "ut" / "rapport.html").read_text(encoding="utf-8"))
    assert "Utfylt av: Kari Nordmann, Ola Nordmann (FAU)" in text  # with the tiltak
    assert f"kari.pdf {area}, {level} Kari Nordmann" in text
    assert str(tmp_path) not in text
    shared = (tmp_path / "ut" / "rapport-til-deling.html").read_text(encoding="utf-8")
    assert "Kari Nordmann" not in shared and "Ola Nordmann" not in shared
