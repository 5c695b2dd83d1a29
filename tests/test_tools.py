"""The one notion of CI: set to anything but "", "0" or "false" means CI, so a missing tool
fails there instead of skipping."""

from __future__ import annotations

import pytest
from tools import in_ci, need


@pytest.mark.parametrize(("value", "ci"), [
    (None, False), ("", False), ("0", False), ("false", False), ("False", False),
    ("1", True), ("true", True), ("yes", True),
])
def test_ci_is_any_value_but_empty_0_or_false(monkeypatch, value, ci) -> None:
    if value is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", value)
    assert in_ci() is ci


@pytest.mark.parametrize(("value", "outcome"), [("1", pytest.fail.Exception),
                                                ("0", pytest.skip.Exception)])
def test_a_missing_tool_fails_under_ci_and_skips_elsewhere(monkeypatch, value, outcome) -> None:
    monkeypatch.setenv("CI", value)
    with pytest.raises(outcome, match="finnes-ikke-verktoy is not installed"):
        need("finnes-ikke-verktoy")
