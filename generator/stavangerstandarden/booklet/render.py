"""One booklet, start to finish: an edition's texts → Typst layout → tagged PDF bytes."""

from __future__ import annotations

from stavangerstandarden.booklet.content import TEMPLATE, booklet_content
from stavangerstandarden.i18n.edition import Edition
from stavangerstandarden.typst_runner import compile_pdf


def render_booklet(edition: Edition) -> bytes:
    """The booklet of `edition` (pure: the same edition gives the same bytes)."""
    return compile_pdf(TEMPLATE, booklet_content(edition))
