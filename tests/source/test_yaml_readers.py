"""The source is read with libyaml's scanner for speed (issue 24) and PyYAML's for what
libyaml reads differently; a maintainer gets the same data, lines and messages either way."""

from __future__ import annotations

from pathlib import Path

import pytest

from stavangerstandarden import yamlsource
from stavangerstandarden.yamlsource import Parsed, YamlSyntaxError, parse

from ..standards import OTHER, STAVANGER

SOURCES = [STAVANGER, OTHER, *sorted((STAVANGER.parent / "versjoner").glob("*.yaml"))]


def _read_by_pyyaml(text: str, monkeypatch: pytest.MonkeyPatch) -> Parsed | None:
    with monkeypatch.context() as patch:
        patch.setattr(yamlsource, "_FastLoader", None)
        return parse(text)


def _error(text: str) -> tuple[int, str, str]:
    with pytest.raises(YamlSyntaxError) as caught:
        parse(text)
    return caught.value.line, str(caught.value), caught.value.hint


def test_libyaml_is_used() -> None:
    """Without it the speed-up is gone silently: PyYAML is installed with libyaml here."""
    assert yamlsource._FastLoader is not None


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_both_readers_give_the_same_data_and_lines(source: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    text = source.read_text("utf-8")
    fast = parse(text)
    assert fast is not None and fast.data["standard"]["title"]
    assert fast == _read_by_pyyaml(text, monkeypatch)


@pytest.mark.parametrize("broken", [
    "standard:\n  title: a\n  version: [1\n",  # unclosed flow sequence
    "a: b\n- c\n",  # a list item in a mapping
    "standard:\n\ttitle: a\n",  # a tab: PyYAML alone reads it
    "a: &x b\nc: *x\n",  # refused by our composer on either scanner
    "a: !!str b\n",
    "a: " + "[" * 30 + "]" * 30 + "\n",
])
def test_errors_are_pyyamls(broken: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(yamlsource, "_FastLoader", None)
        expected = _error(broken)
    assert _error(broken) == expected
