"""What the fill page's PDF prints in the tiltak boxes: every typed word, inside its box with
room to spare on the right, no wrapped line starting with a space, letters large enough to
read. The PDF is made in Chromium by the fill page (pdf.js draws the lines the page lays
out) and printed by PDFium (the file's own appearances, as Chrome prints) and by poppler."""

from __future__ import annotations

import io
import json
import re
import subprocess
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from pdfnames import full_name

from stavangerstandarden import contract as c
from stavangerstandarden.fill.fields import max_length

from .conftest import page_path

RIGHT_CLEARANCE = 2.0
"""Points between the last letter's ink and the box's right edge (the cell's border)."""
LEFT_CLEARANCE = 1.0
MIN_LETTER_HEIGHT = 7.5 * 1.19
"""About 7.5 pt type, as tests/forms/test_filled_appearance.py (PDFium's letter box 1.19×)."""
SENTENCE = ("Vi øker tilsynet i friminuttene på småskoletrinnet, særlig ved sklia og bak "
            "gymsalen, og lærerne går faste runder sammen med «FAU». ")
LONG_WORD = "Foreldremøteplanleggingskomitéarbeidsgruppemedlemmene"


def texts(spec) -> dict[str, str]:
    """Every tiltak box filled, each row its own way: as far as it takes, the parent's own
    line breaks (a shorter text: each break costs a line), a word longer than the box, double
    spaces."""
    shapes = [lambda n: SENTENCE * 8,
              lambda n: f"Første punkt.\nAndre punkt, {n}.\n\n" + SENTENCE * 2,
              lambda n: f"{LONG_WORD} {LONG_WORD} " + SENTENCE * 8,
              lambda n: "To  mellomrom  mellom  ordene  her,  " * 20]
    values = {}
    for f in spec.fields:
        row = f.name.split(".")
        if f.type == "text" and row[0] == c.ACTION_PREFIX:
            shape = shapes[(int(row[1]) - 1) % len(shapes)]
            values[f.name] = f"{row[2]} {row[1]}: {shape(row[1])}"[:max_length(f)].rstrip()
    return values


@pytest.fixture(scope="module", params=["stavanger", "annen"])
def filled(request, built, driver, tmp_path_factory):
    b = built[request.param]
    spec = next(s for s in b.specs if s.area)
    values = texts(spec)
    tmp = tmp_path_factory.mktemp("printed")
    (tmp / "v.json").write_text(json.dumps(values, ensure_ascii=False), "utf-8")
    driver("fill", str(b.site), page_path(spec), str(tmp / "v.json"), str(tmp / "out.pdf"),
           "1280", "900", "offline")
    return values, tmp / "out.pdf"


def widgets(path: Path) -> dict[str, tuple[int, tuple[float, ...], list[str]]]:
    """Multi-line text field → (page, box, the lines its appearance draws)."""
    out = {}
    with pikepdf.open(path) as pdf:
        for number, page in enumerate(pdf.pages):
            for annot in page.obj.get("/Annots", pikepdf.Array()):
                if annot.get("/FT") != "/Tx" or not int(annot.get("/Ff", 0)) & 4096:
                    continue
                lines = [bytes(op.operands[0]).decode("cp1252")
                         for op in pikepdf.parse_content_stream(annot.AP.N)
                         if str(op.operator) == "Tj"]
                box = tuple(float(v) for v in annot.Rect)
                out[str(annot.T) if "/Parent" not in annot else full_name(annot)] = (
                    number, box, lines)
    return out


def printed(doc: pdfium.PdfDocument, boxes: dict) -> dict[str, dict]:
    """Per box: the letters printed inside it, its ink's left and right edge, the smallest
    letter."""
    got: dict[str, dict] = {}
    for number, page in enumerate(doc):
        textpage = page.get_textpage()
        for i in range(textpage.count_chars()):
            char = chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i))
            if char.isspace() or pdfium_c.FPDFText_IsGenerated(textpage.raw, i):
                continue
            left, bottom, right, top = textpage.get_charbox(i, loose=True)
            x, y = (left + right) / 2, (bottom + top) / 2
            for name, (on, (x0, y0, x1, y1), _) in boxes.items():
                if on == number and x0 <= x <= x1 and y0 <= y <= y1:
                    ink = textpage.get_charbox(i)
                    box = got.setdefault(name, {"text": [], "left": 1e9, "right": -1e9,
                                                "smallest": 1e9})
                    box["text"].append(char)
                    box["left"], box["right"] = min(box["left"], ink[0]), max(box["right"],
                                                                              ink[2])
                    box["smallest"] = min(box["smallest"], top - bottom)
    return got


def flattened(path: Path) -> pdfium.PdfDocument:
    """As Chrome prints it: the appearances in the file, made page content."""
    doc = pdfium.PdfDocument(str(path))
    for page in doc:
        assert pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_PRINT) == \
            pdfium_c.FLATTEN_SUCCESS
    out = io.BytesIO()
    doc.save(out)
    return pdfium.PdfDocument(out.getvalue())


def by_poppler(path: Path) -> pdfium.PdfDocument:
    """As poppler prints it (pdftocairo -pdf draws every widget as page content)."""
    out = path.with_name("poppler.pdf")
    subprocess.run(["pdftocairo", "-pdf", str(path), str(out)], check=True, timeout=60)
    return pdfium.PdfDocument(str(out))


def test_no_wrapped_line_starts_with_a_space(filled):
    values, pdf = filled
    boxes = widgets(pdf)
    assert set(values) <= set(boxes)
    for name, value in values.items():
        lines = boxes[name][2]
        assert len(lines) > 1, name
        assert not [line for line in lines if line.startswith(" ")], (name, lines)
        assert re.sub(r"\s+", "", "".join(lines)) == re.sub(r"\s+", "", value), name


@pytest.mark.parametrize("engine", [flattened, by_poppler], ids=["pdfium", "poppler"])
def test_every_word_prints_inside_its_box_clear_of_the_border(filled, engine):
    values, pdf = filled
    boxes = widgets(pdf)
    got = printed(engine(pdf), boxes)
    for name, value in values.items():
        box, (x0, _, x1, _) = got[name], boxes[name][1]
        assert "".join(box["text"]) == re.sub(r"\s+", "", value), name
        assert x1 - box["right"] >= RIGHT_CLEARANCE, (name, x1 - box["right"])
        assert box["left"] - x0 >= LEFT_CLEARANCE, (name, box["left"] - x0)
        assert box["smallest"] >= MIN_LETTER_HEIGHT, (name, box["smallest"])
