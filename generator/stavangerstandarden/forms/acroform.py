"""The field layer: turn Typst's placeholder links into real, tagged AcroForm fields.

Typst already tagged each answer cell's link: a /Link struct element inside the table cell,
with an OBJR kid, the annotation's /StructParent and its ParentTree entry. Rewriting that
annotation in place into a widget, and the struct element's type into /Form, keeps all of
that wiring, so every field sits in the reading order next to the words that explain it.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DictionaryObject,
    NameObject,
    TextStringObject,
)

from stavangerstandarden.forms.content import FormContent
from stavangerstandarden.forms.fieldfont import FONT_RESOURCE, add_field_font
from stavangerstandarden.forms.fieldtree import FieldTree
from stavangerstandarden.forms.widgets import hidden_widget, make_radio, make_text

LINK_PREFIX = "x-skjema:"


def add_fields(pdf: bytes, content: FormContent) -> bytes:
    """The Typst PDF with every placeholder replaced by its field, and the AcroForm."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    font = add_field_font(writer)
    tree = FieldTree(writer)
    elements = _struct_parents(writer)
    for page in writer.pages:
        page[NameObject("/Tabs")] = NameObject("/S")
        for annot in _placeholders(page):
            widget = content.widgets[str(annot["/A"]["/URI"])[len(LINK_PREFIX):]]
            make = make_radio if widget.option else make_text
            make(writer, annot, page.indirect_reference, widget, tree)
            elements[int(annot["/StructParent"])][NameObject("/S")] = NameObject("/Form")
    first = writer.pages[0]
    for spec in content.hidden:
        hidden_widget(writer, first, spec, tree)
    writer._root_object[NameObject("/AcroForm")] = DictionaryObject({
        NameObject("/Fields"): tree.roots,
        NameObject("/DA"): TextStringObject(f"/{FONT_RESOURCE} 10 Tf 0 g"),
        NameObject("/DR"): DictionaryObject({NameObject("/Font"): DictionaryObject(
            {NameObject(f"/{FONT_RESOURCE}"): font})}),
    })
    _fix_id(writer, pdf)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _placeholders(page: DictionaryObject) -> Iterator[DictionaryObject]:
    for ref in page.get("/Annots", ArrayObject()):
        annot = ref.get_object()
        action = annot.get("/A")
        if annot.get("/Subtype") == "/Link" and action is not None:
            uri = action.get_object().get("/URI")
            if isinstance(uri, str) and uri.startswith(LINK_PREFIX):
                yield annot


def _struct_parents(writer: PdfWriter) -> dict[int, DictionaryObject]:
    """ParentTree keys of annotations → their struct elements (a flat or nested number tree)."""
    root = writer._root_object["/StructTreeRoot"].get_object()
    found: dict[int, DictionaryObject] = {}
    stack = [root["/ParentTree"].get_object()]
    while stack:
        node = stack.pop()
        stack.extend(kid.get_object() for kid in node.get("/Kids", ()))
        nums = node.get("/Nums", ArrayObject())
        for key, value in zip(nums[::2], nums[1::2], strict=True):
            value = value.get_object()
            if isinstance(value, DictionaryObject):
                found[int(key)] = value
    return found


def _fix_id(writer: PdfWriter, typst_pdf: bytes) -> None:
    """Keep Typst's permanent id; the changing half comes from the content, not the clock."""
    permanent = writer._ID[0] if writer._ID else ByteStringObject(
        hashlib.md5(typst_pdf, usedforsecurity=False).digest())
    changing = hashlib.md5(typst_pdf + b"fields", usedforsecurity=False).digest()
    writer._ID = ArrayObject([permanent, ByteStringObject(changing)])

