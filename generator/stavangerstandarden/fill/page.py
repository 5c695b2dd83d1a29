"""One fill page: the form spec as an accessible HTML form inside a Markdown page.

The page is a Markdown file whose front matter selects the `fyll.html` theme template (which
puts the page's Content-Security-Policy into <head>); MkDocs and Zensical both honour
`template:`. Everything the form shows comes from the spec the PDF is drawn from, so the
statements (with their level-specific sentences) read exactly as in the PDF.
"""

from __future__ import annotations

import json
from typing import Any

from stavangerstandarden import contract as c
from stavangerstandarden.browserpage import CSP, TEMPLATE, js_messages, script_json
from stavangerstandarden.fill.fields import field_id, input_type, max_length, single_line
from stavangerstandarden.fill.messages import messages
from stavangerstandarden.fonttable import field_letters, joining_families
from stavangerstandarden.forms.fonts import field_widths
from stavangerstandarden.forms.unicodefont import joining_table
from stavangerstandarden.formspec import FieldSpec, FormSpec
from stavangerstandarden.i18n.ui import Localized
from stavangerstandarden.libraries import PDFJS
from stavangerstandarden.markup import render
from stavangerstandarden.model import Standard


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
        meta=[_text(f, msg) for f in fields if f.parts.kind == "meta"],
        rows=_rows(fields, msg, loc),
        statements=sum(len(pairs) for _, pairs in spec.statements),
        blank_pdf=blank,
        data=script_json({"stem": stem, "storage": f"fyll:{standard.meta.id}:{stem}",
                    "blank": blank, "library": f"{pdfjs}pdf.min.js",
                    "worker": f"{pdfjs}pdf.worker.min.js"}),
    )


def language_module(loc: Localized) -> bytes:
    """`skjema/fyll/sprak.js`: what every fill page of a language needs the same (the script's
    messages, the date words, the field font's widths, the letters' joined forms), once per
    language instead of in each of its 77 pages; fyll.js imports it, so it is there before
    the page reacts to anything, and the browser caches it for the other fill pages."""
    msg = messages(loc)
    data = {"messages": js_messages(msg), "date": loc.date_words(),
            "widths": field_widths(loc.language), "joining": _joining(loc.language)}
    return ("export default " + json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            + ";\n").encode("utf-8")


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
        field = f.parts
        if field.row is not None:
            rows.setdefault(field.row, []).append(_text(f, msg, parts[field.part]))
    return [{"n": n, "title": msg["fill.row"].format(n=n), "fields": fs}
            for n, fs in sorted(rows.items())]


def _joining(language: str) -> dict[str, object] | None:
    """The letters' joined forms (fill/static/skrift.js), for a language whose letters join."""
    families = joining_families(language)
    return joining_table(families, field_letters(language)) if families else None
