"""Build the site once a test run in a copy of the project (tests/project.py, shared with
the other folders through tests/shared.py), and drive it in Chromium."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import shared
from project import TRANSLATIONS, copy_project
from standards import STAVANGER
from tools import need, need_path

from stavangerstandarden.build import ENGINES

build_project = shared.build_in
"""Builds under the project's lock: `project` is the run's shared copy."""
__all__ = ["build_project", "copy_project"]

ROOT = Path(__file__).resolve().parents[2]
SOURCE = STAVANGER
DEFAULT_ENGINE = "mkdocs"
BROWSER = Path(__file__).with_name("browser.mjs")
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))


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
    need_path(CHROMIUM, f"Chromium ({CHROMIUM})")
    need("node")
    need_path(ROOT / "node_modules" / "playwright-core", "node_modules/playwright-core (npm ci)")

    def run(*args: str) -> Any:
        result = subprocess.run(["node", str(BROWSER), *args], capture_output=True, text=True,
                                check=False, timeout=600, env={**os.environ,
                                                               "CHROMIUM": str(CHROMIUM)})
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    return run


@pytest.fixture(scope="session")
def crawl(browser: Callable[..., Any], site: Path) -> dict[str, Any]:
    """Every page of every language's site with the default engine; bokmål only with the
    other (its language sites are the same pages, and loading each costs seconds)."""
    if site.name.endswith(f"-{DEFAULT_ENGINE}"):
        return browser("crawl", str(site))  # type: ignore[no-any-return]
    others = ",".join(f"/{p.name}/" for p in sorted(site.iterdir()) if language_site(p))
    return browser("crawl", str(site), "/", others)  # type: ignore[no-any-return]


def language_site(folder: Path) -> bool:
    """A language's site inside the site (`nn/`, `en/`): a folder with a front page and a
    404 page of its own."""
    return (folder / "index.html").is_file() and (folder / "404.html").is_file()
