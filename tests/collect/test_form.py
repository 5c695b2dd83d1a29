"""Identifying a form and matching its answers to statements by id."""

from __future__ import annotations

from dataclasses import replace

import pytest

from stavangerstandarden.collect.form import Action, interpret
from stavangerstandarden.collect.pdfform import RawForm, Unreadable

IDENTITY = {"skjema.standard": "stavangerstandarden", "skjema.versjon": "2020.1",
            "skjema.omrade": "gode-relasjoner", "skjema.niva": "trinn-3"}


def raw(texts=None, choices=None, **identity) -> RawForm:
    ident = {**IDENTITY, **{f"skjema.{k}": v for k, v in identity.items()}}
    return RawForm({**ident, **(texts or {})},
                   choices if choices is not None else {"relasjoner-tett-kontakt": "bedre",
                                                        "relasjoner-matpakker": None})


def test_answers_meta_and_actions(standard):
    form = interpret(raw({"meta.klasse": "3B", "tiltak.1.tiltak": "Kaffe", "tiltak.1.frist": "",
                          "tiltak.2.tiltak": "", "tiltak.2.ansvarlig": "",
                          "tiltak.10.ansvarlig": "Rektor"}), standard)
    assert (form.area, form.level, form.version, form.note) == (
        "gode-relasjoner", "trinn-3", "2020.1", "")
    assert form.answers == {"relasjoner-tett-kontakt": "bedre", "relasjoner-matpakker": None}
    assert form.meta["klasse"] == "3B"
    assert form.actions == (
        Action(1, {"tiltak": "Kaffe", "ansvarlig": "", "frist": ""}),
        Action(10, {"tiltak": "", "ansvarlig": "Rektor", "frist": ""}))


def test_answers_follow_source_order(standard):
    choices = {"relasjoner-inkluderende": "endres", "relasjoner-snakker-positivt": "bedre"}
    assert list(interpret(raw(choices=choices), standard).answers) == [
        "relasjoner-snakker-positivt", "relasjoner-inkluderende"]


def test_complete_form_has_no_area(standard):
    assert interpret(raw(omrade=""), standard).area == ""


def test_older_version_with_known_statements_counts_with_note(standard):
    form = interpret(raw(versjon="2019.1"), standard)
    assert form.note == ("skjema fra versjon 2019.1; alle utsagnene finnes også i versjon "
                         "2020.1 og er talt med")


@pytest.mark.parametrize(("form", "reason"), [
    (RawForm({}, {}), "PDF-filen har ingen skjemafelt; et skannet papirskjema må telles for hånd"),
    (RawForm({"navn": "Ola"}, {}), "PDF-filen er ikke et egenvurderingsskjema fra "
     "Stavangerstandarden (den mangler skjemaets skjulte kjennetegn)"),
    (raw(standard="bergensstandarden"), "skjemaet hører til en annen standard "
     "(«bergensstandarden»), ikke Stavangerstandarden"),
    (raw(versjon="2019.1", choices={"relasjoner-gammel": "bedre", "relasjoner-matpakker": None}),
     "skjemaet er fra versjon 2019.1 av standarden og har 1 utsagn som ikke finnes i versjon "
     "2020.1 (relasjoner-gammel); fyll ut et nytt skjema"),
    (raw(choices={"ukjent-utsagn": None}),
     "skjemaet har utsagn som ikke finnes i standarden (ukjent-utsagn)"),
    (raw(choices={"relasjoner-matpakker": "Yes"}), "ukjent svar «Yes» på utsagn "
     "relasjoner-matpakker; forventet ett av endres, bedre, tilfreds"),
    (raw(omrade="fotball"), "skjemaet gjelder et område som ikke finnes i standarden: «fotball»"),
    (raw(niva="trinn-11"), "skjemaet gjelder et nivå som ikke finnes i standarden: «trinn-11»"),
], ids=["no-fields", "not-ours", "other-standard", "old-version", "unknown-id", "unknown-value",
        "unknown-area", "unknown-level"])
def test_forms_that_cannot_be_counted_say_why(standard, form, reason):
    with pytest.raises(Unreadable) as info:
        interpret(form, standard)
    assert str(info.value) == reason


def test_nothing_about_this_standard_is_hard_coded(standard):
    scale = tuple(replace(step, id=f"s{i}") for i, step in enumerate(standard.scale))
    other = replace(standard, scale=scale, meta=replace(standard.meta, id="annen"))
    form = interpret(raw(standard="annen", choices={"relasjoner-matpakker": "s2"}), other)
    assert form.answers == {"relasjoner-matpakker": "s2"}
