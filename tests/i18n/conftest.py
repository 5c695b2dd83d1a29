"""A copy of the standard with its translations, for tests that edit the source."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FRAMEWORK = ROOT / "framework"


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """framework/ copied to a temporary folder; returns the copied YAML."""
    shutil.copytree(FRAMEWORK, tmp_path / "framework")
    return tmp_path / "framework" / "stavangerstandarden.yaml"
