"""Pages download only what they use, and the site holds each file once (issue 24): every
language's pages load the one copy of the theme, pdf.js and Pyodide; a first visit to a fill,
Sammendrag or Kommune page fetches neither library (they come with the first «Lag PDF» or the
first chosen file: tests/fill, tests/summary and tests/kommunepage use them, online and then
offline), in Chromium with an empty cache, under each engine."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tools import need

from stavangerstandarden import contract as c
from stavangerstandarden.libraries import PDFJS, PYODIDE
from stavangerstandarden.overview.page import KOMMUNE_PAGE
from stavangerstandarden.published import built_zip
from stavangerstandarden.sharedfiles import duplicate_bytes
from stavangerstandarden.sitefonts import FONTS_DIR
from stavangerstandarden.summary.page import BUNDLE

FIRST_VISIT = Path(__file__).with_name("first_visit.mjs")
FIRST_VISIT_LIMIT = 600_000
"""Bytes a first visit may transfer before any action, from a host that compresses (gzip), as
the README asks hosts to."""
FIRST_VISIT_STORED_LIMIT = 1_000_000
"""The same, as stored (a host that does not compress), not counting the fonts a language's
site serves for its own script (WOFF2: the Arabic faces are 103 KB, the Ethiopic 134 KB)."""
DUPLICATE_LIMIT = 1_000_000


def test_the_site_stores_each_file_once(site: Path) -> None:
    assert duplicate_bytes(site) <= DUPLICATE_LIMIT
    languages = [p for p in site.iterdir() if (p / "sitemap.xml").is_file()]
    assert languages, "no translated language: nothing shared"
    for language in languages:
        assert not (language / PDFJS.home).exists()
        assert not (language / PYODIDE.home).exists()
        assert not (language / "assets").exists() or not any(
            p.suffix == ".js" for p in (language / "assets").rglob("*"))


def test_forms_are_stored_once_where_no_release_published_a_zip(site: Path) -> None:
    """The PDFs inside a ZIP are a second copy of every form: only the languages whose ZIP a
    release published keep one (the others' Skjema page makes it: test_all_forms_zip.py)."""
    languages = {p.name: p for p in site.iterdir() if (p / "sitemap.xml").is_file()}
    assert [lang for lang in languages if not built_zip(lang)], "no unreleased language"
    for language, folder in {"nb": site, **languages}.items():
        zips = sorted(p.name for p in (folder / c.FORMS_DIR).glob("*.zip"))
        assert bool(zips) == built_zip(language), (language, zips)


@pytest.fixture(scope="module")
def first_visits(site: Path, manifest: dict[str, Any]) -> list[dict[str, Any]]:
    need("node")
    fill = "/" + c.fill_page(manifest["forms"][0]["file"]).removesuffix("index.html")
    pages = [f"/{root}{p}" for root in ("", *sorted(
        f"{p.name}/" for p in site.iterdir() if (p / "sitemap.xml").is_file()))
        for p in (fill[1:], c.SUMMARY_PAGE.removesuffix("index.html"),
                  KOMMUNE_PAGE.removesuffix("index.html"))]
    out = subprocess.run(["node", str(FIRST_VISIT), str(site), *pages], capture_output=True,
                         text=True, check=True, timeout=600, env=dict(os.environ))
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def _root(path: str) -> str:
    """`/ar/` for a path in the Arabic site."""
    return "/" + path.split("/")[1] + "/"


def _stored(site: Path, path: str) -> int:
    file = site / path.lstrip("/")
    return file.stat().st_size if file.is_file() else 0


def test_a_first_visit_fetches_no_library_and_little_else(
        site: Path, first_visits: list[dict[str, Any]]) -> None:
    assert len(first_visits) >= 6  # three pages in at least two languages
    for visit in first_visits:
        files = visit["files"]
        assert visit["page"] == files[0]  # the page itself, served
        for library in (PDFJS.home, PYODIDE.home):
            assert not [f for f in files if f"/{library}/" in f], (visit["page"], files)
        assert not [f for f in files if f.endswith((".pdf", f"/{BUNDLE}"))], files
        assert visit["gzip"] <= FIRST_VISIT_LIMIT, (visit["page"], visit["gzip"], files)
        own_fonts = sum(_stored(site, f) for f in files if f.startswith(_root(f) + FONTS_DIR))
        assert visit["bytes"] - own_fonts <= FIRST_VISIT_STORED_LIMIT, (
            visit["page"], visit["bytes"], own_fonts, files)
        assert visit["errors"] == [], visit


def test_translated_pages_load_the_one_copy_of_the_theme(
        first_visits: list[dict[str, Any]]) -> None:
    translated = [v for v in first_visits if not v["page"].startswith(f"/{c.FORMS_DIR}/")]
    assert translated
    for visit in translated:
        root = "/" + visit["page"].split("/")[1] + "/"
        theme = [f for f in visit["files"] if f.endswith((".css", ".min.js"))
                 and not f.startswith(f"{root}{FONTS_DIR}/")]  # the language's own fonts
        assert theme and not [f for f in theme if f.startswith(root)], theme
