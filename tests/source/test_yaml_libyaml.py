"""libyaml composes the source for speed (issue 24); whatever it reads, the result must be what
PyYAML's Python composer makes of it: the same data, lines and duplicate keys, or the same
syntax error at the same line, for real sources and for broken and hostile edits of them."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stavangerstandarden import yamlsource
from stavangerstandarden.yamlsource import Parsed, YamlSyntaxError

from ..standards import OTHER, STAVANGER

EDITS = ("delete", "replace", "indent", "duplicate", "anchor", "tag", "nest")


def read(text: str, fast: bool, monkeypatch: pytest.MonkeyPatch) -> Parsed | tuple[int, str]:
    with monkeypatch.context() as patch:
        if not fast:
            patch.setattr(yamlsource, "_LIBYAML", None)
        try:
            return yamlsource.parse(text)  # type: ignore[return-value]
        except YamlSyntaxError as exc:
            return exc.line, f"{exc} | {exc.hint}"


def test_pyyaml_has_libyaml() -> None:
    """Without it every run takes the slow path: the speed this module promises is gone."""
    assert yamlsource._LIBYAML is not None


@pytest.mark.parametrize("source", [STAVANGER, OTHER], ids=["stavanger", "annen-kommune"])
def test_libyaml_reads_the_standards_as_python_does(source: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    text = source.read_text("utf-8")
    assert yamlsource._fast_compose(text) is not None
    assert read(text, True, monkeypatch) == read(text, False, monkeypatch)


def _edited(lines: list[str], data: st.DataObject) -> str:
    i = data.draw(st.integers(0, len(lines) - 1))
    edit = data.draw(st.sampled_from(EDITS))
    junk = data.draw(st.text(max_size=12))
    head, body = lines[i][: len(lines[i]) - len(lines[i].lstrip())], lines[i].lstrip()
    new = {"delete": [], "replace": [junk + "\n"], "indent": [" " + lines[i]],
           "duplicate": [lines[i], lines[i]], "anchor": [head + "&a " + body],
           "tag": [head + "!!str " + body], "nest": [head + "[" * 30 + body]}[edit]
    return "".join([*lines[:i], *new, *lines[i + 1:]])


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
@pytest.mark.parametrize("source", [STAVANGER, OTHER], ids=["stavanger", "annen-kommune"])
def test_libyaml_reads_any_edit_as_python_does(source: Path, data: st.DataObject,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    text = _edited(source.read_text("utf-8").splitlines(keepends=True), data)
    assert read(text, True, monkeypatch) == read(text, False, monkeypatch)


@given(text=st.text(max_size=200))
@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_libyaml_reads_any_text_as_python_does(text: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    assert read(text, True, monkeypatch) == read(text, False, monkeypatch)
