"""The fonts a language's site serves itself (no CDN): the families `fonts/skrifter.json`
gives the language beyond the default list, with a stylesheet of @font-face rules.

Latin text keeps the reader's system font, as on the bokmål site; each served family covers
only the characters it adds (`unicode-range`), so a page downloads it only when it shows them.
"""

from __future__ import annotations

from fontTools.ttLib import TTFont

from stavangerstandarden.forms.fonts import FONT_DIR, font_table

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
    """`skrift/<font>.ttf` and `skrift/skrift.css` for `language`; nothing when its site
    needs no font of its own."""
    families = served_families(language)
    if not families:
        return {}
    table = font_table()
    files: dict[str, bytes] = {}
    rules: list[str] = []
    for family in families:
        for name, weight in zip(table.families[family], WEIGHTS, strict=False):
            data = (FONT_DIR / name).read_bytes()
            files[f"{FONTS_DIR}/{name}"] = data
            rules.append(_face(family, name, weight, _ranges(FONT_DIR / name)))
    stack = ", ".join(f'"{f}"' for f in families)
    rules.append(":root {\n  --md-text-font: " + stack + ";\n}\n")
    files[STYLESHEET] = "\n".join(rules).encode("utf-8")
    return files


def _face(family: str, file: str, weight: int, ranges: str) -> str:
    return (f'@font-face {{\n  font-family: "{family}";\n  src: url("{file}") format("truetype");\n'
            f"  font-weight: {weight};\n  font-display: swap;\n  unicode-range: {ranges};\n}}\n")


def _ranges(path: object) -> str:
    """The font's own characters as CSS unicode-range, consecutive code points joined."""
    points = sorted(p for p in TTFont(path, lazy=True).getBestCmap() if p >= OWN_RANGE_FROM)
    spans: list[list[int]] = []
    for p in points:
        if spans and p == spans[-1][1] + 1:
            spans[-1][1] = p
        else:
            spans.append([p, p])
    return ", ".join(f"U+{a:X}" if a == b else f"U+{a:X}-{b:X}" for a, b in spans)
