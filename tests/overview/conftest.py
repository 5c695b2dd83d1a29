"""The overview's fixtures: each standard's corpus of real summaries (made once a session,
see corpus.py) and `kommune`, which runs the command in-process."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from overview.corpus import SOURCES, Corpus, Run, make_corpus

from stavangerstandarden.cli import main


@pytest.fixture(scope="session")
def corpora(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Corpus]:
    return {name: make_corpus(name, tmp_path_factory.mktemp(name)) for name in SOURCES}


@pytest.fixture(params=list(SOURCES))
def corpus(request: pytest.FixtureRequest, corpora: dict[str, Corpus]) -> Corpus:
    """Each standard's corpus in turn."""
    return corpora[request.param]


@pytest.fixture
def kommune(tmp_path: Path) -> Callable[..., Run]:
    """Run `stavangerstandarden kommune` in-process: exit status, kommune.json, kommune.csv
    and rapport.html (empty when nothing was written)."""

    def run(corpus: Corpus, *paths: Path, extra: tuple[str, ...] = (),
            out: Path | None = None) -> Run:
        out = out or tmp_path / "kommune"
        status = main(["kommune", *map(str, paths), "--out", str(out),
                       "--source", str(corpus.source), *extra])
        if not (out / "kommune.json").exists():
            return status, {}, "", ""
        return (status, json.loads((out / "kommune.json").read_text("utf-8")),
                (out / "kommune.csv").read_text("utf-8-sig"),
                (out / "rapport.html").read_text("utf-8"))

    return run


