"""The booklet as a file of one language's site, beside the forms (`skjema/…`)."""

from __future__ import annotations

from stavangerstandarden import contract as c
from stavangerstandarden.booklet.render import render_booklet
from stavangerstandarden.booklet.texts import BOOKLET_TEXTS
from stavangerstandarden.forms.glyphs import check_glyphs
from stavangerstandarden.i18n.edition import Edition


def booklet_files(edition: Edition) -> dict[str, bytes]:
    """{path under the language's site: PDF}; the path is the same in every language.

    Raises InvalidSource when a text holds a character the language's fonts cannot draw, at
    the text's YAML line, rather than failing in Typst."""
    check_glyphs(edition.standard, BOOKLET_TEXTS, language=edition.language)
    return {c.booklet_file(edition.standard): render_booklet(edition)}
