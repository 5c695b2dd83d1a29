"""Lay out one form with Typst: tagged PDF/UA-1 pages, the fields still plain link boxes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from stavangerstandarden.forms.unhinted import unhinted_fonts
from stavangerstandarden.typst_runner import EPOCH, LayoutFailed, compile_pdf

__all__ = ["EPOCH", "TEMPLATE", "LayoutFailed", "typeset"]

TEMPLATE = Path(__file__).resolve().parent / "template.typ"


def typeset(data: dict[str, Any]) -> bytes:
    """Compile the form template with `data` into tagged PDF bytes, from the fonts without
    their hinting (`unhinted_fonts`)."""
    return compile_pdf(TEMPLATE, data, unhinted_fonts())
