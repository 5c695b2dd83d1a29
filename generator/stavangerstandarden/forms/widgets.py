"""One widget each: a radio button of a statement's group, a text field, a hidden id field.

Flags follow what real viewers need: radio groups are Radio + NoToggleToOff and never
Required (nothing is pre-selected, and a form may be handed in half filled); text fields
have no /MaxLen; every widget prints (/F Print) and has a Norwegian /TU.
"""

from __future__ import annotations

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from stavangerstandarden.forms.appearance import empty_text_stream, form_xobject, radio_streams
from stavangerstandarden.forms.content import Widget
from stavangerstandarden.forms.fieldfont import FONT_RESOURCE
from stavangerstandarden.forms.fieldtree import FieldTree
from stavangerstandarden.formspec import FieldSpec

PRINT, HIDDEN = 4, 2
"""Annotation flags (/F)."""
READ_ONLY, MULTILINE, NO_TOGGLE_TO_OFF, RADIO = 1, 1 << 12, 1 << 14, 1 << 15
"""Field flags (/Ff)."""
TEXT_SIZE, MULTILINE_TEXT_SIZE = 10, 9
DROPPED_LINK_KEYS = ("/A", "/Border", "/Contents", "/H", "/QuadPoints")


def _widget_base(annot: DictionaryObject, page: IndirectObject, tooltip: str) -> None:
    for key in DROPPED_LINK_KEYS:
        annot.pop(key, None)
    annot.update({
        NameObject("/Subtype"): NameObject("/Widget"),
        NameObject("/F"): NumberObject(PRINT),
        NameObject("/P"): page,
        NameObject("/TU"): TextStringObject(tooltip),
    })


def _size(annot: DictionaryObject) -> tuple[float, float]:
    x0, y0, x1, y1 = (float(v) for v in annot["/Rect"])
    return abs(x1 - x0), abs(y1 - y0)


def make_radio(writer: PdfWriter, annot: DictionaryObject, page: IndirectObject,
               widget: Widget, tree: FieldTree) -> None:
    """One button of the statement's radio group (the group is made with its first button)."""
    assert widget.option is not None
    _widget_base(annot, page, widget.tooltip)
    width, height = _size(annot)
    on, off = radio_streams(width, height)
    annot[NameObject("/AS")] = NameObject("/Off")
    annot[NameObject("/AP")] = DictionaryObject({NameObject("/N"): DictionaryObject({
        NameObject(f"/{widget.option[0]}"): form_xobject(writer, on, width, height),
        NameObject("/Off"): form_xobject(writer, off, width, height),
    })})
    group = tree.find(widget.field.name)
    if group is None:
        group = writer._add_object(DictionaryObject({
            NameObject("/FT"): NameObject("/Btn"),
            NameObject("/Ff"): NumberObject(RADIO | NO_TOGGLE_TO_OFF),
            NameObject("/TU"): TextStringObject(widget.field.label),
            NameObject("/Kids"): ArrayObject(),
        }))
        tree.attach(widget.field.name, group)
    annot[NameObject("/Parent")] = group
    group.get_object()["/Kids"].append(annot.indirect_reference)


def make_text(writer: PdfWriter, annot: DictionaryObject, page: IndirectObject,
              widget: Widget, tree: FieldTree) -> None:
    """A text field merged with its widget; tiltak cells take several lines."""
    _widget_base(annot, page, widget.tooltip)
    _text_field(writer, annot, widget.field)
    tree.attach(widget.field.name, annot.indirect_reference)


def hidden_widget(writer: PdfWriter, page: DictionaryObject, spec: FieldSpec,
                  tree: FieldTree) -> None:
    """A read-only, hidden field carrying which form this is (skjema.*); not tagged, as
    PDF/UA asks of hidden annotations."""
    annot = DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"),
        NameObject("/Rect"): ArrayObject(FloatObject(0) for _ in range(4)),
    })
    ref = writer._add_object(annot)
    _widget_base(annot, page.indirect_reference, spec.label)
    annot[NameObject("/F")] = NumberObject(HIDDEN)
    _text_field(writer, annot, spec)
    annot[NameObject("/Ff")] = NumberObject(READ_ONLY)
    annot[NameObject("/V")] = TextStringObject(spec.value)
    page.setdefault(NameObject("/Annots"), ArrayObject()).append(ref)
    tree.attach(spec.name, ref)


def _text_field(writer: PdfWriter, annot: DictionaryObject, spec: FieldSpec) -> None:
    width, height = _size(annot)
    size = MULTILINE_TEXT_SIZE if spec.multiline else TEXT_SIZE
    annot.update({
        NameObject("/FT"): NameObject("/Tx"),
        NameObject("/Ff"): NumberObject(MULTILINE if spec.multiline else 0),
        NameObject("/DA"): TextStringObject(f"/{FONT_RESOURCE} {size} Tf 0 g"),
        NameObject("/AP"): DictionaryObject({
            NameObject("/N"): form_xobject(writer, empty_text_stream(), width, height)}),
    })
