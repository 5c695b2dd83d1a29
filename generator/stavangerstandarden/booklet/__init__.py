"""The booklet (issue 22): the whole standard as one tagged, printable A4 PDF per language.

Public API: `booklet_files(edition)` for the build, `render_booklet(edition)` for one PDF.
The texts are the model's, the same the site pages render; the layout is Typst's, through
the runner the forms use (`typst_runner`), so the booklet is PDF/UA-1 tagged as they are.
"""

from __future__ import annotations

from stavangerstandarden.booklet.files import booklet_files
from stavangerstandarden.booklet.render import render_booklet

__all__ = ["booklet_files", "render_booklet"]
