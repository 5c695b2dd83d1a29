"""The fonts a language's site serves are WOFF2 (about a third of the TrueType bytes) with
every character and glyph of the shipped TrueType font, and the stylesheet names them."""

from __future__ import annotations

import io

import pytest
from fontTools.ttLib import TTFont

from stavangerstandarden.fonttable import FONT_DIR, font_table
from stavangerstandarden.sitefonts import FONTS_DIR, STYLESHEET, served_families, site_font_files

LANGUAGES = sorted(lang for lang in font_table().languages if served_families(lang))


def test_some_language_serves_fonts() -> None:
    assert LANGUAGES


@pytest.mark.parametrize("language", LANGUAGES)
def test_served_fonts_are_woff2_with_every_glyph(language: str) -> None:
    files = site_font_files(language)
    css = files[STYLESHEET].decode("utf-8")
    table = font_table()
    for family in served_families(language):
        for name in table.families[family]:
            served = f"{FONTS_DIR}/{name.removesuffix('.ttf')}.woff2"
            data = files[served]
            shipped = (FONT_DIR / name).read_bytes()
            assert len(data) < len(shipped) / 2
            font, original = TTFont(io.BytesIO(data)), TTFont(io.BytesIO(shipped))
            assert font.flavor == "woff2"
            assert font.getBestCmap() == original.getBestCmap()
            assert font.getGlyphOrder() == original.getGlyphOrder()
            assert f'url("{served.rsplit("/", 1)[-1]}") format("woff2")' in css
    assert not [f for f in files if f.endswith(".ttf")]
