"""The model figure (principles and focus areas) as an accessible inline SVG, drawn from the
model: one row per kind, boxes for the first kind and circles for the next, one link per area.

Text stays text (screen readers read it, search finds it, it scales); `title`/`desc` name the
figure and say what it shows, so the drawing is never the only carrier of the content.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, replace

from stavangerstandarden.i18n.ui import Localized
from stavangerstandarden.markup import render
from stavangerstandarden.model import Area, Kind, Standard
from stavangerstandarden.pages.wording import join_words

WIDTH = 640
GAP = 12
FONT = 18
LINE = 22
CHAR = 0.56 * FONT
"""Average width of a bold character, to wrap titles before they overflow a shape."""
SHAPES = ("box", "circle")
"""Shape per kind, in kind order; the source's model text calls principles boxes."""


@dataclass(frozen=True)
class Shape:
    area: Area
    kind: str
    """`box` or `circle`."""
    x: float
    y: float
    """Top-left corner of the shape's bounding box."""
    w: float
    h: float
    lines: tuple[str, ...]

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def text_y(self) -> float:
        """Baseline of the first line, so the block of lines sits centred."""
        return self.y + self.h / 2 - (len(self.lines) - 1) * LINE / 2 + FONT * 0.35


def model_figure(standard: Standard, href_prefix: str, loc: Localized | None = None) -> bytes:
    """`href_prefix` leads from the page that embeds the figure to the area pages."""
    shapes, height = _layout(standard)
    return render(
        "figure.html.j2", loc=loc, shapes=shapes, width=WIDTH, height=height, font=FONT,
        line_height=LINE, href_prefix=href_prefix, title=standard.model.title,
        desc=figure_description(standard, loc),
    )


def figure_description(standard: Standard, loc: Localized | None) -> str:
    """What the figure shows, in words: its alt text wherever it is drawn."""
    groups = [
        f"{kind.label}: {join_words([a.title for a in areas], loc)}."
        for kind, areas in kind_rows(standard)
    ]
    return " ".join(groups)


def kind_rows(standard: Standard) -> list[tuple[Kind, tuple[Area, ...]]]:
    """The figure's rows: each kind that has areas, with its areas in source order."""
    rows = [(k, tuple(a for a in standard.areas if a.kind.id == k.id)) for k in standard.kinds]
    return [(k, areas) for k, areas in rows if areas]


def _layout(standard: Standard) -> tuple[tuple[Shape, ...], float]:
    shapes: list[Shape] = []
    y = float(GAP)
    for index, (_, areas) in enumerate(kind_rows(standard)):
        kind = SHAPES[index % len(SHAPES)]
        width = (WIDTH - GAP * (len(areas) + 1)) / len(areas)
        row = [_shape(area, kind, GAP + i * (width + GAP), y, width)
               for i, area in enumerate(areas)]
        tallest = max(s.h for s in row)
        shapes.extend(replace(s, h=tallest) for s in row)
        y += tallest + GAP
    return tuple(shapes), y


def _shape(area: Area, kind: str, x: float, y: float, width: float) -> Shape:
    usable = width - 2 * GAP if kind == "box" else width * 0.78
    lines = tuple(textwrap.wrap(area.title, max(6, int(usable // CHAR)), break_long_words=False))
    height = len(lines) * LINE + 2 * GAP if kind == "box" else width
    return Shape(area, kind, x, y, width, max(height, 3 * LINE), lines)
