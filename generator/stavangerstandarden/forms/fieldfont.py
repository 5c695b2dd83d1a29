"""The embedded default field font (/DR) as PDF objects."""

from __future__ import annotations

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
)

from stavangerstandarden.forms.fonts import FIELD_FONT_NAME, FIRST_CHAR, LAST_CHAR, field_font

FONT_RESOURCE = "NotoSans"
"""Resource name in /DR and in every text field's /DA."""
NONSYMBOLIC = 32


def add_field_font(writer: PdfWriter) -> IndirectObject:
    """A TrueType simple font in WinAnsiEncoding, its subset embedded as /FontFile2."""
    font = field_font()
    file = DecodedStreamObject()
    file.set_data(font.data)
    file[NameObject("/Length1")] = NumberObject(len(font.data))
    base = NameObject(f"/{FIELD_FONT_NAME}")
    descriptor = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/FontDescriptor"),
        NameObject("/FontName"): base,
        NameObject("/Flags"): NumberObject(NONSYMBOLIC),
        NameObject("/FontBBox"): ArrayObject(NumberObject(v) for v in font.bbox),
        NameObject("/ItalicAngle"): NumberObject(0),
        NameObject("/Ascent"): NumberObject(font.ascent),
        NameObject("/Descent"): NumberObject(font.descent),
        NameObject("/CapHeight"): NumberObject(font.cap_height),
        NameObject("/StemV"): NumberObject(80),
        NameObject("/FontFile2"): writer._add_object(file.flate_encode(level=9)),
    }))
    return writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"),
        NameObject("/Subtype"): NameObject("/TrueType"),
        NameObject("/BaseFont"): base,
        NameObject("/FirstChar"): NumberObject(FIRST_CHAR),
        NameObject("/LastChar"): NumberObject(LAST_CHAR),
        NameObject("/Widths"): ArrayObject(NumberObject(w) for w in font.widths),
        NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        NameObject("/FontDescriptor"): descriptor,
    }))
