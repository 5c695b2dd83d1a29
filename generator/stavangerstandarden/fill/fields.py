"""What the fill page needs to know about each field beyond the form spec.

A text field's limit is the form contract's (`FieldSpec.max_length`, also the PDF's /MaxLen
and skjema.json's `maxlength`), so the page never accepts more than the PDF can show.
"""

from __future__ import annotations

from stavangerstandarden import contract as c
from stavangerstandarden.formspec import FieldSpec


def max_length(field: FieldSpec) -> int:
    """The contract's limit; every text field has one."""
    if field.max_length is None:
        raise ValueError(f"{field.name}: text field without a length limit in the contract")
    return field.max_length


def field_id(name: str) -> str:
    """An HTML id for a field name (dots are legal in ids but awkward in CSS selectors)."""
    return "f-" + name.replace(".", "-")


SINGLE_LINE_MAX = 60
"""Text fields that take at most this many characters get a one-line input on the page (a
name, a deadline): a box of several lines for 30 characters only makes the page longer. The
PDF cell may still wrap them."""
DATE_FIELDS = frozenset({c.meta_field("dato")})
"""Header fields the page asks for with a date picker; the PDF gets the date written out in
the form's language (`Localized.date_words`)."""


def single_line(field: FieldSpec) -> bool:
    return not field.multiline or max_length(field) <= SINGLE_LINE_MAX


def input_type(field: FieldSpec) -> str:
    """The <input type> that asks for this field."""
    return "date" if field.name in DATE_FIELDS else "text"
