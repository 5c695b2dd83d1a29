"""Forms filled the way their users fill them: pypdf as a script does, Mozilla pdf.js as
Firefox saves them, PDFium as Chrome does, and qpdf's rewrite of a pypdf-filled form as
Acrobat's "fast web view" saves it; and the plausible answers they are filled with."""

from __future__ import annotations

import io
import json
import random
import subprocess
from collections.abc import Callable, Mapping
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import tools
from pypdf import PdfReader, PdfWriter

from stavangerstandarden.formspec import FormSpec

ROOT = Path(__file__).resolve().parents[2]


def pypdf_fill(data: bytes, values: Mapping[str, str], *, incremental: bool = False) -> bytes:
    """Fill like a pypdf 7 user would: radio values as `/<export value>`, no NeedAppearances."""
    reader = PdfReader(io.BytesIO(data))
    radios = {name for name, f in _radio_groups(reader).items() if f}
    writer = (PdfWriter(io.BytesIO(data), incremental=True) if incremental
              else PdfWriter(clone_from=reader))
    writer.update_page_form_field_values(
        None, {n: f"/{v}" if n in radios else v for n, v in values.items()},
        auto_regenerate=False)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _radio_groups(reader: PdfReader) -> dict[str, bool]:
    return {name: f.get("/FT") == "/Btn" for name, f in (reader.get_fields() or {}).items()}



PDFJS_FORM = ROOT / "tests" / "js" / "pdfjs_form.mjs"


def answers_for(spec: FormSpec, seed: int) -> dict[str, str]:
    """A plausible filled form: most statements answered, a few left blank, two tiltak, and
    the header fields this form has."""
    rnd = random.Random(seed)
    values: dict[str, str] = {}
    for f in spec.fields:
        if f.type == "radio" and rnd.random() < 0.85:
            values[f.name] = rnd.choice([v for v, _ in f.options])
    values.update({
        "meta.skole": "Eiganes skole", "meta.klasse": f"{seed % 10 + 1}B",
        "meta.utfylt_av": "FAU og kontaktlærer",
        "tiltak.1.tiltak": f"Foreldrekaffe før jul, runde {seed}\nmed tolk for nye familier",
        "tiltak.1.ansvarlig": "Rektor", "tiltak.1.frist": "15.12.",
        "tiltak.3.tiltak": "Æ, ø og å – «nettvett» på foreldremøtet",
        "tiltak.3.frist": "Våren",
    })
    names = {f.name for f in spec.fields}
    return {name: value for name, value in values.items() if name in names}


def pdfjs_fill(data: bytes, values: Mapping[str, str], tmp: Path) -> bytes:
    """Fill and save through Mozilla pdf.js, as Firefox does (tests/js/pdfjs_form.mjs)."""
    node = tools.need("node")
    src, out, vals = tmp / "in.pdf", tmp / "out.pdf", tmp / "values.json"
    src.write_bytes(data)
    vals.write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")
    run = subprocess.run([node, str(PDFJS_FORM), "fill", str(src), str(out), str(vals)],
                         capture_output=True, text=True, check=False, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    return out.read_bytes()


def pdfium_fill(data: bytes, values: Mapping[str, str]) -> bytes:
    """Fill through PDFium's form API, as Chrome does: click the radio buttons, type the
    text (Enter as `\\r`), then save the whole file, as Chrome does."""
    pdf = pdfium.PdfDocument(data)
    pdf.init_forms()
    form = pdf.formenv
    for index in range(len(pdf)):
        page = pdf[index]
        for n in range(pdfium_c.FPDFPage_GetAnnotCount(page)):
            annot = pdfium_c.FPDFPage_GetAnnot(page, n)
            name = _wide(pdfium_c.FPDFAnnot_GetFormFieldName, form, annot)
            if name in values:
                _pdfium_enter(form, page, annot, values[name])
            pdfium_c.FPDFPage_CloseAnnot(annot)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def qpdf_rewrite(data: bytes, tmp: Path) -> bytes:
    """The filled form rewritten as Acrobat's "fast web view" saves: compressed object and
    cross-reference streams, linearized."""
    qpdf = tools.need("qpdf")
    src, out = tmp / "qpdf-inn.pdf", tmp / "qpdf-ut.pdf"
    src.write_bytes(data)
    subprocess.run([qpdf, "--object-streams=generate", "--linearize", str(src), str(out)],
                   check=True, capture_output=True)
    return out.read_bytes()


def _pdfium_enter(form: object, page: object, annot: object, value: str) -> None:
    kind = pdfium_c.FPDFAnnot_GetFormFieldType(form, annot)
    if kind == pdfium_c.FPDF_FORMFIELD_RADIOBUTTON:
        if _wide(pdfium_c.FPDFAnnot_GetFormFieldExportValue, form, annot) != value:
            return
        rect = pdfium_c.FS_RECTF()
        pdfium_c.FPDFAnnot_GetRect(annot, rect)
        x, y = (rect.left + rect.right) / 2, (rect.top + rect.bottom) / 2
        pdfium_c.FORM_OnMouseMove(form, page, 0, x, y)
        pdfium_c.FORM_OnLButtonDown(form, page, 0, x, y)
        pdfium_c.FORM_OnLButtonUp(form, page, 0, x, y)
    else:
        pdfium_c.FORM_SetFocusedAnnot(form, annot)
        for char in value.replace("\n", "\r"):
            pdfium_c.FORM_OnChar(form, page, ord(char), 0)
    pdfium_c.FORM_ForceToKillFocus(form)


def _wide(getter: Callable[..., int], form: object, annot: object) -> str:
    size = getter(form, annot, None, 0)
    buffer = (pdfium_c.FPDF_WCHAR * (size // 2))()
    getter(form, annot, buffer, size)
    return bytes(buffer)[: max(size - 2, 0)].decode("utf-16-le")


ENGINES: dict[str, Callable[[bytes, Mapping[str, str], Path], bytes]] = {
    "pypdf": lambda data, values, tmp: pypdf_fill(data, values),
    "pdfjs": pdfjs_fill,
    "pdfium": lambda data, values, tmp: pdfium_fill(data, values),
    "pypdf-etter-qpdf": lambda data, values, tmp: qpdf_rewrite(pypdf_fill(data, values), tmp),
}
"""Every engine the round trips fill with: name → fill(form, values, scratch folder)."""


