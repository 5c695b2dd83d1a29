"""The shipped fonts (Noto Sans and the families other scripts need, SIL OFL): which a
language uses (`fonts/skrifter.json`, data: no language is named in code) and what they can
draw. Below the forms, the booklet, the site's fonts and `check`, which all ask it.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from stavangerstandarden.typst_runner import FONT_DIR as FONT_DIR
from stavangerstandarden.usercache import cached

FONT_TABLE = FONT_DIR / "skrifter.json"
"""Family → files, and each language's families on top of the default list."""


@dataclass(frozen=True)
class FontTable:
    families: dict[str, tuple[str, ...]]
    """Family name → its TTF files in FONT_DIR (regular first)."""
    default: tuple[str, ...]
    languages: dict[str, tuple[str, ...]]
    fields: dict[str, tuple[str, ...]]
    """Language → families whose joining letters its forms' field font also carries."""
    field_letters: dict[str, frozenset[int]]
    """Language → the characters its field font takes from those families (absent: all)."""

    def for_language(self, language: str) -> tuple[str, ...]:
        """The families a text in `language` is set in, in fallback order."""
        return (*self.default, *self.languages.get(language.split("_")[0], ()))


@cache
def font_table() -> FontTable:
    raw = json.loads(FONT_TABLE.read_text("utf-8"))
    return FontTable({name: tuple(files) for name, files in raw["families"].items()},
                     tuple(raw["default"]),
                     {lang: tuple(names) for lang, names in raw["languages"].items()},
                     {lang: tuple(names) for lang, names in raw.get("fields", {}).items()},
                     {lang: _points(spans) for lang, spans in raw.get("field_letters", {}).items()})


def _points(spans: list[str]) -> frozenset[int]:
    """["0621-063A", "0640"] → those code points."""
    points: set[int] = set()
    for span in spans:
        first, _, last = span.partition("-")
        points.update(range(int(first, 16), int(last or first, 16) + 1))
    return frozenset(points)


def joining_families(language: str) -> tuple[str, ...]:
    """The families of joining letters `language`'s field font adds (none: the Latin one)."""
    return font_table().fields.get(language.split("_")[0], ())


def field_letters(language: str) -> frozenset[int] | None:
    """The characters `language`'s field font takes from its joining families (None: all)."""
    return font_table().field_letters.get(language.split("_")[0])


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
    can_draw: set[int] = set()
    for family in (families(language) if language else font_table().default):
        can_draw |= _family_points(family)
    return frozenset(can_draw)


@cache
def _family_points(family: str) -> frozenset[int]:
    """What every face of `family` draws: read once per run, though every language's list
    starts with the same default families."""
    return frozenset.intersection(*(code_points(FONT_DIR / name)
                                    for name in font_table().families[family]))


def code_points(path: Path) -> frozenset[int]:
    """The code points the font at `path` maps to a glyph. Decoding a cmap with fontTools
    costs `check` more than the rest of its work, so the answer is kept in the user's cache
    (~1 ms to read back)."""
    data = path.read_bytes()

    def read_cmap() -> bytes:
        from fontTools.ttLib import TTFont  # ~0.1 s to import; only on a cache miss

        points = TTFont(io.BytesIO(data), lazy=True).getBestCmap()
        return json.dumps(spans(points)).encode("ascii")

    stored = cached("tegn-{}.json", (data, Path(__file__).read_bytes()), read_cmap)
    return frozenset(p for first, last in json.loads(stored) for p in range(first, last + 1))


def spans(points: Iterable[int]) -> list[tuple[int, int]]:
    """Consecutive code points as (first, last): a font's cmap in a few hundred pairs."""
    found: list[tuple[int, int]] = []
    for p in sorted(points):
        if found and p == found[-1][1] + 1:
            found[-1] = (found[-1][0], p)
        else:
            found.append((p, p))
    return found
