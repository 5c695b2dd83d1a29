"""A fill page of every translated language, filled in Chromium at phone width and offline
after load, as a parent would; `collect` reads the PDF back against the bokmål standard (the
field names and export values are the same in every language) and sees its language.

One form per script and direction (a different area and level each), on the MkDocs site the
other site tests build once a session; typed texts are in the language's own script. Axe
looks at a sample of every language's pages, in one browser run."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from project import build_project

from stavangerstandarden import contract as c
from stavangerstandarden.collect.form import interpret
from stavangerstandarden.collect.pdfform import read_form
from stavangerstandarden.forms.content import localized
from stavangerstandarden.formspec import form_specs
from stavangerstandarden.i18n.editions import edition_in
from stavangerstandarden.loader import load_file

from .conftest import CHROMIUM, DEFAULT_ENGINE, ROOT
from .test_languages import TRANSLATED

DRIVER = ROOT / "tests" / "fill" / "fill_browser.mjs"
FILLED = ("en", "uk", "ar", "ti")
"""One language per script and direction (Latin, Cyrillic, Arabic right to left, Ge'ez):
the others differ from these only in their words, which the form and site tests check."""


@pytest.fixture(scope="module")
def mkdocs_site(project: Path) -> Path:
    """The MkDocs site of the session (built by the `site` fixture when it ran first)."""
    folder = project / f"site-{DEFAULT_ENGINE}"
    return folder if (folder / "index.html").is_file() else build_project(
        project, DEFAULT_ENGINE, folder)


def test_the_sample_is_of_shipped_languages() -> None:
    assert set(FILLED) <= set(TRANSLATED)


@pytest.mark.parametrize("language", FILLED)
def test_fill_page_filled_offline_reads_back_in_collect(
        language: str, project: Path, mkdocs_site: Path, tmp_path: Path) -> None:
    standard = load_file(project / "framework" / "stavangerstandarden.yaml")
    translated = edition_in(standard, language).standard
    specs = form_specs(translated, localized(language))
    spec = specs[(7 * TRANSLATED.index(language) + 3) % len(specs)]
    radios = [f for f in spec.fields if f.type == "radio"]
    values = {f.name: f.options[i % len(f.options)][0] for i, f in enumerate(radios)}
    values[c.meta_field("skole")] = translated.meta.owner
    values[c.action_field(1, "tiltak")] = translated.statements[0].text
    (tmp_path / "values.json").write_text(json.dumps(values, ensure_ascii=False), "utf-8")
    page = f"/{language}/" + c.fill_page(spec.file).removesuffix("index.html")
    out = tmp_path / "out.pdf"
    result = subprocess.run(
        ["node", str(DRIVER), "fill", str(mkdocs_site), page, str(tmp_path / "values.json"),
         str(out), "390", "844", "offline"], capture_output=True, text=True, check=False,
        timeout=600, env={**os.environ, "CHROMIUM": str(CHROMIUM)})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["file"].startswith(Path(spec.file).stem)
    got = interpret(read_form(out.read_bytes()), standard)
    assert got.language == language
    assert got.answers == {f.name: values[f.name] for f in radios}
    assert got.meta["skole"] == translated.meta.owner
    assert {(a.row, k): v for a in got.actions for k, v in a.parts.items() if v} == {
        (1, "tiltak"): translated.statements[0].text}


def test_axe_finds_no_violations_on_a_sample_of_each_languages_pages(
        project: Path, mkdocs_site: Path) -> None:
    """Per language the front page, an area page, a fill page and the Sammendrag page, and
    the Arabic Kommune and changelog pages (right to left), light and dark."""
    standard = load_file(project / "framework" / "stavangerstandarden.yaml")
    pages = []
    for n, language in enumerate(TRANSLATED):
        spec = form_specs(standard)[n % len(standard.areas)]
        pages += [f"/{language}/", f"/{language}/omrader/{standard.areas[-1].id}/",
                  f"/{language}/" + c.fill_page(spec.file).removesuffix("index.html"),
                  f"/{language}/skjema/sammendrag/"]
    pages += ["/ar/skjema/kommune/", "/ar/endringer/"]
    result = subprocess.run(["node", str(DRIVER), "axe", str(mkdocs_site), *pages],
                            capture_output=True, text=True, check=False, timeout=900,
                            env={**os.environ, "CHROMIUM": str(CHROMIUM)})
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert len(found) == 2 * len(pages)
    assert found == {k: [] for k in found}
