"""The Kommune page: the municipality's overview made in the browser, like the Sammendrag
page and with its program: the page runs the Sammendrag page's worker, Pyodide and Python
bundle (served once, beside that page), asking the worker for `overview.browser` instead of
`collect.browser`. Same Content-Security-Policy, so nothing chosen can leave the device."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from stavangerstandarden import contract as c
from stavangerstandarden.browserpage import (
    page_source,
)
from stavangerstandarden.i18n.layout import SOURCE_LANGUAGE
from stavangerstandarden.i18n.ui import Localized
from stavangerstandarden.model import Standard
from stavangerstandarden.overview.messages import messages
from stavangerstandarden.summary.files import reader_bytes, shared_bundle
from stavangerstandarden.summary.page import program_page

KOMMUNE_PAGE = f"{c.FORMS_DIR}/kommune/index.html"
SCRIPT = "kommune.js"
ENTRY = "stavangerstandarden.overview.browser"
"""The Python module whose `summarise_folder` the worker calls."""
PROGRAM = "../" + c.SUMMARY_PAGE.rsplit("/", 2)[1] + "/"
"""Where the shared program lies, seen from this page: the Sammendrag page's folder."""


def kommune_page(standard: Standard, loc: Localized, program_bytes: int) -> bytes:
    """`program_bytes`: what the page loads before it can read (Pyodide and the bundle)."""
    msg = messages(loc)
    return program_page(
        "kommune.md.j2", KOMMUNE_PAGE, standard, loc, msg, program_bytes, PROGRAM,
        {"module": ENTRY}, shareable=msg["shareable"].format(k=standard.report.min_answers))


def kommune_files(standard: Standard, loc: Localized | None = None,
                  bundle: bytes | None = None) -> dict[str, bytes]:
    """The page and its script; it loads the Sammendrag page's program, the source
    language's bundle (`shared_bundle`, made here unless given) for every language."""
    loc = loc or Localized.for_language(SOURCE_LANGUAGE)
    program = reader_bytes(shared_bundle(Path(standard.source)) if bundle is None else bundle)
    here = KOMMUNE_PAGE.rsplit("/", 1)[0]
    script = (files("stavangerstandarden.overview") / "static" / SCRIPT).read_bytes()
    return {page_source(KOMMUNE_PAGE): kommune_page(standard, loc, program),
            f"{here}/{SCRIPT}": script}
