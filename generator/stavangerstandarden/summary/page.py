"""The Sammendrag page: a Markdown page (raw HTML inside) with its own Content-Security-Policy,
like the fill pages (theme template `fyll.html` writes the front matter's `csp`)."""

from __future__ import annotations

from collections.abc import Mapping

from stavangerstandarden import contract as c
from stavangerstandarden.browserpage import PROGRAM_CSP, TEMPLATE, js_messages, script_json
from stavangerstandarden.i18n.ui import Localized
from stavangerstandarden.libraries import PYODIDE, shared_address
from stavangerstandarden.markup import render
from stavangerstandarden.model import Standard
from stavangerstandarden.summary.messages import messages

BUNDLE = f"{c.SUMMARY_PAGE.rsplit('/', 1)[0]}/python.zip"
"""The Python bundle, one for every language (each language's texts inside), served by the
source language's site."""
WORKER = "sammendrag-arbeider.js"
SCRIPTS = ("sammendrag.js", WORKER, "leser.js", "side.js")
"""The page's scripts; the worker, leser.js and side.js serve the Kommune page too."""


def program(page: str, language: str, folder: str = "./") -> dict[str, str]:
    """Where the scripts of `page` (a path in `language`'s site) find the reading program: the
    worker in the Sammendrag page's folder (`folder`, seen from `page`), Pyodide and the Python
    bundle where the source language's site serves them, once for every language."""
    pyodide = PYODIDE.seen_from(page, language)
    return {"worker": folder + WORKER, "pyodide": f"{pyodide}pyodide.js", "index": pyodide,
            "bundle": shared_address(BUNDLE, page, language)}


def program_page(template: str, page: str, standard: Standard, loc: Localized,
                 msg: dict[str, str], program_bytes: int, folder: str = "./",
                 data: Mapping[str, str] | None = None, **context: object) -> bytes:
    """A page that runs the reading program (this one, the Kommune page): `msg` its words,
    `program_bytes` what it loads before it can read (Pyodide and the bundle), `folder` the
    Sammendrag page's folder seen from `page`, `data` what its script gets besides where the
    program lies, its language and its words; under the pages' own Content-Security-Policy."""
    msg["js.loading"] = msg["js.loading"].format(mb=round(program_bytes / 1e6))
    return render(
        template, loc, frozenset(), standard=standard, msg=msg, theme_template=TEMPLATE,
        csp=PROGRAM_CSP, **context,
        data=script_json({**program(page, loc.language, folder), **(data or {}),
                          "language": loc.language, "messages": js_messages(msg)}),
    )


def summary_page(standard: Standard, loc: Localized, program_bytes: int) -> bytes:
    """`program_bytes`: what the page loads before it can read (Pyodide and the bundle)."""
    msg = messages(loc)
    return program_page(
        "sammendrag.md.j2", c.SUMMARY_PAGE, standard, loc, msg, program_bytes,
        working_files=msg["working_files"].format(k=standard.report.min_answers))

