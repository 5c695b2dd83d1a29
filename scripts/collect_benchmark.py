"""The 1,000-forms goal, as a function the project's benchmark script calls.

Renders every form and fills each once with pypdf (answers from a seeded generator) as an
incremental update, the way pdf.js and Acrobat save, so the renderer's object streams are
read too. Then writes `n` distinct files: copy k of a filled form differs only in the second
half of the trailer's /ID, which a viewer rewrites on every save, so none is a duplicate.
`stavangerstandarden collect` is timed on that folder, from reading the source to the report.
"""

from __future__ import annotations

import contextlib
import io
import random
import re
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from stavangerstandarden.collect.command import run
from stavangerstandarden.forms import render_forms
from stavangerstandarden.formspec import FormSpec, form_specs
from stavangerstandarden.loader import load_file

_ID = re.compile(rb"/ID\s*\[\s*<[0-9A-Fa-f]+>\s*<([0-9A-Fa-f]+)>\s*\]")


def time_collect(source: Path, n: int = 1000) -> float:
    """Seconds `stavangerstandarden collect` takes for `n` filled forms in one folder."""
    standard = load_file(source)
    specs = form_specs(standard)
    filled = [fill(pdf, answers(spec, seed))
              for seed, (spec, pdf) in enumerate(zip(specs, render_forms(standard, specs),
                                                     strict=True))]
    with tempfile.TemporaryDirectory() as tmp:
        inbox = Path(tmp) / "innboks"
        inbox.mkdir()
        for k in range(n):
            (inbox / f"skjema-{k:05}.pdf").write_bytes(unique_copy(filled[k % len(filled)], k))
        start = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            status = run([inbox], Path(tmp) / "ut", source)
        elapsed = time.perf_counter() - start
    if status != 0:
        raise RuntimeError(f"collect exited {status} on generated forms")
    return elapsed


def answers(spec: FormSpec, seed: int) -> dict[str, str]:
    rnd = random.Random(seed)
    values = {f.name: rnd.choice([v for v, _ in f.options])
              for f in spec.fields if f.type == "radio" and rnd.random() < 0.9}
    values.update({"meta.klasse": f"{seed % 7 + 1}A", "tiltak.1.tiltak": f"Tiltak {seed}"})
    return values


def fill(pdf: bytes, values: dict[str, str]) -> bytes:
    reader = PdfReader(io.BytesIO(pdf))
    radios = {name for name, f in (reader.get_fields() or {}).items() if f.get("/FT") == "/Btn"}
    writer = PdfWriter(io.BytesIO(pdf), incremental=True)
    writer.update_page_form_field_values(
        None, {k: f"/{v}" if k in radios else v for k, v in values.items()},
        auto_regenerate=False)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def unique_copy(pdf: bytes, k: int) -> bytes:
    """The same PDF with the second file identifier replaced (same length, so every byte
    offset stays valid)."""
    match = _ID.search(pdf)
    if match is None:
        raise ValueError("PDF has no /ID in its trailer")
    width = len(match[1])
    new = f"{k:0{width}x}".encode()[-width:]
    return pdf[: match.start(1)] + new + pdf[match.end(1):]
