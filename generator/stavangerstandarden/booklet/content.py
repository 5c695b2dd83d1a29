"""What the booklet's Typst template receives: every text of one language's edition, in order.

The texts are the model's own (the same the site pages render), in the edition's language;
the template's few words of its own are message ids it looks up with `tr("…")`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from stavangerstandarden.figure import SHAPES, figure_description, kind_rows
from stavangerstandarden.i18n.edition import Edition
from stavangerstandarden.i18n.extract import typst_ids
from stavangerstandarden.i18n.ui import Localized
from stavangerstandarden.model import Area, Section, Standard
from stavangerstandarden.typst_data import language_frame, marks
from stavangerstandarden.wording import level_span

TEMPLATE = Path(__file__).resolve().parent / "template.typ"
TEMPLATE_WORDS = typst_ids(TEMPLATE)
"""The message ids the template looks up with `tr("…")`; it gets them translated."""


def booklet_content(edition: Edition) -> dict[str, Any]:
    """The template's data for the booklet of `edition` (bokmål: `source_edition`)."""
    standard = edition.standard
    loc = Localized.for_language(edition.language)
    data = {**_frame(standard, loc), **_chapters(standard, loc)}
    return {**data, **marks(data, edition, loc)}


def _frame(standard: Standard, loc: Localized) -> dict[str, Any]:
    meta = standard.meta
    return {
        **language_frame(loc, TEMPLATE_WORDS),
        "title": f"{meta.title}: {meta.subtitle}",
        "author": meta.owner,
        "keywords": [meta.id, meta.version],
        "meta": {"title": meta.title, "subtitle": meta.subtitle, "owner": meta.owner,
                 "adopted": meta.adopted, "basis": meta.basis, "version": meta.version},
    }


def _chapters(standard: Standard, loc: Localized) -> dict[str, Any]:
    guidance, legal = standard.guidance, standard.legal
    return {
        "introduction": _section(standard.introduction),
        "model": {**_section(standard.model), "description": figure_description(standard, loc),
                  "rows": [{"kind": kind.label, "shape": SHAPES[i % len(SHAPES)],
                            "areas": [a.title for a in areas]}
                           for i, (kind, areas) in enumerate(kind_rows(standard))]},
        "guidance": {"title": guidance.title, "paragraphs": list(guidance.paragraphs),
                     "hint": guidance.rating_hint, "submit": guidance.submit_hint or "",
                     "steps": [{"title": s.title, "text": s.text} for s in guidance.steps]},
        "scale": [{"label": s.label, "colour": s.colour} for s in standard.scale],
        "actions": {"title": standard.actions.title,
                    "description": standard.actions.description},
        "areas": [_area(standard, area, loc) for area in standard.areas],
        "legal": {"title": legal.title, "lead": legal.lead, "source": legal.source,
                  "rights": [{"title": r.title, "text": r.text} for r in legal.rights],
                  "sections": [_section(s) for s in legal.sections],
                  "references": list(legal.references)},
    }


def _section(section: Section) -> dict[str, Any]:
    return {"title": section.title, "paragraphs": list(section.paragraphs)}


def _area(standard: Standard, area: Area, loc: Localized) -> dict[str, Any]:
    """An area as its site page shows it: kind, description, statements with the additions
    some levels have (the site's «På 1.–4. trinn også:»)."""
    kind = area.kind
    return {
        "title": area.title, "kind": kind.label,
        "kind-description": kind.description
        if kind.description.lower() != kind.label.lower() else "",
        "description": area.description, "heading": area.statements_heading,
        "statements": [{"text": s.text,
                        "extras": [{"levels": level_span(standard, lt.levels, loc),
                                    "text": lt.text} for lt in s.level_texts]}
                       for s in area.statements],
    }

