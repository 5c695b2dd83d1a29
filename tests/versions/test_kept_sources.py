"""The versions this repository has published, kept in framework/versjoner/: each still checks
with today's code (a key added since is optional), and the working file agrees with them
(`check` would refuse a reworded statement while the version is still the frozen one)."""

from __future__ import annotations

from pathlib import Path

import pytest
from standards import ROOT

from stavangerstandarden.loader import check_file
from stavangerstandarden.versions.guard import check_versions
from stavangerstandarden.versions.history import VERSIONS_DIR, version_key

SOURCE = ROOT / "framework" / "stavangerstandarden.yaml"
KEPT = sorted((ROOT / "framework" / VERSIONS_DIR).glob("*.yaml"))


def test_the_published_version_is_kept() -> None:
    assert KEPT, "framework/versjoner/ holds no published version"


@pytest.mark.parametrize("kept", KEPT, ids=lambda p: p.name)
def test_a_kept_version_still_checks_with_todays_code(kept: Path) -> None:
    checked = check_file(kept)
    assert checked.errors == ()
    assert checked.standard is not None
    assert checked.standard.meta.version == kept.stem


def test_the_working_file_agrees_with_the_kept_versions() -> None:
    checked, history = check_versions(SOURCE)
    assert checked.errors == ()
    assert history is not None
    assert [k.meta.version for k in history.kept] == sorted((p.stem for p in KEPT), key=version_key)
