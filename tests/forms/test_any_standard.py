"""What holds for the forms of any standard (Stavanger's, another's, generated ones with 2 to
7 steps, 1 to 12 levels, 1 to 15 statements an area): every statement is on its form, the
fields are exactly those skjema.json publishes, and each step's column head carries its own
words inside its own column, so the steps read apart without colour and nothing overlaps."""

from __future__ import annotations

import io
import json
import re

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from stavangerstandarden import contract as c
from stavangerstandarden.forms import form_files
from stavangerstandarden.formspec import FormSpec, form_specs
from stavangerstandarden.model import Standard

MARGIN_X = 16 * 72 / 25.4
"""The template's left and right margin, in points."""
STATEMENT_SHARE = 0.35
"""The statement column keeps at least this share of the text width at any number of steps."""
SLACK = 0.5

STATEMENT_WORD = "Utsagn"
"""The bokmål head of the statement column (a message id in the template)."""


def squash(text: str) -> str:
    """Letters and digits only: line breaks, hyphenation and spacing differ on the page."""
    return re.sub(r"\W+", "", text)


@pytest.fixture(scope="session")
def any_files(any_standard: Standard) -> dict[str, bytes]:
    return form_files(any_standard).files()


def sample(standard: Standard) -> list[FormSpec]:
    """The first area form and the complete form of the last level."""
    specs = form_specs(standard)
    return [specs[0], next(s for s in reversed(specs) if s.area is None)]


def test_every_statement_step_and_label_is_on_its_form(any_standard: Standard,
                                                 any_files: dict[str, bytes]) -> None:
    for spec in form_specs(any_standard):
        doc = pdfium.PdfDocument(any_files[spec.file])
        text = squash("".join(page.get_textpage().get_text_range() for page in doc))
        for area, pairs in spec.statements:
            assert squash(area.title) in text, (spec.file, area.id)
            for statement, shown in pairs:
                assert squash(shown) in text, (spec.file, statement.id)
        for step in any_standard.scale:
            assert squash(step.label) in text, (spec.file, step.id)
        for f in spec.fields:
            if f.name.startswith("meta."):
                assert squash(f.label) in text, (spec.file, f.name)
        for area in {a for _, a in spec.action_rows if a}:
            rows = sum(a == area for _, a in spec.action_rows)
            assert text.count(squash(area.title)) >= 1 + rows, (spec.file, area.id)


def test_every_form_has_exactly_the_fields_of_the_manifest(any_files: dict[str, bytes]) -> None:
    manifest = json.loads(any_files[c.MANIFEST])
    for form in manifest["forms"]:
        every = PdfReader(io.BytesIO(any_files[form["file"]])).get_fields() or {}
        fields = {name: f for name, f in every.items() if "/FT" in f}
        assert sorted(fields) == sorted(f["name"] for f in form["fields"]), form["file"]
        for f in form["fields"]:
            got = fields[f["name"]]
            assert got.get("/TU") == f["label"], (form["file"], f["name"])
            if f["type"] == "radio":
                states = {str(s).lstrip("/") for s in got.get("/_States_", [])} - {"Off"}
                assert states == {o["value"] for o in f["options"]}, (form["file"], f["name"])
            if f.get("hidden"):
                assert got.get("/V") == f["value"], (form["file"], f["name"])


def column_edges(pdf: bytes, first: str) -> list[float]:
    """x of every column border of a statements table, from the buttons of its first
    statement: buttons sit centred in equally wide step columns."""
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    centres = sorted(
        (float(w["/Rect"][0]) + float(w["/Rect"][2])) / 2
        for w in (a.get_object() for a in page["/Annots"])
        if "/Parent" in w and w["/Parent"].get_object().get("/T") == first)
    step = centres[1] - centres[0]
    return [MARGIN_X, *(x - step / 2 for x in centres), centres[-1] + step / 2]


def head_rows(pdf: bytes, first: str) -> list[tuple[float, float, float, float, str]]:
    """Text runs in the table head: from the head word's top down to the first buttons
    (with, in the statement column, the top lines of the first statement)."""
    page = pdfium.PdfDocument(pdf)[0]
    text = page.get_textpage()
    runs = [(*text.get_rect(i), "") for i in range(text.count_rects())]
    runs = [(x0, y0, x1, y1, text.get_text_bounded(x0, y0, x1, y1)) for x0, y0, x1, y1, _ in runs]
    head = next(r for r in runs if r[4].strip() == STATEMENT_WORD)
    buttons = PdfReader(io.BytesIO(pdf)).pages[0]["/Annots"]
    top = max(float(w.get_object()["/Rect"][3]) for w in buttons
              if w.get_object().get("/Parent", {}).get("/T") == first)
    return [r for r in runs if top < (r[1] + r[3]) / 2 <= head[3] + 6]


def test_step_heads_sit_in_their_own_columns(any_standard: Standard,
                                             any_files: dict[str, bytes]) -> None:
    for spec in sample(any_standard):
        pdf = any_files[spec.file]
        first = spec.statements[0][1][0][0].id
        edges = column_edges(pdf, first)
        assert len(edges) == len(any_standard.scale) + 2
        assert edges[1] - edges[0] >= STATEMENT_SHARE * (edges[-1] - edges[0]), spec.file
        words: list[str] = ["" for _ in edges[1:]]
        for x0, _, x1, _, run in head_rows(pdf, first):
            column = next((i for i in range(len(words))
                           if edges[i] - SLACK <= x0 and x1 <= edges[i + 1] + SLACK), None)
            assert column is not None, f"{spec.file}: «{run}» crosses a column border"
            words[column] += run
        # The statement column may also hold the top of the first statement's text.
        assert squash(words[0]).startswith(STATEMENT_WORD), spec.file
        assert [squash(w) for w in words[1:]] == [
            squash(s.label) for s in any_standard.scale], spec.file
