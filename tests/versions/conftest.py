"""A standard over two versions, on Stavanger's standard and another municipality's: the
published version frozen with `stavangerstandarden frys`, then the working file revised
(`revise.py`: one statement reworded, one removed, one added, one split) under a new version.
Made once a session per standard; forms are rendered by the real renderer from each
version's model and filled with pypdf, as a parent's PDF viewer would.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers.fillers import pypdf_fill
from project import build_project, copy_project
from standards import OTHER, STAVANGER

from stavangerstandarden.cli import main
from stavangerstandarden.forms import render_form
from stavangerstandarden.formspec import form_specs
from stavangerstandarden.loader import load_file
from stavangerstandarden.model import Standard

from .revise import Revision, revise

SOURCES = {"stavanger": STAVANGER, "annen-kommune": OTHER}
NEXT = "2099.1"
"""The revised version: newer than either standard's own."""


@dataclass(frozen=True)
class TwoVersions:
    source: Path
    """The working file (the revised version); the frozen one is in versjoner/."""
    frozen: Path
    original: str
    """The text of the published version, as it was when frozen."""
    old: Standard
    new: Standard
    revision: Revision


@pytest.fixture(scope="session", params=list(SOURCES))
def versions(request: pytest.FixtureRequest,
             tmp_path_factory: pytest.TempPathFactory) -> TwoVersions:
    folder = tmp_path_factory.mktemp(f"versjoner-{request.param}") / "framework"
    folder.mkdir()
    source = folder / "stavangerstandarden.yaml"
    text = SOURCES[request.param].read_text("utf-8")
    source.write_text(text, "utf-8")
    assert main(["frys", str(source)]) == 0
    old = load_file(source)
    frozen = folder / "versjoner" / f"{old.meta.version}.yaml"
    revised, revision = revise(text, NEXT)
    source.write_text(revised, "utf-8")
    return TwoVersions(source, frozen, text, old, load_file(source), revision)


@pytest.fixture(scope="session")
def built_site(versions: TwoVersions, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The revised version's site (one language) built with its kept version beside it."""
    project = copy_project(tmp_path_factory.mktemp("bygg") / "prosjekt",
                           versions.source.read_text("utf-8"))
    shutil.copytree(versions.frozen.parent, project / "framework" / "versjoner")
    return build_project(project)


Filled = Callable[[Standard, Mapping[str, str]], bytes]


@pytest.fixture(scope="session")
def filled() -> Filled:
    """A complete form (every area) of `standard`'s version on its first level, with
    `answers` (statement id → scale id) ticked; rendered once per version."""
    blank: dict[str, bytes] = {}

    def make(standard: Standard, answers: Mapping[str, str]) -> bytes:
        key = f"{standard.meta.id}:{standard.meta.version}"
        if key not in blank:
            spec = next(s for s in form_specs(standard)
                        if s.area is None and s.level.id == standard.levels[0].id)
            blank[key] = render_form(standard, spec)
        return pypdf_fill(blank[key], answers)

    return make
