"""Reading one PDF's form fields: every way a viewer may have saved the answers."""

from __future__ import annotations

import io
import random

import pytest
from pikepdf import FormFieldFlag
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject, NumberObject, TextStringObject
from standards import STAVANGER, picks

from stavangerstandarden.collect.pdfform import Engine, Unreadable, read_form
from stavangerstandarden.loader import load_file

P = picks(load_file(STAVANGER))
ONE = P.second.id
"""The statement the single-answer tests choose a step for."""
ANSWERS = {ONE: P.mid, P.third.id: P.low}


def chosen(data: bytes, reader_engine: Engine) -> dict[str, str | None]:
    return {k: v for k, v in read_form(data, reader_engine).choices.items() if v is not None}


@pytest.mark.parametrize("options", [{}, {"numeric_states": True}], ids=["names", "opt"])
def test_radio_answers_and_texts_read_back(reader_engine, make_form, options):
    data = make_form(answers=ANSWERS, texts={"meta.klasse": "3B", "tiltak.2.frist": "mai"},
                     **options)
    form = read_form(data, reader_engine)
    assert chosen(data, reader_engine) == ANSWERS
    assert form.choices[P.first.id] is None
    assert form.texts["meta.klasse"] == "3B"
    assert form.texts["tiltak.2.frist"] == "mai"
    assert form.texts["skjema.omrade"] == P.area.id
    assert form.texts["skjema.niva"] == P.level.id


def test_pypdf_fill_writes_radio_value_as_string_and_still_reads(reader_engine, builder, fill):
    data = fill(builder().bytes(), ANSWERS)
    field = PdfReader(io.BytesIO(data)).get_fields()[ONE]
    assert isinstance(field["/V"], TextStringObject)
    assert chosen(data, reader_engine) == ANSWERS


def test_incremental_update_wins_over_the_original(reader_engine, builder, fill):
    original = fill(builder().bytes(), {ONE: P.low})
    updated = fill(original, {ONE: P.high}, incremental=True)
    assert updated.startswith(original)
    assert chosen(updated, reader_engine) == {ONE: P.high}


@pytest.mark.parametrize(("keep_in_kids", "in_fields"),
                         [(True, False), (False, True), (False, False)],
                         ids=["still-a-kid", "own-field", "only-on-page"])
def test_preview_strips_parent_from_chosen_button(reader_engine, builder, keep_in_kids, in_fields):
    form = builder()
    for name, value in ANSWERS.items():
        form.choose(name, value)
        form.preview_save(name, keep_in_kids=keep_in_kids, in_fields=in_fields)
    data = form.bytes()
    assert chosen(data, reader_engine) == ANSWERS
    assert P.first.id in read_form(data, reader_engine).choices


def test_widget_state_wins_when_group_value_is_missing(reader_engine, builder):
    form = builder()
    form.choose(ONE, P.mid)
    del form.nodes[ONE]["/V"]
    assert chosen(form.bytes(), reader_engine) == {ONE: P.mid}


def test_group_value_used_when_no_widget_is_on(reader_engine, builder):
    form = builder()
    form.nodes[ONE][NameObject("/V")] = NameObject(f"/{P.low}")
    assert chosen(form.bytes(), reader_engine) == {ONE: P.low}


def test_pdfium_line_breaks_are_normalised(reader_engine, make_form):
    data = make_form(texts={"tiltak.1.tiltak": "  Første linje\r\nandre\rtredje\n"})
    assert read_form(data, reader_engine).texts["tiltak.1.tiltak"] == "Første linje\nandre\ntredje"


def _encrypted(data: bytes, user: str, algorithm: str = "RC4-128") -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user, owner_password="eier", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_encrypted_with_password_is_unreadable(reader_engine, make_form):
    with pytest.raises(Unreadable) as info:
        read_form(_encrypted(make_form(answers=ANSWERS), "hemmelig"), reader_engine)
    assert str(info.value) == ("PDF-filen er kryptert eller passordbeskyttet; be om skjemaet "
                               "lagret uten passord")


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_encrypted_without_open_password_is_read(reader_engine, make_form, algorithm):
    assert chosen(_encrypted(make_form(answers=ANSWERS), "", algorithm), reader_engine) == ANSWERS


TRUNCATED = ("PDF-filen er ufullstendig (avkortet, f.eks. en avbrutt nedlasting eller et "
             "vedlegg som ikke ble lagret helt)")


@pytest.mark.parametrize(("mangle", "reason"), [
    (lambda d: b"", "filen er ikke en PDF"),
    (lambda d: b"PK\x03\x04 a zip file", "filen er ikke en PDF"),
    (lambda d: d[: len(d) // 2], TRUNCATED),
    (lambda d: d[:-40], TRUNCATED),
    (lambda d: d[:9] + b"\x00" * (len(d) - 20) + d[-11:], "PDF-filen er skadet og kan ikke leses"),
], ids=["empty", "zip", "half", "no-eof", "zeroed"])
def test_broken_files_give_a_reason(reader_engine, make_form, mangle, reason):
    with pytest.raises(Unreadable) as info:
        read_form(mangle(make_form(answers=ANSWERS)), reader_engine)
    assert str(info.value) == reason


def test_pdf_without_fields_reads_as_empty(reader_engine):
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    form = read_form(out.getvalue(), reader_engine)
    assert (form.texts, form.choices) == ({}, {})


def test_broken_xref_is_repaired_and_said(reader_engine, make_form):
    data = make_form(answers=ANSWERS)
    start = data.rindex(b"startxref") + len(b"startxref\n")
    broken = data[:start] + b"999" + data[data.index(b"\n", start):]
    form = read_form(broken, reader_engine)
    assert form.repaired
    assert {k: v for k, v in form.choices.items() if v} == ANSWERS
    assert not read_form(data, reader_engine).repaired


def test_random_damage_never_crashes(reader_engine, builder, fill):
    """Seeded byte flips, cuts and insertions: every outcome is a form or a reason."""
    base = fill(builder().bytes(), ANSWERS)
    rnd = random.Random(5)
    outcomes = set()
    for _ in range(150):
        data = bytearray(base)
        for _ in range(rnd.choice([1, 5, 30])):
            pos = rnd.randrange(len(data) - 60)
            if rnd.random() < 0.6:
                data[pos] = rnd.randrange(256)
            else:
                del data[pos:pos + rnd.randrange(1, 50)]
        try:
            outcomes.add(type(read_form(bytes(data), reader_engine)).__name__)
        except Unreadable:
            outcomes.add("Unreadable")
    assert outcomes == {"RawForm", "Unreadable"}


def test_two_buttons_on_in_one_group_is_not_guessed(reader_engine, builder):
    form = builder()
    form.choose(ONE, P.mid)
    first = form.widgets[ONE][0].get_object()
    first[NameObject("/AS")] = NameObject(f"/{P.low}")
    with pytest.raises(Unreadable) as info:
        read_form(form.bytes(), reader_engine)
    both = ", ".join(sorted({P.mid, P.low}))
    assert str(info.value) == (f"utsagnet {ONE} er krysset av flere steder "
                               f"({both}), så svaret kan ikke leses sikkert")


def test_push_button_is_no_answer(reader_engine, builder):
    """A push button (e.g. "Skriv ut" added by an editor) has no value; its flag is an
    integer, which pikepdf hands out as a Python int."""
    form = builder()
    form.choose(ONE, P.mid)
    button = DictionaryObject({NameObject("/FT"): NameObject("/Btn"),
                               NameObject("/T"): TextStringObject("skriv-ut"),
                               NameObject("/Ff"): NumberObject(int(FormFieldFlag.btn_pushbutton))})
    form.fields.append(form.writer._add_object(button))
    choices = read_form(form.bytes(), reader_engine).choices
    assert "skriv-ut" not in choices
    assert choices[ONE] == P.mid
