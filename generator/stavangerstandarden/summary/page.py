"""The Sammendrag page: a Markdown page (raw HTML inside) with its own Content-Security-Policy,
like the fill pages (theme template `fyll.html` writes the front matter's `csp`)."""

from __future__ import annotations

from stavangerstandarden.browserpage import PROGRAM_CSP, TEMPLATE, js_messages, script_json
from stavangerstandarden.i18n.ui import Localized
from stavangerstandarden.libraries import PYODIDE
from stavangerstandarden.markup import render
from stavangerstandarden.model import Standard
from stavangerstandarden.summary.messages import messages

BUNDLE = "python.zip"
WORKER = "sammendrag-arbeider.js"
SCRIPTS = ("sammendrag.js", WORKER, "leser.js")
"""The page's scripts; the worker and leser.js serve the Kommune page too."""


def program(folder: str) -> dict[str, str]:
    """Where a page's scripts find the reading program (the worker, Pyodide, the Python
    bundle): `folder` is this page's folder as seen from that page."""
    return {"worker": folder + WORKER, "pyodide": f"{folder}{PYODIDE.folder}/pyodide.js",
            "index": f"{folder}{PYODIDE.folder}/", "bundle": folder + BUNDLE}


def summary_page(standard: Standard, loc: Localized, program_bytes: int) -> bytes:
    """`program_bytes`: what the page loads before it can read (Pyodide and the bundle)."""
    msg = messages(loc)
    msg["js.loading"] = msg["js.loading"].format(mb=round(program_bytes / 1e6))
    return render(
        "sammendrag.md.j2", loc=loc, standard=standard, msg=msg, theme_template=TEMPLATE,
        csp=PROGRAM_CSP,
        working_files=msg["working_files"].format(k=standard.report.min_answers),
        data=script_json({**program("./"), "language": loc.language,
                          "messages": js_messages(msg)}),
    )

