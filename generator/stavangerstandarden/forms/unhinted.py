"""Embedded fonts without TrueType hinting.

Typst embeds its font subsets with the hinting programs of Noto (`fpgm`, `prep`, `cvt ` and
each glyph's instructions): a third of every form's bytes, stored once per form in each
language and again in the ZIP of all forms. Hinting only snaps outlines to the pixel grid of
old screen rasterizers; the PDF viewers we test (pdf.js, pdfium, poppler) and today's
systems draw the outlines without it, so a form looks and reads the same without it.

The forms are laid out from copies of the shipped fonts without their hinting
(`unhinted_fonts`, made once into the user's cache folder), so Typst's subsets come without
it: dropping it from every subset of every form in every language took a fifth of the
forms' time. `drop_hinting` stays as the guarantee for a font that still has some.
"""

from __future__ import annotations

import io
import threading
from functools import cache
from pathlib import Path

import pikepdf
from fontTools.ttLib import TTFont

from stavangerstandarden.atomicfile import write_atomic
from stavangerstandarden.typst_runner import FONT_DIR
from stavangerstandarden.usercache import cache_dir, digest

HINTING_TABLES = ("fpgm", "prep", "cvt ")

_lock = threading.Lock()


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


def unhinted_fonts() -> Path:
    """A folder holding every shipped font (`FONT_DIR`) without its hinting: in the user's
    cache folder, named by a hash of the fonts and this code, made by the first build that
    needs it. FONT_DIR itself when the cache folder cannot be written (`drop_hinting` then
    does the work per form, for the same look)."""
    return _unhinted_fonts(cache_dir())


@cache
def _unhinted_fonts(home: Path) -> Path:
    import fontTools

    fonts = sorted(FONT_DIR.glob("*.ttf"))
    key = digest(fontTools.version.encode(), Path(__file__).read_bytes(),
                 *(p.name.encode() + p.read_bytes() for p in fonts))
    folder = home / f"skrifter-uten-hinting-{key}"
    with _lock:
        try:
            for path in fonts:
                if not (folder / path.name).is_file():
                    font_file = path.read_bytes()
                    write_atomic(folder / path.name, _unhinted(font_file) or font_file)
        except OSError:
            return FONT_DIR
    return folder


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
