"""One form, start to finish: content → Typst layout → field layer → PDF bytes."""

from __future__ import annotations

import io

import pikepdf

from stavangerstandarden.contract import PageIdentity
from stavangerstandarden.forms.acroform import add_fields
from stavangerstandarden.forms.content import form_content
from stavangerstandarden.forms.paper import paper_data
from stavangerstandarden.forms.typeset import typeset
from stavangerstandarden.formspec import FormSpec
from stavangerstandarden.i18n.edition import Edition
from stavangerstandarden.model import Standard


def render_form(standard: Standard, spec: FormSpec, edition: Edition | None = None) -> bytes:
    """The finished, fillable, tagged PDF for one form spec (pure: same input, same bytes);
    `edition` for a form in another language (its fallbacks and review state)."""
    content = form_content(standard, spec, edition)
    first = typeset({**content.data, "paper": paper_data(None)})
    identity = page_identity(standard, spec, _page_count(first))
    return add_fields(typeset({**content.data, "paper": paper_data(identity)}), content)


def page_identity(standard: Standard, spec: FormSpec, pages: int) -> PageIdentity:
    """Page 1 of the printed form `spec` of `pages` pages, as its QR code names it."""
    return PageIdentity(standard.meta.id, standard.meta.version, spec.language,
                        spec.area.id if spec.area else "", spec.level.id, 1, pages)


def _page_count(pdf: bytes) -> int:
    with pikepdf.open(io.BytesIO(pdf)) as document:
        return len(document.pages)
