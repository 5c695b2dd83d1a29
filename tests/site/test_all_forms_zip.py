"""«Download all forms» in every language: where a release published the ZIP
(`utgitt.json`) the site keeps the built file at its address; in the other languages the
Skjema page makes the same ZIP in the browser from the PDFs it lists (the site stores each
form once), pressed in Chromium and opened with Python's zipfile. Without JavaScript that
button stays hidden and the page still lists every form."""

from __future__ import annotations

import io
import json
import os
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from project import build_project

from stavangerstandarden import contract as c
from stavangerstandarden.forms.bundle import zip_forms
from stavangerstandarden.i18n.ui import Localized
from stavangerstandarden.loader import load_file
from stavangerstandarden.published import built_zip

from .conftest import CHROMIUM, DEFAULT_ENGINE, ROOT

DRIVER = ROOT / "tests" / "site" / "all_forms_zip.mjs"
IN_BROWSER = ("pl", "ar")
"""Languages no release published a ZIP for, one per direction."""
FETCH_FAILED = ("Skjemaene kunne ikke hentes. Prøv igjen, eller last dem ned ett og ett fra "
                "listen over.")
"""What the page says, in its language, when the forms cannot be fetched."""


@pytest.fixture(scope="module")
def mkdocs_site(project: Path) -> Path:
    folder = project / f"site-{DEFAULT_ENGINE}"
    return folder if (folder / "index.html").is_file() else build_project(
        project, DEFAULT_ENGINE, folder)


@pytest.fixture(scope="module")
def zip_name(project: Path) -> str:
    return c.zip_file(load_file(project / "framework" / "stavangerstandarden.yaml"))


def _language(site: Path, language: str) -> Path:
    return site if language == "nb" else site / language


def _manifest(folder: Path) -> dict[str, Any]:
    return json.loads((folder / c.MANIFEST).read_text("utf-8"))  # type: ignore[no-any-return]


def test_the_sample_is_of_unpublished_languages(mkdocs_site: Path) -> None:
    for language in IN_BROWSER:
        assert (mkdocs_site / language / "sitemap.xml").is_file()
        assert not built_zip(language)


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_published_zips_stay_built_at_their_address(
        language: str, mkdocs_site: Path, zip_name: str) -> None:
    assert built_zip(language)
    folder = _language(mkdocs_site, language)
    manifest = _manifest(folder)
    assert manifest["zip"] == zip_name
    pdfs = {f["file"]: (folder / f["file"]).read_bytes() for f in manifest["forms"]}
    assert (folder / zip_name).read_bytes() == zip_forms(pdfs)
    page = (folder / c.FORMS_DIR / "index.html").read_text("utf-8")
    assert f'href="{zip_name.rsplit("/", 1)[-1]}"' in page
    assert "data-alle-skjema" not in page


@pytest.mark.parametrize("language", IN_BROWSER)
def test_the_skjema_page_makes_the_zip_in_the_browser(
        language: str, mkdocs_site: Path, zip_name: str, tmp_path: Path) -> None:
    folder = mkdocs_site / language
    manifest = _manifest(folder)
    assert "zip" not in manifest and not (folder / zip_name).exists()
    out = tmp_path / "alle.zip"
    result = subprocess.run(
        ["node", str(DRIVER), str(mkdocs_site), f"/{language}/{c.FORMS_DIR}/", str(out)],
        capture_output=True, text=True, check=False, timeout=600,
        env={**os.environ, "CHROMIUM": str(CHROMIUM)})
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout)
    assert seen["errors"] == []
    assert seen["shown"] and seen["file"] == zip_name.rsplit("/", 1)[-1]
    forms = sorted(f["file"] for f in manifest["forms"])
    with zipfile.ZipFile(io.BytesIO(out.read_bytes())) as archive:
        assert archive.testzip() is None
        assert archive.namelist() == [f.rsplit("/", 1)[-1] for f in forms]
        for form in forms:
            assert archive.read(form.rsplit("/", 1)[-1]) == (folder / form).read_bytes()
    assert not seen["messageBefore"]
    failed = seen["failed"]
    assert failed["message"] == Localized.for_language(language).gettext(FETCH_FAILED)
    assert failed["message"] != FETCH_FAILED and failed["role"] == "alert"
    assert not failed["saved"] and failed["buttonEnabled"]
    assert not seen["withoutScript"]["button"]
    assert sorted(set(seen["withoutScript"]["pdfs"])) == [f"/{language}/{f}" for f in forms]
