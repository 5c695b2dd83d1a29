"""The forms in real engines: qpdf checks the files, Mozilla pdf.js (as in Firefox) lists,
fills and saves them, pypdf reads back what pdf.js saved, PDFium (as in Chrome and Edge)
draws the widgets and the chosen answers."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from helpers.widgets import DARK, LIGHT, grey, radio_centres, render_widgets
from pypdf import PdfReader

from stavangerstandarden.formspec import FieldSpec, FormSpec

TYPED = "Tastarustå skole – Ærlig Øystein «FAU» (ÆØÅ æøå é ü) Čáhcegáddi Đđ Ŋŋ Ŧŧ Šš Žž"
"""Norwegian and North Sámi letters, as people type them into the fields."""


def answers(spec: FormSpec) -> dict[str, Any]:
    """A filled-in form: every statement answered (cycling through the scale), all text."""
    values: dict[str, Any] = {}
    radios = [f for f in spec.fields if f.type == "radio"]
    for i, f in enumerate(radios):
        values[f.name] = f.options[i % len(f.options)][0]
    for f in spec.fields:
        if f.type == "text" and not f.hidden:
            values[f.name] = f"{TYPED}\nlinje 2" if f.multiline else TYPED
    return values


def test_qpdf_finds_no_errors_in_any_form(form_dir: Path, specs, qpdf: str):
    for spec in specs:
        done = subprocess.run([qpdf, "--check", str(form_dir / spec.file)],
                              capture_output=True, text=True, check=False)
        assert done.returncode == 0, f"{spec.file}: {done.stdout}{done.stderr}"
        assert "No syntax or stream encoding errors" in done.stdout


@pytest.mark.parametrize("which", ["area", "varied", "complete"])
def test_pdfjs_sees_every_field_with_type_values_and_tooltip(form_dir, sample, pdfjs_list,
                                                             which: str):
    spec: FormSpec = sample[which]
    seen = {f["name"]: f for f in pdfjs_list(form_dir / spec.file)["fields"]}
    assert sorted(seen) == sorted(f.name for f in spec.fields)
    for f in spec.fields:
        got = seen[f.name]
        assert got["type"] == f.type, f.name
        assert got["required"] is False and (got["maxLen"] or None) == f.max_length, f.name
        assert all(w["alternativeText"] for w in got["widgets"]), f.name
        assert got["hidden"] == f.hidden, f.name
        if f.type == "radio":
            assert got["exportValues"] == [v for v, _ in f.options]
            assert got["value"] is None, f"{f.name} is pre-selected"
            assert all(w["hasAppearance"] for w in got["widgets"])
        else:
            assert got["value"] == f.value and got["multiline"] == f.multiline, f.name


@pytest.fixture(scope="module")
def filled(form_dir, sample, pdfjs_fill) -> tuple[FormSpec, dict[str, Any], Path]:
    spec = sample["varied"]
    values = answers(spec)
    return spec, values, pdfjs_fill(form_dir / spec.file, values)


def test_pypdf_reads_back_what_pdfjs_saved(filled, pdfjs_list, qpdf):
    spec, values, path = filled
    fields = PdfReader(path).get_fields() or {}
    for name, value in values.items():
        got = fields[name].get("/V")
        want = f"/{value}" if fields[name]["/FT"] == "/Btn" else value
        assert str(got) == want, name
    again = {f["name"]: f["value"] for f in pdfjs_list(path)["fields"]}
    assert all(again[name] == value for name, value in values.items())
    hidden = {f.name: f.value for f in spec.fields if f.hidden}
    assert {n: str(fields[n]["/V"]) for n in hidden} == hidden
    assert subprocess.run([qpdf, "--check", str(path)], capture_output=True,
                          check=False).returncode in (0, 3)  # 3: warnings only


def test_text_typed_in_pdfjs_uses_the_embedded_field_font(filled):
    spec, values, path = filled
    typed = {f.name for f in spec.fields if f.type == "text" and f.name in values}
    drawn = set()
    for page in PdfReader(path).pages:
        for ref in page.get("/Annots", ()):
            w = ref.get_object()
            name = ".".join(_names(w))
            if name not in typed:
                continue
            fonts = w["/AP"]["/N"].get_object()["/Resources"]["/Font"].values()
            assert fonts, f"{name}: no font in the saved appearance"
            for font in fonts:
                descriptor = font.get_object()["/FontDescriptor"].get_object()
                assert "/FontFile2" in descriptor, f"{name}: drawn in an unembedded font"
            drawn.add(name)
    assert drawn == typed


def _names(node: Any) -> list[str]:
    parent = node.get("/Parent")
    above = _names(parent.get_object()) if parent is not None else []
    return [*above, str(node["/T"])] if "/T" in node else above


def test_pdfium_draws_empty_rings_on_a_blank_form(form_dir, sample):
    path = form_dir / sample["area"].file
    pages = render_widgets(path)
    centres = radio_centres(path)
    assert centres
    for number, name, _, x, y in centres:
        bitmap, height = pages[number]
        assert grey(bitmap, x, y, height) > LIGHT, f"{name} looks chosen on a blank form"
        ring = min(grey(bitmap, x + dx, y, height) for dx in (-5.5, -5, -4.5, 4.5, 5, 5.5))
        assert ring < LIGHT, f"{name}: no ring drawn"


def test_pdfium_prints_the_answers_pdfjs_saved(filled):
    _, values, path = filled
    pages = render_widgets(path)
    for number, name, state, x, y in radio_centres(path):
        bitmap, height = pages[number]
        level = grey(bitmap, x, y, height)
        if values.get(name) == state:
            assert level < DARK, f"{name}={state} is not visibly chosen"
        else:
            assert level > LIGHT, f"{name}={state} looks chosen but was not"


def test_pdfium_draws_typed_text(filled):
    spec, _, path = filled
    pages = render_widgets(path)
    reader = PdfReader(path)
    first: FieldSpec = next(f for f in spec.fields if f.type == "text" and not f.hidden)
    widget = next(ref.get_object() for ref in reader.pages[0]["/Annots"]
                  if ref.get_object().get("/T") == first.name.split(".")[-1])
    x0, y0, x1, y1 = (float(v) for v in widget["/Rect"])
    bitmap, height = pages[0]
    darkest = min(grey(bitmap, x0 + dx, (y0 + y1) / 2 + dy, height)
                  for dx in range(2, int(x1 - x0) - 2) for dy in (-1.5, 0, 1.5))
    assert darkest < DARK, "typed text is not drawn"


def test_typed_letters_print_as_typed(filled, tmp_path):
    """Flatten the pdf.js-saved form with PDFium (as printing does) and read the text back:
    every Norwegian and Sámi letter was encoded in, and drawn with, the embedded font."""
    spec, values, path = filled
    doc = pdfium.PdfDocument(str(path))
    doc.init_forms()
    for page in doc:
        assert pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_PRINT) == pdfium_c.FLATTEN_SUCCESS
    doc.save(tmp_path / "flat.pdf")
    text = pdfium.PdfDocument(tmp_path / "flat.pdf")[0].get_textpage().get_text_range()
    single = [f.name for f in spec.fields if f.type == "text" and f.name in values
              and not f.multiline]
    assert single and all(values[name] in text for name in single)


def test_pdfjs_fill_refuses_unknown_values(form_dir, sample, pdfjs, tmp_path):
    spec = sample["area"]
    radio = next(f for f in spec.fields if f.type == "radio")
    (tmp_path / "v.json").write_text(json.dumps({radio.name: "ukjent"}))
    done = pdfjs("fill", str(form_dir / spec.file), str(tmp_path / "o.pdf"),
                 str(tmp_path / "v.json"))
    assert done.returncode == 2 and "ukjent" in done.stderr
