"""Build the site once a test run in a copy of the project (tests/project.py, shared with
the other folders through tests/shared.py), and drive it in Chromium."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import shared
from helpers.browser import CHROMIUM, need_browser, run_driver
from project import TRANSLATIONS, copy_project
from standards import STAVANGER

from stavangerstandarden.publish import ENGINES

build_project = shared.build_in
"""Builds under the project's lock: `project` is the run's shared copy."""
__all__ = ["CHROMIUM", "build_project", "copy_project"]

ROOT = Path(__file__).resolve().parents[2]
SOURCE = STAVANGER
DEFAULT_ENGINE = "mkdocs"
BROWSER = Path(__file__).with_name("browser.mjs")


@pytest.fixture(scope="session")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The run's copy of the project with this standard and its translations (read-only but
    for builds through `build_project`)."""
    return shared.site_project(tmp_path_factory, SOURCE.read_text("utf-8"), TRANSLATIONS)


@pytest.fixture(scope="session", params=sorted(ENGINES))
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built by each engine once a test run (each into a folder of its own)."""
    return shared.site(tmp_path_factory, SOURCE.read_text("utf-8"), TRANSLATIONS,
                       request.param)


@pytest.fixture(scope="session")
def manifest(project: Path, site: Path) -> dict[str, Any]:
    return json.loads((site / "skjema" / "skjema.json").read_text("utf-8"))


@pytest.fixture(scope="session")
def browser() -> Callable[..., Any]:
    """Run one browser.mjs command and return its JSON."""
    need_browser()
    return functools.partial(run_driver, BROWSER)


@pytest.fixture(scope="session")
def crawl(browser: Callable[..., Any], site: Path) -> dict[str, Any]:
    """Every page of bokmål's site and of a sample of the translated ones (the first written
    left to right, and the first right to left) with the default engine; bokmål only with the
    other. The other languages' sites are the same pages in other words (their texts,
    direction and glyphs are tested in test_languages.py and test_language_fill.py); their
    pages are still checked to exist wherever a crawled page links to them, and loading each
    costs seconds."""
    languages = sorted(p for p in site.iterdir() if language_site(p))
    crawled = set(crawl_sample(languages)) if site.name.endswith(f"-{DEFAULT_ENGINE}") else set()
    skipped = ",".join(f"/{p.name}/" for p in languages if p not in crawled)
    if not skipped:
        return browser("crawl", str(site))  # type: ignore[no-any-return]
    return browser("crawl", str(site), "/", skipped)  # type: ignore[no-any-return]


def crawl_sample(languages: list[Path]) -> list[Path]:
    """The first language site written left to right, and the first right to left."""
    rtl = [p for p in languages if 'dir="rtl"' in (p / "index.html").read_text("utf-8")]
    ltr = [p for p in languages if p not in rtl]
    return sorted({*ltr[:1], *rtl[:1]})


def language_site(folder: Path) -> bool:
    """A language's site inside the site (`nn/`, `en/`): a folder with a front page and a
    404 page of its own."""
    return (folder / "index.html").is_file() and (folder / "404.html").is_file()
