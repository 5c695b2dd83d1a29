"""The embedded default field font (/DR) as PDF objects: the small Latin simple font, or
for a language whose letters join, the Unicode Type0 font (see `unicodefont`)."""

from __future__ import annotations

import pikepdf
from pikepdf import Array, Dictionary, Name

from stavangerstandarden.fonttable import field_letters, joining_families
from stavangerstandarden.forms.fonts import (
    FIELD_FONT_NAME,
    FIRST_CHAR,
    LAST_CHAR,
    SAMI_CODES,
    field_font,
)
from stavangerstandarden.forms.unicodefont import UnicodeFieldFont, unicode_field_font

FONT_RESOURCE = "NotoSans"
"""Resource name in /DR and in every text field's /DA."""
UNICODE_FONT_NAME = "SKJEMU+NotoSans-Regular"
"""As FIELD_FONT_NAME: a fixed subset tag, so the bytes are the same on every build."""
NONSYMBOLIC = 32
STEM_V = 80


def add_field_font(pdf: pikepdf.Pdf, language: str) -> pikepdf.Object:
    """`language`'s field font."""
    if families := joining_families(language):
        return _unicode_font(pdf, unicode_field_font(families, field_letters(language)))
    return _latin_font(pdf)


def _latin_font(pdf: pikepdf.Pdf) -> pikepdf.Object:
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


def _unicode_font(pdf: pikepdf.Pdf, font: UnicodeFieldFont) -> pikepdf.Object:
    """A Type0 font, Identity-H, over a CIDFontType2 whose CIDs are its glyph ids."""
    base = Name("/" + UNICODE_FONT_NAME)
    file = pikepdf.Stream(pdf, font.data, Length1=len(font.data))
    descriptor = Dictionary(
        Type=Name.FontDescriptor, FontName=base, Flags=NONSYMBOLIC,
        FontBBox=Array(font.bbox), ItalicAngle=0, Ascent=font.ascent, Descent=font.descent,
        CapHeight=font.cap_height, StemV=STEM_V, FontFile2=pdf.make_indirect(file),
    )
    count = max(font.advances) + 1
    cid_font = Dictionary(
        Type=Name.Font, Subtype=Name.CIDFontType2, BaseFont=base,
        CIDSystemInfo=Dictionary(Registry=pikepdf.String("Adobe"),
                                 Ordering=pikepdf.String("Identity"), Supplement=0),
        FontDescriptor=pdf.make_indirect(descriptor), CIDToGIDMap=Name.Identity,
        W=Array([0, Array([font.advances.get(gid, 0) for gid in range(count)])]),
    )
    return pdf.make_indirect(Dictionary(
        Type=Name.Font, Subtype=Name.Type0, BaseFont=base, Encoding=Name("/Identity-H"),
        DescendantFonts=Array([pdf.make_indirect(cid_font)]),
        ToUnicode=pdf.make_indirect(pikepdf.Stream(pdf, _to_unicode(font.unicodes))),
    ))


def _to_unicode(unicodes: dict[int, int]) -> bytes:
    """The CMap of glyph id → character, in blocks of 100 (the most one block may hold)."""
    entries = sorted(unicodes.items())
    blocks = []
    for start in range(0, len(entries), 100):
        chunk = entries[start:start + 100]
        lines = "".join(f"<{gid:04X}> <{_utf16(u)}>\n" for gid, u in chunk)
        blocks.append(f"{len(chunk)} beginbfchar\n{lines}endbfchar\n")
    return (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        + "".join(blocks) + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    ).encode("ascii")


def _utf16(u: int) -> str:
    return chr(u).encode("utf-16-be").hex().upper()
