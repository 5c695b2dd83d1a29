"""One fill page: the form spec as an accessible HTML form inside a Markdown page.

The page is a Markdown file whose front matter selects the `fyll.html` theme template (which
puts the page's Content-Security-Policy into <head>); MkDocs and Zensical both honour
`template:`. Everything the form shows comes from the spec the PDF is drawn from, so the
statements (with their level-specific sentences) read exactly as in the PDF.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from stavangerstandarden import contract as c
from stavangerstandarden.fill.fields import (
    action_row,
    field_id,
    input_type,
    is_meta,
    max_length,
    single_line,
)
from stavangerstandarden.fill.messages import js_messages, messages
from stavangerstandarden.formspec import FieldSpec, FormSpec
from stavangerstandarden.i18n.ui import Localized
from stavangerstandarden.libraries import PDFJS
from stavangerstandarden.model import Standard
from stavangerstandarden.pages.markup import render

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


def fill_page(standard: Standard, spec: FormSpec, loc: Localized | None = None) -> bytes:
    """`loc`: the page's language (bokmål without it)."""
    loc = loc or Localized.for_language("nb")
    msg = messages(loc)
    place = spec.area.title if spec.area else msg["fill.all_areas"]
    fields = [f for f in spec.fields if not f.hidden]
    stem = spec.file.rsplit("/", 1)[-1].removesuffix(".pdf")
    blank = f"../../{spec.file.rsplit('/', 1)[-1]}"
    pdfjs = PDFJS.seen_from(c.fill_page(spec.file), loc.language)
    return render(
        "fyll.md.j2", loc=loc, standard=standard, spec=spec, msg=msg, theme_template=TEMPLATE,
        csp=CSP,
        heading=msg["fill.heading"].format(place=place, level=spec.level.label),
        meta=[_text(f, msg) for f in fields if is_meta(f)],
        rows=_rows(fields, msg, loc),
        statements=sum(len(pairs) for _, pairs in spec.statements),
        blank_pdf=blank,
        data=script_json({"stem": stem, "storage": f"fyll:{standard.meta.id}:{stem}",
                    "blank": blank, "library": f"{pdfjs}pdf.min.js",
                    "worker": f"{pdfjs}pdf.worker.min.js", "messages": js_messages(msg),
                    "date": loc.date_words()}),
    )


def _text(field: FieldSpec, msg: dict[str, str], label: str | None = None) -> dict[str, Any]:
    n = max_length(field)
    return {"name": field.name, "id": field_id(field.name), "label": label or field.label,
            "multiline": not single_line(field), "type": input_type(field), "max": n,
            "max_text": msg["fill.maxlength"].format(n=n)}


def _rows(fields: list[FieldSpec], msg: dict[str, str],
          loc: Localized) -> list[dict[str, Any]]:
    """The tiltak rows, each part under the PDF's column heading in the page's language."""
    parts = {part: loc.gettext(label) for part, label in c.ACTION_PARTS}
    rows: dict[int, list[dict[str, Any]]] = {}
    for f in fields:
        row = action_row(f)
        if row is not None:
            rows.setdefault(row, []).append(_text(f, msg, parts[f.name.rsplit(".", 1)[-1]]))
    return [{"n": n, "title": msg["fill.row"].format(n=n), "fields": fs}
            for n, fs in sorted(rows.items())]


def script_json(data: dict[str, Any]) -> Markup:
    """JSON for a <script type="application/json"> block: `<` escaped so no text can close it."""
    return Markup(json.dumps(data, ensure_ascii=False).replace("<", "\\u003c"))
