"""What the fill page needs to know about each field beyond the form spec.

`max_length` is the one place the page reads a text field's limit from: the form contract's
`maxlength` once the spec carries it, until then the provisional limits below.
"""

from __future__ import annotations

from stavangerstandarden import contract as c
from stavangerstandarden.formspec import FieldSpec

PROVISIONAL_MAX: dict[str, int] = {"tiltak": 500, "ansvarlig": 60, "frist": 30}
"""Per last name part; meta fields fall back to DEFAULT_MAX. Replaced by the spec's own."""
DEFAULT_MAX = 80


def max_length(field: FieldSpec) -> int:
    own: int | None = getattr(field, "maxlength", None)
    if own:
        return own
    return PROVISIONAL_MAX.get(field.name.rsplit(".", 1)[-1], DEFAULT_MAX)


def field_id(name: str) -> str:
    """An HTML id for a field name (dots are legal in ids but awkward in CSS selectors)."""
    return "f-" + name.replace(".", "-")


def is_meta(field: FieldSpec) -> bool:
    return field.name.startswith(c.META_PREFIX + ".")


def action_row(field: FieldSpec) -> int | None:
    """The row number of an action field, else None."""
    prefix, _, rest = field.name.partition(".")
    return int(rest.split(".", 1)[0]) if prefix == c.ACTION_PREFIX else None


def page_source(html: str) -> str:
    """The Markdown file MkDocs turns into the page at `html` (…/index.html → …/index.md)."""
    return html.removesuffix(".html") + ".md"
