"""What PDFium (as in Chrome and Edge) draws of a form's widgets: each page rendered with
its fields, the centre of every radio button, and how dark a point is drawn."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
from pypdf import PdfReader

SCALE = 2.0
"""Render at 144 dpi."""
DARK, LIGHT = 90, 200
"""Grey levels (0–255): the chosen dot prints black, an empty ring's middle stays paper."""


def grey(bitmap: Any, x: float, y: float, page_height: float) -> int:
    """Grey level of the pixel at PDF point (x, y) (origin bottom left)."""
    col, row = int(x * SCALE), int((page_height - y) * SCALE)
    offset = row * bitmap.stride + col * bitmap.n_channels
    b, g, r = bitmap.buffer[offset:offset + 3]
    return (r + g + b) // 3


def render_widgets(path: Path) -> list[tuple[Any, Any, float]]:
    """Per page: (bitmap with form widgets drawn by PDFium, page height)."""
    doc = pdfium.PdfDocument(str(path))
    doc.init_forms()
    pages = []
    for page in doc:
        bitmap = page.render(scale=SCALE, may_draw_forms=True)
        pages.append((bitmap, page.get_height()))
    return pages


def radio_centres(path: Path) -> list[tuple[int, str, str, float, float]]:
    """(page, field, export value, x, y) of every radio button's centre."""
    out = []
    for number, page in enumerate(PdfReader(path).pages):
        for ref in page.get("/Annots", ()):
            w = ref.get_object()
            if "/Parent" not in w or w["/Parent"].get_object().get("/FT") != "/Btn":
                continue
            x0, y0, x1, y1 = (float(v) for v in w["/Rect"])
            state = next(k for k in w["/AP"]["/N"] if k != "/Off")[1:]
            name = str(w["/Parent"].get_object()["/T"])
            out.append((number, name, state, (x0 + x1) / 2, (y0 + y1) / 2))
    return out
