"""Which texts of the source the booklet prints, so `check` and the build refuse a character
the shipped font cannot draw in any of them (Typst would refuse the whole booklet)."""

from __future__ import annotations

from stavangerstandarden.forms.glyphs import FORM_TEXTS

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
PRINTED_TEXTS = tuple(dict.fromkeys((*FORM_TEXTS, *BOOKLET_TEXTS)))
"""Every text printed in a form or the booklet."""
