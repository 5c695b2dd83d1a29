"""Forms in every language with a translation: the same fields, files and export values as the
bokmål forms (so `collect` counts them together), and every word in that language.

Stavanger's standard ships every language it has PO files for (nynorsk, English and the
newer ones); the whole set of each is rendered once, and the slower checks (engines, page
text) run on a sample per language. A partial translation
shows the bokmål text, marked as bokmål; a standard without translations gets none.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pikepdf
import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader
from standards import OTHER, STAVANGER

from stavangerstandarden import contract as c
from stavangerstandarden.forms import form_files
from stavangerstandarden.forms.content import localized
from stavangerstandarden.formspec import FormSpec, form_specs
from stavangerstandarden.i18n import catalog as po
from stavangerstandarden.i18n.edition import Edition
from stavangerstandarden.i18n.editions import translated_editions
from stavangerstandarden.i18n.layout import Layout
from stavangerstandarden.loader import load_file
from stavangerstandarden.model import Standard
from stavangerstandarden.published import built_zip
from stavangerstandarden.typst_data import UNREVIEWED

from .test_scripts import as_extracted

KNOWN = {"nn": ("nn-NO", "Denne omsetjinga er ikkje kvalitetssikra", "Utsegn"),
         "en": ("en", "This translation has not been reviewed", "Statement")}
"""Per language: the PDF's /Lang, the «not reviewed» note and the statement column's head,
written out for the languages a Norwegian maintainer can read."""
LANGUAGES = Layout(STAVANGER).languages()
"""Every language Stavanger's standard ships (its PO files)."""


def expected(language: str) -> tuple[str, str, str]:
    """KNOWN's triple; for another language what its catalogue says (/Lang from its
    `Language` header, BCP 47)."""
    if language in KNOWN:
        return KNOWN[language]
    loc = localized(language)
    return ("-".join(filter(None, (language, loc.region))), loc.gettext(UNREVIEWED),
            loc.gettext("Utsagn"))


def lang_specs(edition: Edition) -> tuple[FormSpec, ...]:
    return form_specs(edition.standard, localized(edition.language))


def pdf_fields(data: bytes) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Field name → (type, export values) as pypdf reads them from the PDF."""
    fields = PdfReader(io.BytesIO(data)).get_fields() or {}
    return {name: (str(f.get("/FT")), tuple(sorted(str(s) for s in f.get("/_States_", ())
                                                   if s != "/Off")))
            for name, f in fields.items() if "/Kids" not in f or f.get("/FT") == "/Btn"}


def page_text(data: bytes) -> str:
    """Every page's text as PDFium extracts it, line breaks and spaces squashed to one."""
    pdf = pdfium.PdfDocument(data)
    return " ".join(" ".join(pdf[i].get_textpage().get_text_range().split())
                    for i in range(len(pdf)))


def test_stavanger_ships_every_language_it_has_po_files_for(
        editions: dict[str, Edition]) -> None:
    assert sorted(editions) == sorted(LANGUAGES)
    assert set(KNOWN) <= set(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_same_files_fields_and_export_values_as_bokmal(
        language: str, files: dict[str, bytes], lang_files: dict[str, Mapping[str, bytes]],
        specs: tuple[FormSpec, ...], editions: dict[str, Edition]) -> None:
    translated = lang_files[language]
    # A language no release published a ZIP for has none (its Skjema page makes it).
    assert sorted(translated) == sorted(
        p for p in files if built_zip(language) or not p.endswith(".zip"))
    for ours, theirs in zip(specs, lang_specs(editions[language]), strict=True):
        assert theirs.file == ours.file
        assert [(f.name, f.type, [v for v, _ in f.options], f.multiline, f.max_length)
                for f in theirs.fields] == [
                    (f.name, f.type, [v for v, _ in f.options], f.multiline, f.max_length)
                    for f in ours.fields]
        assert {f.name: f.value for f in theirs.fields if f.hidden} == {
            **{f.name: f.value for f in ours.fields if f.hidden}, "skjema.sprak": language}
    for path in (specs[0].file, specs[-1].file):
        assert pdf_fields(translated[path]) == pdf_fields(files[path])


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_form_speaks_its_language(language: str, lang_files: dict[str, Mapping[str, bytes]],
                                      editions: dict[str, Edition]) -> None:
    lang, note, statement_word = expected(language)
    edition = editions[language]
    spec = lang_specs(edition)[0]
    data = lang_files[language][spec.file]
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert str(pdf.Root.Lang) == lang
        assert str(pdf.docinfo["/Title"]) == spec.title
        hidden = {str(f.T): str(f.V) for node in pdf.Root.AcroForm.Fields
                  if str(node.T) == c.FORM_PREFIX for f in node.Kids}
        tooltips = [str(a.get("/TU", a.get("/Parent", {}).get("/TU", "")))
                    for page in pdf.pages for a in page.obj.get("/Annots", [])]
    assert hidden["sprak"] == language
    area = spec.area
    assert area is not None
    first = area.statements[0]
    step = edition.standard.scale[0].label
    assert f"{first.text_for(spec.level.id)}: {step}" in tooltips
    assert spec.title.startswith(edition.standard.meta.form_title)
    text = page_text(data)
    rtl = localized(language).direction == "rtl"
    for word in (area.title, first.text_for(spec.level.id), statement_word, note,
                 localized(language).gettext("Side {page} av {total}").format(page=1, total=2)):
        assert any(w in text for w in as_extracted(word, rtl)), word
    assert "Utsagn" not in text


def test_bokmal_forms_have_no_note_and_no_translated_words(files: dict[str, bytes],
                                                          specs: tuple[FormSpec, ...]) -> None:
    text = page_text(files[specs[0].file])
    assert "Utsagn" in text and "Side 1 av 2" in text
    assert not any(expected(lang)[1] in text for lang in LANGUAGES)
    assert "kvalitetssikret" not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_manifest_lists_each_forms_language(language: str, files: dict[str, bytes],
                                            lang_files: dict[str, Mapping[str, bytes]]) -> None:
    bokmal = json.loads(files[c.MANIFEST])
    manifest = json.loads(lang_files[language][c.MANIFEST])
    assert {f["language"] for f in bokmal["forms"]} == {"nb"}
    assert {f["language"] for f in manifest["forms"]} == {language}
    assert [f["file"] for f in manifest["forms"]] == [f["file"] for f in bokmal["forms"]]


def test_a_standard_without_translations_has_bokmal_forms_only() -> None:
    other = load_file(OTHER)
    assert translated_editions(other) == ()


Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_engines_read_the_same_fields_in_every_language(
        language: str, sample: dict[str, FormSpec], files: dict[str, bytes],
        lang_files: dict[str, Mapping[str, bytes]], qpdf: str,
        pdfjs_list: Callable[[Path], dict[str, Any]], tmp_path: Path) -> None:
    """qpdf finds no damage, and pdf.js sees the same field names and types as in bokmål."""
    for key, spec in sample.items():
        ours, theirs = tmp_path / f"{key}-nb.pdf", tmp_path / f"{key}-{language}.pdf"
        ours.write_bytes(files[spec.file])
        theirs.write_bytes(lang_files[language][spec.file])
        check = subprocess.run([qpdf, "--check", str(theirs)], capture_output=True, text=True,
                               check=False)
        assert check.returncode == 0, check.stdout + check.stderr

        def shape(path: Path) -> list[tuple[str, str]]:
            return sorted((f["name"], f["type"]) for f in pdfjs_list(path)["fields"])
        assert shape(theirs) == shape(ours)


@pytest.fixture(scope="module")
def partial(tmp_path_factory: pytest.TempPathFactory) -> tuple[Standard, Edition, str]:
    """Stavanger's standard with one statement's nynorsk translation removed."""
    root = tmp_path_factory.mktemp("delvis") / "framework"
    shutil.copytree(STAVANGER.parent, root)
    po_file = root / "oversettelser" / "nn.po"
    catalog = po.read(po_file)
    entry = next(m for m in catalog
                 if m.context == "areas/gode-relasjoner/statements/relasjoner-matpakker/text")
    entry.string = ""
    po_file.write_bytes(po.dumps(catalog))
    standard = load_file(root / STAVANGER.name)
    edition = next(e for e in translated_editions(standard) if e.language == "nn")
    statement = next(s for s in standard.statements if s.id == "relasjoner-matpakker")
    return standard, edition, statement.text


def test_a_missing_translation_shows_the_bokmal_text_marked_as_bokmal(
        partial: tuple[Standard, Edition, str]) -> None:
    standard, edition, bokmal = partial
    assert bokmal in edition.fallback
    spec = next(s for s in lang_specs(edition) if s.area and s.area.id == "gode-relasjoner")
    data = form_files(standard, None, edition).pdfs[spec.file]
    text = page_text(data)
    assert bokmal in text, "the untranslated statement is shown in bokmål"
    assert "Foreldra våre snakkar positivt" in text, "the others stay nynorsk"
    assert "Denne omsetjinga er ikkje kvalitetssikra" in text
    with pikepdf.open(io.BytesIO(data)) as pdf:
        languages = {str(e.Lang) for e in _struct_elements(pdf.Root.StructTreeRoot)
                     if "/Lang" in e}
    assert "nb-NO" in languages or "nb" in languages


def _struct_elements(node: pikepdf.Object) -> list[pikepdf.Object]:
    found = []
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, pikepdf.Dictionary):
            found.append(item)
            kids = item.get("/K")
            if isinstance(kids, pikepdf.Array):
                stack.extend(kids)
            elif isinstance(kids, pikepdf.Dictionary):
                stack.append(kids)
    return found
