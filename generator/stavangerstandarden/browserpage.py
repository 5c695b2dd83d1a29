"""What every page that handles answers in the browser shares: the theme template that puts
its Content-Security-Policy into <head>, the policies, the JSON block its scripts read, its
words for the scripts and where its Markdown source lies.

The fill pages, the Sammendrag page and the Kommune page import this module and it imports
none of them, so they never import each other in a cycle (tests/test_layers.py).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Protocol

from markupsafe import Markup

TEMPLATE = "fyll.html"
"""Theme template (overrides/fyll.html) that writes `csp` from the front matter into <head>."""
POLICY = {
    "default-src": "'self'",
    "connect-src": "'self'",
    "script-src": "'self' 'unsafe-inline'",
    "worker-src": "'self' blob:",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: blob:",
    "font-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'none'",
}
"""No connection to anything but the site itself: answers cannot leave for another host.
'self' in connect-src is what the theme's search needs (it fetches `search/search_index.json`
from the site; CSP cannot name a path without naming the host, which a preview does not
know). The page's own scripts only fetch pdf.js and the blank form (the published
`skjema/<id>.pdf`) from the site, when «Lag PDF» is first pressed: the site is static files,
so nothing there could receive answers. 'unsafe-inline' covers the theme's own inline
bootstrap scripts and the scale colours."""


def csp(policy: dict[str, str]) -> str:
    """A policy as the Content-Security-Policy header (or meta element) writes it."""
    return "; ".join(f"{directive} {sources}" for directive, sources in policy.items())


CSP = csp(POLICY)
"""The fill pages' policy."""
PROGRAM_CSP = csp(POLICY | {
    "connect-src": "'self'",
    "script-src": "'self' 'unsafe-inline' 'wasm-unsafe-eval'",
    "frame-src": "'self' blob:",
})
"""The Sammendrag and Kommune pages' policy: requests only to the site itself, which the pages
need for their program (Pyodide's WebAssembly, its standard library and the Python bundle are
fetched once, when the page loads); nothing is ever sent: the files are read in the page's
worker, which is started from a blob: URL so that it runs under this same policy.
'wasm-unsafe-eval' lets the browser compile WebAssembly; 'unsafe-inline' covers the theme's
inline start-up script and styles."""


class Translator(Protocol):
    def gettext(self, message: str) -> str: ...


def translated(words: Mapping[str, str], loc: Translator) -> dict[str, str]:
    """A page's words (place → message id) in `loc`'s language; an id without a translation
    stays bokmål."""
    return {key: loc.gettext(message) for key, message in words.items()}


def js_messages(words: dict[str, str]) -> dict[str, str]:
    """The share of a page's words its browser scripts need (ids without the `js.` prefix)."""
    return {k.removeprefix("js."): v for k, v in words.items() if k.startswith("js.")}


def script_json(data: dict[str, Any]) -> Markup:
    """JSON for a <script type="application/json"> block: `<` escaped so no text can close it."""
    return Markup(json.dumps(data, ensure_ascii=False).replace("<", "\\u003c"))


def page_source(html: str) -> str:
    """The Markdown file MkDocs turns into the page at `html` (…/index.html → …/index.md)."""
    return html.removesuffix(".html") + ".md"
