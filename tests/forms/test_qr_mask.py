"""The forms' QR codes are segno's own (forms/qrmask.py chooses the mask faster, issue 24's
build time): for every page code of every form in every language of any standard, and for
texts long enough to need every size up to version 10 (where version information appears),
the modules are the ones `segno.make` gives, so a reader decodes what it decoded before."""

from __future__ import annotations

import random
import string

import segno

from stavangerstandarden import contract
from stavangerstandarden.forms.content import localized
from stavangerstandarden.forms.qrmask import qr_matrix
from stavangerstandarden.forms.render import page_identity
from stavangerstandarden.formspec import form_specs
from stavangerstandarden.i18n.editions import translated_editions
from stavangerstandarden.model import Standard


def _segno(text: str) -> tuple[bytes, ...]:
    code = segno.make(text, error="m", micro=False, boost_error=False)
    return tuple(bytes(row) for row in code.matrix)


def _page_codes(standard: Standard) -> list[str]:
    shown = [(standard, "nb"), *((e.standard, e.language) for e in translated_editions(standard))]
    codes = []
    for edition_standard, language in shown:
        for spec in form_specs(edition_standard, localized(language)):
            first = page_identity(edition_standard, spec, 3)
            codes += [contract.page_code(contract.PageIdentity(
                first.standard, first.version, first.language, first.area, first.level,
                page, first.pages)) for page in (1, 3)]
    return codes


def test_every_page_code_of_any_standard_is_segnos_code(any_standard: Standard) -> None:
    codes = _page_codes(any_standard)
    assert codes
    for text in codes:
        assert qr_matrix(text) == _segno(text), text


def test_texts_of_every_size_give_segnos_code() -> None:
    chosen = random.Random(24)
    letters = string.ascii_letters + string.digits + "|/%-_.æøå"
    texts = ["".join(chosen.choice(letters) for _ in range(length))
             for length in range(1, 200, 3)]
    codes = [segno.make(t, error="m", micro=False, boost_error=False) for t in texts]
    assert set(range(1, 11)) <= {code.version for code in codes}
    assert len({code.mask for code in codes}) == 8  # every mask chosen somewhere
    for text in texts:
        assert qr_matrix(text) == _segno(text), text
