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


def is_photo(data: bytes) -> bool:
    """A JPEG or PNG file, by its first bytes (whatever its name says)."""
    return data.startswith(JPEG_MAGIC) or data.startswith(PNG_MAGIC)


@dataclass(frozen=True)
class ScanSource:
    """Where the forms a printed page names come from: the standard's YAML file given on the
    command line (its translations lie beside it), else the shipped one the page names. A
    path, not the model, so it passes to reader processes as it is."""

    source: Path | None = None
