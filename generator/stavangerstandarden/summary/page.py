"""The Sammendrag page: a Markdown page (raw HTML inside) with its own Content-Security-Policy,
like the fill pages (theme template `fyll.html` writes the front matter's `csp`)."""

from __future__ import annotations

from stavangerstandarden import contract as c
from stavangerstandarden.fill.messages import js_messages
from stavangerstandarden.fill.page import POLICY, TEMPLATE, csp, script_json
from stavangerstandarden.i18n.ui import Localized
from stavangerstandarden.libraries import PYODIDE, shared_address
from stavangerstandarden.model import Standard
from stavangerstandarden.pages.markup import render
from stavangerstandarden.summary.messages import messages

BUNDLE = f"{c.SUMMARY_PAGE.rsplit('/', 1)[0]}/python.zip"
"""The Python bundle, one for every language (each language's texts inside), served by the
source language's site."""
WORKER = "sammendrag-arbeider.js"
SCRIPTS = ("sammendrag.js", WORKER, "leser.js")
"""The page's scripts; the worker and leser.js serve the Kommune page too."""
CSP = csp(POLICY | {
    "connect-src": "'self'",
    "script-src": "'self' 'unsafe-inline' 'wasm-unsafe-eval'",
    "frame-src": "'self' blob:",
})
"""Requests only to the site itself, which the page needs for its program (Pyodide's
WebAssembly, its standard library and the Python bundle are fetched once, when the page
loads); nothing is ever sent: the files are read in the page's worker, which is started from a
blob: URL so that it runs under this same policy. 'wasm-unsafe-eval' lets the browser compile
WebAssembly; 'unsafe-inline' covers the theme's inline start-up script and styles."""


def summary_page(standard: Standard, loc: Localized, program_bytes: int) -> bytes:
    """`program_bytes`: what the page loads before it can read (Pyodide and the bundle)."""
    msg = messages(loc)
    msg["js.loading"] = msg["js.loading"].format(mb=round(program_bytes / 1e6))
    pyodide = PYODIDE.seen_from(c.SUMMARY_PAGE, loc.language)
    return render(
        "sammendrag.md.j2", loc=loc, standard=standard, msg=msg, theme_template=TEMPLATE,
        csp=CSP,
        working_files=msg["working_files"].format(k=standard.report.min_answers),
        data=script_json({"worker": f"./{WORKER}", "pyodide": f"{pyodide}pyodide.js",
                    "index": pyodide,
                    "bundle": shared_address(BUNDLE, c.SUMMARY_PAGE, loc.language),
                    "language": loc.language,
                    "messages": js_messages(msg)}),
    )

