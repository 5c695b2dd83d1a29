"""Every bound on what a stranger's file may make `collect` do, in one place.

Filled forms arrive from people the school does not control. Each bound is far above what a
real form of a standard has (the complete form: < 300 field nodes, names < 60 characters,
3 levels), so a file over one is not a form filled in a viewer; it is listed as not counted,
with the reason from `over_limit`, and every other file is still read.
"""

from __future__ import annotations

from stavangerstandarden.collect.reasons import Reason
from stavangerstandarden.words import N_

MAX_FILE_BYTES = 20_000_000
"""A form is ≈ 60 KB; a viewer that embeds fonts adds a few MB at most."""
MAX_NAME_CHARS = 200
"""Characters in a field's full dotted name (a partial name is checked before it is joined,
so a chain of nested long names never builds a long string)."""
MAX_NAME_DEPTH = 8
"""Levels in a dotted name, and steps up a widget's /Parent chain."""
MAX_TREE_DEPTH = 2 * MAX_NAME_DEPTH
"""Levels of the field tree, named or not (a widget is one level below its field)."""
MAX_NODES = 3000
"""References followed to fields, widgets and page annotations (a repeat counts too, so a
huge /Kids or /Annots array shared by many nodes is bounded as well)."""
MAX_OPTIONS = 100
"""Entries in a field's /Opt (export values of the buttons; a scale has 3)."""
MAX_PAGES = 500
"""Nodes of the page tree visited looking for widgets."""
MAX_READ_MEMORY = 256 << 20
"""Bytes of memory reading one file may add (a form needs < 10 MB; a small file can unpack to
gigabytes); see `memory`."""
MAX_UNPACKED_BYTES = 8 << 20
"""Bytes of object streams (compressed groups of objects) the pypdf engine unpacks for one
file: a form's are < 200 KB, and pypdf parses them in Python at ≈ 0.13 s of CPU a MB, so many
streams just under pypdf's own limit of 75 MB each would otherwise take minutes. (qpdf parses
in C++, bounded by MAX_READ_MEMORY.)"""
MAX_TEXT_CHARS = 5000
"""Characters in one text field's value (a tiltak of a page is ≈ 3000)."""
MAX_META_CHARS = 500
"""Characters in one header field (`meta.*`, one line of ≈ 60 visible characters on the form):
the school, class, date and who filled it in are repeated on every row of `svar.csv`."""

MAX_IMAGE_PIXELS = 100_000_000
"""Pixels of a photo, read from its header before decoding: a phone takes ≤ 50 million; a
file of a few KB can claim billions (a decompression bomb)."""
MAX_SCAN_PAGES = 250
"""Pages of one scanned PDF: a class's stack of four-page forms is ≈ 120; each page takes
up to a second to read."""
MAX_SCAN_PAGE_POINTS = 1200
"""Longest side, in points, a scanned page is rendered at full resolution (A3 is 1191);
larger pages are rendered smaller, so their pixels stay bounded."""

MAX_PREVIOUS_BYTES = 20_000_000
"""The `--sammenlign` file: a summary of thousands of forms is < 1 MB."""
MAX_COUNT = 10**9
"""A count in the `--sammenlign` file."""


def over_limit(what: str, limit: int) -> Reason:
    """The reason for a file over a bound: what (a message id, or a `Reason`), and the bound."""
    return Reason(N_("PDF-filen går over en grense for hva et skjema kan inneholde ({what}: "
                     "høyst {limit}); den er ikke lest"), what=Reason.of(what), limit=shown(limit))


def over_image_limit(what: str, limit: int) -> Reason:
    """The reason for a picture over a bound."""
    return Reason(N_("bildet går over en grense for hva et bilde av et skjema kan være "
                     "({what}: høyst {limit}); det er ikke lest"),
                  what=Reason.of(what), limit=shown(limit))


def shown(limit: int) -> str:
    """A bound as Norwegian writes it, thousands apart: «20 000 000»."""
    return f"{limit:_}".replace("_", " ")
