"""The shipped fonts (Noto Sans and the families other scripts need, SIL OFL): where they
live, which a language uses (`fonts/skrifter.json`, data: no language is named in code), what
they can draw, and the small embedded copy every form carries as its default field font.

Viewers write typed values with the AcroForm's default font (/DR); if that font is not
embedded they fall back to unembedded Helvetica, which breaks PDF/UA and may lack letters.
So /DR gets a subset of Noto Sans covering all of WinAnsi (Latin-1 and friends) and, on
codes WinAnsi leaves unused or spends on lone accents, the North Sámi letters Latin-1 lacks
(Č č Đ đ Ŋ ŋ Ŧ ŧ): Norwegian and Sámi names typed into any field are drawn in the embedded
font. No hinting or layout tables, to stay small.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont

from stavangerstandarden.atomicfile import write_atomic
from stavangerstandarden.typst_runner import FONT_DIR as FONT_DIR

FONT_TABLE = FONT_DIR / "skrifter.json"
"""Family → files, and each language's families on top of the default list."""
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


@dataclass(frozen=True)
class FontTable:
    families: dict[str, tuple[str, ...]]
    """Family name → its TTF files in FONT_DIR (regular first)."""
    default: tuple[str, ...]
    languages: dict[str, tuple[str, ...]]
    fields: dict[str, tuple[str, ...]]
    """Language → families whose joining letters its forms' field font also carries."""

    def for_language(self, language: str) -> tuple[str, ...]:
        """The families a text in `language` is set in, in fallback order."""
        return (*self.default, *self.languages.get(language.split("_")[0], ()))


@cache
def font_table() -> FontTable:
    raw = json.loads(FONT_TABLE.read_text("utf-8"))
    return FontTable({name: tuple(files) for name, files in raw["families"].items()},
                     tuple(raw["default"]),
                     {lang: tuple(names) for lang, names in raw["languages"].items()},
                     {lang: tuple(names) for lang, names in raw.get("fields", {}).items()})


def joining_families(language: str) -> tuple[str, ...]:
    """The families of joining letters `language`'s field font adds (none: the Latin one)."""
    return font_table().fields.get(language.split("_")[0], ())


def families(language: str) -> tuple[str, ...]:
    return font_table().for_language(language)


def font_files(language: str) -> tuple[Path, ...]:
    """The TTF files of `language`'s families (for the site's @font-face and tests)."""
    table = font_table()
    return tuple(FONT_DIR / name for family in families(language)
                 for name in table.families[family])


@cache
def drawable(language: str | None = None) -> frozenset[int]:
    """Code points `language`'s fonts can draw (the default list's for None): each family
    draws what all its faces draw (headings are bold, the rest regular)."""
    table = font_table()
    can_draw: set[int] = set()
    for family in (families(language) if language else table.default):
        maps = [set(TTFont(FONT_DIR / name, lazy=True).getBestCmap())
                for name in table.families[family]]
        can_draw |= set.intersection(*maps)
    return frozenset(can_draw)


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

        return unicode_field_font(joining_families(language)).widths
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
    return _metrics(data, TTFont(io.BytesIO(data)), field_encoding())


def _cache_file() -> Path:
    import fontTools

    key = hashlib.sha256(fontTools.version.encode())
    for path in (FONT_DIR / FIELD_FONT_FILE, Path(__file__)):
        key.update(path.read_bytes())
    home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return home / "stavangerstandarden" / f"feltskrift-{key.hexdigest()[:24]}.ttf"


def _subset() -> bytes:
    from fontTools import subset  # ~0.3 s to import; `check` never needs it

    font = TTFont(FONT_DIR / FIELD_FONT_FILE, recalcTimestamp=False)
    options = subset.Options()
    options.hinting = False
    options.layout_features = []
    # A PDF simple font is never shaped; dropping these also keeps the bytes stable (their
    # subsetting depends on Python's hash seed).
    options.drop_tables += ["GDEF", "GPOS", "GSUB"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    options.notdef_outline = True
    options.recalc_timestamp = False
    subsetter = subset.Subsetter(options)
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
