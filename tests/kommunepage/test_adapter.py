"""`overview.browser`, the page's way into `kommune`, in-process against the command (the
shipped standard, as the page's bundle ships its site's): the same outputs for the same files,
and the two cases the Chromium visits do not reach: last year's file is no overview, and no
file can be counted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from overview.corpus import Corpus, make_corpus

from stavangerstandarden.cli import main
from stavangerstandarden.overview.browser import overview_files, summarise_folder
from stavangerstandarden.overview.pipeline import OUTPUTS


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return make_corpus("stavanger", tmp_path_factory.mktemp("korpus"))


def files_of(corpus: Corpus) -> list[tuple[str, bytes]]:
    return [(f"{name}.json", path.read_bytes())
            for name, path in sorted(corpus.contributions.items())]


def test_same_outputs_as_the_command_and_the_worker_entry(corpus: Corpus, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str],
                                                          ) -> None:
    folder = tmp_path / "inn"
    folder.mkdir()
    for name, data in [*files_of(corpus), ("notat.json", b"\xff\xfe ikke tekst")]:
        (folder / name).write_bytes(data)
    paths = sorted(folder.iterdir())
    assert main(["kommune", *map(str, paths), "--out", str(tmp_path / "ut"), "--sprak", "nn"]) == 1
    capsys.readouterr()
    page = json.loads(summarise_folder(str(folder), language="nn"))
    for name in OUTPUTS:
        assert page["outputs"][name].encode() == (tmp_path / "ut" / name).read_bytes(), name
    assert page["not_counted"] == ["notat.json: fila er ikkje tekst i UTF-8, så ho er ikkje eit "
                                   "samandrag"]  # in the page's language, nynorsk
    assert (page["counted"], page["total"]) == (len(paths) - 1, len(paths))
    assert page["line"] == f"{len(paths) - 1} av {len(paths)} samandrag talde med."


def test_last_years_file_that_is_no_overview_is_named(corpus: Corpus) -> None:
    page = overview_files(files_of(corpus), previous='{"format": "noe annet"}')
    assert page == {"error": "kommune.json: forventet kommune.json fra «stavangerstandarden "
                             "kommune» (med «format»: «stavangerstandarden-kommune»)"}


def test_nothing_counted_gives_the_reasons_and_no_files() -> None:
    page = overview_files([("a.json", b"{}"), ("b.json", "[1, 2")])
    assert page["outputs"] == {}
    assert page["counted"] == 0
    assert page["error"] == "ingen av filene kunne telles med; ingenting er skrevet"
    assert [line.split(":")[0] for line in page["not_counted"]] == ["a.json", "b.json"]
