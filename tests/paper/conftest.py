"""The paper corpus, made once per session for each standard it runs on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from paper import corpus
from standards import OTHER, SHAPES, STAVANGER, generated_yaml

from stavangerstandarden.cli import main
from stavangerstandarden.loader import load
from stavangerstandarden.model import Standard

PAPER_STANDARDS = ("stavanger", "annen-kommune", "to-steg", "sju-steg")
SEEDS = {"stavanger": 20, "annen-kommune": 21, "to-steg": 22, "sju-steg": 23}
STACKS = {"stavanger": 20}
"""Forms in the scanned stack (4 unless said): Stavanger's is a class's worth."""


def _source(name: str, folder: Path) -> Path:
    if name == "stavanger":
        return STAVANGER
    if name == "annen-kommune":
        return OTHER
    path = folder / f"{name}.yaml"
    path.write_text(generated_yaml(SHAPES[name]), "utf-8")
    return path


class PaperRun(NamedTuple):
    standard: Standard
    expected: corpus.Expected
    """What the pen did."""
    summary: dict[str, Any]
    """sammendrag.json."""
    status: int
    """collect's exit status."""
    report: str
    """rapport.html, the leader's."""
    shared: str
    """rapport-til-deling.html."""


@pytest.fixture(scope="session", params=PAPER_STANDARDS)
def paper_run(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
              ) -> PaperRun:
    """`collect` on the paper corpus of each standard."""
    name: str = request.param
    base = tmp_path_factory.mktemp(f"papir-{name}")
    source = _source(name, base)
    standard = load(source.read_text("utf-8"), str(source))
    inbox = base / "innboks"
    expected = corpus.build(standard, inbox, SEEDS[name], STACKS.get(name, 4))
    out = base / "ut"
    status = main(["collect", str(inbox), "--out", str(out), "--source", str(source)])
    summary = json.loads((out / "sammendrag.json").read_text("utf-8"))
    return PaperRun(standard, expected, summary, status,
                    (out / "rapport.html").read_text("utf-8"),
                    (out / "rapport-til-deling.html").read_text("utf-8"))
