"""The embedded default field font (/DR) as PDF objects."""

from __future__ import annotations

import pikepdf
from pikepdf import Array, Dictionary, Name

from stavangerstandarden.forms.fonts import (
    FIELD_FONT_NAME,
    FIRST_CHAR,
    LAST_CHAR,
    SAMI_CODES,
    field_font,
)

FONT_RESOURCE = "NotoSans"
"""Resource name in /DR and in every text field's /DA."""
NONSYMBOLIC = 32
STEM_V = 80


def add_field_font(pdf: pikepdf.Pdf) -> pikepdf.Object:
    """A TrueType simple font in WinAnsiEncoding plus the Sámi letters, its subset embedded
    as /FontFile2."""
    font = field_font()
    base = Name("/" + FIELD_FONT_NAME)
    file = pikepdf.Stream(pdf, font.data, Length1=len(font.data))
    descriptor = Dictionary(
        Type=Name.FontDescriptor, FontName=base, Flags=NONSYMBOLIC,
        FontBBox=Array(font.bbox), ItalicAngle=0, Ascent=font.ascent, Descent=font.descent,
        CapHeight=font.cap_height, StemV=STEM_V, FontFile2=pdf.make_indirect(file),
    )
    return pdf.make_indirect(Dictionary(
        Type=Name.Font, Subtype=Name.TrueType, BaseFont=base,
        FirstChar=FIRST_CHAR, LastChar=LAST_CHAR, Widths=Array(font.widths),
        Encoding=_encoding(), FontDescriptor=pdf.make_indirect(descriptor),
    ))


def _encoding() -> Dictionary:
    differences: list[int | Name] = []
    for code, (_, glyph) in sorted(SAMI_CODES.items()):
        differences += [code, Name("/" + glyph)]
    return Dictionary(Type=Name.Encoding, BaseEncoding=Name.WinAnsiEncoding,
                      Differences=Array(differences))
