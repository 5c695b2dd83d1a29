"""A flat page image and its blank template → which circle of each statement holds a mark.

Ink is what the page has and the blank does not: the page is evened out (its paper, lit
unevenly, becomes white), the blank's strokes are widened a little (so a page laid a pixel
off never shows the printed circle as ink), and the difference is taken. Each circle then
scores the share of inked pixels around it; the printed circle itself never counts.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from stavangerstandarden.collect.read.scan.images import Image
from stavangerstandarden.collect.read.scan.template import PageTemplate, Spot

INK = 70
"""Darker than the blank by this much (of 255) is ink: a pencil's grey or a light blue pen
passes, paper texture and JPEG noise do not."""
MARKED = 0.015
"""Share of a circle's surroundings inked for a mark: a small tick is ≈ 0.02, a cross
≈ 0.05 to 0.2, a dot or a ring ≈ 0.2 (measured on the test corpus); an empty circle 0."""
FAINT = 0.006
"""Less than a mark, more than a speck: a circle this inked beside a marked one makes the
statement unclear rather than answered."""
BESIDE = 0.1
"""Beside a mark, a circle is touched only with at least this share of the mark's ink: a
small tick beside a cross is a second mark, the printed circle's edge in a bent photo is
not."""
PAD = 0.45
"""Room around a circle counted with it, as a share of its size: a ring drawn around the
circle, or a cross bigger than it, is still in."""
WRITING = 0.004
"""Share of a tiltak box inked for it to hold writing."""


@dataclass(frozen=True)
class PageMarks:
    answers: dict[str, str | None]
    """Statement id → the scale id marked, or None when nothing is marked."""
    unclear: tuple[str, ...]
    """Statements marked twice, or too faintly to say."""
    written: tuple[Spot, ...]
    """Tiltak boxes holding writing."""


def ink_of(page: Image, template: PageTemplate) -> Image:
    """How much darker than the blank each pixel of the flat page is."""
    background = cv2.dilate(page, np.ones((31, 31), np.uint8))
    background = cv2.GaussianBlur(background, (0, 0), 8)
    even = cv2.divide(page, np.maximum(background, 1), scale=255)
    blank = cv2.erode(template.blank, np.ones((5, 5), np.uint8))
    return np.asarray(cv2.subtract(blank, even), dtype=np.uint8)


def read_page(page: Image, template: PageTemplate) -> PageMarks:
    inked = ink_of(page, template) > INK
    scores: dict[str, dict[str, float]] = {}
    for spot in template.circles:
        scores.setdefault(spot.name, {})[spot.value] = _share(inked, spot.box, PAD)
    answers: dict[str, str | None] = {}
    unclear = []
    for statement, by_value in scores.items():
        marked = [v for v, s in by_value.items() if s >= MARKED]
        strongest = max(by_value.values())
        touched = [v for v, s in by_value.items() if s >= max(FAINT, BESIDE * strongest)]
        if len(marked) == 1 and len(touched) == 1:
            answers[statement] = marked[0]
        elif touched:
            unclear.append(statement)
        else:
            answers[statement] = None
    written = tuple(s for s in template.writing if _share(inked, s.box, -0.04) >= WRITING)
    return PageMarks(answers, tuple(unclear), written)


def _share(inked: np.ndarray, box: tuple[int, int, int, int], pad: float) -> float:
    x0, y0, x1, y1 = box
    dx, dy = round((x1 - x0) * pad), round((y1 - y0) * pad)
    region = inked[max(0, y0 - dy):y1 + dy, max(0, x0 - dx):x1 + dx]
    return float(region.mean()) if region.size else 0.0
