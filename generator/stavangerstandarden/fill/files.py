"""The fill renderer's output: every file it adds under docs/."""

from __future__ import annotations

from collections.abc import Sequence
from importlib.resources import files

from stavangerstandarden import contract as c
from stavangerstandarden.browserpage import page_source
from stavangerstandarden.fill.page import fill_page, language_module
from stavangerstandarden.formspec import FormSpec
from stavangerstandarden.i18n.layout import SOURCE_LANGUAGE
from stavangerstandarden.i18n.ui import Localized
from stavangerstandarden.libraries import PDFJS, served_files
from stavangerstandarden.model import Standard

SCRIPTS = {name: f"{c.FILL_DIR}/{name}" for name in ("fyll.js", "linjer.js", "skrift.js")}
LANGUAGE_MODULE = f"{c.FILL_DIR}/sprak.js"
"""The language's words and font data for every fill page (`page.language_module`)."""


def fill_files(standard: Standard, specs: Sequence[FormSpec],
               loc: Localized | None = None) -> dict[str, bytes]:
    """The fill pages in `loc`'s language (bokmål without it), one per spec of that language's
    forms (`FormSet.specs`): the same field names in every language, each page filling its
    own language's blank PDF, the one the site publishes (fetched when first needed: no
    second copy, so the page needs the spec, not the PDF's bytes)."""
    out = {page_source(c.fill_page(spec.file)): fill_page(standard, spec, loc) for spec in specs}
    static = files("stavangerstandarden.fill") / "static"
    out.update({target: (static / name).read_bytes() for name, target in SCRIPTS.items()})
    out[LANGUAGE_MODULE] = language_module(loc or Localized.for_language(SOURCE_LANGUAGE))
    return out | served_files(PDFJS, loc.language if loc else SOURCE_LANGUAGE)
