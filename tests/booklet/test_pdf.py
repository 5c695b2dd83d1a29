"""The booklet as a reader and a screen reader get it: tagged, bookmarked, real text, every
statement, embedded fonts with no empty glyph, the language and the title set."""

from __future__ import annotations

import dataclasses
import io
import subprocess

import pikepdf
import pytest
from pypdf import PdfReader
from standards import ROOT, STANDARDS
from tools import need

from stavangerstandarden.booklet.files import booklet_files
from stavangerstandarden.booklet.render import render_booklet
from stavangerstandarden.i18n.edition import source_edition
from stavangerstandarden.i18n.ui import Localized
from stavangerstandarden.loader import check, load, load_file
from stavangerstandarden.problems import InvalidSource
from stavangerstandarden.typst_data import UNREVIEWED

from .conftest import CASES, SOURCES, Booklet, editions_of, found, normalize

EARLIER = ROOT / "tests" / "fixtures" / "utgave-2026-11-23.yaml"
"""A source as the first release wrote it, before later optional keys."""


def test_every_built_language_is_covered() -> None:
    built = {f"{name}-{e.language}" for name in STANDARDS for e in editions_of(name)}
    assert built == set(CASES)


def _elements(root: pikepdf.Object) -> list[pikepdf.Dictionary]:
    found, stack = [], [root]
    while stack:
        node = stack.pop()
        if isinstance(node, pikepdf.Array):
            stack.extend(node)
        elif isinstance(node, pikepdf.Dictionary):
            if "/S" in node:
                found.append(node)
            if "/K" in node:
                stack.append(node.K)
    return found


def test_tagged_structure(booklet: Booklet) -> None:
    standard = booklet.edition.standard
    with pikepdf.open(io.BytesIO(booklet.pdf)) as pdf:
        assert pdf.Root.MarkInfo.Marked is True
        tags = [str(e.S) for e in _elements(pdf.Root.StructTreeRoot)]
        figures = [e for e in _elements(pdf.Root.StructTreeRoot) if e.S == "/Figure"]
        xmp = pdf.open_metadata()
        assert xmp.get("pdfuaid:part") == "1"
    assert tags.count("/H1") >= len(standard.areas) + 1  # a chapter per area and more
    assert {"/H2", "/P", "/L", "/LI", "/TOC"} <= set(tags)
    assert [str(f.Alt) for f in figures] and all(
        area.title in str(figures[0].Alt) for area in standard.areas)


def test_language_and_title(booklet: Booklet) -> None:
    loc = Localized.for_language(booklet.edition.language)
    meta = booklet.edition.standard.meta
    with pikepdf.open(io.BytesIO(booklet.pdf)) as pdf:
        assert str(pdf.Root.Lang) == (f"{loc.language}-{loc.region}" if loc.region
                                      else loc.language)
        assert str(pdf.docinfo.Title) == f"{meta.title}: {meta.subtitle}"
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        assert [float(v) for v in pdf.pages[0].MediaBox[2:]] == pytest.approx([595.28, 841.89],
                                                                             abs=0.5)  # A4


def test_bookmarks_are_the_areas(booklet: Booklet) -> None:
    """Each area is a top-level bookmark, in order, leading to the page where it starts."""
    standard = booklet.edition.standard
    reader = PdfReader(io.BytesIO(booklet.pdf))
    top = [item for item in reader.outline if not isinstance(item, list)]
    titles = [item.title for item in top]
    areas = [a.title for a in standard.areas]
    at = [titles.index(title) for title in areas]
    assert at == sorted(at)
    for area, index in zip(standard.areas, at, strict=True):
        page = reader.get_destination_page_number(top[index]) + 1
        text = booklet.text(page, page)
        assert found(area.title, text, booklet.rtl)
        assert found(area.statements[0].text, text, booklet.rtl)


def test_every_statement_is_real_text(booklet: Booklet) -> None:
    """Copy-paste gives each statement (and each level's addition) in whole words."""
    standard = booklet.edition.standard
    text = booklet.text()
    missing = [s.id for s in standard.statements
               if not found(s.text, text, booklet.rtl)
               or any(not found(lt.text, text, booklet.rtl) for lt in s.level_texts)]
    assert missing == []


def test_the_rest_of_the_standard_is_in_it(booklet: Booklet) -> None:
    s = booklet.edition.standard
    texts = [s.meta.title, s.meta.version, s.meta.adopted, *s.introduction.paragraphs,
             *s.model.paragraphs, *s.guidance.paragraphs, s.guidance.rating_hint,
             *(step.text for step in s.guidance.steps), *(step.label for step in s.scale),
             *(a.description for a in s.areas), s.legal.lead, *s.legal.references,
             *(p for section in s.legal.sections for p in section.paragraphs),
             *(r.text for r in s.legal.rights)]
    text = booklet.text()
    assert [t for t in texts if not found(t, text, booklet.rtl)] == []


def test_fonts_embedded_and_no_empty_glyph(booklet: Booklet) -> None:
    fonts = subprocess.run([need("pdffonts"), str(booklet.path)], capture_output=True,
                           text=True, check=True, timeout=60).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts)  # the «emb» column
    assert "\ufffd" not in booklet.text()
    assert _notdef_shown(booklet.pdf) == 0


def _notdef_shown(data: bytes) -> int:
    """How often a page shows glyph 0 (.notdef, an empty box): Typst writes its fonts as
    Identity-H CID fonts, two bytes a glyph."""
    shown = 0
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            for operands, operator in pikepdf.parse_content_stream(page):
                if str(operator) not in ("Tj", "TJ"):
                    continue
                for item in operands[0] if str(operator) == "TJ" else operands:
                    if isinstance(item, pikepdf.String):
                        raw = bytes(item)
                        shown += sum(raw[i:i + 2] == b"\0\0" for i in range(0, len(raw), 2))
    return shown


def test_unreviewed_translation_says_so(booklet: Booklet) -> None:
    edition = booklet.edition
    note = Localized.for_language(edition.language).gettext(UNREVIEWED)
    assert found(note, booklet.text(), booklet.rtl) == bool(edition.unreviewed or edition.outdated)


def test_a_character_the_font_lacks_is_reported_at_its_line() -> None:
    standard = load_file(SOURCES["annen-kommune"])
    intro = standard.introduction
    broken = dataclasses.replace(standard, introduction=dataclasses.replace(
        intro, paragraphs=(*intro.paragraphs[:-1], intro.paragraphs[-1] + " 漢")))
    edition = dataclasses.replace(editions_of("annen-kommune")[0], standard=broken)
    with pytest.raises(InvalidSource) as raised:
        booklet_files(edition)
    [problem] = raised.value.problems
    assert problem.line == intro.line and "漢" in problem.message


def test_same_edition_same_bytes(booklets: dict[str, Booklet]) -> None:
    first = booklets[CASES[0]]
    assert render_booklet(first.edition) == first.pdf


@pytest.mark.parametrize("name", SOURCES)
def test_check_reports_a_booklet_text_the_font_lacks(name: str) -> None:
    """`check` sees the booklet's texts too (the legal lead is printed in no form)."""
    source = SOURCES[name].read_text("utf-8")
    lead = load(source, name).legal.lead
    line = next(n for n, text in enumerate(source.splitlines(), start=1)
                if text.strip().startswith("lead:"))
    checked = check(source.replace(f"lead: {lead}", f"lead: {lead} 漢", 1), name)
    assert [(p.line, p.path) for p in checked.errors] == [(line, "legal.lead")]


def test_a_text_shown_in_bokmal_is_marked_so(booklets: dict[str, Booklet]) -> None:
    """A text the translation lacks is shown in bokmål, and a screen reader is told."""
    booklet = booklets["stavanger-nn"]
    edition = booklet.edition
    shown = edition.standard.areas[0].statements[0].text
    marked = render_booklet(dataclasses.replace(edition, fallback=edition.fallback | {shown}))
    assert "nb-NO" not in _languages(booklet.pdf) or edition.fallback
    assert "nb-NO" in _languages(marked)


def _languages(data: bytes) -> set[str]:
    """The languages structure elements say their text is in."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return {str(e.Lang) for e in _elements(pdf.Root.StructTreeRoot) if "/Lang" in e}


def test_a_source_of_an_earlier_release_gets_its_booklet() -> None:
    """Optional texts a source leaves out (it predates them) are simply not printed."""
    standard = load_file(EARLIER)
    assert standard.guidance.submit_hint is None
    [pdf] = booklet_files(source_edition(standard)).values()
    text = PdfReader(io.BytesIO(pdf)).pages[-1].extract_text()
    assert normalize(standard.legal.source) in normalize(text)
