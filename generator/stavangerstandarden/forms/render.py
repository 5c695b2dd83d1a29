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


def render_form(standard: Standard, spec: FormSpec, edition: Edition | None = None,
                pages: int | None = None) -> bytes:
    """The finished, fillable, tagged PDF for one form spec (pure: same input, same bytes);
    `edition` for a form in another language (its fallbacks and review state).

    The QR codes name the page count, known only after a first layout; they do not change
    the layout, so a first layout made with `pages` (the count of the same form in another
    language: a guess) is the finished one when the guess was right, and the second layout
    is saved. A wrong or no guess costs the second layout, nothing else."""
    content = form_content(standard, spec, edition)
    guess = page_identity(standard, spec, pages) if pages else None
    first = typeset({**content.data, "paper": paper_data(guess)})
    count = page_count(first)
    if count == pages:
        return add_fields(first, content)
    identity = page_identity(standard, spec, count)
    return add_fields(typeset({**content.data, "paper": paper_data(identity)}), content)


def page_identity(standard: Standard, spec: FormSpec, pages: int) -> PageIdentity:
    """Page 1 of the printed form `spec` of `pages` pages, as its QR code names it."""
    return PageIdentity(standard.meta.id, standard.meta.version, spec.language,
                        spec.area.id if spec.area else "", spec.level.id, 1, pages)


def page_count(pdf: bytes) -> int:
    with pikepdf.open(io.BytesIO(pdf)) as document:
        return len(document.pages)
