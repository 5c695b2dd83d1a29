"""A filled form prints what was typed into each box, whoever filled it and whoever prints.

Each text box gets different text of the longest length the contract allows (`maxlength`),
with Norwegian letters. The form is filled with pypdf (as scripts do) and with pdf.js (as
Firefox does); the appearances that pypdf, pdf.js, PDFium (Chrome, Edge) and poppler
(Evince, Okular, CUPS) draw are printed to page content, and the text inside each box's
rectangle is read back: it must be that box's own text, complete, no glyph cut by the box's
edge, and large enough to read.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from pdfnames import full_name
from pypdf import PdfWriter
from tools import need

from stavangerstandarden.forms import render_form
from stavangerstandarden.formspec import FormSpec, form_specs, manifest
from stavangerstandarden.loader import load_file

from .conftest import ROOT, Run
from .test_engines import DARK, LIGHT, grey, radio_centres, render_widgets

STANDARDS = [ROOT / "framework" / "stavangerstandarden.yaml",
             ROOT / "tests" / "fixtures" / "annen-kommune.yaml"]
FILLER = ("Vi øker tilsynet i friminuttene på småskoletrinnet, særlig ved sklia og bak "
          "gymsalen, og lærerne går faste runder sammen med foreldrene. ")
LETTER_BOX = 1.19
"""Height of a letter's box as PDFium measures it, per point of type size (Noto Sans)."""
MIN_LETTER_HEIGHT = 7.5 * LETTER_BOX
"""No text is printed below about 7.5 pt, which still reads on paper."""
SLACK, DESCENDER_TAIL = 0.5, 1.5
"""Points a glyph may reach past its box (anti-aliasing; the tail of a g, p or comma)."""
CUT = "\u2702"
"""Stands in the text read back for a glyph the box's edge cuts."""
Printed = dict[str, tuple[str, float]]
"""Field name → (text drawn inside its box, smallest letter height)."""


def typed(spec: FormSpec) -> dict[str, str]:
    """Every visible text field filled to its maxlength, each with text of its own."""
    values = {}
    for f in spec.fields:
        if f.type == "text" and not f.hidden:
            assert f.max_length, f"{f.name} has no maxlength"
            values[f.name] = (f"{f.name} ÆØÅ æøå: " + FILLER * 10)[:f.max_length].rstrip()
    return values


@pytest.fixture(scope="module", params=STANDARDS, ids=lambda p: p.stem)
def blank(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
          ) -> tuple[FormSpec, Path]:
    """The first area form of the standard, as the build writes it."""
    standard = load_file(request.param)
    spec = next(s for s in form_specs(standard) if s.area)
    path = tmp_path_factory.mktemp("blank") / "blank.pdf"
    path.write_bytes(render_form(standard, spec))
    return spec, path


def chosen(spec: FormSpec) -> dict[str, str]:
    """Every statement answered, cycling through the scale."""
    radios = [f for f in spec.fields if f.type == "radio"]
    return {f.name: f.options[i % len(f.options)][0] for i, f in enumerate(radios)}


@pytest.fixture(scope="module")
def by_pypdf(blank: tuple[FormSpec, Path]) -> Path:
    """Filled with pypdf's defaults: appearances written, NeedAppearances set."""
    spec, path = blank
    writer = PdfWriter(clone_from=path)
    answers = {name: f"/{value}" for name, value in chosen(spec).items()}
    writer.update_page_form_field_values(None, {**typed(spec), **answers})
    out = path.with_name("pypdf.pdf")
    writer.write(out)
    return out


@pytest.fixture(scope="module")
def by_pdfjs(blank: tuple[FormSpec, Path], pdfjs_fill: Callable[[Path, dict[str, Any]], Path],
             ) -> Path:
    spec, path = blank
    return pdfjs_fill(path, typed(spec))


def boxes(path: Path) -> list[dict[str, tuple[float, float, float, float]]]:
    """Per page: full field name → its widget's rectangle, for every visible text field."""
    pages = []
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            found = {}
            for annot in page.obj.get("/Annots", pikepdf.Array()):
                if annot.get("/FT") == "/Tx" and not int(annot.get("/F", 0)) & 2:
                    x0, y0, x1, y1 = (float(v) for v in annot.Rect)
                    found[full_name(annot)] = (x0, y0, x1, y1)
            pages.append(found)
    return pages


def printed(doc: pdfium.PdfDocument, rects: list[dict[str, tuple[float, ...]]]) -> Printed:
    """What PDFium reads off the (flattened) pages inside each box."""
    text: dict[str, list[str]] = {}
    smallest: dict[str, float] = {}
    for page, page_rects in zip(doc, rects, strict=True):
        textpage = page.get_textpage()
        for i in range(textpage.count_chars()):
            char = chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i))
            if char.isspace() or pdfium_c.FPDFText_IsGenerated(textpage.raw, i):
                continue
            left, bottom, right, top = textpage.get_charbox(i, loose=True)
            x, y = (left + right) / 2, (bottom + top) / 2
            for name, (x0, y0, x1, y1) in page_rects.items():
                if x0 <= x <= x1 and y0 <= y <= y1:
                    text.setdefault(name, []).append(char)
                    smallest[name] = min(smallest.get(name, 99.0), top - bottom)
                    if not _inside(textpage.get_charbox(i), (x0, y0, x1, y1)):
                        text[name].append(CUT)
    return {name: ("".join(chars), smallest[name]) for name, chars in text.items()}


def _inside(glyph: tuple[float, ...], box: tuple[float, ...]) -> bool:
    """The glyph's ink is inside the box: none of it beyond the sides, at most a descender's
    tail (pypdf's multiline layout lets the last line's descenders reach the bottom edge)."""
    left, bottom, right, top = glyph
    x0, y0, x1, y1 = box
    return (x0 - SLACK <= left and right <= x1 + SLACK
            and y0 - DESCENDER_TAIL <= bottom and top <= y1 + SLACK)


def flattened(path: Path, own_appearances: bool) -> pdfium.PdfDocument:
    """The form as PDFium prints it: with the appearances in the file, or (own_appearances)
    with those PDFium makes itself, as Chrome does for a file with NeedAppearances."""
    doc = pdfium.PdfDocument(str(path))
    if own_appearances:
        doc.init_forms()
    for page in doc:
        assert pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_PRINT) == \
            pdfium_c.FLATTEN_SUCCESS
    out = io.BytesIO()
    doc.save(out)
    return pdfium.PdfDocument(out.getvalue())


def by_poppler(path: Path) -> pdfium.PdfDocument:
    """The form as poppler prints it (pdftocairo -pdf draws every widget as page content)."""
    out = path.with_name(f"poppler-{path.name}")
    subprocess.run([need("pdftocairo"), "-pdf", str(path), str(out)], check=True,
                   timeout=60)
    return pdfium.PdfDocument(str(out))


def assert_each_box_prints_its_own_text(spec: FormSpec, got: Printed, engine: str) -> None:
    values = typed(spec)
    squash = re.compile(r"\s+")
    assert sorted(got) == sorted(values), f"{engine}: boxes with no text drawn"
    for name, value in values.items():
        text, smallest = got[name]
        assert squash.sub("", text) == squash.sub("", value), (
            f"{engine} prints in {name}: {text!r}, typed was {value!r}")
        assert smallest >= MIN_LETTER_HEIGHT, (
            f"{engine} prints {name} with letters {smallest:.1f} pt high: too small to read")


def test_blank_text_widgets_each_have_their_own_appearance(blank):
    """pypdf and PDFium write a typed value into the widget's /AP /N object itself."""
    _, path = blank
    with pikepdf.open(path) as pdf:
        streams = [annot.AP.N.objgen for page in pdf.pages
                   for annot in page.obj.get("/Annots", pikepdf.Array())
                   if annot.get("/FT") == "/Tx"]
    assert streams and len(set(streams)) == len(streams)


def test_pypdf_appearances_print_each_box_own_text(blank, by_pypdf):
    spec, _ = blank
    got = printed(flattened(by_pypdf, own_appearances=False), boxes(by_pypdf))
    assert_each_box_prints_its_own_text(spec, got, "pypdf")


def test_pdfium_prints_each_box_own_text(blank, by_pypdf):
    spec, _ = blank
    got = printed(flattened(by_pypdf, own_appearances=True), boxes(by_pypdf))
    assert_each_box_prints_its_own_text(spec, got, "PDFium")


def test_pdfjs_prints_each_box_own_text(blank, by_pdfjs):
    spec, _ = blank
    got = printed(flattened(by_pdfjs, own_appearances=False), boxes(by_pdfjs))
    assert_each_box_prints_its_own_text(spec, got, "pdf.js")


def test_pdfium_redraws_the_radio_buttons_of_a_pypdf_filled_form(blank, by_pypdf):
    """NeedAppearances makes PDFium draw every widget anew, from /MK: rings and dots stay."""
    spec, _ = blank
    pages = render_widgets(by_pypdf)
    answers = chosen(spec)
    for number, name, state, x, y in radio_centres(by_pypdf):
        bitmap, height = pages[number]
        ring = min(grey(bitmap, x + dx, y, height) for dx in (-5.5, -5, -4.5, 4.5, 5, 5.5))
        assert ring < LIGHT, f"{name}={state}: no ring drawn"
        if answers[name] == state:
            assert grey(bitmap, x, y, height) < DARK, f"{name}={state} is not visibly chosen"
        else:
            assert grey(bitmap, x, y, height) > LIGHT, f"{name}={state} looks chosen"


def test_pdfjs_prints_a_form_filled_elsewhere_with_each_box_own_text(blank, by_pypdf,
                                                                     pdfjs: Run):
    """Firefox printing a form pypdf filled: pdf.js draws each box anew (NeedAppearances)."""
    spec, _ = blank
    done = pdfjs("printed", str(by_pypdf))
    assert done.returncode == 0, done.stderr
    drawn = {name: (got["text"], min(got["fontSizes"], default=0.0) * LETTER_BOX)
             for name, got in json.loads(done.stdout).items()
             if got["text"] and name in typed(spec)}
    assert_each_box_prints_its_own_text(spec, drawn, "pdf.js (print)")


@pytest.mark.parametrize("filler", ["pypdf", "pdfjs"])
def test_poppler_prints_each_box_own_text(blank, request, filler: str):
    spec, _ = blank
    path: Path = request.getfixturevalue(f"by_{filler}")
    got = printed(by_poppler(path), boxes(path))
    assert_each_box_prints_its_own_text(spec, got, f"poppler ({filler})")


@pytest.mark.parametrize("source", STANDARDS, ids=lambda p: p.stem)
def test_manifest_maxlength_is_the_pdf_maxlen(source: Path):
    """The fill page limits typing with the manifest's numbers; viewers with /MaxLen."""
    standard = load_file(source)
    specs = form_specs(standard)
    published = manifest(standard, specs)["forms"][0]
    with pikepdf.open(io.BytesIO(render_form(standard, specs[0]))) as pdf:
        max_len = {full_name(a): int(a.MaxLen) for page in pdf.pages
                   for a in page.obj.get("/Annots", pikepdf.Array()) if "/MaxLen" in a}
    typable = {f["name"]: f["maxlength"] for f in published["fields"] if "maxlength" in f}
    assert max_len == typable
    assert sorted(typable) == sorted(
        f["name"] for f in published["fields"] if f["type"] == "text" and not f.get("hidden"))
