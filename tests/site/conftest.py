"""Build the site once per session in a copy of the project, and drive it in Chromium.

The copy holds the hand-written parts (mkdocs.yml, overrides/, docs/ without its generated
folders) and a link to generator/; the generated files come from the library exactly as
`stavangerstandarden build` makes them, so tests never write into the working tree.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from stavangerstandarden.build import ENGINES, GENERATED_ROOTS, build

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "framework" / "stavangerstandarden.yaml"
BROWSER = Path(__file__).with_name("browser.mjs")
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))


def copy_project(target: Path, yaml_text: str) -> Path:
    """A project folder with the hand-written site parts and `yaml_text` as the source."""
    target.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", target)
    shutil.copytree(ROOT / "overrides", target / "overrides")
    shutil.copytree(ROOT / "docs", target / "docs",
                    ignore=lambda d, names: [n for n in names
                                             if Path(d) == ROOT / "docs" and n in GENERATED_ROOTS])
    (target / "generator").symlink_to(ROOT / "generator")
    (target / "framework").mkdir()
    (target / "framework" / SOURCE.name).write_text(yaml_text, "utf-8")
    return target


def build_project(project: Path, engine: str = "mkdocs", site_dir: Path | None = None,
                  site_url: str | None = None) -> Path:
    """Generate into the copy's docs/ and build its site, as the CLI does."""
    site = site_dir or project / "site"
    build(project / "framework" / SOURCE.name, project, site, engine=engine, site_url=site_url)
    return site


@pytest.fixture(scope="session")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("site") / "project", SOURCE.read_text("utf-8"))


@pytest.fixture(scope="session", params=sorted(ENGINES))
def site(request: pytest.FixtureRequest, project: Path) -> Path:
    """The site built by each engine once a session (each into a folder of its own)."""
    return build_project(project, request.param, project / f"site-{request.param}")


@pytest.fixture(scope="session")
def manifest(project: Path, site: Path) -> dict[str, Any]:
    return json.loads((site / "skjema" / "skjema.json").read_text("utf-8"))


def _need_browser() -> None:
    """Skip without Chromium or node only outside CI; under CI a missing tool is a failure."""
    missing = [str(p) for p in (CHROMIUM,) if not p.exists()]
    missing += [tool for tool in ("node",) if shutil.which(tool) is None]
    missing += [] if (ROOT / "node_modules" / "playwright-core").is_dir() else ["node_modules"]
    if not missing:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests need {', '.join(missing)} (CI=true: not skipping)")
    pytest.skip(f"browser tests need {', '.join(missing)}")


@pytest.fixture(scope="session")
def browser() -> Callable[..., Any]:
    """Run one browser.mjs command and return its JSON."""
    _need_browser()

    def run(*args: str) -> Any:
        result = subprocess.run(["node", str(BROWSER), *args], capture_output=True, text=True,
                                check=False, timeout=600, env={**os.environ,
                                                               "CHROMIUM": str(CHROMIUM)})
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    return run


@pytest.fixture(scope="session")
def crawl(browser: Callable[..., Any], site: Path) -> dict[str, Any]:
    return browser("crawl", str(site))  # type: ignore[no-any-return]
