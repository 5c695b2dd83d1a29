"""The field font of a language whose letters join (`fields` in fonts/skrifter.json).

A PDF viewer fills a field by encoding the typed text in the field's font and drawing the
codes in a row, left to right: no viewer shapes or reorders. The Latin field font (a simple
WinAnsi font) cannot even encode Arabic, so pdf.js would write no appearance at all and leave
it to each viewer (NeedAppearances), which draw the letters apart, left to right, or not at
all. So these forms get a Type0 font (Identity-H) of the default family's Latin and the
joining family's letters *and* their presentation forms (the shapes a letter takes alone,
first, inside and last in a word): the fill page writes each line already joined and in the
order it is seen (`joining_table`, fill/static/skrift.js), and pdf.js only encodes and draws
it. Its ToUnicode maps every glyph to one character (a base letter where the glyph is also
the letter alone), so pdf.js can encode what the page writes and text extraction reads it.
"""

from __future__ import annotations

import io
import threading
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont

from stavangerstandarden.atomicfile import write_atomic
from stavangerstandarden.fonttable import font_table
from stavangerstandarden.forms.fonts import FONT_DIR, UNITS, field_encoding, subset_options
from stavangerstandarden.usercache import cache_dir, digest

FORMS = ("isolated", "final", "initial", "medial")
"""Presentation forms, in the order the page's table lists them."""
REQUIRED = "rlig"
"""The OpenType feature of the ligatures a font says its script requires (lam with alef);
its other ligatures are optional, so never made."""
LIGATURE_LOOKUP, EXTENSION_LOOKUP = 4, 7
BASE_FILE_INDEX = 0
"""A family's regular face: fields are set in regular."""


@dataclass(frozen=True)
class UnicodeFieldFont:
    data: bytes
    """TrueType (merged subset), to embed as /FontFile2 of a CIDFontType2."""
    unicodes: dict[int, int]
    """Glyph id (= CID) → the one character it stands for (the ToUnicode map)."""
    advances: dict[int, int]
    """Glyph id → advance width, in thousandths of the size."""
    bbox: tuple[int, int, int, int]
    ascent: int
    descent: int
    cap_height: int

    @property
    def widths(self) -> dict[str, int]:
        """Character → advance width: every character pdf.js can encode in this font."""
        return {chr(u): self.advances[gid] for gid, u in self.unicodes.items()}


def unicode_field_font(families: tuple[str, ...],
                       letters: frozenset[int] | None = None) -> UnicodeFieldFont:
    """`letters`: the joining families' characters to keep (`fonttable.field_letters`; None:
    all). Merged once per fonts, letters and code, then kept in the user's cache folder; the
    lock as in `fonts.field_font` (threads rendering forms ask at once)."""
    with _LOCK:
        return _font(families, letters)


_LOCK = threading.Lock()


def joining_table(families: tuple[str, ...],
                  letters: frozenset[int] | None = None) -> dict[str, object]:
    """What fill/static/skrift.js joins letters with, from the font's own characters:
    `forms`: letter → its [isolated, final, initial, medial] character (null: the letter has
    no such form, so it does not join on that side); `ligatures`: letters → [isolated,
    final] of their required ligature (lam with alef). Each as the font's ToUnicode writes
    it."""
    font = unicode_field_font(families, letters)
    by_glyph = _glyph_of_char(font)
    forms: dict[str, list[str | None]] = {}
    ligatures: dict[str, list[str | None]] = {}
    for ch in sorted(by_glyph):
        form, base = _decomposition(ch)
        if form not in FORMS or not base:
            continue
        shown = chr(font.unicodes[by_glyph[ch]])
        table = forms if len(base) == 1 else ligatures
        size = len(FORMS) if len(base) == 1 else 2
        if FORMS.index(form) < size:
            table.setdefault(base, [None] * size)[FORMS.index(form)] = shown
    return {"forms": forms, "ligatures": ligatures}


def _decomposition(ch: str) -> tuple[str, str]:
    """('final', 'ب') for ARABIC LETTER BEH FINAL FORM; ('', '') for a character that is
    no presentation form."""
    tag, _, rest = unicodedata.decomposition(ch).partition(" ")
    if not tag.startswith("<"):
        return "", ""
    return tag.strip("<>"), "".join(chr(int(code, 16)) for code in rest.split())


def _glyph_of_char(font: UnicodeFieldFont) -> dict[str, int]:
    cmap = TTFont(io.BytesIO(font.data), lazy=True)
    order = {name: gid for gid, name in enumerate(cmap.getGlyphOrder())}
    return {chr(u): order[name] for u, name in cmap.getBestCmap().items()}


@cache
def _font(families: tuple[str, ...], letters: frozenset[int] | None) -> UnicodeFieldFont:
    files = [FONT_DIR / table_file for table_file in _files(families)]
    stored = _cache_file(files, letters)
    try:
        data = stored.read_bytes()
    except OSError:
        data = _merged(files, letters)
        write_atomic(stored, data)
    return _metrics(data)


def _files(families: tuple[str, ...]) -> list[str]:
    table = font_table()
    return [table.families[family][BASE_FILE_INDEX] for family in (*table.default, *families)]


def _cache_file(files: list[Path], letters: frozenset[int] | None) -> Path:
    import fontTools

    kept = "all" if letters is None else ",".join(map(str, sorted(letters)))
    key = digest(fontTools.version.encode(), kept.encode(),
                 *(path.read_bytes() for path in (*files, Path(__file__))))
    return cache_dir() / f"feltskrift-unicode-{key}.ttf"


def _wanted(path: Path, first: bool, letters: frozenset[int] | None) -> list[int]:
    """The default family: the Latin field font's characters; a joining family: its letters
    (no compatibility decomposition) and their one- or two-letter presentation forms, of
    `letters` only when given (a form when all the letters it shows are)."""
    if first:
        return sorted(ord(ch) for ch in field_encoding().values())
    font = TTFont(path, lazy=True)
    required = _required_ligatures(font)
    return sorted(u for u, name in font.getBestCmap().items()
                  if u > 0x7F and _letter_or_form(chr(u), name in required)
                  and (letters is None or _shows(chr(u)) <= letters))


def _shows(ch: str) -> set[int]:
    """The letters a character shows: its base letters if it is a presentation form."""
    form, base = _decomposition(ch)
    return {ord(b) for b in base} if form in FORMS and base else {ord(ch)}


def _letter_or_form(ch: str, required: bool) -> bool:
    """A character with no compatibility decomposition, a letter's form, or a `required`
    ligature's."""
    form, base = _decomposition(ch)
    return not form or (form in FORMS and (len(base) == 1 or required))


def _required_ligatures(font: TTFont) -> set[str]:
    """The glyphs the font's REQUIRED feature makes of several letters."""
    gsub = font["GSUB"].table if "GSUB" in font else None
    if gsub is None or gsub.FeatureList is None:
        return set()
    lookups = {i for record in gsub.FeatureList.FeatureRecord if record.FeatureTag == REQUIRED
               for i in record.Feature.LookupListIndex}
    glyphs: set[str] = set()
    for i in lookups:
        lookup = gsub.LookupList.Lookup[i]
        for table in lookup.SubTable:
            if lookup.LookupType == EXTENSION_LOOKUP:
                table = table.ExtSubTable
            if table.LookupType == LIGATURE_LOOKUP:
                glyphs |= {lig.LigGlyph for ligs in table.ligatures.values() for lig in ligs}
    return glyphs


def _merged(files: list[Path], letters: frozenset[int] | None) -> bytes:
    from fontTools import subset
    from fontTools.merge import Merger

    parts = []
    for i, path in enumerate(files):
        font = TTFont(path, recalcTimestamp=False)
        subsetter = subset.Subsetter(subset_options())
        subsetter.populate(unicodes=_wanted(path, i == 0, letters))
        subsetter.subset(font)
        out = io.BytesIO()
        font.save(out)
        parts.append(io.BytesIO(out.getvalue()))
    merged = Merger().merge(parts)
    # The merger stamps the time: keep the first font's, so the same fonts give the same bytes.
    first = TTFont(parts[0])["head"]
    merged["head"].created, merged["head"].modified = first.created, first.modified
    merged.recalcTimestamp = False
    out = io.BytesIO()
    merged.save(out)
    return out.getvalue()


def _metrics(data: bytes) -> UnicodeFieldFont:
    font = TTFont(io.BytesIO(data))
    scale = UNITS / font["head"].unitsPerEm
    order = {name: gid for gid, name in enumerate(font.getGlyphOrder())}
    chars: dict[int, list[int]] = {}
    for u, name in font.getBestCmap().items():
        chars.setdefault(order[name], []).append(u)
    # A glyph drawn for several characters (alef and alef alone) stands for the plain one.
    unicodes = {gid: min(us, key=lambda u: (bool(_decomposition(chr(u))[0]), u))
                for gid, us in chars.items()}
    hmtx = font["hmtx"]
    advances = {gid: round(hmtx[name][0] * scale) for name, gid in order.items()}
    head, os2 = font["head"], font["OS/2"]
    x0, y0, x1, y1 = (round(v * scale) for v in (head.xMin, head.yMin, head.xMax, head.yMax))
    return UnicodeFieldFont(data, unicodes, advances, (x0, y0, x1, y1),
                            round(os2.sTypoAscender * scale), round(os2.sTypoDescender * scale),
                            round(os2.sCapHeight * scale))
