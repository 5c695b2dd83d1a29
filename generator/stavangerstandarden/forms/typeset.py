"""Lay out one form with Typst: tagged PDF/UA-1 pages, the fields still plain link boxes."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import typst

from stavangerstandarden.forms.fonts import FONT_DIR

TEMPLATE = Path(__file__).resolve().parent / "template.typ"
EPOCH = 0
"""Fixed creation date (1970-01-01): the same source gives the same bytes on every build."""


class LayoutFailed(Exception):
    """Typst refused the template or data; a bug in this package, not in the YAML."""


_per_thread = threading.local()


def _compiler() -> typst.Compiler:
    """One compiler per thread (a compiler may not be shared between threads): loading the
    fonts costs more than laying out a form, and the output depends only on each compile's
    inputs, so reusing it changes no byte."""
    compiler: typst.Compiler | None = getattr(_per_thread, "compiler", None)
    if compiler is None:
        compiler = typst.Compiler(str(TEMPLATE), font_paths=[str(FONT_DIR)],
                                  ignore_system_fonts=True)
        _per_thread.compiler = compiler
    return compiler


def typeset(data: dict[str, Any]) -> bytes:
    """Compile the template with `data` (as sys.inputs.data JSON) into tagged PDF bytes."""
    try:
        pdf, warnings = _compiler().compile_with_warnings(
            sys_inputs={"data": json.dumps(data, ensure_ascii=False)},
            pdf_standards=["ua-1"], timestamp=EPOCH)
    except typst.TypstError as exc:
        raise LayoutFailed(str(exc)) from exc
    if warnings:
        raise LayoutFailed("\n".join(str(w) for w in warnings))
    if not isinstance(pdf, bytes):
        raise LayoutFailed(f"Typst returned {type(pdf).__name__}, expected one PDF")
    return pdf
