"""The 1,000-forms goal (≤ 3 s wall on 2 cores) and the reader's cost per form, as functions
the project's benchmark script calls.

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
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from stavangerstandarden.collect.command import run
from stavangerstandarden.collect.pdfform import read_form
from stavangerstandarden.forms import render_forms
from stavangerstandarden.formspec import FormSpec, form_specs
from stavangerstandarden.loader import load_file

_ID = re.compile(rb"/ID\s*\[\s*<[0-9A-Fa-f]+>\s*<([0-9A-Fa-f]+)>\s*\]")


def filled_forms(source: Path) -> list[bytes]:
    """Every form of the standard, filled once."""
    standard = load_file(source)
    specs = form_specs(standard)
    return [fill(pdf, answers(spec, seed))
            for seed, (spec, pdf) in enumerate(zip(specs, render_forms(standard, specs),
                                                   strict=True))]


def time_reader(source: Path, rounds: int = 5) -> tuple[float, float, float]:
    """CPU milliseconds a form, one core: our reader on pikepdf (the command line's engine)
    and on pypdf (the browser's, here in CPython), and pypdf's get_fields() for comparison
    (the cost of the reader before it moved to pikepdf). CPU time, so the figures hold on a
    busy machine too."""
    filled = filled_forms(source)

    def per_form(read: Callable[[bytes], object]) -> float:
        start = time.process_time()
        for _ in range(rounds):
            for data in filled:
                read(data)
        return (time.process_time() - start) * 1000 / (rounds * len(filled))

    return (per_form(read_form),
            per_form(lambda data: read_form(data, "pypdf")),
            per_form(lambda data: PdfReader(io.BytesIO(data)).get_fields()))


def time_collect(source: Path, n: int = 1000) -> tuple[float, float]:
    """Seconds `stavangerstandarden collect` takes for `n` filled forms in one folder: wall
    time, and CPU time of this process and its readers (what it would take on an idle
    machine, summed over the cores)."""
    filled = filled_forms(source)
    with tempfile.TemporaryDirectory() as tmp:
        inbox = Path(tmp) / "innboks"
        inbox.mkdir()
        for k in range(n):
            (inbox / f"skjema-{k:05}.pdf").write_bytes(unique_copy(filled[k % len(filled)], k))
        cpu = _cpu()
        start = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            status = run([inbox], Path(tmp) / "ut", source)
        elapsed = time.perf_counter() - start
        cpu = _cpu() - cpu
    if status != 0:
        raise RuntimeError(f"collect exited {status} on generated forms")
    return elapsed, cpu


def _cpu() -> float:
    return sum(u.ru_utime + u.ru_stime for u in (resource.getrusage(resource.RUSAGE_SELF),
                                                  resource.getrusage(resource.RUSAGE_CHILDREN)))


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
