"""Checks that need a renderer's resources (the form font), kept apart from the build so
`check` runs them without importing the site, page and form renderers."""

from __future__ import annotations

from stavangerstandarden.model import Standard


def preflight(standard: Standard) -> None:
    """Every character of the standard's printed texts is in the form font.

    Raises InvalidSource with every problem found.
    """
    from stavangerstandarden.booklet.texts import PRINTED_TEXTS
    from stavangerstandarden.forms.glyphs import check_glyphs

    check_glyphs(standard, PRINTED_TEXTS)
