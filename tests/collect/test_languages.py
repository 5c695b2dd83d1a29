"""`collect` counts forms in every language together, and writes its report in a chosen one.

The forms are the renderer's own PDFs in bokmål and a sample of the translated languages
(Latin and Ge'ez script, left to right and right to left), filled with pypdf, plus a form made
before `skjema.sprak` existed (read as bokmål).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from html import escape
from pathlib import Path

import pytest
from standards import OTHER, STAVANGER, counts, picks

from stavangerstandarden import contract as c
from stavangerstandarden.cli import main
from stavangerstandarden.forms import render_form
from stavangerstandarden.forms.content import localized
from stavangerstandarden.formspec import FormSpec, form_specs
from stavangerstandarden.i18n.editions import translated_editions
from stavangerstandarden.loader import load_file
from stavangerstandarden.model import Standard

from .conftest import FormBuilder, pypdf_fill, spec_for

Fill = Callable[..., bytes]
SAMPLE = ("nn", "en", "ar", "ti")
"""The translated languages whose forms are filled: rendering every one proves no more."""


@dataclass(frozen=True)
class Inbox:
    folder: Path
    chosen: dict[str, str]
    """The first statement's answer per file."""


@pytest.fixture(scope="module")
def inbox(standard: Standard, specs: tuple[FormSpec, ...],
          tmp_path_factory: pytest.TempPathFactory) -> Inbox:
    """The forms of `forms_in_every_language`, rendered once for the module's tests."""
    folder = tmp_path_factory.mktemp("sprak") / "inn"
    return Inbox(folder, forms_in_every_language(standard, specs, pypdf_fill, folder))


def forms_in_every_language(standard: Standard, specs: tuple[FormSpec, ...], fill: Fill,
                            folder: Path) -> dict[str, str]:
    """A filled form of the same area and level in nb and each SAMPLE language, and an nb
    form without `skjema.sprak`, in `folder`; returns the first statement's answer per file."""
    p = picks(standard)
    spec = spec_for(specs, p.area.id, p.level.id)
    pdfs = {"nb": render_form(standard, spec)}
    editions = {e.language: e for e in translated_editions(standard)}
    assert set(SAMPLE) < set(editions)
    for language in SAMPLE:
        e = editions[language]
        theirs = spec_for(form_specs(e.standard, localized(e.language)), p.area.id, p.level.id)
        pdfs[e.language] = render_form(e.standard, theirs, e)
    chosen = {"nb": p.low, "nn": p.low, "en": p.mid, "ar": p.mid, "ti": p.high}
    folder.mkdir()
    for language, pdf in pdfs.items():
        values = {p.first.id: chosen[language], p.second.id: p.high, "meta.skole": language}
        (folder / f"{language}.pdf").write_bytes(fill(pdf, values))
    old = FormBuilder(replace(spec, fields=tuple(f for f in spec.fields
                                                 if f.name != c.identity_field("sprak"))))
    old.choose(p.first.id, p.high)
    (folder / "gammel.pdf").write_bytes(old.bytes())
    return {**{f"{lang}.pdf": step for lang, step in chosen.items()}, "gammel.pdf": p.high}


def test_forms_in_every_language_are_counted_together(standard: Standard, inbox: Inbox,
                                                      tmp_path: Path) -> None:
    chosen = inbox.chosen
    out = tmp_path / "ut"
    assert main(["collect", str(inbox.folder), "--out", str(out),
                 "--source", str(STAVANGER)]) == 0
    summary = json.loads((out / "sammendrag.json").read_text("utf-8"))
    p = picks(standard)
    expected: dict[str, int] = {}
    for step in chosen.values():
        expected[step] = expected.get(step, 0) + 1
    assert summary["statements"][p.first.id] == counts(standard, expected)
    assert summary["statements"][p.second.id] == counts(
        standard, {p.high: 1 + len(SAMPLE), "ubesvart": 1})
    assert {Path(f["file"]).name: f["sprak"] for f in summary["files"]} == {
        **{f"{lang}.pdf": lang for lang in ("nb", *SAMPLE)}, "gammel.pdf": "nb"}


def test_report_in_english(standard: Standard, inbox: Inbox, tmp_path: Path,
                           capsys: pytest.CaptureFixture[str]) -> None:
    """Without --source: the shipped standard and the translations beside it."""
    out = tmp_path / "ut"
    assert main(["collect", str(inbox.folder), "--out", str(out), "--sprak", "en"]) == 0
    n = len(inbox.chosen)
    english = next(e for e in translated_editions(standard) if e.language == "en").standard
    p = picks(english)
    html = (out / "rapport.html").read_text("utf-8")
    assert html.startswith('<!DOCTYPE html>\n<html lang="en" dir="ltr">')
    for text in ("Summary of self-assessments", "How to read the details", "Files read",
                 f"{n} forms counted", p.area.title, p.first.text, english.scale[0].label,
                 english.actions.title):
        assert text in html, text
    for bokmal in ("Sammendrag av egenvurderinger", "Filer som er lest", standard.areas[0].title,
                   standard.statements[0].text):
        assert bokmal not in html, bokmal
    assert (f"{n} of {n} files counted. Wrote sammendrag.json, svar.csv, rapport.html, "
            "rapport-til-deling.html, til-kommunen.json in ") in capsys.readouterr().out
    csv = (out / "svar.csv").read_text("utf-8-sig")
    assert csv.splitlines()[0].startswith("fil;område;nivå;utsagn;utsagnstekst;svar;svartekst")
    assert f";{p.first.id};{p.first.text};" in csv


def test_reports_in_arabic_run_right_to_left(standard: Standard, inbox: Inbox,
                                             tmp_path: Path) -> None:
    out = tmp_path / "ut"
    assert main(["collect", str(inbox.folder), "--out", str(out), "--sprak", "ar"]) == 0
    arabic = next(e for e in translated_editions(standard) if e.language == "ar").standard
    p = picks(arabic)
    for report in ("rapport.html", "rapport-til-deling.html"):
        html = (out / report).read_text("utf-8")
        assert html.startswith('<!DOCTYPE html>\n<html lang="ar" dir="rtl">'), report
        for text in ("ملخص التقييمات الذاتية", p.area.title, p.first.text, arabic.scale[0].label):
            assert escape(text) in html, (report, text)
        assert standard.statements[0].text not in html


def test_report_in_nynorsk_for_a_standard_without_translations(tmp_path: Path) -> None:
    """Annen kommune has no translations: the report's words are nynorsk, its texts bokmål."""
    other = load_file(OTHER)
    p = picks(other)
    form = FormBuilder(spec_for(form_specs(other), p.area.id, p.level.id))
    form.choose(p.first.id, p.low)
    (tmp_path / "inn").mkdir()
    (tmp_path / "inn" / "skjema.pdf").write_bytes(form.bytes())
    out = tmp_path / "ut"
    assert main(["collect", str(tmp_path / "inn"), "--out", str(out), "--source", str(OTHER),
                 "--sprak", "nn"]) == 0
    html = (out / "rapport.html").read_text("utf-8")
    assert '<html lang="nn" dir="ltr">' in html
    assert "Samandrag av eigenvurderingar" in html and p.first.text in html


def test_unknown_report_language_is_refused(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "inn").mkdir()
    assert main(["collect", str(tmp_path / "inn"), "--out", str(tmp_path / "ut"),
                 "--sprak", "xx"]) == 2
    assert ("stavangerstandarden collect: feil: ukjent språk «xx» for rapporten; velg ett av "
            "nb, ar, en, lt, nn, pl, so, ti, uk") in capsys.readouterr().err
    assert not (tmp_path / "ut").exists()


def test_reasons_for_files_not_counted_are_in_the_reports_language(
        standard: Standard, inbox: Inbox, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    """A reason with values (another standard's form), one inside another (a note's file
    type) and one without (a cut-off PDF) read in every language; `sammendrag.json` keeps
    the bokmål text, its contract."""
    folder = tmp_path / "inn"
    folder.mkdir()
    nb_form = (inbox.folder / "nb.pdf").read_bytes()
    (folder / "nb.pdf").write_bytes(nb_form)
    (folder / "avkortet.pdf").write_bytes(nb_form[:len(nb_form) // 2])
    (folder / "notat.txt").write_text("ikke et skjema", "utf-8")
    other = load_file(OTHER)
    p = picks(other)
    foreign = FormBuilder(spec_for(form_specs(other), p.area.id, p.level.id))
    foreign.choose(p.first.id, p.low)
    (folder / "annen.pdf").write_bytes(foreign.bytes())
    values = {"annen.pdf": (other.meta.id, standard.meta.title), "notat.txt": (".txt",),
              "avkortet.pdf": ()}
    reasons: dict[str, str] = {}
    for language in ("nb", *sorted(languages_of(standard))):
        out = tmp_path / language
        assert main(["collect", str(folder), "--out", str(out), "--source", str(STAVANGER),
                     "--sprak", language]) == 1
        files = json.loads((out / "sammendrag.json").read_text("utf-8"))["files"]
        bokmal = {Path(f["file"]).name: f["reason"] for f in files if f["status"] != "ok"}
        assert set(bokmal) == set(values)
        reasons = reasons or bokmal
        assert bokmal == reasons, language  # the contract's text, whatever the report's
        html = (out / "rapport.html").read_text("utf-8")
        err = capsys.readouterr().err
        lines = {name: line for line in err.splitlines() for name in values
                 if Path(line.split(": ", 1)[0]).name == name}
        for name, shown in values.items():
            for value in shown:
                assert escape(value) in html and value in lines[name], (language, name, value)
            if language == "nb":
                assert escape(bokmal[name]) in html and lines[name].endswith(bokmal[name])
            else:
                assert escape(bokmal[name]) not in html, (language, name)
                assert bokmal[name] not in lines[name], (language, name)


def languages_of(standard: Standard) -> set[str]:
    """The languages the report can be written in, from the translations beside the source."""
    return {e.language for e in translated_editions(standard)}
