"""A file's bytes → the page images to read: a photo (JPEG, PNG, HEIC) or the pages of a scan PDF.

Bounded before anything is decoded: an image's size is read from its header and a JPEG is
decoded at a reduced size (DCT scaling, fast and small), a scan's pages are rendered by PDFium
at a fixed resolution whatever size their images claim, and their number is bounded.
Every image comes back as one channel of «ink»: the darkest of red, green and blue, so blue
ink is as dark as black and the page's own colours fade.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from stavangerstandarden.collect import limits, memory
from stavangerstandarden.collect.pdfengine import DAMAGED, Unreadable
from stavangerstandarden.collect.read.scan import is_heif
from stavangerstandarden.words import N_

if TYPE_CHECKING:
    import pikepdf

Image = NDArray[np.uint8]
"""One channel, 0 black … 255 white."""

SCAN_DPI = 200
"""Resolution a scan's pages are rendered at: the QR code's modules are ≈ 3 pixels wide."""
WORKING_SIDE = 3200
"""A photo's longer side is decoded to at least this (JPEG scales by halves) and reduced to
it: enough for the page at 150 dpi when it fills two thirds of the picture."""
NOT_AN_IMAGE = N_("bildefilen kan ikke leses (ødelagt eller avkortet)")


def photo(data: bytes) -> Image:
    """The picture in a JPEG, PNG or HEIC file; raises Unreadable with the reason."""
    from PIL import Image as Pillow

    if is_heif(data):
        _read_heif()
    try:
        with Pillow.open(io.BytesIO(data)) as image:
            width, height = image.size
            if width * height > limits.MAX_IMAGE_PIXELS:
                raise Unreadable(limits.over_image_limit(
                    N_("bildepunkter"), limits.MAX_IMAGE_PIXELS))
            if image.format == "JPEG":
                image.draft("RGB", (WORKING_SIDE * width // max(width, height),
                                    WORKING_SIDE * height // max(width, height)))
            with memory.bounded(limits.MAX_READ_MEMORY):
                image.load()
                pixels = np.asarray(image.convert("RGB"))
    except Pillow.DecompressionBombError as exc:
        raise Unreadable(limits.over_image_limit(
            N_("bildepunkter"), limits.MAX_IMAGE_PIXELS)) from exc
    except (OSError, ValueError, SyntaxError) as exc:
        raise Unreadable(NOT_AN_IMAGE) from exc
    except MemoryError as exc:
        raise Unreadable(limits.over_image_limit(
            N_("MB minne"), limits.MAX_READ_MEMORY >> 20)) from exc
    return _reduced(ink(pixels))


def _read_heif() -> None:
    """Teaches Pillow HEIF (iPhones' photos) with pi-heif: libheif's decoder without its
    encoder, so nothing GPL is shipped."""
    from pi_heif import register_heif_opener

    register_heif_opener()


def ink(rgb: NDArray[np.uint8]) -> Image:
    """The darkest channel of each pixel."""
    if rgb.ndim == 2:
        return rgb
    import cv2

    red, green, blue = (np.ascontiguousarray(rgb[:, :, k]) for k in range(3))
    return np.asarray(cv2.min(cv2.min(red, green), blue), dtype=np.uint8)


def _reduced(image: Image) -> Image:
    import cv2

    side = max(image.shape)
    if side <= WORKING_SIDE:
        return image
    factor = WORKING_SIDE / side
    return np.asarray(cv2.resize(image, None, fx=factor, fy=factor,
                                 interpolation=cv2.INTER_AREA), dtype=np.uint8)


def shows_images(data: bytes) -> bool:
    """Whether any of the first pages of a PDF draws an image (as a copier's scan does).
    Raises Unreadable when an image claims more pixels than a photo may have: a few bytes can
    claim billions, and PDFium would take minutes to scale them down to the page."""
    import pikepdf

    found = False
    try:
        with memory.bounded(limits.MAX_READ_MEMORY), pikepdf.open(io.BytesIO(data)) as pdf:
            seen: set[tuple[int, int]] = set()
            for page in pdf.pages[:limits.MAX_SCAN_PAGES]:
                for image in _images(page.obj, seen):
                    found = True
                    if int(image.get("/Width", 0)) * int(image.get("/Height", 0)) \
                            > limits.MAX_IMAGE_PIXELS:
                        raise Unreadable(limits.over_image_limit(
                            N_("bildepunkter"), limits.MAX_IMAGE_PIXELS))
    except (pikepdf.PdfError, ValueError, LookupError, TypeError, AttributeError,
            RecursionError, OverflowError, RuntimeError, MemoryError):
        return False
    return found


XOBJECT_DEPTH = 4
"""Form XObjects (drawings reused on a page) looked into for images, one inside another."""


def _images(owner: pikepdf.Object, seen: set[tuple[int, int]], depth: int = 0,
            ) -> Iterator[pikepdf.Stream]:
    """The image XObjects `owner` (a page or a form XObject) draws, each once."""
    import pikepdf

    resources = owner.get("/Resources", pikepdf.Dictionary())
    for x in resources.get("/XObject", pikepdf.Dictionary()).values():
        if not isinstance(x, pikepdf.Stream) or x.objgen in seen:
            continue
        if x.objgen != (0, 0):
            seen.add(x.objgen)
        if x.get("/Subtype") == pikepdf.Name.Image:
            yield x
        elif x.get("/Subtype") == pikepdf.Name.Form and depth < XOBJECT_DEPTH:
            yield from _images(x, seen, depth + 1)


def scan_pages(data: bytes) -> Iterator[Image]:
    """Each page of a PDF rendered at SCAN_DPI (pages larger than A3 are rendered smaller,
    so a page claiming to be kilometres wide costs no more than an A3 one)."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise Unreadable(DAMAGED) from exc
    with document:
        if len(document) > limits.MAX_SCAN_PAGES:
            raise Unreadable(limits.over_limit(N_("sider i en skannet fil"),
                                               limits.MAX_SCAN_PAGES))
        for index in range(len(document)):
            page = document[index]
            width, height = page.get_size()
            scale = SCAN_DPI / 72 * min(1, limits.MAX_SCAN_PAGE_POINTS / max(width, height, 1))
            with memory.bounded(limits.MAX_READ_MEMORY):
                bitmap = page.render(scale=scale, grayscale=False)
                pixels = bitmap.to_numpy()
            yield ink(pixels[:, :, :3])
