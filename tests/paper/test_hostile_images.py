"""Hostile pictures get a reason each, in bounded time, and never stop the other files."""

from __future__ import annotations

import io
import struct
import time
import zlib

import pikepdf
import pytest
from pikepdf import Dictionary, Name
from PIL import Image

from stavangerstandarden.collect import limits
from stavangerstandarden.collect.inputs import read_data
from stavangerstandarden.collect.read.scan.images import NOT_AN_IMAGE

SECONDS = 10
"""Far above what any of these takes; a reader that decodes a bomb takes minutes."""


def _jpeg(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), "white").save(out, "JPEG")
    return out.getvalue()


def _claimed_jpeg(width: int, height: int) -> bytes:
    """A small JPEG whose header claims another size."""
    data = bytearray(_jpeg(64, 64))
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
    "avkortet.jpg": (lambda: _jpeg(2000, 1500)[:3000], NOT_AN_IMAGE),
    "stort-bilde.pdf": (_lying_image_pdf, PICTURE_LIMIT),
    "500-sider.pdf": (_many_pages, limits.over_limit("sider i en skannet fil",
                                                     limits.MAX_SCAN_PAGES)),
}


@pytest.mark.parametrize("name", CASES)
def test_hostile_picture_gets_its_reason(name):
    make, reason = CASES[name]
    data = make()
    started = time.monotonic()
    read = read_data(name, data)
    assert time.monotonic() - started < SECONDS
    assert (read.form, read.reason, read.parts) == (None, reason, ())


def test_a_wide_but_allowed_picture_is_read_small_and_said_to_be_no_form():
    """30,000 pixels wide, within the bound: decoded at a reduced size, then found to be no
    form, with the reason."""
    started = time.monotonic()
    read = read_data("panorama.jpg", _jpeg(30_000, 1000))
    assert time.monotonic() - started < SECONDS
    assert read.form is None and "hjørnemerker" in read.reason
