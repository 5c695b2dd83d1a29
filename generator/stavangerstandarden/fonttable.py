"""The shipped fonts (Noto Sans and the families other scripts need, SIL OFL): which a
language uses (`fonts/skrifter.json`, data: no language is named in code) and what they can
draw. Below the forms, the booklet, the site's fonts and `check`, which all ask it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont

from stavangerstandarden.typst_runner import FONT_DIR as FONT_DIR

FONT_TABLE = FONT_DIR / "skrifter.json"
"""Family → files, and each language's families on top of the default list."""


@dataclass(frozen=True)
class FontTable:
    families: dict[str, tuple[str, ...]]
    """Family name → its TTF files in FONT_DIR (regular first)."""
    default: tuple[str, ...]
    languages: dict[str, tuple[str, ...]]

    def for_language(self, language: str) -> tuple[str, ...]:
        """The families a text in `language` is set in, in fallback order."""
        return (*self.default, *self.languages.get(language.split("_")[0], ()))


@cache
def font_table() -> FontTable:
    raw = json.loads(FONT_TABLE.read_text("utf-8"))
    return FontTable({name: tuple(files) for name, files in raw["families"].items()},
                     tuple(raw["default"]),
                     {lang: tuple(names) for lang, names in raw["languages"].items()})


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
