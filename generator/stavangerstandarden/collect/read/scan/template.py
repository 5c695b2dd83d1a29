"""A page's identity → what the blank page looks like and where its answers go.

One source of truth: the form is rendered exactly as the build renders it (`render_form`),
PDFium draws its pages, and the answer circles and tiltak boxes are the rectangles of its
widgets. Nothing here knows the layout.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from stavangerstandarden import contract as c
from stavangerstandarden.collect.pdfengine import Unreadable
from stavangerstandarden.collect.read.scan.images import Image, ink
from stavangerstandarden.collect.reasons import Reason
from stavangerstandarden.model import Standard
from stavangerstandarden.words import N_

DPI = 150
"""Resolution every page is compared at: a circle is 27 pixels across."""
SCALE = DPI / 72


@dataclass(frozen=True)
class Spot:
    """A widget's rectangle on the page image, in pixels: x0, y0, x1, y1."""

    name: str
    """Statement id (a circle) or the text field's name (a tiltak box)."""
    value: str
    """The circle's export value (scale id); "" for a text field."""
    box: tuple[int, int, int, int]


@dataclass(frozen=True)
class PageTemplate:
    blank: Image
    circles: tuple[Spot, ...]
    writing: tuple[Spot, ...]
    """The tiltak boxes, where handwriting is cut out for the leader to read."""


@dataclass(frozen=True)
class FormTemplate:
    pages: tuple[PageTemplate, ...]


def template_for(standard: Standard, source: Path | None,
                 identity: c.PageIdentity) -> FormTemplate:
    """The template of the form a page names; raises Unreadable when the standard cannot
    make that form exactly as it was printed."""
    if identity.version != standard.meta.version:
        raise Unreadable(Reason(N_("utskriften er av versjon {printed} av skjemaet; bare "
                                   "utskrifter av versjon {current} kan leses; skriv ut et "
                                   "nytt skjema"),
                                printed=identity.version, current=standard.meta.version))
    template = _cached(standard, source, identity.language, identity.area, identity.level)
    if template is None:
        raise Unreadable(N_("utskriften gjelder et skjema som ikke finnes i standarden"))
    if len(template.pages) != identity.pages:
        raise Unreadable(Reason(N_("utskriften har {printed} sider, men skjemaet har nå "
                                   "{current}; skriv ut et nytt skjema"),
                                printed=identity.pages, current=len(template.pages)))
    return template


@lru_cache(maxsize=16)
def _cached(standard: Standard, source: Path | None, language: str, area: str,
            level: str) -> FormTemplate | None:
    from stavangerstandarden.forms import render_form
    from stavangerstandarden.forms.content import localized
    from stavangerstandarden.formspec import form_specs
    from stavangerstandarden.i18n.editions import edition_in
    from stavangerstandarden.i18n.layout import SOURCE_LANGUAGE
    from stavangerstandarden.i18n.ui import ui_languages

    if language not in (SOURCE_LANGUAGE, *ui_languages()):
        return None
    edition = edition_in(standard, language, source)
    for spec in form_specs(edition.standard, localized(language)):
        if (spec.area.id if spec.area else "") == area and spec.level.id == level:
            return _template(render_form(edition.standard, spec, edition))
    return None


def _template(pdf: bytes) -> FormTemplate:
    import pikepdf
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    document.init_forms()
    with pikepdf.open(io.BytesIO(pdf)) as parsed:
        pages = []
        for index, page in enumerate(parsed.pages):
            height = float(page.mediabox[3])
            spots = [_spot(annot, height) for annot in page.get("/Annots", [])]
            bitmap = document[index].render(scale=SCALE, may_draw_forms=True)
            pages.append(PageTemplate(
                blank=ink(bitmap.to_numpy()[:, :, :3]),
                circles=tuple(s for s in spots if s is not None and s.value),
                writing=tuple(s for s in spots if s is not None
                              and _is_action(s.name))))
    document.close()
    return FormTemplate(tuple(pages))


def _is_action(name: str) -> bool:
    field = c.parse_field(name)
    return field is not None and field.kind == "action"


def _spot(annot: object, page_height: float) -> Spot | None:
    import pikepdf

    if not isinstance(annot, pikepdf.Dictionary) or annot.get("/Subtype") != pikepdf.Name.Widget:
        return None
    x0, y0, x1, y1 = (float(v) for v in annot.Rect)
    box = (round(min(x0, x1) * SCALE), round((page_height - max(y0, y1)) * SCALE),
           round(max(x0, x1) * SCALE), round((page_height - min(y0, y1)) * SCALE))
    looks = annot.get("/AP", pikepdf.Dictionary()).get("/N", pikepdf.Dictionary())
    states = [str(k)[1:] for k in looks if str(k) != "/Off"] if "/AS" in annot else []
    return Spot(_full_name(annot), states[0] if states else "", box)


def _full_name(annot: object) -> str:
    parts = []
    node = annot
    for _ in range(8):
        if node is None:
            break
        if "/T" in node:  # type: ignore[operator]
            parts.append(str(node.T))  # type: ignore[attr-defined]
        node = node.get("/Parent")  # type: ignore[attr-defined]
    return ".".join(reversed(parts))
