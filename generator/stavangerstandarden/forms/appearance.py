"""Appearance streams: what each widget looks like on screen and on paper, in every state.

Every state gets a stream of its own (no viewer has to invent one, NeedAppearances stays
unset). A radio button is a ring; the chosen one is a ring with a large solid black dot, so
the answer is unmistakable in black-and-white print and needs no colour.

Radio buttons of the same size share their state streams, which keeps a form small: filling
only switches a button's /AS between them. A text field's stream is its own, because whoever
fills the form (pypdf, pdf.js, PDFium, Acrobat) may write the typed value into that very
object; shared, every box would print the last value typed anywhere.
"""

from __future__ import annotations

import pikepdf
from pikepdf import Array, Dictionary, Name

KAPPA = 0.5523
"""Bézier handle length for a quarter circle."""
RING_GREY = 0.2
RING_WIDTH = 1.0
DOT_RATIO = 0.62
"""Radius of the chosen dot relative to the ring's."""
EMPTY_TEXT = "/Tx BMC EMC"
"""An empty text field, marked as the variable text viewers replace when typing."""


def circle(cx: float, cy: float, r: float) -> str:
    """A closed circle path from four Bézier curves."""
    k = r * KAPPA
    pts = [
        (cx + r, cy + k, cx + k, cy + r, cx, cy + r),
        (cx - k, cy + r, cx - r, cy + k, cx - r, cy),
        (cx - r, cy - k, cx - k, cy - r, cx, cy - r),
        (cx + k, cy - r, cx + r, cy - k, cx + r, cy),
    ]
    curves = " ".join(" ".join(_n(v) for v in p) + " c" for p in pts)
    return f"{_n(cx + r)} {_n(cy)} m {curves} h"


def radio_streams(width: float, height: float) -> tuple[str, str]:
    """(on, off) content for a radio button of this size."""
    cx, cy = width / 2, height / 2
    r = min(width, height) / 2 - RING_WIDTH
    ring = f"{RING_GREY} G {RING_WIDTH} w {circle(cx, cy, r)} S"
    dot = f"0 g {circle(cx, cy, r * DOT_RATIO)} f"
    return f"q {ring} {dot} Q", f"q {ring} Q"


class Appearances:
    """Form XObjects of one document: shared per (content, size), or one of its own."""

    def __init__(self, pdf: pikepdf.Pdf) -> None:
        self._pdf = pdf
        self._made: dict[tuple[str, float, float], pikepdf.Object] = {}

    def shared(self, content: str, width: float, height: float) -> pikepdf.Object:
        """One stream for every widget of this size showing `content` (radio states)."""
        key = (content, round(width, 3), round(height, 3))
        if key not in self._made:
            self._made[key] = self.own(content, width, height)
        return self._made[key]

    def own(self, content: str, width: float, height: float) -> pikepdf.Object:
        """A new stream, for one widget only (text fields)."""
        return self._pdf.make_indirect(pikepdf.Stream(
            self._pdf, content.encode("ascii"),
            Type=Name.XObject, Subtype=Name.Form,
            BBox=Array([0, 0, round(width, 3), round(height, 3)]), Resources=Dictionary(),
        ))


def _n(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".")
