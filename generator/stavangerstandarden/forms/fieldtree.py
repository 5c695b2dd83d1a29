"""Dotted field names as the PDF field hierarchy they stand for.

A partial field name (/T) may not contain a period: `tiltak.1.frist` is the field `frist`
under `1` under `tiltak`. Viewers and pypdf join the parts back into the full name.
"""

from __future__ import annotations

from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject, TextStringObject


class FieldTree:
    """Collects the fields of one form; `roots` becomes the AcroForm's /Fields."""

    def __init__(self, writer: PdfWriter) -> None:
        self._writer = writer
        self._nodes: dict[str, IndirectObject] = {}
        self.roots = ArrayObject()

    def attach(self, name: str, field: IndirectObject) -> None:
        """Give `field` its partial name and hang it under its parents, made as needed."""
        *parents, last = name.split(".")
        field.get_object()[NameObject("/T")] = TextStringObject(last)
        self._nodes[name] = field
        self._hang(".".join(parents), field)

    def find(self, name: str) -> IndirectObject | None:
        return self._nodes.get(name)

    def _hang(self, parent_name: str, field: IndirectObject) -> None:
        if not parent_name:
            self.roots.append(field)
            return
        parent = self._nodes.get(parent_name)
        if parent is None:
            parent = self._writer._add_object(DictionaryObject(
                {NameObject("/Kids"): ArrayObject()}))
            self.attach(parent_name, parent)
        field.get_object()[NameObject("/Parent")] = parent
        parent.get_object()["/Kids"].append(field)
