"""The booklet is named in each language's manifest and linked from the front page, Om
standarden and Skjema, at the path the booklet is written to."""

from __future__ import annotations

import json
import posixpath
import re

import markdown
import pytest

from stavangerstandarden import contract as c
from stavangerstandarden.booklet.files import booklet_files
from stavangerstandarden.booklet.render import render_booklet
from stavangerstandarden.build import generated_files
from stavangerstandarden.formspec import form_specs, manifest_json
from stavangerstandarden.i18n.edition import Edition
from stavangerstandarden.i18n.ui import Localized
from stavangerstandarden.pages import FORMS_PAGE, SNIPPETS_DIR, page_files

from .conftest import CASES, editions_of

LINK_TEXT = "Hele standarden som PDF"
PAGES = {f"{SNIPPETS_DIR}/forside.md": "index.md",
         f"{SNIPPETS_DIR}/om-standarden.md": "om-standarden.md",
         FORMS_PAGE: FORMS_PAGE}
"""Generated file → the page it ends up on (snippets are included by pages at the root)."""


def _edition(case: str) -> Edition:
    name, _, language = case.rpartition("-")
    return next(e for e in editions_of(name) if e.language == language)


def _manifest(edition: Edition) -> bytes:
    loc = Localized.for_language(edition.language)
    return manifest_json(edition.standard, form_specs(edition.standard, loc)).encode("utf-8")


@pytest.mark.parametrize("case", CASES)
def test_manifest_names_the_booklet_file(case: str) -> None:
    edition = _edition(case)
    named = json.loads(_manifest(edition))["booklet"]
    assert list(booklet_files(edition)) == [named]
    assert named.startswith(f"{c.FORMS_DIR}/") and named.endswith(".pdf")


@pytest.mark.parametrize("case", CASES)
def test_pages_link_to_the_booklet(case: str) -> None:
    edition = _edition(case)
    loc = Localized.for_language(edition.language)
    pages = page_files(edition.standard, form_specs(edition.standard, loc), edition=edition,
                       loc=loc)
    target = c.booklet_file(edition.standard)
    label = loc.gettext(LINK_TEXT)
    for generated, page in PAGES.items():
        html = markdown.markdown(pages[generated].decode("utf-8"),
                                 extensions=["attr_list", "md_in_html"])
        links = re.findall(rf'<a [^>]*href="([^"]+)"[^>]*>{re.escape(label)}</a>', html)
        assert [posixpath.normpath(posixpath.join(posixpath.dirname(page), href))
                for href in links] == [target], generated
        # A row of buttons, not glued to the sentence after it.
        [paragraph] = [p for p in re.findall(r"<p[^>]*>(.*?)</p>", html, re.S) if label in p]
        assert re.sub(r"<a [^>]*>.*?</a>", "", paragraph).strip() == "", generated



def test_the_build_writes_the_booklet_the_manifest_names() -> None:
    """The build's own file set (forms, booklet, pages): the named booklet is there, and is
    this standard's."""
    [edition] = editions_of("annen-kommune")
    files = generated_files(edition.standard)
    named = json.loads(files[c.MANIFEST])["booklet"]
    assert files[named] == render_booklet(edition)
