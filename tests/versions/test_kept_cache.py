"""A kept version's parse comes from the user's cache (issue 24): the model is the one a fresh
read gives, an edited file is read afresh, and a broken one still reports every problem."""

from __future__ import annotations

from pathlib import Path

import pytest
from standards import OTHER, STAVANGER

from stavangerstandarden.loader import load
from stavangerstandarden.problems import InvalidSource
from stavangerstandarden.versions.history import load_kept


@pytest.fixture(autouse=True)
def empty_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.mark.parametrize("source", [STAVANGER, OTHER], ids=["stavanger", "annen-kommune"])
def test_a_cached_kept_version_is_the_model_a_fresh_read_gives(source: Path,
                                                               empty_cache: Path) -> None:
    text = source.read_text("utf-8")
    fresh = load(text, "versjoner/kept.yaml")
    assert load_kept(text, "versjoner/kept.yaml") == fresh  # parsed, then stored
    assert len(list(empty_cache.rglob("yaml-*.pickle"))) == 1
    assert load_kept(text, "versjoner/kept.yaml") == fresh  # read back


@pytest.mark.parametrize("source", [STAVANGER, OTHER], ids=["stavanger", "annen-kommune"])
def test_an_edited_kept_version_is_read_afresh(source: Path) -> None:
    text = source.read_text("utf-8")
    first = load_kept(text, "k.yaml").areas[0].statements[0].text
    edited = load_kept(text.replace(first, first + " (endret)", 1), "k.yaml")
    assert edited.areas[0].statements[0].text == first + " (endret)"


@pytest.mark.parametrize("source", [STAVANGER, OTHER], ids=["stavanger", "annen-kommune"])
def test_a_broken_kept_version_reports_its_problems_each_time(source: Path,
                                                              empty_cache: Path) -> None:
    text = source.read_text("utf-8")
    first = load_kept(text, "k.yaml").areas[0].statements[0].text
    broken = text.replace(first, first + " 学校", 1).replace("kinds:", "kinds: [", 1)
    for _ in range(2):
        with pytest.raises(InvalidSource) as caught:
            load_kept(broken, "k.yaml")
        assert caught.value.problems[0].message.startswith("ugyldig YAML")
    unprintable = text.replace(first, first + " 学校", 1)
    for _ in range(2):  # the parse is kept; the checks run on it every time
        with pytest.raises(InvalidSource) as caught:
            load_kept(unprintable, "k.yaml")
        assert any("tegnet «学»" in p.message for p in caught.value.problems)
