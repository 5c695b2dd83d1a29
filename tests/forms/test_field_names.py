"""Field names are read back by one parser (`contract.parse_field`): every name a form of any
standard carries parses to the parts it was written from, and names no form has (a filled
PDF can carry anything) parse to nothing."""

from __future__ import annotations

import pytest

from stavangerstandarden import contract as c
from stavangerstandarden.formspec import form_specs
from stavangerstandarden.model import Standard


def _written(field: c.FieldName) -> str:
    """The name the contract's writing functions give these parts."""
    if field.kind == "identity":
        return c.identity_field(field.part)
    if field.kind == "meta":
        return c.meta_field(field.part)
    if field.kind == "action":
        assert field.row is not None
        return c.action_field(field.row, field.part)
    return field.part


def test_every_field_of_every_form_parses_back_to_its_parts(any_standard: Standard) -> None:
    statements = {s.id for s in any_standard.statements}
    for spec in form_specs(any_standard):
        rows = {n for n, _ in spec.action_rows}
        for f in spec.fields:
            field = f.parts
            assert _written(field) == f.name
            assert (field.kind == "statement") == (f.type == "radio")
            assert (field.kind == "identity") == f.hidden
            if field.kind == "statement":
                assert field.part in statements
            if field.kind == "action":
                assert field.row in rows
                assert field.part in dict(c.ACTION_PARTS)
        assert {f.parts.row for f in spec.fields if f.parts.kind == "action"} == rows


@pytest.mark.parametrize("name", [
    "tiltak.1234567890.frist",  # a row number too long to be one of ours
    "tiltak.x.frist", "tiltak.1", "meta.skole.x", "skjema.", "meta.", "a.b", "tiltak.1.",
    "tiltak.1.frist.x", "tiltak.-1.frist",
])
def test_names_no_form_has_parse_to_nothing(name: str) -> None:
    assert c.parse_field(name) is None
    assert c.max_length(name) is None

