"""Printed forms read back from a copier's scan (a PDF of page images) or a photo.

Each picture is located (`locate`: the QR code names the page, the corner markers lay it
flat), compared with the blank page of the form it names (`template`: rendered as the build
renders it) and its marks read (`marks`). The pages of a file are then put together into
respondents (`respondents`): a stack of twenty forms in one scan is twenty respondents.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

JPEG_MAGIC = b"\xff\xd8\xff"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
HEIF_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs",
               b"mif1", b"msf1")
"""The major brands of an HEIF file's `ftyp` box (an iPhone's photo says `heic`)."""


def is_photo(data: bytes) -> bool:
    """A JPEG, PNG or HEIC file, by its first bytes (whatever its name says)."""
    return data.startswith((JPEG_MAGIC, PNG_MAGIC)) or is_heif(data)


def is_heif(data: bytes) -> bool:
    return data[4:8] == b"ftyp" and data[8:12] in HEIF_BRANDS


@dataclass(frozen=True)
class ScanSource:
    """Where the forms a printed page names come from: the standard's YAML file given on the
    command line (its translations lie beside it), else the shipped one the page names. A
    path, not the model, so it passes to reader processes as it is."""

    source: Path | None = None
