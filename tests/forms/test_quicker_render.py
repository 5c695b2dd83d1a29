"""Rendering a form does less work and gives the same bytes (issue 24's build time): a right
guess of the page count (another language's) lays the form out once, not twice; a wrong
guess or none gives the same PDF; hinting is dropped from the glyphs' compact data, with
the bytes fontTools gives after expanding every glyph."""

from __future__ import annotations

import io

import pikepdf
import pytest
from fontTools.ttLib import TTFont

from stavangerstandarden.forms import render
from stavangerstandarden.forms.content import localized
from stavangerstandarden.forms.render import page_count, render_form
from stavangerstandarden.forms.unhinted import HINTING_TABLES, _unhinted
from stavangerstandarden.formspec import form_specs
from stavangerstandarden.i18n.editions import translated_editions
from stavangerstandarden.model import Standard


def _layouts(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts each Typst layout `render_form` makes."""
    made: list[int] = []
    original = render.typeset

    def counted(data: dict[str, object]) -> bytes:
        made.append(1)
        return original(data)

    monkeypatch.setattr(render, "typeset", counted)
    return made


def test_a_right_guess_lays_out_once_and_every_guess_gives_the_same_bytes(
        any_standard: Standard, monkeypatch: pytest.MonkeyPatch) -> None:
    editions = [None, *translated_editions(any_standard)[:1]]
    for edition in editions:
        standard = edition.standard if edition else any_standard
        specs = form_specs(standard, localized(edition.language if edition else "nb"))
        for spec in (specs[0], specs[-1]):  # an area form and the complete one
            made = _layouts(monkeypatch)
            plain = render_form(standard, spec, edition)
            assert len(made) == 2
            pages = page_count(plain)
            made.clear()
            assert render_form(standard, spec, edition, pages) == plain
            assert len(made) == 1
            made.clear()
            assert render_form(standard, spec, edition, pages + 1) == plain
            assert len(made) == 2


def _expanded_unhinted(font_file: bytes) -> bytes | None:
    """The way hinting was dropped before: every glyph expanded, its program removed."""
    font = TTFont(io.BytesIO(font_file), recalcTimestamp=False)
    if not any(table in font for table in HINTING_TABLES):
        return None
    for table in HINTING_TABLES:
        if table in font:
            del font[table]
    for name in font.getGlyphOrder():
        font["glyf"][name].removeHinting()
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def test_hinting_dropped_from_compact_glyphs_gives_the_bytes_of_expanded_ones(
        standard: Standard) -> None:
    edition = next(e for e in translated_editions(standard) if e.language == "ar")
    hinted = []
    for shown, language in ((standard, "nb"), (edition.standard, "ar")):
        spec = form_specs(shown, localized(language))[0]
        typst_pdf = render.typeset({**render.form_content(
            shown, spec, None if language == "nb" else edition).data,
            "paper": render.paper_data(None)})
        with pikepdf.open(io.BytesIO(typst_pdf)) as pdf:
            hinted += [o.FontFile2.read_bytes() for o in pdf.objects
                       if isinstance(o, pikepdf.Dictionary) and "/FontFile2" in o]
    assert len(hinted) >= 3
    dropped = [_unhinted(font_file) for font_file in hinted]
    assert sum(d is not None for d in dropped) >= 2
    assert dropped == [_expanded_unhinted(font_file) for font_file in hinted]
