"""Two built sites (this standard and another municipality's) and a driver for their fill
pages in Chromium. Sites are built in a temporary copy of the project, as tests/site does."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from modules import load_module

from stavangerstandarden.formspec import FormSpec, form_specs
from stavangerstandarden.loader import load
from stavangerstandarden.model import Standard

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).with_name("fill_browser.mjs")
SOURCES = {"stavanger": ROOT / "framework" / "stavangerstandarden.yaml",
           "annen": ROOT / "tests" / "fixtures" / "annen-kommune.yaml"}
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
LONG_TIKTAK = ("Vi vil ha foreldrekaffe før jul med tolk for nye familier, og øve på «nettvett» "
               "på foreldremøtet i år. ") * 6
"""Long text with æøå, cut to each field's maxlength before it is typed."""



SITE_HELPERS = load_module(ROOT / "tests" / "site" / "conftest.py", "fill")
ENGINES = load_module(ROOT / "tests" / "forms" / "test_engines.py", "fill")


class Built:
    def __init__(self, standard: Standard, site: Path) -> None:
        self.standard = standard
        self.site = site
        self.specs = form_specs(standard)
        self.manifest = json.loads((site / "skjema" / "skjema.json").read_text("utf-8"))


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Built]:
    out = {}
    for name, source in SOURCES.items():
        text = source.read_text("utf-8")
        project = SITE_HELPERS.copy_project(tmp_path_factory.mktemp(name) / "project", text)
        # copy_project names the source after this standard; load() needs only the text.
        out[name] = Built(load(text, str(source)), SITE_HELPERS.build_project(project))
    return out


def need_browser() -> None:
    missing = [str(CHROMIUM)] if not CHROMIUM.exists() else []
    missing += [] if shutil.which("node") else ["node"]
    if not missing:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"fill tests need {', '.join(missing)} (CI=true: not skipping)")
    pytest.skip(f"fill tests need {', '.join(missing)}")


@pytest.fixture(scope="session")
def driver() -> Callable[..., Any]:
    need_browser()

    def run(*args: str) -> Any:
        result = subprocess.run(["node", str(DRIVER), *args], capture_output=True, text=True,
                                check=False, timeout=600,
                                env={**os.environ, "CHROMIUM": str(CHROMIUM)})
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    return run


def random_answers(spec: FormSpec, seed: int, max_length: Callable[[Any], int]) -> dict[str, str]:
    """Most statements answered at random, every header field and two tiltak rows, with æøå
    and texts as long as each field allows."""
    rnd = random.Random(seed)
    values: dict[str, str] = {}
    for f in spec.fields:
        if f.hidden:
            continue
        if f.type == "radio":
            if rnd.random() < 0.85:
                values[f.name] = rnd.choice([v for v, _ in f.options])
        elif f.name.startswith("meta.") or f.name.startswith("tiltak.1.") \
                or f.name.startswith("tiltak.3."):
            text = f"Ærlig Øystein på Å skole {rnd.randint(1, 99)} " + LONG_TIKTAK
            values[f.name] = text[:max_length(f)].strip()
    return values


@pytest.fixture(scope="session")
def engines() -> ModuleType:
    """tests/forms/test_engines.py: its PDFium helpers (render, radio centres, grey levels)."""
    return ENGINES


@pytest.fixture(scope="session")
def answers() -> Callable[..., dict[str, str]]:
    return random_answers
