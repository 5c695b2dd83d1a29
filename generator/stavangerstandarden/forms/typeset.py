"""Lay out one form with Typst: tagged PDF/UA-1 pages, the fields still plain link boxes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typst

from stavangerstandarden.forms.fonts import FONT_DIR

TEMPLATE = Path(__file__).resolve().parent / "template.typ"
EPOCH = 0
"""Fixed creation date (1970-01-01): the same source gives the same bytes on every build."""


class LayoutFailed(Exception):
    """Typst refused the template or data; a bug in this package, not in the YAML."""


def typeset(data: dict[str, Any]) -> bytes:
    """Compile the template with `data` (as sys.inputs.data JSON) into tagged PDF bytes."""
    compiler = typst.Compiler(
        str(TEMPLATE),
        font_paths=[str(FONT_DIR)],
        ignore_system_fonts=True,
        sys_inputs={"data": json.dumps(data, ensure_ascii=False)},
    )
    try:
        pdf, warnings = compiler.compile_with_warnings(pdf_standards=["ua-1"], timestamp=EPOCH)
    except RuntimeError as exc:
        raise LayoutFailed(str(exc)) from exc
    if warnings:
        raise LayoutFailed("\n".join(str(w) for w in warnings))
    if not isinstance(pdf, bytes):
        raise LayoutFailed(f"Typst returned {type(pdf).__name__}, expected one PDF")
    return pdf
