"""What the Typst template receives for one form, and which widget sits in which cell.

The template gets plain JSON (words and widget ids only); the widget list says which field
and option each id stands for, so the field layer can build the real form fields later.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from stavangerstandarden import contract as c
from stavangerstandarden.formspec import ALL_AREAS, FieldSpec, FormSpec
from stavangerstandarden.i18n.edition import Edition, source_edition
from stavangerstandarden.i18n.extract import typst_ids
from stavangerstandarden.i18n.ui import Localized
from stavangerstandarden.model import Area, Standard, Statement
from stavangerstandarden.typst_data import language_frame, marks

LINK_PREFIX = "x-skjema:"
"""Answer cells are links to `x-skjema:<widget id>` until the field layer replaces them."""
TEMPLATE_WORDS = typst_ids()
"""The message ids the Typst template looks up with `tr("…")`; it gets them translated."""
ACTION_ROW_HEIGHT = 84
"""Points: a 500-character tiltak typed in fits at 8 pt or more in PDFium, pdf.js, poppler
and pypdf (which shrink text to fit), and there is room for handwriting."""


@dataclass(frozen=True)
class Widget:
    id: str
    """Link target in the template, LINK_PREFIX + id."""
    field: FieldSpec
    option: tuple[str, str] | None = None
    """Radio buttons: (export value, label)."""

    @property
    def tooltip(self) -> str:
        """The /TU a screen reader reads: the statement and, for a radio button, the option."""
        return f"{self.field.label}: {self.option[1]}" if self.option else self.field.label


@dataclass(frozen=True)
class FormContent:
    data: dict[str, Any]
    widgets: dict[str, Widget]
    hidden: tuple[FieldSpec, ...]
    """Identity fields with no place on the page."""


@cache
def localized(language: str) -> Localized:
    """The code's words in `language`, compiled once per process."""
    return Localized.for_language(language)


def form_content(standard: Standard, spec: FormSpec, edition: Edition | None = None,
                 ) -> FormContent:
    """`edition` (of the same standard) says which texts are bokmål fallbacks and whether
    the form needs the «not reviewed» note; None for a form in the source language."""
    loc = localized(spec.language)
    fields = {f.name: f for f in spec.fields}
    widgets: dict[str, Widget] = {}

    def add(field: FieldSpec, option: tuple[str, str] | None = None) -> str:
        wid = f"w{len(widgets)}"
        widgets[wid] = Widget(wid, field, option)
        return wid

    meta = [{"label": f.label, "widget": add(f)} for f in spec.fields
            if f.parts.kind == "meta"]
    areas = [_area(area, pairs, fields, add) for area, pairs in spec.statements]
    rows = [[add(fields[c.action_field(n, part)]) for part, _ in c.ACTION_PARTS]
            for n, _ in spec.action_rows]
    row_areas = [a.title for _, a in spec.action_rows if a]
    data = {**_frame(standard, spec, loc), "meta": meta, "areas": areas,
            "actions": {"title": standard.actions.title,
                        "description": standard.actions.description,
                        "heads": [*([loc.gettext("Område")] if row_areas else []),
                                  *(loc.gettext(label) for _, label in c.ACTION_PARTS)],
                        "rows": rows, "row-areas": row_areas,
                        "row-height": ACTION_ROW_HEIGHT}}
    return FormContent(
        data={**data, **marks(data, edition or source_edition(standard), loc)},
        widgets=widgets,
        hidden=tuple(f for f in spec.fields if f.hidden),
    )


def _frame(standard: Standard, spec: FormSpec, loc: Localized) -> dict[str, Any]:
    meta = standard.meta
    place = spec.area.title if spec.area else loc.gettext(ALL_AREAS)
    return {
        **language_frame(loc, TEMPLATE_WORDS),
        "title": spec.title,
        "link-prefix": LINK_PREFIX,
        "author": meta.owner,
        "keywords": [meta.id, meta.version, *([spec.area.id] if spec.area else []), spec.level.id],
        "heading": meta.form_title,
        "subheading": f"{place}, {spec.level.label}",
        "footer": f"{meta.title} {meta.version} · {place} · {spec.level.label}",
        "hint": standard.guidance.rating_hint,
        "scale": [{"label": s.label, "colour": s.colour} for s in standard.scale],
    }


def _area(area: Area, pairs: tuple[tuple[Statement, str], ...], fields: dict[str, FieldSpec],
          add: Callable[[FieldSpec, tuple[str, str]], str]) -> dict[str, Any]:
    rows = []
    for statement, text in pairs:
        field = fields[statement.id]
        rows.append({"text": text, "widgets": [add(field, opt) for opt in field.options]})
    return {"title": area.title, "kind": area.kind.label, "description": area.description,
            "intro": area.statements_heading, "rows": rows}
