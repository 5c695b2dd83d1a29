"""Handwriting in the tiltak boxes, cut out of the flat page as PNG images for the report:
nobody machine-reads handwriting reliably, so the leader reads it."""

from __future__ import annotations

from dataclasses import dataclass

import cv2

from stavangerstandarden.collect.read.scan.images import Image
from stavangerstandarden.collect.read.scan.template import Spot

MAX_PNG_BYTES = 200_000
"""One box at 150 dpi in grey is ≈ 20 KB; a box larger than this is not kept."""


@dataclass(frozen=True)
class Handwriting:
    field: str
    """The box's field name (`tiltak.<n>.<part>`)."""
    png: bytes


def cut_out(page: Image, spots: tuple[Spot, ...]) -> list[Handwriting]:
    found = []
    for spot in spots:
        x0, y0, x1, y1 = spot.box
        ok, encoded = cv2.imencode(".png", page[y0:y1, x0:x1],
                                   [cv2.IMWRITE_PNG_COMPRESSION, 9])
        if ok and len(encoded) <= MAX_PNG_BYTES:
            found.append(Handwriting(spot.name, encoded.tobytes()))
    return found
