"""Typed text keeps clear of the cell's border: every text field's box is its Typst cell's
box narrowed by TEXT_PADDING on the left and the right, its appearance is drawn in exactly that
box (BBox), blank and as pdf.js writes it on filling, and what pdf.js writes starts inside it.
test_filled_appearance then reads the printed text back inside each box."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pikepdf
import pytest
from pdfnames import full_name

from stavangerstandarden.forms import render_form
from stavangerstandarden.forms.content import LINK_PREFIX, form_content
from stavangerstandarden.forms.paper import paper_data
from stavangerstandarden.forms.typeset import typeset
from stavangerstandarden.forms.widgets import PADDED_MAX_LENGTH, TEXT_PADDING, padded
from stavangerstandarden.formspec import FormSpec, form_specs
from stavangerstandarden.loader import load_file
from stavangerstandarden.model import Standard

from .test_filled_appearance import STANDARDS, typed

CLEARANCE = 2.0
"""Points at least between a cell's left or right border and the box typed text goes in."""
_TD = re.compile(rb"(-?[\d.]+) (-?[\d.]+) Td \(")


def rect(obj: pikepdf.Object) -> tuple[float, ...]:
    x0, y0, x1, y1 = (float(v) for v in obj.Rect)
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def padded_fields(spec: FormSpec) -> set[str]:
    return {f.name for f in spec.fields if f.type == "text" and not f.hidden
            and (f.max_length or 0) <= PADDED_MAX_LENGTH}


def text_boxes(path: Path) -> dict[str, pikepdf.Object]:
    """Full field name → its widget, for every visible text field."""
    out = {}
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            for annot in page.obj.get("/Annots", pikepdf.Array()):
                if annot.get("/FT") == "/Tx" and not int(annot.get("/F", 0)) & 2:
                    out[full_name(annot)] = (rect(annot), [float(v) for v in annot.AP.N.BBox],
                                         annot.AP.N.read_bytes())
    return out


def cells(standard: Standard, spec: FormSpec) -> dict[str, tuple[float, ...]]:
    """Field name → the box Typst laid out for it (its placeholder link's rectangle)."""
    content = form_content(standard, spec)
    out = {}
    with pikepdf.open(io.BytesIO(typeset({**content.data, "paper": paper_data(None)}))) as pdf:
        for page in pdf.pages:
            for annot in page.obj.get("/Annots", pikepdf.Array()):
                uri = str(annot.get("/A", {}).get("/URI", ""))
                widget = content.widgets.get(uri.removeprefix(LINK_PREFIX))
                if uri.startswith(LINK_PREFIX) and widget and widget.option is None:
                    out[widget.field.name] = rect(annot)
    return out


@pytest.fixture(scope="module", params=STANDARDS, ids=lambda p: p.stem)
def form(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
         ) -> tuple[FormSpec, Path, dict[str, tuple[float, ...]]]:
    """The first area form as the build writes it, and the cells Typst laid out for it."""
    standard = load_file(request.param)
    spec = next(s for s in form_specs(standard) if s.area)
    path = tmp_path_factory.mktemp("padding") / "blank.pdf"
    path.write_bytes(render_form(standard, spec))
    return spec, path, cells(standard, spec)


def test_padded_narrows_only_a_box_wide_enough():
    assert [float(v) for v in padded(pikepdf.Array([10, 20, 110, 40]), 2)] == [12, 20, 108, 40]
    assert [float(v) for v in padded(pikepdf.Array([110, 40, 10, 20]), 2)] == [12, 20, 108, 40]
    assert [float(v) for v in padded(pikepdf.Array([0, 0, 7, 10]), 2)] == [0, 0, 7, 10]


def test_every_short_text_box_keeps_clear_of_its_cell(form):
    spec, path, laid_out = form
    boxes = text_boxes(path)
    assert set(boxes) == set(laid_out) and padded_fields(spec)
    for name, (box, bbox, _) in boxes.items():
        x0, y0, x1, y1 = laid_out[name]
        pad = TEXT_PADDING if name in padded_fields(spec) else 0
        if pad:
            assert min(box[0] - x0, x1 - box[2]) >= CLEARANCE - 0.01, name
        assert box == pytest.approx((x0 + pad, y0, x1 - pad, y1), abs=0.01)
        assert bbox == pytest.approx([0, 0, box[2] - box[0], box[3] - box[1]], abs=0.01), name


def test_pdfjs_writes_the_typed_text_inside_the_padded_box(form, pdfjs_fill):
    spec, path, laid_out = form
    filled = text_boxes(pdfjs_fill(path, typed(spec)))
    for name, (box, bbox, stream) in filled.items():
        if name not in padded_fields(spec):
            continue
        assert bbox == pytest.approx([0, 0, box[2] - box[0], box[3] - box[1]], abs=0.01), name
        starts = [float(m.group(1)) for m in _TD.finditer(stream)]
        assert starts, f"{name}: pdf.js wrote no text"
        # Each line's start, relative to the cell: the padding plus pdf.js's own margin.
        left = box[0] - laid_out[name][0]
        assert all(left + x >= CLEARANCE - 0.01 for x in _absolute(starts)), name


def _absolute(shifts: list[float]) -> list[float]:
    """pdf.js moves each line with a relative Td; the x of each line from the box's left."""
    out, x = [], 0.0
    for dx in shifts:
        x += dx
        out.append(x)
    return out
