"""The small embedded copy of the shipped Noto Sans every form carries as its default field
font (which fonts a language uses and what they draw: `fonttable`).

Viewers write typed values with the AcroForm's default font (/DR); if that font is not
embedded they fall back to unembedded Helvetica, which breaks PDF/UA and may lack letters.
So /DR gets a subset of Noto Sans covering all of WinAnsi (Latin-1 and friends) and, on
codes WinAnsi leaves unused or spends on lone accents, the North Sámi letters Latin-1 lacks
(Č č Đ đ Ŋ ŋ Ŧ ŧ): Norwegian and Sámi names typed into any field are drawn in the embedded
font. No hinting or layout tables, to stay small.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from stavangerstandarden.atomicfile import write_atomic
from stavangerstandarden.fonttable import field_letters, joining_families
from stavangerstandarden.typst_runner import FONT_DIR as FONT_DIR
from stavangerstandarden.usercache import cache_dir, digest

if TYPE_CHECKING:
    from fontTools.ttLib import TTFont

FIELD_FONT_FILE = "NotoSans-Regular.ttf"
FIELD_FONT_NAME = "SKJEMA+NotoSans-Regular"
"""Subset tag is fixed (six capitals + '+'), so the bytes are the same on every build."""
FIRST_CHAR, LAST_CHAR = 32, 255
SAMI_CODES: dict[int, tuple[str, str]] = {
    0x7F: ("ŋ", "eng"), 0x81: ("Č", "Ccaron"), 0x88: ("Ŧ", "Tbar"), 0x8D: ("č", "ccaron"),
    0x8F: ("Đ", "Dcroat"), 0x90: ("đ", "dcroat"), 0x98: ("ŧ", "tbar"), 0x9D: ("Ŋ", "Eng"),
}
"""Code → (character, glyph name) written as /Differences over WinAnsiEncoding. 0x88 (ˆ)
and 0x98 (˜) are lone accents nobody types; the others are unused in WinAnsi."""
UNITS = 1000
"""PDF glyph space: widths and metrics are in thousandths of the font size."""


@dataclass(frozen=True)
class FieldFont:
    data: bytes
    """TrueType subset, to embed as /FontFile2."""
    widths: tuple[int, ...]
    """Advance widths of codes FIRST_CHAR..LAST_CHAR, in `field_encoding()`."""
    bbox: tuple[int, int, int, int]
    ascent: int
    descent: int
    cap_height: int


def field_encoding() -> dict[int, str]:
    """Code → character of the /DR font: WinAnsiEncoding with the Sámi letters on top."""
    chars = {}
    for code in range(FIRST_CHAR, LAST_CHAR + 1):
        try:
            ch = bytes([code]).decode("cp1252")
        except UnicodeDecodeError:
            continue
        if ch.isprintable() or ch in "\xa0\xad":
            chars[code] = ch
    chars.update({code: ch for code, (ch, _) in SAMI_CODES.items()})
    return chars


def field_widths(language: str = "nb") -> dict[str, int]:
    """Character → advance width (thousandths of the size) in `language`'s /DR font: what
    the fill page lays a tiltak's lines out with, as the PDF viewer will measure them."""
    if joining_families(language):
        from stavangerstandarden.forms.unicodefont import unicode_field_font

        return unicode_field_font(joining_families(language), field_letters(language)).widths
    widths = field_font().widths
    return {ch: widths[code - FIRST_CHAR] for code, ch in field_encoding().items()}


def field_font() -> FieldFont:
    """The /DR font: subset once per font, fontTools version and this code, then kept in the
    user's cache folder (the subset takes ~0.2 s, reading it back ~5 ms). Threads rendering
    forms ask at once: the lock makes the first one subset and the others wait for it."""
    with _FIELD_FONT_LOCK:
        return _field_font()


_FIELD_FONT_LOCK = threading.Lock()


@cache
def _field_font() -> FieldFont:
    stored = _cache_file()
    try:
        data = stored.read_bytes()
    except OSError:
        data = _subset()
        write_atomic(stored, data)
    from fontTools.ttLib import TTFont

    return _metrics(data, TTFont(io.BytesIO(data)), field_encoding())


def _cache_file() -> Path:
    import fontTools

    key = digest(fontTools.version.encode(), *(path.read_bytes()
                                               for path in (FONT_DIR / FIELD_FONT_FILE,
                                                            Path(__file__))))
    return cache_dir() / f"feltskrift-{key}.ttf"


def subset_options() -> Any:
    """fontTools' options for a field font: no hinting or layout. A field's text is never
    shaped by a viewer; dropping GDEF/GPOS/GSUB also keeps the bytes stable (their subsetting
    depends on Python's hash seed)."""
    from fontTools import subset

    options = subset.Options()
    options.hinting = False
    options.layout_features = []
    options.drop_tables += ["GDEF", "GPOS", "GSUB"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    options.notdef_outline = True
    options.recalc_timestamp = False
    return options


def _subset() -> bytes:
    from fontTools import subset  # ~0.3 s to import; `check` never needs it
    from fontTools.ttLib import TTFont

    font = TTFont(FONT_DIR / FIELD_FONT_FILE, recalcTimestamp=False)
    subsetter = subset.Subsetter(subset_options())
    chars = field_encoding()
    subsetter.populate(unicodes=[ord(ch) for ch in chars.values()])
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _metrics(data: bytes, font: TTFont, chars: dict[int, str]) -> FieldFont:
    scale = UNITS / font["head"].unitsPerEm
    cmap = font.getBestCmap()
    hmtx = font["hmtx"]
    widths = tuple(
        round(hmtx[cmap[ord(chars[code])]][0] * scale) if code in chars else 0
        for code in range(FIRST_CHAR, LAST_CHAR + 1)
    )
    head, os2 = font["head"], font["OS/2"]
    x0, y0, x1, y1 = (round(v * scale) for v in (head.xMin, head.yMin, head.xMax, head.yMax))
    return FieldFont(data, widths, (x0, y0, x1, y1), round(os2.sTypoAscender * scale),
                     round(os2.sTypoDescender * scale), round(os2.sCapHeight * scale))
