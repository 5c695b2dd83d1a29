"""The forms' field contract, documented for developers of other tools.

Rendered from `contract` and `formspec` themselves (file-name patterns come from calling the
naming functions with placeholder ids), so the documentation cannot drift from the forms.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from stavangerstandarden import contract as c
from stavangerstandarden.formspec import FieldSpec, FormSpec, form_specs, manifest
from stavangerstandarden.markup import render
from stavangerstandarden.model import Standard

MANIFEST_KEYS: dict[str, str] = {
    "version": "versjonen av standarden skjemaene er laget fra",
    "standard": "id-en til standarden",
    "zip": "ZIP-filen med alle skjemaene; mangler på språk der nettleseren lager ZIP-filen "
           "av PDF-ene",
    "booklet": "heftet: hele standarden som én PDF for utskrift, relativt til nettstedets rot",
    "forms": "alle skjemaene, ett objekt per skjema",
    "forms[].file": "PDF-filen, relativt til nettstedets rot",
    "forms[].html": "utfyllingssiden for skjemaet (fyll ut på nett), relativt til nettstedets rot",
    "forms[].area": "id-en til området, eller `null` for skjemaet med alle områder",
    "forms[].level": "id-en til nivået (hele skolen eller trinnet)",
    "forms[].language": "skjemaets språk (`nb`, `nn`, `en` …), som det skjulte feltet "
                        "`skjema.sprak`",
    "forms[].title": "tittelen på skjemaet",
    "forms[].fields": "alle feltene i skjemaet, i rekkefølge",
    "forms[].fields[].name": "feltnavnet i PDF-en",
    "forms[].fields[].type": "`radio` (vurdering) eller `text`",
    "forms[].fields[].label": "ledeteksten skjermlesere leser opp",
    "forms[].fields[].options": "for `radio`: mulige verdier (`value`) med ledetekst (`label`)",
    "forms[].fields[].multiline": "`true` når tekstfeltet har flere linjer",
    "forms[].fields[].maxlength": "for tekstfelt: høyst så mange tegn får plass i feltet",
    "forms[].fields[].hidden": "`true` for skjulte felt som sier hvilket skjema dette er",
    "forms[].fields[].value": "den faste verdien til et skjult felt",
}
"""Norwegian description of every key the manifest can hold; a test checks they match."""


def manifest_keys(data: dict[str, Any]) -> set[str]:
    """Every key path used in a manifest, in the notation of `MANIFEST_KEYS`."""
    keys = set(data)
    for form in data["forms"]:
        keys |= {f"forms[].{k}" for k in form}
        for field in form["fields"]:
            keys |= {f"forms[].fields[].{k}" for k in field}
    return keys


def field_contract(standard: Standard) -> bytes:
    specs = form_specs(standard)
    first = specs[0]
    return render(
        "feltkontrakt.md.j2", standard=standard, files=_file_patterns(standard),
        manifest_path=c.MANIFEST, identity=_of(first, lambda f: f.hidden),
        meta=[next(f for s in specs for f in s.fields if f.name == c.meta_field(h.part))
              for h in standard.header if any(h.shown_on(lv.id) for lv in standard.levels)],
        actions=_of(first, lambda f: f.parts.kind == "action"),
        scale=standard.scale, rows=standard.actions.rows,
        keys=[(k, MANIFEST_KEYS[k]) for k in sorted(manifest_keys(manifest(standard, specs)))],
    )


def _of(spec: FormSpec, keep: Callable[[FieldSpec], bool]) -> list[FieldSpec]:
    return [f for f in spec.fields if keep(f)]


def _file_patterns(standard: Standard) -> list[tuple[str, str, str]]:
    """(pattern, example, meaning) for each kind of file, from the contract's own functions."""
    area, level = standard.areas[0], standard.levels[0]
    any_area, any_level = replace(area, id="<område-id>"), replace(level, id="<nivå-id>")
    any_standard = replace(standard, meta=replace(standard.meta, id="<standard-id>"))
    return [
        (c.form_file(standard, any_level, any_area), c.form_file(standard, level, area),
         "ett område på ett nivå"),
        (c.form_file(any_standard, any_level, None), c.form_file(standard, level, None),
         "alle områdene på ett nivå"),
        (c.zip_file(any_standard), c.zip_file(standard), "alle skjemaene i én ZIP-fil"),
        (c.booklet_file(any_standard), c.booklet_file(standard),
         "heftet: hele standarden som én PDF"),
        (c.MANIFEST, c.MANIFEST, "manifestet: alle skjemaene med alle feltene (JSON)"),
    ]
