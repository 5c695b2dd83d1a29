"""What each form contains, derived from the model alone: the one list of forms and fields.

The PDF renderer draws these specs, the manifest (`skjema/skjema.json`) publishes them, the
site links to them and `collect` reads filled forms against them, so all four always agree.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal

from stavangerstandarden import contract as c
from stavangerstandarden.i18n.layout import SOURCE_LANGUAGE
from stavangerstandarden.i18n.ui import Localized
from stavangerstandarden.model import Area, Level, Standard, Statement
from stavangerstandarden.published import built_zip
from stavangerstandarden.words import N_

ALL_AREAS = N_("Alle områder")
"""The complete form's name wherever an area's title would stand (form, site, report);
a message id: show it as `loc.gettext(ALL_AREAS)`."""
ACTION_ROW = N_("{actions}, rad {row}: {part}")
ACTION_ROW_OF_AREA = N_("{actions}, rad {row} ({area}): {part}")
"""Tooltips of the tiltak fields, read aloud by screen readers."""
BOKMAL = Localized.for_language(SOURCE_LANGUAGE)


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: Literal["radio", "text"]
    label: str
    """In the form's language; becomes the field's /TU, read aloud by screen readers."""
    options: tuple[tuple[str, str], ...] = ()
    """Radio only: (export value, label) per button."""
    multiline: bool = False
    hidden: bool = False
    value: str = ""
    """Fixed value of a hidden identity field."""

    @property
    def parts(self) -> c.FieldName:
        """The name taken apart: which kind of field, which part, which tiltak row."""
        parsed = c.parse_field(self.name)
        if parsed is None:
            raise ValueError(f"{self.name}: not a field name of the form contract")
        return parsed

    @property
    def max_length(self) -> int | None:
        """Most characters a visible text field takes; what its box shows legibly."""
        return c.max_length(self.name) if self.type == "text" and not self.hidden else None


@dataclass(frozen=True)
class FormSpec:
    file: str
    """Path relative to the site root."""
    area: Area | None
    """None for the complete form with every area."""
    level: Level
    title: str
    statements: tuple[tuple[Area, tuple[tuple[Statement, str], ...]], ...]
    """Per area, each statement with its text as shown on this level."""
    fields: tuple[FieldSpec, ...]
    action_rows: tuple[tuple[int, Area | None], ...] = ()
    """Each tiltak row's number and, on the complete form, the area it is for."""
    language: str = SOURCE_LANGUAGE
    """The language of every word on the form (its `skjema.sprak`)."""


def form_specs(standard: Standard, loc: Localized = BOKMAL) -> tuple[FormSpec, ...]:
    """Per level: one form per area, then the complete form.

    In another language pass that language's edition (`i18n.edition(...).standard`) and
    `Localized`: the fields, export values and files are the same, the words are its own."""
    return tuple(
        _spec(standard, level, area, loc)
        for level in standard.levels
        for area in (*standard.areas, None)
    )


def _spec(standard: Standard, level: Level, area: Area | None, loc: Localized) -> FormSpec:
    areas = (area,) if area else standard.areas
    statements = tuple(
        (a, tuple((s, s.text_for(level.id)) for s in a.statements)) for a in areas
    )
    place = area.title if area else loc.gettext(ALL_AREAS)
    title = f"{standard.meta.form_title}: {place}, {level.label}"
    rows = _action_rows(standard, area)
    return FormSpec(
        file=c.form_file(standard, level, area),
        area=area,
        level=level,
        title=title,
        statements=statements,
        fields=(
            *_identity_fields(standard, level, area, loc),
            *(FieldSpec(c.meta_field(h.part), "text", h.label)
              for h in standard.header if h.shown_on(level.id)),
            *(_radio(standard, s, text) for _, pairs in statements for s, text in pairs),
            *_action_fields(standard, rows, loc),
        ),
        action_rows=rows,
        language=loc.language,
    )


def _identity_fields(standard: Standard, level: Level, area: Area | None,
                     loc: Localized) -> list[FieldSpec]:
    values = {"standard": standard.meta.id, "versjon": standard.meta.version,
              "omrade": area.id if area else "", "niva": level.id, "sprak": loc.language}
    return [FieldSpec(c.identity_field(part), "text", loc.gettext(label), hidden=True,
                      value=values[part])
            for part, label in c.IDENTITY_FIELDS]


def _radio(standard: Standard, statement: Statement, text: str) -> FieldSpec:
    return FieldSpec(statement.id, "radio", text,
                     options=tuple((step.id, step.label) for step in standard.scale))


def _action_rows(standard: Standard, area: Area | None) -> tuple[tuple[int, Area | None], ...]:
    """An area's form: `actions.rows` rows. The complete form: `actions.rows_per_area` rows
    for each area in turn, numbered on from 1, so every area has room of its own."""
    if area:
        return tuple((n, None) for n in range(1, standard.actions.rows + 1))
    per = standard.actions.rows_per_area
    return tuple((k * per + j + 1, a) for k, a in enumerate(standard.areas) for j in range(per))


def _action_fields(standard: Standard, rows: tuple[tuple[int, Area | None], ...],
                   loc: Localized) -> list[FieldSpec]:
    return [
        FieldSpec(c.action_field(row, part), "text",
                  loc.gettext(ACTION_ROW_OF_AREA if a else ACTION_ROW).format(
                      actions=standard.actions.title, row=row, area=a.title if a else "",
                      part=loc.gettext(label)),
                  multiline=part in c.MULTILINE_ACTION_PARTS)
        for row, a in rows
        for part, label in c.ACTION_PARTS
    ]


def manifest(standard: Standard, specs: tuple[FormSpec, ...]) -> dict[str, Any]:
    language = specs[0].language if specs else SOURCE_LANGUAGE
    return {
        "version": standard.meta.version,
        "standard": standard.meta.id,
        **({"zip": c.zip_file(standard)} if built_zip(language) else {}),
        "booklet": c.booklet_file(standard),
        "forms": [
            {
                "file": spec.file,
                "html": c.fill_page(spec.file),
                "area": spec.area.id if spec.area else None,
                "level": spec.level.id,
                "language": spec.language,
                "title": spec.title,
                "fields": [_field_data(f) for f in spec.fields],
            }
            for spec in specs
        ],
    }


def _field_data(f: FieldSpec) -> dict[str, Any]:
    data: dict[str, Any] = {"name": f.name, "type": f.type, "label": f.label}
    if f.options:
        data["options"] = [{"value": v, "label": label} for v, label in f.options]
    if f.multiline:
        data["multiline"] = True
    if f.max_length:
        data["maxlength"] = f.max_length
    if f.hidden:
        data["hidden"] = True
        data["value"] = f.value
    return data


def manifest_json(standard: Standard, specs: tuple[FormSpec, ...]) -> str:
    """Compact: the manifest is read by programs, and indenting it made it 70 % larger in
    every language's site."""
    return json.dumps(manifest(standard, specs), ensure_ascii=False,
                      separators=(",", ":")) + "\n"
