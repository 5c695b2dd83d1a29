"""The two PDF engines read the same answers: pikepdf (the command line) and pypdf (the
browser, under Pyodide, which has neither pikepdf nor `resource`)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import textwrap
from dataclasses import asdict
from pathlib import Path

import pypdf
import pytest
import tools
from pypdf import PdfReader, PdfWriter
from standards import STAVANGER, picks

from stavangerstandarden.collect.pdfengine import ENCRYPTION_UNSUPPORTED
from stavangerstandarden.collect.pdfform import RawForm, read_form
from stavangerstandarden.loader import load_file

ROOT = Path(__file__).resolve().parents[2]
PYODIDE_READ = ROOT / "tests" / "collect" / "pyodide_read.mjs"
STANDARD = load_file(STAVANGER)
P = picks(STANDARD)
CASES = [(P.area.id, P.level.id), (P.varied_area.id, P.varied_level),
         (None, STANDARD.levels[0].id)]
"""An area form, a form with level-specific text and the complete, multi-page form."""


def spec_of(specs, area, level):
    return next(s for s in specs
                if (s.area.id if s.area else None) == area and s.level.id == level)


def corpus(tmp_path, specs, real_form, engines, answers, builder, fill) -> dict[str, bytes]:
    """Real forms filled by every engine of the round trips (pypdf, pdf.js, PDFium, pypdf
    then rewritten by qpdf), a form saved twice by pdf.js (an incremental update) and the
    three ways macOS Preview saves a chosen radio button."""
    files: dict[str, bytes] = {}
    for seed, (area, level) in enumerate(CASES):
        values = answers(spec_of(specs, area, level), seed)
        for name, fill_with in engines.items():
            files[f"{name}/{area or 'alle'}-{level}"] = fill_with(real_form(area, level), values,
                                                                  tmp_path)
    pdfjs = engines["pdfjs"]
    once = pdfjs(real_form(P.area.id, P.level.id), {P.second.id: P.low}, tmp_path)
    files["pdfjs/to-ganger"] = pdfjs(once, {P.second.id: P.high, "tiltak.1.tiltak": "Endelig"},
                                     tmp_path)
    for keep_in_kids, in_fields in [(True, False), (False, True), (False, False)]:
        form = builder()
        for statement, step in ((P.second.id, P.mid), (P.third.id, P.low)):
            form.choose(statement, step)
            form.preview_save(statement, keep_in_kids=keep_in_kids, in_fields=in_fields)
        files[f"preview/{keep_in_kids}-{in_fields}"] = fill(form.bytes(), {"meta.klasse": "2C"})
    return files


def test_both_engines_read_the_same_forms(tmp_path, specs, real_form, engines, answers,
                                          builder, fill):
    """The proof that the browser's summary and the command line's count the same answers."""
    files = corpus(tmp_path, specs, real_form, engines, answers, builder, fill)
    for name, data in files.items():
        pikepdf_form, pypdf_form = read_form(data, "pikepdf"), read_form(data, "pypdf")
        assert pikepdf_form == pypdf_form, name
        assert any(pikepdf_form.choices.values()), name
        assert not pikepdf_form.repaired, name
    assert read_form(files["pdfjs/to-ganger"], "pypdf").choices[P.second.id] == P.high
    assert read_form(files["pdfium/alle-" + CASES[2][1]], "pypdf").texts[
        "tiltak.1.tiltak"].count("\n") == 1


def test_pyodide_reads_the_same_forms(tmp_path, specs, real_form, engines, answers, builder,
                                      fill):
    """The reader on pypdf inside Pyodide (CPython on WebAssembly, as in the browser) reads
    every form of the shared corpus as pikepdf does on the command line."""
    node = tools.need("node")
    tools.need_path(ROOT / "node_modules" / "pyodide" / "pyodide.mjs", "Pyodide (npm: pyodide)")
    forms = tmp_path / "skjemaer"
    forms.mkdir()
    expected = {}
    for name, data in corpus(tmp_path, specs, real_form, engines, answers, builder,
                             fill).items():
        file = name.replace("/", "-") + ".pdf"
        (forms / file).write_bytes(data)
        form = read_form(data, "pikepdf")
        expected[file] = ["", [form.texts, form.choices, form.repaired]]
    run = subprocess.run([node, str(PYODIDE_READ), str(Path(pypdf.__file__).parent),
                          str(ROOT / "generator"), str(forms)],
                         capture_output=True, text=True, timeout=300, check=False, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    got = json.loads(run.stdout)
    assert got["python"].startswith("3.1")
    assert got["imported"] == []
    assert got["files"] == expected
    assert got["ms_per_form"] < 1000


PYODIDE_LIKE = """
import json, sys
from pathlib import Path
for missing in {missing}:
    sys.modules[missing] = None  # importing it now raises ImportError, as under Pyodide
from stavangerstandarden.collect import form, inputs, pdfform, tally
reads = inputs.read_all([Path(p) for p in sys.argv[1:]], workers=1, engine="pypdf")
print(json.dumps([[r.reason, r.form and [r.form.texts, r.form.choices, r.form.repaired]]
                  for r in reads]))
"""
"""Reads the files named on its command line with pypdf, where some modules cannot be
imported; prints each file's reason and raw form."""


def read_without(missing: list[str], *files) -> list[list]:
    code = textwrap.dedent(PYODIDE_LIKE).format(missing=missing)
    run = subprocess.run([sys.executable, "-c", code, *map(str, files)], capture_output=True,
                         text=True, timeout=60, check=False)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_reads_without_pikepdf_and_resource(tmp_path, real_form, fill):
    values = {P.second.id: P.mid, "tiltak.1.tiltak": "Foreldrekaffe\nmed tolk",
              "meta.klasse": "3B"}
    path = tmp_path / "skjema.pdf"
    path.write_bytes(fill(real_form(P.area.id, P.level.id), values))
    expected = read_form(path.read_bytes(), "pikepdf")
    [(reason, raw)] = read_without(["pikepdf", "resource"], path)
    assert reason == ""
    assert RawForm(*raw) == expected
    assert expected.choices[P.second.id] == P.mid
    assert expected.texts["tiltak.1.tiltak"] == "Foreldrekaffe\nmed tolk"


@pytest.mark.parametrize("algorithm", ["AES-128", "AES-256"])
def test_aes_without_a_crypto_library_gives_a_reason(tmp_path, make_form, algorithm):
    """pypdf needs `cryptography` (or PyCryptodome) for AES; without one the file is not
    counted, with a reason, and the next file is still read."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_form(answers={P.second.id: P.mid}))))
    writer.encrypt(user_password="", owner_password="eier", algorithm=algorithm)
    encrypted, plain = tmp_path / "kryptert.pdf", tmp_path / "vanlig.pdf"
    writer.write(encrypted)
    plain.write_bytes(make_form(answers={P.second.id: P.low}))
    assert read_form(encrypted.read_bytes(), "pypdf").choices[P.second.id] == P.mid
    first, second = read_without(["cryptography", "Cryptodome"], encrypted, plain)
    assert first == [ENCRYPTION_UNSUPPORTED, None]
    assert second[1][1][P.second.id] == P.low
    assert asdict(read_form(plain.read_bytes(), "pypdf"))["choices"] == second[1][1]
