"""Compile a Typst template with JSON data into tagged PDF/UA-1 bytes.

Shared by the forms and the booklet: both lay out with Typst from a template and a data
dictionary, with only the shipped fonts, a fixed date and no warnings tolerated, so the same
source gives the same bytes on every machine.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import typst

FONT_DIR = Path(__file__).resolve().parent / "fonts"
"""The shipped fonts (Noto Sans and the families other scripts need, SIL OFL); no system
font can change a layout."""
EPOCH = 0
"""Fixed creation date (1970-01-01): the same source gives the same bytes on every build."""


class LayoutFailed(Exception):
    """Typst refused the template or data; a bug in this package, not in the YAML."""


_per_thread = threading.local()


def _compiler(template: Path, fonts: Path) -> typst.Compiler:
    """One compiler per thread, template and font folder (a compiler may not be shared
    between threads): loading the fonts costs more than laying out a form, and the output
    depends only on each compile's inputs, so reusing it changes no byte."""
    import typst

    compilers: dict[tuple[Path, Path], typst.Compiler] = getattr(_per_thread, "compilers", {})
    _per_thread.compilers = compilers
    if (template, fonts) not in compilers:
        compilers[template, fonts] = typst.Compiler(str(template), font_paths=[str(fonts)],
                                                    ignore_system_fonts=True)
    return compilers[template, fonts]


def compile_pdf(template: Path, data: dict[str, Any], fonts: Path = FONT_DIR) -> bytes:
    """Compile `template` with `data` (as sys.inputs.data JSON) into tagged PDF/UA-1 bytes;
    `fonts`: a folder holding the shipped fonts (or versions of them with the same glyphs)."""
    import typst  # here, not at the top: `check` reads FONT_DIR and needs no layout engine

    try:
        pdf, warnings = _compiler(template, fonts).compile_with_warnings(
            sys_inputs={"data": json.dumps(data, ensure_ascii=False)},
            pdf_standards=["ua-1"], timestamp=EPOCH)
    except typst.TypstError as exc:
        raise LayoutFailed(str(exc)) from exc
    if warnings:
        raise LayoutFailed("\n".join(str(w) for w in warnings))
    if not isinstance(pdf, bytes):
        raise LayoutFailed(f"Typst returned {type(pdf).__name__}, expected one PDF")
    return pdf
