"""Arabic a parent types into the tiltak boxes of the Arabic fill page, in the PDF the page
makes in Chromium (pdf.js): the letters joined as HarfBuzz joins them with the same font, the
lines right to left, drawn by the file's own appearances (no viewer has to make one), and
every word read back in order by poppler (pdftotext) and PDFium.

The reference is HarfBuzz shaping each typed word with the shipped font, with the font's
contextual alternates off (`calt`, a finer touch the PDF's presentation forms cannot make);
isolated, initial, medial and final forms and the required ligatures (lam with alef) must be
the very glyphs HarfBuzz picks."""

from __future__ import annotations

import io
import json
import re
import subprocess
import unicodedata
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
import uharfbuzz as hb
from fontTools.ttLib import TTFont
from pdfnames import full_name

from stavangerstandarden import contract as c
from stavangerstandarden.fill.fields import max_length
from stavangerstandarden.fonttable import FONT_DIR, font_table, joining_families

from .conftest import page_path

LANGUAGE = "ar"
JOINED = ("نريد لقاء الأهل مع مترجم قبل عيد الميلاد ودرس عن السلامة على الإنترنت في اجتماع "
          "الأهل لأن الأطفال يستخدمون الهاتف كل يوم ")
"""Letters and spaces only: every word's glyphs are compared with HarfBuzz's."""
MIXED = "الاجتماع في 12 نوفمبر 2026 (FAU)، الساعة 18:30 مع المعلمين. "
"""Digits, Latin letters and punctuation among the Arabic: read back word for word."""
HARFBUZZ_OFF = {"calt": False}
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
TOKEN = re.compile(r"\d+|[\u0621-\u064a]+|[^\W\d_\u0600-\u06ff]+")
"""A number, an Arabic word or a word in another script (never the punctuation)."""


def _cut(text: str, n: int) -> str:
    """`text` repeated and cut to `n` characters at a space (whole words)."""
    long = text * (n // len(text) + 1)
    return long[:n].rsplit(" ", 1)[0]


@pytest.fixture(scope="module")
def filled(built, driver, tmp_path_factory):
    b = built["stavanger"]
    spec = next(s for s in b.specs if s.area)
    values = {}
    for f in spec.fields:
        parts = f.name.split(".")
        if f.type == "text" and parts[0] == c.ACTION_PREFIX:
            values[f.name] = _cut(JOINED if parts[2] == "tiltak" else MIXED, max_length(f))
    tmp = tmp_path_factory.mktemp("joined")
    (tmp / "v.json").write_text(json.dumps(values, ensure_ascii=False), "utf-8")
    result = driver("fill", str(b.site), page_path(spec, LANGUAGE), str(tmp / "v.json"),
                    str(tmp / "out.pdf"), "1280", "900", "offline")
    assert not result["errors"], result["errors"]
    return values, tmp / "out.pdf"


def _widgets(pdf: pikepdf.Pdf) -> dict[str, tuple[int, pikepdf.Object]]:
    out = {}
    for number, page in enumerate(pdf.pages):
        for annot in page.obj.get("/Annots", pikepdf.Array()):
            if annot.get("/FT") == "/Tx" and str(annot.get("/T", "")).strip():
                out[full_name(annot)] = (number, annot)
    return out



def _outline(font: TTFont, glyph: str) -> tuple:
    """What a glyph looks like, whatever it is called: its points and its advance."""
    coords, _, _ = font["glyf"][glyph].getCoordinates(font["glyf"])
    return tuple(map(tuple, coords)), font["hmtx"][glyph][0]


def _drawn_words(annot: pikepdf.Object) -> list[list[tuple]]:
    """The words the appearance draws, as glyph outlines, in reading order: each line's
    words right to left, lines top to bottom."""
    ap = annot.AP.N
    (font,) = ap.Resources.Font.values()
    assert font.Subtype == "/Type0", font.Subtype
    embedded = TTFont(io.BytesIO(font.DescendantFonts[0].FontDescriptor.FontFile2.read_bytes()))
    order = embedded.getGlyphOrder()
    space = embedded.getBestCmap()[ord(" ")]
    words: list[list[tuple]] = []
    for op in pikepdf.parse_content_stream(ap):
        if str(op.operator) != "Tj":
            continue
        raw = bytes(op.operands[0])
        line: list[list[tuple]] = [[]]
        for gid in (int.from_bytes(raw[i:i + 2], "big") for i in range(0, len(raw), 2)):
            if order[gid] == space:
                line.append([])
            else:
                line[-1].append(_outline(embedded, order[gid]))
        words += [w for w in reversed(line) if w]
    return words


def _harfbuzz_words(text: str) -> list[list[tuple]]:
    (family,) = joining_families(LANGUAGE)
    path = FONT_DIR / font_table().families[family][0]
    reference = TTFont(path)
    order = reference.getGlyphOrder()
    font = hb.Font(hb.Face(hb.Blob.from_file_path(str(path))))
    out = []
    for word in text.split():
        buf = hb.Buffer()
        buf.add_str(word)
        buf.guess_segment_properties()
        hb.shape(font, buf, HARFBUZZ_OFF)
        out.append([_outline(reference, order[g.codepoint]) for g in buf.glyph_infos])
    return out


def test_the_file_draws_its_own_appearances(filled):
    """No NeedAppearances: every viewer draws the appearance the fill page wrote."""
    values, path = filled
    with pikepdf.open(path) as pdf:
        assert not bool(pdf.Root.AcroForm.get("/NeedAppearances", False))
        widgets = _widgets(pdf)
        for name, value in values.items():
            annot = widgets[name][1]
            assert str(annot.V) == value, name
            assert int(annot.get("/Q", 0)) == 2, name  # right-aligned, as Arabic reads
            assert b"Tj" in annot.AP.N.read_bytes(), name


def test_letters_join_as_harfbuzz_joins_them(filled):
    values, path = filled
    with pikepdf.open(path) as pdf:
        widgets = _widgets(pdf)
        checked = 0
        for name, value in values.items():
            if not name.endswith(".tiltak"):
                continue
            drawn = _drawn_words(widgets[name][1])
            expected = _harfbuzz_words(value)
            assert len(drawn) == len(expected), name
            for i, (got, want) in enumerate(zip(drawn, expected, strict=True)):
                assert got == want, (name, i, value.split()[i])
            checked += 1
        assert checked


def _words(text: str) -> list[str]:
    return unicodedata.normalize("NFKC", BIDI_CONTROLS.sub("", text)).split()


def by_poppler(path: Path, page: int, rect: tuple[float, ...], height: float) -> str:
    x0, y0, x1, y1 = rect
    return subprocess.run(
        ["pdftotext", "-f", str(page + 1), "-l", str(page + 1), "-x", str(int(x0)),
         "-y", str(int(height - y1)), "-W", str(int(x1 - x0) + 1), "-H", str(int(y1 - y0) + 1),
         str(path), "-"], capture_output=True, text=True, check=True, timeout=60).stdout


def by_pdfium(path: Path, page: int, rect: tuple[float, ...], height: float) -> str:
    """As Chrome prints it: the appearances made page content, then read back."""
    doc = pdfium.PdfDocument(str(path))
    for p in doc:
        assert pdfium_c.FPDFPage_Flatten(p.raw, pdfium_c.FLAT_PRINT) == \
            pdfium_c.FLATTEN_SUCCESS
    out = io.BytesIO()
    doc.save(out)
    return pdfium.PdfDocument(out.getvalue())[page].get_textpage().get_text_bounded(*rect)


@pytest.mark.parametrize("engine", [by_poppler, by_pdfium], ids=["poppler", "pdfium"])
def test_every_word_reads_back(filled, engine):
    """Arabic: every word in the typed order, each spelled as typed (the presentation forms
    read as letters, NFKC). Mixed with numbers and Latin: every word, number and Latin word
    read back (the engines order a left-to-right run inside Arabic each their own way, and
    poppler may glue it to the next word, so only the words themselves are compared)."""
    values, path = filled
    with pikepdf.open(path) as pdf:
        widgets = {name: (page, tuple(float(v) for v in annot.Rect),
                          float(pdf.pages[page].mediabox[3]))
                   for name, (page, annot) in _widgets(pdf).items()}
    for name, value in values.items():
        page, rect, height = widgets[name]
        got = _words(engine(path, page, rect, height))
        if name.endswith(".tiltak"):
            assert got == _words(value), name
        assert sorted(TOKEN.findall(" ".join(got))) == sorted(TOKEN.findall(value)), (name, got)


def _arabic_letters(value: object) -> set[str]:
    """Every letter and mark of the Arabic script in the strings of a JSON value."""
    if isinstance(value, dict):
        return set().union(*map(_arabic_letters, value.values()))
    if isinstance(value, list):
        return set().union(*map(_arabic_letters, value))
    if not isinstance(value, str):
        return set()
    return {ch for ch in value
            if "ARABIC" in unicodedata.name(ch, "") and unicodedata.category(ch)[0] in "LM"}


def test_the_field_font_draws_every_letter_the_arabic_forms_use(built):
    """The Arabic field font keeps Arabic's letters only (`field_letters`, fonts/skrifter.json),
    not the rest of its script: still, a parent who types (or copies) any word of the Arabic
    forms into a box gets it drawn in the file's own font, in every joined form."""
    site = built["stavanger"].site / LANGUAGE
    manifest = json.loads((site / c.FORMS_DIR / "skjema.json").read_text("utf-8"))
    letters = _arabic_letters(manifest)
    assert len(letters) > 30, sorted(letters)
    with pikepdf.open(site / manifest["forms"][0]["file"]) as pdf:
        font = pdf.Root.AcroForm.DR.Font.NotoSans.DescendantFonts[0]
        embedded = TTFont(io.BytesIO(font.FontDescriptor.FontFile2.read_bytes()))
    drawn = {chr(u) for u in embedded.getBestCmap()}
    assert not letters - drawn, sorted(letters - drawn)
    finals = {base for tag, _, base in (unicodedata.decomposition(ch).partition(" ")
                                        for ch in drawn) if tag == "<final>"}
    joining = {f"{ord(ch):04X}" for ch in letters
               if unicodedata.category(ch) == "Lo" and ch != "\u0621"}  # hamza stands alone
    assert joining <= finals, sorted(joining - finals)
