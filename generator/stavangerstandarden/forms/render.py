"""One form, start to finish: content → Typst layout → field layer → PDF bytes."""

from __future__ import annotations

from stavangerstandarden.forms.acroform import add_fields
from stavangerstandarden.forms.content import form_content
from stavangerstandarden.forms.typeset import typeset
from stavangerstandarden.formspec import FormSpec
from stavangerstandarden.i18n.edition import Edition
from stavangerstandarden.model import Standard


def render_form(standard: Standard, spec: FormSpec, edition: Edition | None = None) -> bytes:
    """The finished, fillable, tagged PDF for one form spec (pure: same input, same bytes);
    `edition` for a form in another language (its fallbacks and review state)."""
    content = form_content(standard, spec, edition)
    return add_fields(typeset(content.data), content)
