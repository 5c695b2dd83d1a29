"""One picture of a page → its identity and marks, or the reason it cannot be read."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from stavangerstandarden import contract as c
from stavangerstandarden.collect.read.scan import ScanSource
from stavangerstandarden.collect.read.scan.images import Image
from stavangerstandarden.collect.read.scan.locate import locate, warped
from stavangerstandarden.collect.read.scan.marks import PageMarks, read_page
from stavangerstandarden.collect.read.scan.template import DPI, template_for
from stavangerstandarden.model import Standard


@dataclass(frozen=True)
class Page:
    sheet: int
    """1-based position of the picture in its file."""
    identity: c.PageIdentity | None
    marks: PageMarks | None
    """None when the page's standard is not at hand (the form is then listed as another
    standard's)."""
    image: Image | None = None
    """The flat page, kept while its handwriting is cut out."""


def read_picture(image: Image, sheet: int, where: ScanSource) -> Page:
    """Raises Unreadable with the reason."""
    located = locate(image)
    identity = located.identity
    found = _standard(where, identity.standard)
    if found is None:
        return Page(sheet, identity, None)
    template = template_for(*found, identity).pages[identity.page - 1]
    height, width = template.blank.shape
    flat = warped(image, located, (width, height), DPI)
    return Page(sheet, identity, read_page(flat, template), flat)


def _standard(where: ScanSource, wanted: str) -> tuple[Standard, Path | None] | None:
    if where.source is not None:
        standard = _given(where.source)
        return (standard, where.source) if standard.meta.id == wanted else None
    return _shipped(wanted)


@lru_cache(maxsize=4)
def _given(source: Path) -> Standard:
    """The command checked the source before reading any file; this loads it again in a
    reader process of its own."""
    from stavangerstandarden.loader import load_file

    return load_file(source)


@lru_cache(maxsize=4)
def _shipped(wanted: str) -> tuple[Standard, Path | None] | None:
    from stavangerstandarden.collect.standards import shipped, shipped_file

    standard = shipped().get(wanted)
    return (standard, shipped_file(standard)) if standard else None


