"""A seeded pen and a seeded copier: printed forms marked like people mark them, then scanned
or photographed as badly as real machines and hands do.

The forms are the real built forms, printed by PDFium; the circles are found with pypdf (not
with the reader's own code), so a reader that put a circle in the wrong place fails.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass

import cv2
import numpy as np
import pypdfium2 as pdfium
from PIL import Image
from pypdf import PdfReader

PRINT_DPI = 200
BLUE, BLACK = (35, 45, 170), (25, 25, 25)
KINDS = ("cross", "tick", "dot", "ring")


@dataclass(frozen=True)
class Circle:
    statement: str
    value: str
    page: int
    """0-based."""
    box: tuple[float, float, float, float]
    """Points from the page's top left: x0, y0, x1, y1."""


@dataclass(frozen=True)
class Box:
    name: str
    page: int
    box: tuple[float, float, float, float]


def circles(pdf: bytes) -> list[Circle]:
    """Every answer circle of a form, in page order."""
    found = []
    for index, page in enumerate(PdfReader(io.BytesIO(pdf)).pages):
        height = float(page.mediabox.height)
        for ref in page.get("/Annots", []):
            annot = ref.get_object()
            parent = annot.get("/Parent")
            if "/AS" not in annot or parent is None:
                continue
            value = next(k[1:] for k in annot["/AP"]["/N"] if k != "/Off")
            found.append(Circle(str(parent.get_object()["/T"]), value, index,
                                _box(annot, height)))
    return found


def writing_boxes(pdf: bytes) -> list[Box]:
    found = []
    for index, page in enumerate(PdfReader(io.BytesIO(pdf)).pages):
        height = float(page.mediabox.height)
        for ref in page.get("/Annots", []):
            annot = ref.get_object()
            parent = annot.get("/Parent")
            name = str(annot.get("/T", ""))
            if name == "tiltak" and parent is not None:
                found.append(Box(f"{parent.get_object()['/T']}.tiltak", index,
                                 _box(annot, height)))
    return found


def _box(annot: object, height: float) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = (float(v) for v in annot["/Rect"])  # type: ignore[index]
    return min(x0, x1), height - max(y0, y1), max(x0, x1), height - min(y0, y1)


def printed(pdf: bytes, dpi: int = PRINT_DPI) -> list[np.ndarray]:
    """The pages as a printer puts them on paper (RGB, widgets drawn)."""
    document = pdfium.PdfDocument(pdf)
    document.init_forms()
    pages = [document[i].render(scale=dpi / 72, may_draw_forms=True, rev_byteorder=True)
             .to_numpy()[:, :, :3].copy()
             for i in range(len(document))]
    document.close()
    return pages


def mark(page: np.ndarray, box: tuple[float, float, float, float], kind: str,
         colour: tuple[int, int, int], rng: random.Random, dpi: int = PRINT_DPI) -> None:
    """Draw one pen mark of `kind` on the circle in `box`, a little off centre."""
    s = dpi / 72
    x0, y0, x1, y1 = (v * s for v in box)
    r = (x1 - x0) / 2
    cx = (x0 + x1) / 2 + rng.uniform(-0.25, 0.25) * r
    cy = (y0 + y1) / 2 + rng.uniform(-0.25, 0.25) * r
    pen = max(2, round(rng.uniform(0.35, 0.6) * dpi / 25.4))
    size = r * rng.uniform(0.8, 1.3)

    def pt(dx: float, dy: float) -> tuple[int, int]:
        return round(cx + dx * size), round(cy + dy * size)

    if kind == "cross":
        cv2.line(page, pt(-1, -1), pt(1, 1), colour, pen, cv2.LINE_AA)
        cv2.line(page, pt(-1, 1), pt(1, -1), colour, pen, cv2.LINE_AA)
    elif kind == "tick":
        cv2.line(page, pt(-0.8, 0), pt(-0.2, 0.8), colour, pen, cv2.LINE_AA)
        cv2.line(page, pt(-0.2, 0.8), pt(1.1, -1.0), colour, pen, cv2.LINE_AA)
    elif kind == "dot":
        cv2.circle(page, pt(0, 0), round(r * 0.7), colour, -1, cv2.LINE_AA)
    else:
        cv2.ellipse(page, pt(0, 0), (round(r * 1.45), round(r * 1.25)), rng.uniform(0, 180),
                    0, 340, colour, pen, cv2.LINE_AA)


def scribble(page: np.ndarray, box: tuple[float, float, float, float], rng: random.Random,
             dpi: int = PRINT_DPI) -> None:
    """A few lines of «handwriting» in a tiltak box."""
    s = dpi / 72
    x0, y0, x1, y1 = (v * s for v in box)
    for line in range(3):
        y = y0 + (line + 1) * (y1 - y0) / 5
        points = [(round(x0 + 10 + k * 12), round(y + rng.uniform(-6, 6)))
                  for k in range(int((x1 - x0 - 40) / 12 * rng.uniform(0.4, 0.9)))]
        cv2.polylines(page, [np.array(points, np.int32)], False, BLUE, 3, cv2.LINE_AA)


def stray(page: np.ndarray, rng: random.Random) -> None:
    """A pen stroke in the margin, nowhere near a circle."""
    h, w = page.shape[:2]
    x = rng.randint(w // 40, w // 20)
    cv2.line(page, (x, h // 3), (x + 15, h // 3 + 200), BLACK, 3, cv2.LINE_AA)


def scanned(page: np.ndarray, rng: random.Random, *, quarter: int = 0, tilt: float = 2.0,
            fit: float = 1.0, grey: bool = False, dpi: int = 150) -> np.ndarray:
    """A copier's picture of the sheet: shrunk to fit, laid a little crooked (and a quarter
    turn `quarter` times), blurred, noisy, at `dpi`."""
    h, w = page.shape[:2]
    centre = (w / 2, h / 2)
    matrix = cv2.getRotationMatrix2D(centre, rng.uniform(-tilt, tilt), fit * dpi / PRINT_DPI)
    matrix[:, 2] += (np.array([w, h]) * dpi / PRINT_DPI - np.array([w, h])) / 2
    size = (round(w * dpi / PRINT_DPI), round(h * dpi / PRINT_DPI))
    out = cv2.warpAffine(page, matrix, size, flags=cv2.INTER_AREA,
                         borderValue=(255, 255, 255))
    out = cv2.GaussianBlur(out, (0, 0), rng.uniform(0.3, 0.9))
    out = _noisy(out, rng, 6)
    out = np.rot90(out, quarter).copy()
    if grey:
        out = cv2.cvtColor(cv2.cvtColor(out, cv2.COLOR_RGB2GRAY), cv2.COLOR_GRAY2RGB)
    return out


def photographed(page: np.ndarray, rng: random.Random, *, quarter: int = 0) -> np.ndarray:
    """A phone's picture: the sheet on a darker table in perspective, lit from one side."""
    h, w = page.shape[:2]
    out_w, out_h = 3000, 4000
    table = np.full((out_h, out_w, 3), (120, 100, 80), np.uint8)
    table = _noisy(table, rng, 12)
    margin = 0.08
    corners = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    target = []
    for fx, fy in ((margin, margin), (1 - margin, margin), (1 - margin, 1 - margin),
                   (margin, 1 - margin)):
        target.append([out_w * (fx + rng.uniform(-0.05, 0.05)),
                       out_h * (fy + rng.uniform(-0.04, 0.04))])
    matrix = cv2.getPerspectiveTransform(corners, np.float32(target))
    sheet = cv2.warpPerspective(page, matrix, (out_w, out_h), flags=cv2.INTER_LINEAR)
    mask = cv2.warpPerspective(np.full((h, w), 255, np.uint8), matrix, (out_w, out_h))
    out = np.where(mask[:, :, None] > 127, sheet, table)
    light = np.linspace(rng.uniform(0.55, 0.75), 1.0, out_w)[None, :, None]
    light = light * np.linspace(1.0, rng.uniform(0.8, 0.95), out_h)[:, None, None]
    out = (out * light).astype(np.uint8)
    out = cv2.GaussianBlur(out, (0, 0), rng.uniform(0.5, 1.2))
    return np.rot90(_noisy(out, rng, 5), quarter).copy()


def _noisy(image: np.ndarray, rng: random.Random, sigma: float) -> np.ndarray:
    noise = np.random.default_rng(rng.randrange(1 << 30)).normal(0, sigma, image.shape)
    return np.clip(image + noise, 0, 255).astype(np.uint8)


def jpeg(image: np.ndarray, quality: int = 80) -> bytes:
    out = io.BytesIO()
    Image.fromarray(image).save(out, "JPEG", quality=quality)
    return out.getvalue()


def heic(image: np.ndarray, quality: int = 80) -> bytes:
    """An iPhone's photo format (HEIF with HEVC), written by pillow-heif's encoder."""
    import pillow_heif

    out = io.BytesIO()
    pillow_heif.from_pillow(Image.fromarray(image)).save(out, quality=quality)
    return out.getvalue()


def smaller(image: np.ndarray, factor: float) -> np.ndarray:
    """A phone's smaller picture size (a noisy full-size PNG is over `collect`'s file limit)."""
    return cv2.resize(image, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)


def png(image: np.ndarray) -> bytes:
    out = io.BytesIO()
    Image.fromarray(image).save(out, "PNG")
    return out.getvalue()


def scan_pdf(images: list[np.ndarray], dpi: int = 150, quality: int = 75) -> bytes:
    """A copier's «scan to e-mail»: one JPEG image a page."""
    out = io.BytesIO()
    pictures = [Image.fromarray(i) for i in images]
    pictures[0].save(out, "PDF", save_all=True, append_images=pictures[1:], resolution=dpi,
                     quality=quality)
    return out.getvalue()
