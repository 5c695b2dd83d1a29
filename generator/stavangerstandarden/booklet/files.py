"""The booklet as a file of one language's site, beside the forms (`skjema/…`)."""

from __future__ import annotations

from stavangerstandarden import contract as c
from stavangerstandarden.booklet.render import render_booklet
from stavangerstandarden.forms.glyphs import check_glyphs
from stavangerstandarden.i18n.edition import Edition

BOOKLET_TEXTS = (
    "standard.title", "standard.subtitle", "standard.owner", "standard.adopted",
    "standard.basis", "standard.version",
    "introduction.title", "introduction.paragraphs[]", "model.title", "model.paragraphs[]",
    "guidance.title", "guidance.paragraphs[]", "guidance.rating_hint", "guidance.submit_hint",
    "guidance.steps[].title", "guidance.steps[].text",
    "scale[].label", "kinds[].label", "kinds[].description", "levels[].label",
    "actions.title", "actions.description",
    "areas[].title", "areas[].description", "areas[].statements_heading",
    "areas[].statements[].text", "areas[].statements[].level_texts[].text",
    "legal.title", "legal.lead", "legal.source", "legal.rights[].title", "legal.rights[].text",
    "legal.sections[].title", "legal.sections[].paragraphs[]", "legal.references[]",
)
"""Every text of the source printed in the booklet, as document paths (see `forms.glyphs`)."""


def booklet_files(edition: Edition) -> dict[str, bytes]:
    """{path under the language's site: PDF}; the path is the same in every language.

    Raises InvalidSource when a text holds a character the shipped font cannot draw, at
    the text's YAML line, rather than printing an empty box."""
    check_glyphs(edition.standard, BOOKLET_TEXTS)
    return {c.booklet_file(edition.standard): render_booklet(edition)}
