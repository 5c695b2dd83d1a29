"""Forms embed their fonts without TrueType hinting (forms/unhinted.py), and look the same:
each page drawn by pdfium as a viewer shows it matches the page drawn from the form with its
hinting kept (laid out from the shipped fonts, nothing dropped), in a left-to-right and a
right-to-left language, on any standard."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pikepdf
import pypdfium2 as pdfium
import pytest
from fontTools.ttLib import TTFont

from stavangerstandarden.forms import acroform, render_form
from stavangerstandarden.forms import typeset as typeset_module
from stavangerstandarden.forms.content import localized
from stavangerstandarden.forms.unhinted import HINTING_TABLES, unhinted_fonts
from stavangerstandarden.formspec import form_specs
from stavangerstandarden.i18n.edition import Edition
from stavangerstandarden.i18n.editions import translated_editions
from stavangerstandarden.model import Standard
from stavangerstandarden.typst_runner import FONT_DIR

DPI = 100
MOST_DIFFERING = 0.002
"""Share of pixels allowed to differ: hinting moves an edge pixel of a glyph at most."""


def _fonts(pdf: bytes) -> list[TTFont]:
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        return [TTFont(io.BytesIO(o.FontFile2.read_bytes())) for o in doc.objects
                if isinstance(o, pikepdf.Dictionary) and "/FontFile2" in o]


def _hinted(font: TTFont) -> bool:
    glyphs = font["glyf"]
    return any(t in font for t in HINTING_TABLES) or any(
        getattr(glyphs[n], "program", None) and glyphs[n].program.getBytecode()
        for n in font.getGlyphOrder())


def _pages(pdf: bytes) -> list[np.ndarray]:
    doc = pdfium.PdfDocument(pdf)
    try:
        return [np.asarray(page.render(scale=DPI / 72, may_draw_forms=True).to_pil()
                           .convert("L"), dtype=np.int16) for page in doc]
    finally:
        doc.close()


def _check(standard: Standard, edition: Edition | None,
           monkeypatch: pytest.MonkeyPatch) -> None:
    language = edition.language if edition else "nb"
    spec = form_specs(standard, localized(language))[0]
    unhinted = render_form(standard, spec, edition)
    fonts = _fonts(unhinted)
    assert fonts and not [f for f in fonts if _hinted(f)]

    with monkeypatch.context() as m:
        m.setattr(acroform, "drop_hinting", lambda pdf: None)
        m.setattr(typeset_module, "unhinted_fonts", lambda: FONT_DIR)
        hinted = render_form(standard, spec, edition)
    assert any(_hinted(f) for f in _fonts(hinted))  # what was dropped was there
    assert len(unhinted) < len(hinted)
    before, after = _pages(hinted), _pages(unhinted)
    assert len(before) == len(after)
    for a, b in zip(before, after, strict=True):
        assert a.shape == b.shape
        assert (np.abs(a - b) > 32).mean() <= MOST_DIFFERING


def test_any_standard_forms_without_hinting_look_the_same(
        any_standard: Standard, monkeypatch: pytest.MonkeyPatch) -> None:
    _check(any_standard, None, monkeypatch)


@pytest.mark.parametrize("language", ["ar", "ti"])
def test_other_scripts_without_hinting_look_the_same(
        standard: Standard, language: str, monkeypatch: pytest.MonkeyPatch) -> None:
    edition = next(e for e in translated_editions(standard) if e.language == language)
    _check(edition.standard, edition, monkeypatch)


def test_forms_are_laid_out_from_fonts_without_hinting_with_the_same_glyphs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fonts Typst lays the forms out from: the shipped ones without hinting, the same
    glyphs, characters and widths, so the same layout."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = unhinted_fonts()
    assert tmp_path in folder.parents
    shipped = sorted(FONT_DIR.glob("*.ttf"))
    assert [p.name for p in sorted(folder.glob("*.ttf"))] == [p.name for p in shipped]
    for path in shipped:
        before, after = TTFont(path), TTFont(folder / path.name)
        assert not _hinted(after)
        assert after.getGlyphOrder() == before.getGlyphOrder()
        assert after.getBestCmap() == before.getBestCmap()
        assert after["hmtx"].metrics == before["hmtx"].metrics
    assert unhinted_fonts() == folder  # made once


def test_a_cache_folder_that_cannot_be_written_still_gives_forms_without_hinting(
        standard: Standard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "fil"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert unhinted_fonts() == FONT_DIR
    spec = form_specs(standard, localized("nb"))[0]
    fonts = _fonts(render_form(standard, spec))
    assert fonts and not [f for f in fonts if _hinted(f)]
