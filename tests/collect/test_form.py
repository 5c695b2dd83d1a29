"""Identifying a form and matching its answers to statements by id."""

from __future__ import annotations

from dataclasses import replace

import pytest
from standards import STAVANGER, picks

from stavangerstandarden.collect.form import Action, interpret
from stavangerstandarden.collect.pdfform import RawForm, Unreadable
from stavangerstandarden.loader import load_file

_STANDARD = load_file(STAVANGER)
P = picks(_STANDARD)
STANDARD = _STANDARD.meta
IDENTITY = {"skjema.standard": STANDARD.id, "skjema.versjon": STANDARD.version,
            "skjema.omrade": P.area.id, "skjema.niva": P.level.id}
SCALE = ", ".join(s.id for s in _STANDARD.scale)


def raw(texts=None, choices=None, **identity) -> RawForm:
    ident = {**IDENTITY, **{f"skjema.{k}": v for k, v in identity.items()}}
    return RawForm({**ident, **(texts or {})},
                   choices if choices is not None else {P.second.id: P.mid, P.third.id: None})


def test_answers_meta_and_actions(standard):
    form = interpret(raw({"meta.klasse": "3B", "tiltak.1.tiltak": "Kaffe", "tiltak.1.frist": "",
                          "tiltak.2.tiltak": "", "tiltak.2.ansvarlig": "",
                          "tiltak.10.ansvarlig": "Rektor"}), standard)
    assert (form.area, form.level, form.version, form.note) == (
        P.area.id, P.level.id, STANDARD.version, "")
    assert form.answers == {P.second.id: P.mid, P.third.id: None}
    assert form.meta["klasse"] == "3B"
    assert form.actions == (
        Action(1, {"tiltak": "Kaffe", "ansvarlig": "", "frist": ""}),
        Action(10, {"tiltak": "", "ansvarlig": "Rektor", "frist": ""}))


def test_answers_follow_source_order(standard):
    choices = {P.third.id: P.low, P.first.id: P.mid}
    assert list(interpret(raw(choices=choices), standard).answers) == [P.first.id, P.third.id]


def test_complete_form_has_no_area(standard):
    assert interpret(raw(omrade=""), standard).area == ""


def test_older_version_with_known_statements_counts_with_note(standard):
    form = interpret(raw(versjon="2019.1"), standard)
    assert form.note == ("skjema fra versjon 2019.1; alle utsagnene finnes også i versjon "
                         f"{STANDARD.version} og er talt med")


@pytest.mark.parametrize(("form", "reason"), [
    (RawForm({}, {}), "PDF-filen har ingen skjemafelt og viser ingen skannede sider: den er "
                      "ikke et skjema"),
    (RawForm({"navn": "Ola"}, {}), "PDF-filen er ikke et egenvurderingsskjema fra "
     f"{STANDARD.title} (den mangler skjemaets skjulte kjennetegn)"),
    (raw(standard="bergensstandarden"), "skjemaet hører til en annen standard "
     f"(«bergensstandarden»), ikke {STANDARD.title}"),
    (raw(versjon="2019.1", choices={"relasjoner-gammel": P.mid, P.third.id: None}),
     "skjemaet er fra versjon 2019.1 av standarden og har 1 utsagn som ikke finnes i versjon "
     f"{STANDARD.version} (relasjoner-gammel); fyll ut et nytt skjema"),
    (raw(choices={"ukjent-utsagn": None}),
     "skjemaet har utsagn som ikke finnes i standarden (ukjent-utsagn)"),
    (raw(choices={P.third.id: "Yes"}), f"ukjent svar «Yes» på utsagn {P.third.id}; "
     f"forventet ett av {SCALE}"),
    (raw(omrade="fotball"), "skjemaet gjelder et område som ikke finnes i standarden: «fotball»"),
    (raw(niva="trinn-99"), "skjemaet gjelder et nivå som ikke finnes i standarden: «trinn-99»"),
], ids=["no-fields", "not-ours", "other-standard", "old-version", "unknown-id", "unknown-value",
        "unknown-area", "unknown-level"])
def test_forms_that_cannot_be_counted_say_why(standard, form, reason):
    with pytest.raises(Unreadable) as info:
        interpret(form, standard)
    assert str(info.value) == reason


def test_nothing_about_this_standard_is_hard_coded(standard):
    scale = tuple(replace(step, id=f"s{i}") for i, step in enumerate(standard.scale))
    other = replace(standard, scale=scale, meta=replace(standard.meta, id="annen"))
    form = interpret(raw(standard="annen", choices={P.third.id: "s1"}), other)
    assert form.answers == {P.third.id: "s1"}
