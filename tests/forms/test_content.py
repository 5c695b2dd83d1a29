"""What the forms say comes from the model: level texts only on their levels, the files,
ZIP and manifest agree, the same source gives the same bytes, and a letter the font cannot
draw stops the build with a message that points at the YAML line."""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import subprocess
import sys
import zipfile
from dataclasses import replace

import pypdfium2 as pdfium
import pytest
from standards import STAVANGER

from stavangerstandarden import contract as c
from stavangerstandarden.fonttable import drawable
from stavangerstandarden.forms import content as form_words
from stavangerstandarden.forms import form_files, render_form
from stavangerstandarden.forms.bundle import zip_forms
from stavangerstandarden.forms.content import localized
from stavangerstandarden.formspec import ACTION_ROW, ACTION_ROW_OF_AREA, ALL_AREAS, form_specs
from stavangerstandarden.i18n.ui import ui_languages
from stavangerstandarden.model import LevelText, Standard
from stavangerstandarden.problems import InvalidSource
from stavangerstandarden.typst_data import UNREVIEWED

SOURCE = STAVANGER


def page_text(pdf: bytes) -> str:
    doc = pdfium.PdfDocument(pdf)
    return re.sub(r"\s+", " ", " ".join(p.get_textpage().get_text_range() for p in doc))


def level_text_cases(standard: Standard) -> list[tuple[str, str, LevelText]]:
    return [(a.id, s.id, lt) for a in standard.areas for s in a.statements
            for lt in s.level_texts]


def test_level_texts_appear_exactly_on_their_levels(standard, specs, files):
    cases = level_text_cases(standard)
    assert cases, "the source has no level-specific text to test"
    for area_id, _, extra in cases:
        for spec in specs:
            if spec.area is not None and spec.area.id != area_id:
                continue
            shown = re.sub(r"\s+", " ", extra.text) in page_text(files[spec.file])
            assert shown == (spec.level.id in extra.levels), (spec.file, extra.text)


def test_level_texts_follow_the_model_not_the_code(standard):
    area_id, statement_id, extra = level_text_cases(standard)[0]
    last = standard.levels[-1].id
    moved = replace(extra, levels=(last,), text="Denne setningen gjelder bare siste nivå")

    def patch(statement):
        return replace(statement, level_texts=(moved,)) if statement.id == statement_id \
            else statement
    areas = tuple(replace(a, statements=tuple(patch(s) for s in a.statements))
                  for a in standard.areas)
    changed = replace(standard, areas=areas)
    specs = [s for s in form_specs(changed) if s.area and s.area.id == area_id]
    for spec in (specs[0], specs[-1]):
        shown = moved.text in page_text(render_form(changed, spec))
        assert shown == (spec.level.id == last)


def test_files_zip_and_manifest_agree(standard, specs, files):
    pdfs = {path: data for path, data in files.items() if path.endswith(".pdf")}
    assert sorted(pdfs) == sorted(s.file for s in specs)
    assert all(data.startswith(b"%PDF-") for data in pdfs.values())
    manifest = json.loads(files[c.MANIFEST])
    assert [f["file"] for f in manifest["forms"]] == [s.file for s in specs]
    assert manifest["version"] == standard.meta.version
    with zipfile.ZipFile(io.BytesIO(files[c.zip_file(standard)])) as archive:
        assert sorted(archive.namelist()) == sorted(p.split("/")[-1] for p in pdfs)
        for path, data in pdfs.items():
            assert archive.read(path.split("/")[-1]) == data
    assert set(files) == {*pdfs, c.MANIFEST, c.zip_file(standard)}


def test_same_source_same_bytes_serial_or_parallel(standard, specs, files):
    for spec in (specs[0], specs[-1]):
        once, twice = render_form(standard, spec), render_form(standard, spec)
        assert once == twice == files[spec.file], spec.file
    pdfs = {s.file: files[s.file] for s in specs}
    assert zip_forms(pdfs) == zip_forms(dict(reversed(pdfs.items()))) == files[
        c.zip_file(standard)]


def test_same_bytes_in_fresh_processes_with_other_hash_seeds(specs, files):
    script = ("import hashlib, sys; from pathlib import Path; "
              "from stavangerstandarden.loader import load_file; "
              "from stavangerstandarden.formspec import form_specs; "
              "from stavangerstandarden.forms import render_form; "
              f"st = load_file(Path({str(SOURCE)!r})); "
              "print(hashlib.sha256(render_form(st, form_specs(st)[0])).hexdigest())")
    want = hashlib.sha256(files[specs[0].file]).hexdigest()
    for seed in ("1", "2"):
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                              check=True, env={**os.environ, "PYTHONHASHSEED": seed})
        assert done.stdout.strip() == want, f"PYTHONHASHSEED={seed}"


def test_a_letter_the_font_lacks_is_a_build_error_at_its_line(standard):
    area = standard.areas[1]
    bad = replace(area.statements[0], text=area.statements[0].text + " ☃", line=123)
    areas = tuple(replace(a, statements=(bad, *a.statements[1:])) if a is area else a
                  for a in standard.areas)
    with pytest.raises(InvalidSource) as caught:
        form_files(replace(standard, areas=areas))
    assert [str(p) for p in caught.value.problems] == [
        f"{standard.source}:123: feil: areas[1].statements[0].text: tegnet «☃» (U+2603) "
        "finnes ikke i skriften Noto Sans og ville blitt en tom rute i skjemaet\n"
        "    tips: bytt ut tegnet i kilden, eller legg en skrift som har det i "
        "stavangerstandarden/fonts/"
    ]


@pytest.mark.parametrize("language", ("nb", *ui_languages()))
def test_fixed_words_of_the_form_are_drawable_in_every_language(language: str) -> None:
    ids = [label for _, label in (*c.META_FIELDS, *c.ACTION_PARTS, *c.IDENTITY_FIELDS)]
    ids += [ALL_AREAS, ACTION_ROW, ACTION_ROW_OF_AREA, UNREVIEWED,
            *form_words.TEMPLATE_WORDS]
    words = [localized(language).gettext(i) for i in ids]
    assert "Side {page} av {total}" in ids and "Utsagn" in ids
    assert all(ord(ch) in drawable(language) for word in words for ch in word if not ch.isspace())
