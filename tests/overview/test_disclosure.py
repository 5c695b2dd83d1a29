"""Every table the overview publishes, checked by `truth.undetermined` (independent of the
code under test): no hidden count can be worked out from the shown counts and totals; shown
counts are the true ones; an area and its statements hide the same schools."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from overview.corpus import Corpus, Run, generated
from overview.truth import Truth, published_tables, undetermined

from stavangerstandarden.model import ReportSettings, Standard


def check(data: dict, paths: list[Path], standard: Standard) -> None:
    truth = Truth.of(paths)
    tables = published_tables(data, truth, standard)
    problems = {name: undetermined(*table) for name, table in tables.items()}
    assert {name: p for name, p in problems.items() if p} == {}
    for area in standard.areas:
        hidden = {frozenset(r for r, v in tables[name][1].items() if v is None)
                  for name in (f"omrade {area.id}", *(f"utsagn {s.id}" for s in area.statements))}
        assert len(hidden) == 1, area.id


def test_real_summaries(corpus: Corpus, kommune: Callable[..., Run]) -> None:
    paths = list(corpus.contributions.values())
    status, data, _, _ = kommune(corpus, *paths)
    assert status == 0
    check(data, paths, corpus.standard)
    hidden = [s["skole"] for s in data["skoler"] if s["skjema"] is None]
    assert "Lillevik skole" in hidden and len(hidden) >= 2


@pytest.mark.parametrize("seed", range(12))
def test_generated_municipalities(corpus: Corpus, kommune: Callable[..., Run], tmp_path: Path,
                                  seed: int) -> None:
    """Small and mid-sized schools around k, so secondary suppression has work to do."""
    paths = generated(corpus, tmp_path / "inn", schools=3 + seed, per_school=1 + seed % 2,
                      seed=seed)
    status, data, _, _ = kommune(corpus, *paths)
    assert status == 0
    check(data, paths, corpus.standard)
    truth = Truth.of(paths)
    hidden = [s for s in data["skoler"] if s["skjema"] is None]
    assert all(truth.forms[" ".join(s["skole"].split()).casefold()] < corpus.k or len(hidden) > 1
               for s in hidden)


def test_secondary_suppression_happens(corpus: Corpus, kommune: Callable[..., Run],
                                       tmp_path: Path) -> None:
    """Over the generated municipalities, some school with at least k answers to an area is
    hidden as a partner, and some shown: the check above is not passed by hiding all."""
    partners = shown = 0
    for seed in range(6):
        paths = generated(corpus, tmp_path / str(seed), schools=6, per_school=1, seed=seed)
        _, data, _, _ = kommune(corpus, *paths, out=tmp_path / f"ut-{seed}")
        truth = Truth.of(paths)
        for area in corpus.standard.areas:
            ids = [s.id for s in area.statements]
            steps = [s.id for s in corpus.standard.scale]
            for row in data["omrader"][area.id]["skoler"]:
                school = " ".join(row["skole"].split()).casefold()
                answers = [sum(truth.statement(school, s, steps).values()) for s in ids]
                big = truth.forms[school] >= corpus.k and min(answers) >= corpus.k
                partners += row["svar"] is None and big
                shown += row["svar"] is not None
    assert partners and shown


def test_one_small_school_hides_everything(corpus: Corpus, kommune: Callable[..., Run]) -> None:
    """A municipality where the only school has k−1 forms: even the totals would be that
    school's numbers, so nothing is shown."""
    path = corpus.contributions["lillevik"]
    status, data, csv, _ = kommune(corpus, path)
    assert status == 0
    assert data["skjema"]["totalt"] is None
    assert all(t["totalt"] is None for t in (*data["omrader"].values(), *data["utsagn"].values()))
    check(data, [path], corpus.standard)
    assert all(line.endswith(";;1") for line in csv.splitlines()[1:])


def test_k_is_the_standards(corpus: Corpus) -> None:
    """The same files under a standard with a smaller k show more (k from the YAML)."""
    from stavangerstandarden.overview.combine import overview
    from stavangerstandarden.overview.inputs import parse

    found = [parse(p.read_text("utf-8"), corpus.standard)
             for p in corpus.contributions.values()]
    k = corpus.k
    small = replace(corpus.standard, report=ReportSettings(min_answers=k - 1))
    shown = {s.name: s.forms for s in overview(small, found).schools}
    assert shown["Lillevik skole"] == k - 1
    assert {s.name: s.forms for s in overview(corpus.standard, found).schools}[
        "Lillevik skole"] is None
