"""Nothing is cut and nothing overlaps, even with very long statements: a source with long
statements (and many of them) must paginate with whole rows, widgets inside the page's
content area, no widget over text or over another widget, and every word extractable."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from stavangerstandarden.forms import render_form
from stavangerstandarden.formspec import FormSpec, form_specs
from stavangerstandarden.model import Area, Standard, Statement

MM = 72 / 25.4
EDGE = 10 * MM
"""No widget closer than this to any page edge (the template's margins are wider)."""
LONG = (
    "Foreldrene våre deltar jevnlig på foreldremøter og skoleavslutninger, de svarer raskt "
    "på meldinger fra kontaktlæreren, de hjelper til når klassen skal på tur, og de sørger "
    "for at vi kommer uthvilte og mette på skolen hver eneste dag gjennom hele skoleåret. "
)

CONTINUED_WORD = "fortsatt"
"""The bokmål word after a continued section's name (a message id in the template)."""


def long_statements(area: Area, copies: int) -> tuple[Statement, ...]:
    """Each statement repeated `copies` times with a long, distinct text."""
    return tuple(
        replace(s, id=f"{s.id}-{n}", text=f"{n}. {s.text}. {LONG * (1 + (i + n) % 4)}".strip())
        for n in range(1, copies + 1) for i, s in enumerate(area.statements)
    )


@pytest.fixture(scope="module")
def long_standard(standard: Standard) -> Standard:
    areas = tuple(replace(a, statements=long_statements(a, 3)) for a in standard.areas)
    return replace(standard, areas=areas)


@pytest.fixture(scope="module")
def rendered(long_standard: Standard) -> list[tuple[FormSpec, bytes]]:
    specs = form_specs(long_standard)
    chosen = [specs[0], next(s for s in specs if s.area is None)]
    return [(spec, render_form(long_standard, spec)) for spec in chosen]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def widget_boxes(pdf: bytes) -> list[tuple[int, str, tuple[float, float, float, float]]]:
    out = []
    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages):
        for ref in page.get("/Annots", ()):
            w = ref.get_object()
            if w.get("/Subtype") == "/Widget" and not int(w["/F"]) & 2:
                owner = w if "/T" in w else w["/Parent"].get_object()
                x0, y0, x1, y1 = (float(v) for v in w["/Rect"])
                out.append((number, str(owner["/T"]), (min(x0, x1), min(y0, y1),
                                                       max(x0, x1), max(y0, y1))))
    return out


def test_long_forms_take_several_pages(rendered):
    for spec, pdf in rendered:
        assert len(PdfReader(io.BytesIO(pdf)).pages) >= 2, spec.file


def test_widgets_stay_inside_the_page_and_never_overlap(rendered):
    for spec, pdf in rendered:
        page_w, page_h = (float(v) for v in PdfReader(io.BytesIO(pdf)).pages[0].mediabox[2:])
        boxes = widget_boxes(pdf)
        for _, name, (x0, y0, x1, y1) in boxes:
            assert EDGE <= x0 < x1 <= page_w - EDGE, f"{spec.file}: {name} at x {x0}–{x1}"
            assert EDGE <= y0 < y1 <= page_h - EDGE, f"{spec.file}: {name} at y {y0}–{y1}"
        for i, (page_a, a_name, a) in enumerate(boxes):
            for page_b, b_name, b in boxes[i + 1:]:
                apart = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
                assert page_a != page_b or apart, f"{a_name} overlaps {b_name}"


def test_no_text_lies_under_a_widget(rendered):
    for spec, pdf in rendered:
        doc = pdfium.PdfDocument(pdf)
        for number, name, (x0, y0, x1, y1) in widget_boxes(pdf):
            under = doc[number].get_textpage().get_text_bounded(x0, y0, x1, y1)
            assert not under.strip(), f"{spec.file}: text {under!r} under {name}"


def test_each_statement_row_is_whole_on_the_page_of_its_buttons(rendered):
    for spec, pdf in rendered:
        doc = pdfium.PdfDocument(pdf)
        pages = [squash(page.get_textpage().get_text_range()) for page in doc]
        buttons: dict[str, set[tuple[int, float]]] = {}
        for number, name, (_, y0, _, y1) in widget_boxes(pdf):
            buttons.setdefault(name, set()).add((number, round((y0 + y1) / 2, 1)))
        for _, pairs in spec.statements:
            for statement, text in pairs:
                places = buttons[statement.id]
                assert len(places) == 1, f"{statement.id}: buttons not on one line"
                (number, _), = places
                assert squash(text) in pages[number], f"{statement.id} is split or cut"


def test_a_page_that_continues_an_area_names_it_at_the_top(rendered):
    for spec, pdf in rendered:
        doc = pdfium.PdfDocument(pdf)
        pages = [squash(page.get_textpage().get_text_range()) for page in doc]
        rows = {name: number for number, name, _ in widget_boxes(pdf)}
        for area, pairs in spec.statements:
            first = rows[pairs[0][0].id]
            for number in sorted({rows[s.id] for s, _ in pairs} - {first}):
                mark = squash(f"{area.title} ({CONTINUED_WORD})")
                assert pages[number].startswith(mark), f"{spec.file} page {number + 1}"
