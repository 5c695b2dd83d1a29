"""Dotted field names as the PDF field hierarchy they stand for.

A partial field name (/T) may not contain a period: `tiltak.1.frist` is the field `frist`
under `1` under `tiltak`. Viewers and pypdf join the parts back into the full name.
"""

from __future__ import annotations

import pikepdf
from pikepdf import Array, Dictionary


class FieldTree:
    """Collects the fields of one form; `roots` becomes the AcroForm's /Fields."""

    def __init__(self, pdf: pikepdf.Pdf) -> None:
        self._pdf = pdf
        self._nodes: dict[str, pikepdf.Object] = {}
        self.roots = Array()

    def attach(self, name: str, field: pikepdf.Object) -> None:
        """Give the (indirect) `field` its partial name and hang it under its parents."""
        *parents, last = name.split(".")
        field.T = pikepdf.String(last)
        self._nodes[name] = field
        self._hang(".".join(parents), field)

    def find(self, name: str) -> pikepdf.Object | None:
        return self._nodes.get(name)

    def _hang(self, parent_name: str, field: pikepdf.Object) -> None:
        if not parent_name:
            self.roots.append(field)
            return
        parent = self._nodes.get(parent_name)
        if parent is None:
            parent = self._pdf.make_indirect(Dictionary(Kids=Array()))
            self.attach(parent_name, parent)
        field.Parent = parent
        parent.Kids.append(field)
