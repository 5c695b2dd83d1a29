"""Every script and direction the shipped languages use, on the forms as readers get them.

Parametrized over the languages found in the PO files, so a language added as data is tested
without a line here: poppler extracts every statement word for word, no glyph is .notdef,
every shown text is in the language's fonts' cmaps, and the layout follows the language's
direction (CLDR's, through Babel): right to left puts the statement right of the scale and
the scale's first step rightmost, while the tags keep the reading order statement → scale.
"""

from __future__ import annotations

import io
import re
import subprocess
from collections.abc import Iterator, Mapping
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from standards import STAVANGER
from tools import need

from stavangerstandarden.booklet.texts import PRINTED_TEXTS
from stavangerstandarden.forms.content import localized
from stavangerstandarden.forms.glyphs import check_glyphs
from stavangerstandarden.formspec import FormSpec, form_specs
from stavangerstandarden.i18n.edition import Edition
from stavangerstandarden.i18n.layout import Layout

LANGUAGES = Layout(STAVANGER).languages()
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
PUNCTUATION = ".,;:!?()«»\"“”„…،؛؟"
LAM_ALEF = re.compile("\u0644([\u0627\u0623\u0625\u0622\u0649])")
"""Lam before alef (or alef maksura). The fonts draw the pair as one glyph whose ToUnicode is
lam, alef (logical order); poppler and PDFium reverse a right-to-left run letter by letter and
so extract the pair as alef, lam. The expected words get the same swap, and nothing else."""


def lang_specs(edition: Edition) -> tuple[FormSpec, ...]:
    return form_specs(edition.standard, localized(edition.language))


def words(text: str) -> set[str]:
    return {w.strip(PUNCTUATION) for w in BIDI_CONTROLS.sub("", text).split()} - {""}


def as_extracted(word: str, rtl: bool) -> set[str]:
    """The word as poppler gives it: with the lam-alef swap, and a compound broken at its
    hyphen joined without it (poppler's dehyphenation at a line end)."""
    word = LAM_ALEF.sub("\\1\u0644", word) if rtl else word
    return {word, word.replace("-", "")}


@pytest.mark.parametrize("language", LANGUAGES)
def test_poppler_extracts_every_statement_word_for_word(
        language: str, editions: dict[str, Edition], lang_files: dict[str, Mapping[str, bytes]],
        tmp_path: Path) -> None:
    """The complete form of every level holds every statement in that level's words."""
    pdftotext = need("pdftotext")
    rtl = localized(language).direction == "rtl"
    missing: dict[str, list[str]] = {}
    for spec in (s for s in lang_specs(editions[language]) if s.area is None):
        path = tmp_path / spec.file.replace("/", "-")
        path.write_bytes(lang_files[language][spec.file])
        text = subprocess.run([pdftotext, "-enc", "UTF-8", str(path), "-"], capture_output=True,
                              text=True, check=True).stdout
        extracted = words(text)
        for _, pairs in spec.statements:
            for _, shown in pairs:
                lost = sorted(w for w in words(shown) if not as_extracted(w, rtl) & extracted)
                if lost:
                    missing[f"{spec.file}: {shown}"] = lost
    assert missing == {}


def _cid_glyphs(font: pikepdf.Object, data: bytes) -> Iterator[int]:
    """Glyph ids a string shows in a Type0 (Identity-H) font."""
    descendant = font.DescendantFonts[0]
    mapping = descendant.get("/CIDToGIDMap")
    table = mapping.read_bytes() if isinstance(mapping, pikepdf.Stream) else None
    for i in range(0, len(data) - 1, 2):
        cid = int.from_bytes(data[i:i + 2], "big")
        yield int.from_bytes(table[2 * cid:2 * cid + 2], "big") if table else cid


def _shown_strings(page: pikepdf.Page) -> Iterator[tuple[pikepdf.Object, bytes]]:
    fonts = page.Resources.get("/Font", {})
    font = None
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op == "Tf":
            font = fonts[str(operands[0])]
        elif op in ("Tj", "'", '"'):
            yield font, bytes(operands[-1])
        elif op == "TJ":
            for item in operands[0]:
                if isinstance(item, pikepdf.String):
                    yield font, bytes(item)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_glyph_is_notdef_and_every_text_is_in_the_fonts_cmaps(
        language: str, editions: dict[str, Edition],
        lang_files: dict[str, Mapping[str, bytes]]) -> None:
    edition = editions[language]
    # every text printed on a form or in the booklet, against the cmaps
    check_glyphs(edition.standard, PRINTED_TEXTS, language=language)
    specs = lang_specs(edition)
    shown = 0
    for spec in (specs[0], next(s for s in specs if s.area is None)):
        with pikepdf.open(io.BytesIO(lang_files[language][spec.file])) as pdf:
            for page in pdf.pages:
                for font, data in _shown_strings(page):
                    assert font is not None and str(font.Subtype) == "/Type0", font
                    glyphs = list(_cid_glyphs(font, data))
                    assert 0 not in glyphs, (spec.file, str(font.BaseFont))
                    shown += len(glyphs)
    assert shown > 500


def _first_row(pdf: pikepdf.Pdf, field: str) -> dict[str, tuple[float, ...]]:
    """Export value → widget rectangle of the radio group `field`."""
    node = next(f for f in pdf.Root.AcroForm.Fields if str(f.get("/T")) == field)
    return {next(str(k)[1:] for k in kid.AP.N if k != "/Off"):
            tuple(float(v) for v in kid.Rect) for kid in node.Kids}


@pytest.mark.parametrize("language", LANGUAGES)
def test_statement_and_scale_follow_the_languages_direction(
        language: str, editions: dict[str, Edition],
        lang_files: dict[str, Mapping[str, bytes]]) -> None:
    edition = editions[language]
    spec = lang_specs(edition)[0]
    assert spec.area is not None
    statement = spec.area.statements[0]
    data = lang_files[language][spec.file]
    with pikepdf.open(io.BytesIO(data)) as pdf:
        radios = _first_row(pdf, statement.id)
    scale = [s.id for s in edition.standard.scale]
    assert sorted(radios) == sorted(scale)
    bottom = min(r[1] for r in radios.values())
    top = max(r[3] for r in radios.values())
    page = pdfium.PdfDocument(data)[0]
    text = page.get_textpage()
    boxes = [text.get_charbox(i) for i in range(text.count_chars())]
    row = [b for b in boxes if bottom - 8 < (b[1] + b[3]) / 2 < top + 8 and b[2] > b[0]]
    assert row, "no statement text beside the first row's radio buttons"
    text_left, text_right = min(b[0] for b in row), max(b[2] for b in row)
    radio_left = min(r[0] for r in radios.values())
    radio_right = max(r[2] for r in radios.values())
    xs = [radios[step][0] for step in scale]
    if localized(language).direction == "rtl":
        assert text_left > radio_right, (text_left, radio_right)
        assert xs == sorted(xs, reverse=True), "the first step is read first, from the right"
    else:
        assert text_right < radio_left, (text_right, radio_left)
        assert xs == sorted(xs)


def _descendants(node: pikepdf.Object) -> Iterator[pikepdf.Object]:
    kids = node.get("/K")
    items = kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
    for kid in items:
        if isinstance(kid, pikepdf.Dictionary):
            yield kid
            if "/S" in kid:
                yield from _descendants(kid)


def _widget_values(cell: pikepdf.Object) -> list[str]:
    return [next(str(k)[1:] for k in d.Obj.AP.N if k != "/Off")
            for d in _descendants(cell) if str(d.get("/Type", "")) == "/OBJR"
            and "/AP" in d.Obj and "/Off" in d.Obj.AP.N]


@pytest.mark.parametrize("language", LANGUAGES)
def test_tags_read_statement_then_scale_in_every_direction(
        language: str, editions: dict[str, Edition],
        lang_files: dict[str, Mapping[str, bytes]]) -> None:
    """The structure (what a screen reader follows) is logical, whatever the layout."""
    edition = editions[language]
    spec = lang_specs(edition)[0]
    with pikepdf.open(io.BytesIO(lang_files[language][spec.file])) as pdf:
        rows = [e for e in _descendants(pdf.Root.StructTreeRoot) if str(e.get("/S")) == "/TR"]
        row = next(r for r in rows if any(_widget_values(c) for c in _descendants(r)))
        cells = [c for c in _descendants(row) if str(c.get("/S")) in ("/TD", "/TH")
                 and c.get("/P") == row]
        assert _widget_values(cells[0]) == []
        assert [v for c in cells[1:] for v in _widget_values(c)] == [
            s.id for s in edition.standard.scale]
