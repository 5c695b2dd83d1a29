"""The generated fill pages and chooser, read as HTML: every form has its page, every field of
the PDF is on it under its public name, texts read exactly as in the PDF."""

from __future__ import annotations

import html
import json
import posixpath
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from stavangerstandarden import contract as c
from stavangerstandarden.fill.fields import max_length
from stavangerstandarden.i18n.ui import Localized

STANDARDS = ["stavanger", "annen"]


def text_of(page: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


@pytest.mark.parametrize("name", STANDARDS)
def test_every_form_lists_its_fill_page_and_the_page_exists(built, name):
    b = built[name]
    forms = b.manifest["forms"]
    assert len(forms) == len(b.standard.levels) * (len(b.standard.areas) + 1)
    for form in forms:
        assert form["html"] == c.fill_page(form["file"])
        assert (b.site / form["html"]).is_file(), form["html"]
        # The page fills the PDF the site publishes: no copy of its own beside it.
        page = (b.site / form["html"]).read_text("utf-8")
        blank = json.loads(re.search(r'id="fyll-data"[^>]*>(.*?)</script>', page, re.S)[1])["blank"]
        folder = posixpath.dirname(form["html"])
        assert posixpath.normpath(posixpath.join(folder, blank)) == form["file"]
        assert [p.name for p in (b.site / folder).iterdir()] == ["index.html"]


@pytest.mark.parametrize("name", STANDARDS)
def test_fill_page_has_every_field_and_the_texts_of_the_pdf(built, name):
    b = built[name]
    for spec in b.specs:
        page = (b.site / c.fill_page(spec.file)).read_text("utf-8")
        text = text_of(page)
        assert "connect-src 'self';" in page.split("</head>")[0]
        for f in spec.fields:
            if f.hidden:
                assert f'name="{f.name}"' not in page
            elif f.type == "radio":
                for value, label in f.options:
                    assert f'name="{f.name}" value="{value}"' in page
                    assert label in text
            else:
                assert re.search(rf'name="{re.escape(f.name)}" (rows="\d+" )?'
                                 rf'maxlength="{max_length(f)}"', page), f.name
        for _, pairs in spec.statements:
            for _, shown in pairs:
                assert " ".join(shown.split()) in text, shown
        assert b.standard.guidance.rating_hint in text
        assert " ".join(b.standard.guidance.submit_hint.split()) in text
        assert page.count('<fieldset class="fyll-utsagn"') == sum(
            len(p) for _, p in spec.statements)


def test_level_specific_sentences_appear_only_on_their_levels(built):
    b = built["stavanger"]
    extra = next(s for s in b.standard.statements if s.level_texts)
    sentence = extra.level_texts[0].text
    for spec in b.specs:
        ids = [s.id for _, pairs in spec.statements for s, _ in pairs]
        if extra.id not in ids:
            continue
        text = text_of((b.site / c.fill_page(spec.file)).read_text("utf-8"))
        on_level = spec.level.id in extra.level_texts[0].levels
        assert (" ".join(sentence.split()) in text) == on_level


@pytest.mark.parametrize("name", STANDARDS)
def test_chooser_and_area_pages_offer_both_actions_for_every_form(built, name):
    b = built[name]
    skjema = (b.site / "skjema" / "index.html").read_text("utf-8")
    assert " ".join(b.standard.guidance.submit_hint.split()) in text_of(skjema)
    for form in b.manifest["forms"]:
        here = Path("skjema")
        assert f'href="{Path(form["html"]).relative_to(here).as_posix()}"' in skjema
        assert f'href="{Path(form["file"]).relative_to(here).as_posix()}"' in skjema
    for area in b.standard.areas:
        page = (b.site / "omrader" / area.id / "index.html").read_text("utf-8")
        for form in (f for f in b.manifest["forms"] if f["area"] == area.id):
            link = posixpath.relpath(form["html"], f"omrader/{area.id}")
            assert f'href="{link}"' in page, link
            pdf = posixpath.relpath(form["file"], f"omrader/{area.id}")
            assert f'href="{pdf}"' in page, pdf


@pytest.mark.parametrize("language", ["nb", "en"])
def test_fields_are_sized_and_named_as_the_pdf_in_its_language(built, language):
    """Tiltak headings in the page's language, as the PDF of that language prints them; one
    line for a deadline or a name, a text area only for the tiltak itself; a date picker."""
    b = built["stavanger"]
    loc = Localized.for_language(language)
    spec = next(s for s in b.specs if s.area)
    folder = "" if language == "nb" else f"{language}/"
    page = (b.site / folder / c.fill_page(spec.file)).read_text("utf-8")
    pdf_text = " ".join(p.extract_text() for p in PdfReader(b.site / folder / spec.file).pages)
    for part, label in c.ACTION_PARTS:
        heading = loc.gettext(label)
        assert heading in pdf_text
        assert f'<label for="f-tiltak-1-{part}">{heading}</label>' in page
    assert '<textarea id="f-tiltak-1-tiltak"' in page
    for part in ("ansvarlig", "frist"):
        assert f'<input type="text" id="f-tiltak-1-{part}"' in page
    assert '<input type="date" id="f-meta-dato"' in page
