"""One widget each: a radio button of a statement's group, a text field, a hidden id field.

Flags follow what real viewers need: radio groups are Radio + NoToggleToOff and never
Required (nothing is pre-selected, and a form may be handed in half filled); every widget
prints (/F Print) and has a Norwegian /TU. Text fields set their font size to 0 (auto): every
engine that writes the typed value (PDFium, pdf.js, poppler, pypdf) then shrinks it, and
wraps multiline fields, until all of it fits the box; /MaxLen stops typing where the text
would grow too small to read (the lengths are in `contract.py`).
"""

from __future__ import annotations

from dataclasses import dataclass

import pikepdf
from pikepdf import AnnotationFlag, Array, Dictionary, FormFieldFlag, Name

from stavangerstandarden.forms.appearance import (
    EMPTY_TEXT,
    RING_GREY,
    RING_WIDTH,
    Appearances,
    radio_streams,
)
from stavangerstandarden.forms.content import Widget
from stavangerstandarden.forms.fieldfont import FONT_RESOURCE
from stavangerstandarden.forms.fieldtree import FieldTree
from stavangerstandarden.formspec import FieldSpec

PRINT, HIDDEN = int(AnnotationFlag.print), int(AnnotationFlag.hidden)
"""Annotation flags (/F)."""
READ_ONLY, MULTILINE = int(FormFieldFlag.read_only), int(FormFieldFlag.tx_multiline)
RADIO_GROUP = int(FormFieldFlag.btn_radio | FormFieldFlag.btn_no_toggle_off)
"""Field flags (/Ff)."""
AUTO_SIZE = 0
"""/DA font size 0: the viewer fits the text to the box."""
DROPPED_LINK_KEYS = ("/A", "/Border", "/Contents", "/H", "/QuadPoints")
TEXT_PADDING = 2.0
"""Points a text field's box keeps clear of its cell on the left and the right. The cell is
Typst's; the engines that write the typed text keep as little as 1 pt to the box's edge
(pdf.js, for a line that almost fits)."""
PADDED_MAX_LENGTH = 60
"""Only fields of at most this many characters get TEXT_PADDING. A tiltak (500) keeps its
full width: pdf.js 6.5 sizes multi-line text for 1.35 times the lines its box shows, and
4 pt less width already pushes the last line of a full tiltak out of the box (measured by
tests/forms/test_filled_appearance.py)."""


@dataclass(frozen=True)
class Builder:
    """What every widget of one document is made with."""

    pdf: pikepdf.Pdf
    tree: FieldTree
    looks: Appearances
    align: int = 0
    """Text fields' /Q: 0 left, 2 right (a right-to-left language: typed text starts at the
    right, as on the fill page)."""


def _widget_base(annot: pikepdf.Object, page: pikepdf.Object, tooltip: str) -> None:
    for key in DROPPED_LINK_KEYS:
        if key in annot:
            del annot[key]
    annot.Subtype = Name.Widget
    annot.F = PRINT
    annot.P = page
    annot.TU = pikepdf.String(tooltip)


def padded(rect: pikepdf.Object, padding: float) -> pikepdf.Array:
    """`rect` (normalised) narrowed by `padding` on the left and the right; a box too narrow
    to lose it stays as it is."""
    x0, y0, x1, y1 = (float(v) for v in rect)
    x0, x1, y0, y1 = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
    if x1 - x0 > 4 * padding:
        x0, x1 = x0 + padding, x1 - padding
    return Array([round(v, 3) for v in (x0, y0, x1, y1)])


def _size(annot: pikepdf.Object) -> tuple[float, float]:
    x0, y0, x1, y1 = (float(v) for v in annot.Rect)
    return abs(x1 - x0), abs(y1 - y0)


def make_radio(b: Builder, annot: pikepdf.Object, page: pikepdf.Object, widget: Widget) -> None:
    """One button of the statement's radio group (the group is made with its first button).

    /MK and /BS describe the ring too, so a viewer that draws the button itself (PDFium and
    poppler do for a file with NeedAppearances, which pypdf sets when it fills) still shows it.
    """
    if widget.option is None:
        raise ValueError(f"{widget.field.name}: a radio button needs an option")
    _widget_base(annot, page, widget.tooltip)
    width, height = _size(annot)
    on, off = radio_streams(width, height)
    annot.AS = Name.Off
    annot.MK = Dictionary(BC=Array([RING_GREY]), BG=Array([1]))
    annot.BS = Dictionary(W=RING_WIDTH, S=Name.S)
    annot.AP = Dictionary(N=Dictionary({
        "/" + widget.option[0]: b.looks.shared(on, width, height),
        "/Off": b.looks.shared(off, width, height),
    }))
    group = b.tree.find(widget.field.name)
    if group is None:
        group = b.pdf.make_indirect(Dictionary(
            FT=Name.Btn, Ff=RADIO_GROUP,
            TU=pikepdf.String(widget.field.label), Kids=Array(),
        ))
        b.tree.attach(widget.field.name, group)
    annot.Parent = group
    group.Kids.append(annot)


def make_text(b: Builder, annot: pikepdf.Object, page: pikepdf.Object, widget: Widget) -> None:
    """A text field merged with its widget; tiltak cells take several lines."""
    _widget_base(annot, page, widget.tooltip)
    if (widget.field.max_length or 0) <= PADDED_MAX_LENGTH:
        annot.Rect = padded(annot.Rect, TEXT_PADDING)
    _text_field(b, annot, widget.field)
    b.tree.attach(widget.field.name, annot)


def hidden_widget(b: Builder, page: pikepdf.Object, spec: FieldSpec) -> None:
    """A read-only, hidden field carrying which form this is (skjema.*); not tagged, as
    PDF/UA asks only of visible annotations."""
    annot = b.pdf.make_indirect(Dictionary(Type=Name.Annot, Rect=Array([0, 0, 0, 0])))
    _widget_base(annot, page, spec.label)
    annot.F = HIDDEN
    _text_field(b, annot, spec)
    annot.Ff = READ_ONLY
    annot.V = pikepdf.String(spec.value)
    if "/Annots" not in page:
        page.Annots = Array()
    page.Annots.append(annot)
    b.tree.attach(spec.name, annot)


def _text_field(b: Builder, annot: pikepdf.Object, spec: FieldSpec) -> None:
    width, height = _size(annot)
    annot.FT = Name.Tx
    annot.Ff = MULTILINE if spec.multiline else 0
    annot.DA = pikepdf.String(f"/{FONT_RESOURCE} {AUTO_SIZE} Tf 0 g")
    if b.align:
        annot.Q = b.align
    if spec.max_length:
        annot.MaxLen = spec.max_length
    annot.AP = Dictionary(N=b.looks.own(EMPTY_TEXT, width, height))
