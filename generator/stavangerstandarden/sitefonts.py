"""The fonts a language's site serves itself (no CDN): the families `fonts/skrifter.json`
gives the language beyond the default list, with a stylesheet of @font-face rules.

Latin text keeps the reader's system font, as on the bokmål site; each served family covers
only the characters it adds (`unicode-range`), so a page downloads it only when it shows them.
"""

from __future__ import annotations

import io
from pathlib import Path

from stavangerstandarden.fonttable import FONT_DIR, code_points, font_table, spans
from stavangerstandarden.usercache import cached

FONTS_DIR = "skrift"
"""The language's site folder of served fonts and their stylesheet."""
STYLESHEET = f"{FONTS_DIR}/skrift.css"
WEIGHTS = (400, 700)
"""A family's files are regular, then bold (fonts/skrifter.json)."""
OWN_RANGE_FROM = 0x100
"""Below this (ASCII, Latin-1) the system font draws: the served family adds the rest."""


def served_families(language: str) -> tuple[str, ...]:
    table = font_table()
    return tuple(f for f in table.for_language(language) if f not in table.default)


def site_font_files(language: str) -> dict[str, bytes]:
    """`skrift/<font>.woff2` and `skrift/skrift.css` for `language`; nothing when its site
    needs no font of its own."""
    families = served_families(language)
    if not families:
        return {}
    table = font_table()
    files: dict[str, bytes] = {}
    rules: list[str] = []
    for family in families:
        for name, weight in zip(table.families[family], WEIGHTS, strict=False):
            served = Path(name).with_suffix(".woff2").name
            files[f"{FONTS_DIR}/{served}"] = woff2(FONT_DIR / name)
            rules.append(_face(family, served, weight, _ranges(FONT_DIR / name)))
    stack = ", ".join(f'"{f}"' for f in families)
    rules.append(":root {\n  --md-text-font: " + stack + ";\n}\n")
    files[STYLESHEET] = "\n".join(rules).encode("utf-8")
    return files


def _face(family: str, file: str, weight: int, ranges: str) -> str:
    return (f'@font-face {{\n  font-family: "{family}";\n  src: url("{file}") format("woff2");\n'
            f"  font-weight: {weight};\n  font-display: swap;\n  unicode-range: {ranges};\n}}\n")


def woff2(path: Path) -> bytes:
    """The TrueType font at `path` as WOFF2 (Brotli-compressed, the same glyphs): every
    browser the site supports reads it, at about half the bytes. Cached: compressing takes
    seconds. The font's own dates are kept, so the bytes are the same on every machine."""
    def make() -> bytes:
        from fontTools.ttLib import TTFont  # only on a cache miss

        font = TTFont(path, recalcTimestamp=False)
        font.flavor = "woff2"
        out = io.BytesIO()
        font.save(out)
        return out.getvalue()
    return cached("skrift-{}.woff2", (b"woff2-1", path.read_bytes()), make)


def _ranges(path: Path) -> str:
    """The font's own characters as CSS unicode-range, consecutive code points joined."""
    own = spans(p for p in code_points(path) if p >= OWN_RANGE_FROM)
    return ", ".join(f"U+{a:X}" if a == b else f"U+{a:X}-{b:X}" for a, b in own)
