"""Checks that need a renderer's resources (the form fonts), kept apart from the build so
`check` runs them without importing the site, page and form renderers."""

from __future__ import annotations

from stavangerstandarden.i18n.layout import SOURCE_LANGUAGE
from stavangerstandarden.model import Standard


def preflight(standard: Standard, language: str = SOURCE_LANGUAGE) -> None:
    """Every character of the standard's printed texts is in the form fonts of `language`.

    Raises InvalidSource with every problem found.
    """
    from stavangerstandarden.booklet.texts import PRINTED_TEXTS
    from stavangerstandarden.forms.glyphs import check_glyphs

    check_glyphs(standard, PRINTED_TEXTS, language=language)
