"""Appearance streams: what each widget looks like on screen and on paper, in every state.

Every state gets a stream of its own (no viewer has to invent one, NeedAppearances stays
unset). A radio button is a ring; the chosen one is a ring with a large solid black dot, so
the answer is unmistakable in black-and-white print and needs no colour.
"""

from __future__ import annotations

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
)

KAPPA = 0.5523
"""Bézier handle length for a quarter circle."""
RING_GREY = 0.2
RING_WIDTH = 1.0
DOT_RATIO = 0.62
"""Radius of the chosen dot relative to the ring's."""


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


def empty_text_stream() -> str:
    """An empty text field, marked as the variable text viewers replace when typing."""
    return "/Tx BMC EMC"


def form_xobject(writer: PdfWriter, content: str, width: float, height: float,
                 resources: DictionaryObject | None = None) -> IndirectObject:
    stream = DecodedStreamObject()
    stream.set_data(content.encode("ascii"))
    stream.update({
        NameObject("/Type"): NameObject("/XObject"),
        NameObject("/Subtype"): NameObject("/Form"),
        NameObject("/BBox"): ArrayObject(FloatObject(v) for v in (0, 0, width, height)),
        NameObject("/Resources"): resources or DictionaryObject(),
    })
    return writer._add_object(stream.flate_encode())


def _n(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".")
