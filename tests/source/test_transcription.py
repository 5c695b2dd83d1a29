"""The YAML is a faithful transcription of the Word document in shared/seeds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from standards import STAVANGER

from stavangerstandarden.loader import load
from stavangerstandarden.model import Standard

# A copy of shared/seeds/stavangerstandarden.txt (the Word document as extracted), so the test
# needs nothing outside the repository.
SEED = Path(__file__).resolve().parents[1] / "fixtures" / "stavangerstandarden-word.txt"
TABLE_HEADINGS = {
    "Praksis må endres", "Praksis kan bli bedre", "Praksis er tilfreds-stillende",
    "Tegn på god praksis", "Elevene har definert følgende kjennetegn på god praksis.",
}


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def seed_statements() -> list[str]:
    """Table rows of the Word form: tab-indented text lines, without the column headings."""
    rows = [normalise(m) for m in re.findall(r"^\t(\S.*)$", SEED.read_text("utf-8"), re.M)]
    return [r for r in rows if r not in TABLE_HEADINGS and not r.startswith("·")]


@pytest.fixture(scope="module")
def standard() -> Standard:
    """Stavanger's standard as the tests see it (STANDARD_SOURCE when set): an edited copy
    turns these tests, and only these, red."""
    return load(STAVANGER.read_text("utf-8"), "stavangerstandarden.yaml")


def test_every_seed_statement_is_present_exactly_once(standard: Standard) -> None:
    seeds = list(dict.fromkeys(seed_statements()))  # the Word file repeats four rows
    assert len(seeds) == 26
    shown = [
        {normalise(s.text), *(normalise(s.text_for(lv.id)) for lv in standard.levels)}
        for s in standard.statements
    ]
    for seed in seeds:
        matches = [i for i, texts in enumerate(shown) if seed in texts]
        assert len(matches) == 1, seed
    assert len(standard.statements) == 26


def test_ids_are_unique_across_areas(standard: Standard) -> None:
    ids = [s.id for s in standard.statements]
    assert len(ids) == len(set(ids)) == 26


def test_gode_relasjoner_keeps_the_pupils_voice(standard: Standard) -> None:
    area = standard.area("gode-relasjoner")
    assert area.statements_heading == "Elevene har definert følgende kjennetegn på god praksis."
    assert all(s.text.startswith("Foreldrene våre") for s in area.statements)


def test_sfo_sentences_only_on_levels_with_sfo(standard: Standard) -> None:
    with_sfo = {lv.id for lv in standard.levels
                if any("SFO" in s.text_for(lv.id) for s in standard.statements)}
    assert with_sfo == {"trinn-1", "trinn-2", "trinn-3", "trinn-4"}


def test_scale_is_the_three_level_traffic_light(standard: Standard) -> None:
    assert [(s.id, s.label) for s in standard.scale] == [
        ("endres", "Praksis må endres"),
        ("bedre", "Praksis kan bli bedre"),
        ("tilfreds", "Praksis er tilfredsstillende"),
    ]


def test_the_fau_form_asks_for_no_class(standard: Standard) -> None:
    """The school-wide level is FAU's; «Klasse/gruppe» is asked on the grade levels only."""
    klasse = next(h for h in standard.header if h.part == "klasse")
    assert [lv.id for lv in standard.levels if klasse.shown_on(lv.id)] == [
        f"trinn-{n}" for n in range(1, 11)]
