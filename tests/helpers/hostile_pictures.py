"""Hostile pictures for the readers of photos and scans: each maker returns the file's bytes,
and `CASES` pairs it with the reason `collect` must give (tests/paper reads them one by one,
tests/collect next to a good form under the command's bounds)."""

from __future__ import annotations

import io
import struct
import zlib

import pikepdf
from pikepdf import Dictionary, Name
from PIL import Image

from stavangerstandarden.collect import limits
from stavangerstandarden.collect.read.scan.images import NOT_AN_IMAGE


def jpeg(width: int, height: int) -> bytes:
    """A white picture of that size, as a JPEG."""
    out = io.BytesIO()
    Image.new("RGB", (width, height), "white").save(out, "JPEG")
    return out.getvalue()


def _claimed_jpeg(width: int, height: int) -> bytes:
    """A small JPEG whose header claims another size."""
    data = bytearray(jpeg(64, 64))
    sof = data.index(b"\xff\xc0")
    data[sof + 5:sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def _png_bomb() -> bytes:
    """A PNG header of 60,000 × 60,000 pixels: gigabytes once decoded."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body)))
    header = struct.pack(">IIBBBBB", 60_000, 60_000, 8, 0, 0, 0, 0)
    rows = zlib.compress(b"\x00" * 60_001 * 16, 9)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows)
            + chunk(b"IEND", b""))


def _many_pages() -> bytes:
    """A scan of one page more than the bound: each page a (tiny) picture."""
    pages = [Image.new("L", (8, 8), 255) for _ in range(limits.MAX_SCAN_PAGES + 1)]
    out = io.BytesIO()
    pages[0].save(out, "PDF", save_all=True, append_images=pages[1:])
    return out.getvalue()


def _lying_image_pdf() -> bytes:
    """A scan whose page image says it is 60,000 × 60,000 pixels and holds a few bytes,
    drawn through a form XObject: PDFium would spend half a minute scaling it down."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    image = pikepdf.Stream(pdf, zlib.compress(b"\x00" * 1000))
    image.stream_dict.update(Dictionary(
        Type=Name.XObject, Subtype=Name.Image, Width=60_000, Height=60_000,
        ColorSpace=Name.DeviceGray, BitsPerComponent=8, Filter=Name.FlateDecode))
    drawing = pikepdf.Stream(pdf, b"q 595 0 0 842 0 0 cm /Im0 Do Q")
    drawing.stream_dict.update(Dictionary(
        Type=Name.XObject, Subtype=Name.Form, BBox=[0, 0, 595, 842],
        Resources=Dictionary(XObject=Dictionary(Im0=image))))
    page = pdf.pages[0]
    page.Resources = Dictionary(XObject=Dictionary(Fm0=drawing))
    page.Contents = pdf.make_stream(b"/Fm0 Do")
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


PICTURE_LIMIT = limits.over_image_limit("bildepunkter", limits.MAX_IMAGE_PIXELS)
CASES = {
    "30000-px.jpg": (lambda: _claimed_jpeg(30_000, 30_000), PICTURE_LIMIT),
    "bombe.png": (_png_bomb, PICTURE_LIMIT),
    "avkortet.jpg": (lambda: jpeg(2000, 1500)[:3000], NOT_AN_IMAGE),
    "stort-bilde.pdf": (_lying_image_pdf, PICTURE_LIMIT),
    "500-sider.pdf": (_many_pages, limits.over_limit("sider i en skannet fil",
                                                     limits.MAX_SCAN_PAGES)),
}
