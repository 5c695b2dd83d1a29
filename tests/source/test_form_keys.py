"""The forms' words and fields as data: `forms.header`, `forms.statements_heading` and
`actions.rows_per_area` — their defaults, their effect and their messages."""

from __future__ import annotations

import yaml
from standards import Shape, generated_yaml

from stavangerstandarden import contract as c
from stavangerstandarden.formspec import form_specs
from stavangerstandarden.loader import DEFAULT_STATEMENTS_HEADING, check, load
from stavangerstandarden.schema import schema

BASE = yaml.safe_load(generated_yaml(Shape(steps=3, levels=2, statements=(2, 1), seed=5)))


def text_with(**keys: object) -> str:
    data = {**BASE, **keys}
    data["areas"] = [{k: v for k, v in a.items() if k != "statements_heading"}
                     for a in data["areas"]]
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def line_of(text: str, snippet: str) -> int:
    return text[: text.index(snippet)].count("\n") + 1


def test_without_the_keys_every_header_field_and_the_default_heading() -> None:
    standard = load(text_with(), "k.yaml")
    assert [(h.part, h.label) for h in standard.header] == list(c.META_FIELDS)
    assert {a.statements_heading for a in standard.areas} == {DEFAULT_STATEMENTS_HEADING}
    assert standard.actions.rows_per_area == 2


def test_header_fields_labels_and_levels_come_from_the_yaml() -> None:
    header = [{"field": "dato", "label": "Dato for møtet"},
              {"field": "klasse", "label": "Programområde", "levels": ["gruppe"]}]
    standard = load(text_with(forms={"header": header, "statements_heading": "Kjennetegn"}),
                    "k.yaml")
    assert {a.statements_heading for a in standard.areas} == {"Kjennetegn"}
    grouped = set(BASE["level_groups"]["gruppe"])
    for spec in form_specs(standard):
        meta = [(f.name, f.label) for f in spec.fields if f.name.startswith("meta.")]
        assert meta == [("meta.dato", "Dato for møtet"),
                        *([("meta.klasse", "Programområde")] if spec.level.id in grouped
                          else [])], spec.file


def test_the_complete_form_has_rows_per_area_each_naming_its_area() -> None:
    actions = {**BASE["actions"], "rows": 1, "rows_per_area": 3}
    standard = load(text_with(actions=actions), "k.yaml")
    for spec in form_specs(standard):
        if spec.area:
            assert spec.action_rows == ((1, None),)
        else:
            assert spec.action_rows == tuple(
                (3 * k + j + 1, a) for k, a in enumerate(standard.areas) for j in range(3))
            labels = [f.label for f in spec.fields if f.name == "tiltak.4.tiltak"]
            assert labels == [f"{standard.actions.title}, rad 4 ({standard.areas[1].title}): "
                              "Tiltak"]


def test_header_mistakes_are_all_reported_at_their_lines() -> None:
    header = [{"field": "skole", "label": "Skole"},
              {"field": "klassetrinn", "label": "Trinn"},
              {"field": "dato", "label": "Dato", "levels": ["niva-9"]},
              {"field": "skole", "label": "Skole igjen"}]
    text = text_with(forms={"header": header})
    levels = ", ".join(sorted([*(lv["id"] for lv in BASE["levels"]), "gruppe"]))
    assert [str(p) for p in check(text, "k.yaml").errors] == [
        f"k.yaml:{line_of(text, 'field: klassetrinn')}: feil: forms.header[1].field: "
        "forventet ett av skole, klasse, dato, utfylt_av, fant \"klassetrinn\"",
        f"k.yaml:{line_of(text, '- niva-9')}: feil: forms.header[2].levels[0]: "
        f"nivået «niva-9» finnes ikke\n    tips: kjente nivåer og grupper: {levels}",
        f"k.yaml:{line_of(text, 'label: Skole igjen') - 1}: feil: forms.header[3].field: "
        "feltet «skole» står to ganger\n    tips: slett det ene",
    ]


def test_the_schema_offers_exactly_the_contract_header_fields() -> None:
    item = schema()["properties"]["forms"]["properties"]["header"]["items"]
    assert item["properties"]["field"]["enum"] == [part for part, _ in c.META_FIELDS]
