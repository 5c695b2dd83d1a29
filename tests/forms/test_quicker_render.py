"""Rendering a form does less work and gives the same bytes (issue 24's build time): a right
guess of the page count (another language's) lays the form out once, not twice; a wrong
guess or none gives the same PDF; hinting is dropped from the glyphs' compact data, with
the bytes fontTools gives after expanding every glyph."""

from __future__ import annotations

import io

import pytest
from fontTools.ttLib import TTFont

from stavangerstandarden.forms import render
from stavangerstandarden.forms.content import localized
from stavangerstandarden.forms.render import page_count, render_form
from stavangerstandarden.forms.unhinted import HINTING_TABLES, _unhinted
from stavangerstandarden.formspec import form_specs
from stavangerstandarden.i18n.editions import translated_editions
from stavangerstandarden.model import Standard
from stavangerstandarden.typst_runner import FONT_DIR


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


def test_hinting_dropped_from_compact_glyphs_gives_the_bytes_of_expanded_ones() -> None:
    """On the shipped fonts, as `unhinted_fonts` drops it once for every form."""
    shipped = [path.read_bytes() for path in sorted(FONT_DIR.glob("*.ttf"))]
    dropped = [_unhinted(font_file) for font_file in shipped]
    assert sum(d is not None for d in dropped) >= 2
    assert dropped == [_expanded_unhinted(font_file) for font_file in shipped]
