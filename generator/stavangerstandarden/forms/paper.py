"""What lets a machine read a printed page back: four corner markers and a QR code.

The template draws them outside the tagged content (page background: artifacts), so the
structure, the fields and the fill pages stay as they are. The geometry is defined here
once; the template draws it and `collect.read.scan` looks for it. The QR code carries the
page's identity (`contract.page_code`); its upright corner tells the reader which way up
the sheet lies, so the four markers can be alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from stavangerstandarden import contract as c

MM = 72 / 25.4
"""Points per millimetre."""
PAGE_MM = (210.0, 297.0)
"""A4, the template's paper: width, height."""
MARK_MM = 5.0
"""Side of each solid square corner marker."""
MARK_INSET_MM = 7.0
"""From the paper's edge to a marker's outer edge: inside what every printer prints, and
still there after a printer's «fit to page» shrinks the sheet."""
QR_MM = 16.0
"""Side of the QR code (without its quiet zone), whatever its version."""
QR_RIGHT_MM = 16.0
"""From the right edge to the QR code: it ends where the page's content ends."""
QR_BOTTOM_MM = 7.0
"""From the bottom edge to the QR code, level with the lower markers' outer edge."""
BOTTOM_MARGIN_MM = 26.0
"""The template's bottom margin: room for the footer beside the QR code."""


@dataclass(frozen=True)
class Box:
    """A rectangle on the page in millimetres from its top left corner."""

    x: float
    y: float
    width: float
    height: float

    @property
    def centre(self) -> tuple[float, float]:
        return self.x + self.width / 2, self.y + self.height / 2


def marks() -> tuple[Box, Box, Box, Box]:
    """The four markers: top left, top right, bottom right, bottom left."""
    w, h = PAGE_MM
    far_x, far_y = w - MARK_INSET_MM - MARK_MM, h - MARK_INSET_MM - MARK_MM
    return (Box(MARK_INSET_MM, MARK_INSET_MM, MARK_MM, MARK_MM),
            Box(far_x, MARK_INSET_MM, MARK_MM, MARK_MM),
            Box(far_x, far_y, MARK_MM, MARK_MM),
            Box(MARK_INSET_MM, far_y, MARK_MM, MARK_MM))


def qr_box() -> Box:
    w, h = PAGE_MM
    return Box(w - QR_RIGHT_MM - QR_MM, h - QR_BOTTOM_MM - QR_MM, QR_MM, QR_MM)


def qr_runs(text: str) -> dict[str, object]:
    """The QR code of `text` (error correction level M: it survives a smudge or a fold
    across it), without quiet zone: its size in modules and its dark runs along each row as
    [x, y, length], so the template draws a few hundred rectangles, not thousands."""
    from stavangerstandarden.forms.qrmask import qr_matrix  # numpy: only to draw, not to read

    matrix = qr_matrix(text)
    runs = []
    for y, row in enumerate(matrix):
        x = 0
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                runs.append([start, y, x - start])
            else:
                x += 1
    return {"size": len(matrix), "runs": runs}


def paper_data(identity: c.PageIdentity | None) -> dict[str, object]:
    """What the template draws; `identity` of page 1 with the form's page count, or None
    for the first layout pass (the page count is not known before it; the QR codes do not
    change the layout, so the second pass lays out the same pages)."""
    codes = []
    if identity is not None:
        codes = [qr_runs(c.page_code(_page(identity, n)))
                 for n in range(1, identity.pages + 1)]
    return {
        "marks": [[b.x, b.y, b.width] for b in marks()],
        "qr": [qr_box().x, qr_box().y, QR_MM],
        "codes": codes,
        "bottom-margin": BOTTOM_MARGIN_MM,
    }


def _page(identity: c.PageIdentity, page: int) -> c.PageIdentity:
    return c.PageIdentity(identity.standard, identity.version, identity.language,
                          identity.area, identity.level, page, identity.pages)
