"""The field layer: turn Typst's placeholder links into real, tagged AcroForm fields.

Typst already tagged each answer cell's link: a /Link struct element inside the table cell,
with an OBJR kid, the annotation's /StructParent and its ParentTree entry. Rewriting that
annotation in place into a widget, and the struct element's type into /Form, keeps all of
that wiring, so every field sits in the reading order next to the words that explain it.
qpdf (pikepdf) then writes the file with object streams and a content-derived /ID.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import pikepdf
from pikepdf import Array, Dictionary, Name

from stavangerstandarden.forms.appearance import Appearances
from stavangerstandarden.forms.content import LINK_PREFIX, FormContent
from stavangerstandarden.forms.fieldfont import FONT_RESOURCE, add_field_font
from stavangerstandarden.forms.fieldtree import FieldTree
from stavangerstandarden.forms.typeset import LayoutFailed
from stavangerstandarden.forms.unhinted import drop_hinting
from stavangerstandarden.forms.widgets import Builder, hidden_widget, make_radio, make_text

RIGHT_ALIGNED = 2
"""/Q of the text fields of a form in a right-to-left language."""


def add_fields(typst_pdf: bytes, content: FormContent) -> bytes:
    """The Typst PDF with every placeholder replaced by its field, and the AcroForm."""
    with pikepdf.open(io.BytesIO(typst_pdf)) as pdf:
        b = Builder(pdf, FieldTree(pdf), Appearances(pdf),
                    RIGHT_ALIGNED if content.data["dir"] == "rtl" else 0)
        elements = _struct_parents(pdf)
        placed: set[str] = set()
        for page in pdf.pages:
            page.obj.Tabs = Name.S
            for annot, target in _placeholders(page.obj):
                widget = content.widgets[target]
                make = make_radio if widget.option else make_text
                make(b, annot, page.obj, widget)
                elements[int(annot.StructParent)].S = Name.Form
                placed.add(target)
        if missing := sorted(set(content.widgets) - placed):
            raise LayoutFailed(f"the layout dropped widgets {missing}")
        for spec in content.hidden:
            hidden_widget(b, pdf.pages[0].obj, spec)
        pdf.Root.AcroForm = Dictionary(
            Fields=b.tree.roots,
            DA=pikepdf.String(f"/{FONT_RESOURCE} 10 Tf 0 g"),
            DR=Dictionary(Font=Dictionary({
                "/" + FONT_RESOURCE: add_field_font(pdf, str(content.data["lang"]))})),
        )
        drop_hinting(pdf)
        out = io.BytesIO()
        pdf.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate,
                 deterministic_id=True, compress_streams=True)
    return out.getvalue()


def _placeholders(page: pikepdf.Object) -> Iterator[tuple[pikepdf.Object, str]]:
    for annot in page.get("/Annots", Array()):
        action = annot.get("/A")
        if annot.get("/Subtype") != Name.Link or action is None:
            continue
        uri = str(action.get("/URI", ""))
        if uri.startswith(LINK_PREFIX):
            yield annot, uri[len(LINK_PREFIX):]


def _struct_parents(pdf: pikepdf.Pdf) -> dict[int, pikepdf.Object]:
    """ParentTree keys of annotations → their struct elements (a flat or nested number tree)."""
    found: dict[int, pikepdf.Object] = {}
    stack = [pdf.Root.StructTreeRoot.ParentTree]
    while stack:
        node = stack.pop()
        stack.extend(node.get("/Kids", Array()))
        nums = list(node.get("/Nums", Array()))
        for key, value in zip(nums[::2], nums[1::2], strict=True):
            if isinstance(value, Dictionary):
                found[int(key)] = value
    return found
