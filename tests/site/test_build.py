"""Building the site: strict MkDocs without warnings, and hostile source text stays text."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import shared
from project import build_project, copy_project
from standards import OTHER

from stavangerstandarden.loader import load

from .conftest import SOURCE

TEXT = SOURCE.read_text("utf-8")
STANDARD = load(TEXT, str(SOURCE))
HOSTILE = "<script>window.__injected = true</script> & *ikke uthevet* [lenke](https://example.org)"


def test_strict_mkdocs_build_has_no_warnings(project: Path, site: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path)],
        cwd=project, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    log = result.stdout + result.stderr
    assert re.findall(r"^(?:WARNING|ERROR)\b.*", log, re.MULTILINE) == []
    assert (tmp_path / "index.html").is_file()


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The standard with markup in an area title, its description and a statement."""
    area = STANDARD.areas[0]
    text = TEXT
    for original in (f"title: {area.title}\n", f"text: {area.statements[0].text}\n"):
        assert original in text
        text = text.replace(original, f"{original.split(':')[0]}: '{HOSTILE}'\n", 1)
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project", text)
    return build_project(project)


@pytest.mark.parametrize("path", [f"/omrader/{STANDARD.areas[0].id}/", "/", "/skjema/",
                                  "/apne-data/"])
def test_markup_in_the_source_shows_as_text(hostile_site: Path, browser: Callable[..., Any],
                                            path: str) -> None:
    page = browser("page", str(hostile_site), path)
    assert page["status"] == 200
    assert HOSTILE in page["text"]
    assert page["injected"] is False
    assert page["scripts"] == 0
    assert page["foreignLinks"] == []


def test_another_standard_builds_a_site_of_its_own(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    """Only the YAML differs: nothing on any page may still speak of Stavanger."""
    site = shared.site(tmp_path_factory, OTHER.read_text("utf-8"))
    index = (site / "index.html").read_text("utf-8")
    assert "<title>Fjordbystandarden</title>" in index
    assert "Fjordby fylkeskommune" in index
    assert (site / "skjema" / "trivsel-vg1.pdf").is_file()
    pages = {p.relative_to(site).as_posix(): p.read_text("utf-8") for p in site.rglob("*.html")}
    assert [name for name, html in pages.items() if "Stavanger" in html] == []
    assert not (site.parent / ".mkdocs-generert.yml").exists()


def test_search_dialog_has_an_accessible_name(site: Path) -> None:
    """Material's dialog had none (Lighthouse's one failure); axe lists the rule only as a
    best practice, so it is checked here on every page of each engine's site."""
    pages = list(site.rglob("*.html"))
    # Bokmål's and nynorsk's word is ours; the other sites' are Material's own (English's known).
    label = {"nb": "Søk", "nn": "Søk", "en": "Search"}
    dialogs = [(re.findall(r'<div class="md-search"[^>]*>', p.read_text("utf-8")),
                label.get(_language(site, p))) for p in pages]
    assert len(pages) > 10
    anything = '[^"]+'
    assert all(d and all(re.search(f'role="dialog" aria-label="{name or anything}"', tag)
                         for tag in d)
               for d, name in dialogs)


def _language(site: Path, page: Path) -> str:
    """The language of a page: its top folder when that is a language's site, else bokmål."""
    top = page.relative_to(site).parts[0]
    return top if (site / top / "404.html").is_file() else "nb"
