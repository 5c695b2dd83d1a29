"""Embedded fonts without TrueType hinting.

Typst embeds its font subsets with the hinting programs of Noto (`fpgm`, `prep`, `cvt ` and
each glyph's instructions): a third of every form's bytes, stored once per form in each
language and again in the ZIP of all forms. Hinting only snaps outlines to the pixel grid of
old screen rasterizers; the PDF viewers we test (pdf.js, pdfium, poppler) and today's
systems draw the outlines without it, so a form looks and reads the same without it.
"""

from __future__ import annotations

import io

import pikepdf
from fontTools.ttLib import TTFont

HINTING_TABLES = ("fpgm", "prep", "cvt ")


def drop_hinting(pdf: pikepdf.Pdf) -> None:
    """Remove the hinting of every embedded TrueType font of `pdf` that has any."""
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and "/FontFile2" in obj:
            stream = obj.FontFile2
            unhinted = _unhinted(stream.read_bytes())
            if unhinted is not None:
                stream.write(unhinted)
                if "/Length1" in stream:
                    stream.Length1 = len(unhinted)


def _unhinted(font_file: bytes) -> bytes | None:
    """`font_file` without its hinting; None when it has none. The font keeps its own
    timestamp (fontTools would write the time of saving): a form's bytes depend on its
    inputs only."""
    font = TTFont(io.BytesIO(font_file), recalcTimestamp=False)
    if not any(table in font for table in HINTING_TABLES):
        return None
    for table in HINTING_TABLES:
        if table in font:
            del font[table]
    glyphs = font["glyf"]
    for name in font.getGlyphOrder():
        # In the glyph's compact data: expanding every glyph's points to drop its
        # instructions took half of this function's time, for the same bytes.
        glyphs.glyphs[name].trim(remove_hinting=True)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()
