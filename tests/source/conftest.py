from __future__ import annotations

from pathlib import Path

import pytest

FRAMEWORK = Path(__file__).resolve().parents[2] / "framework" / "stavangerstandarden.yaml"
LABEL = "framework/stavangerstandarden.yaml"
SOURCE = FRAMEWORK


@pytest.fixture(scope="session")
def source_text() -> str:
    """Stavanger's own YAML, never STANDARD_SOURCE: the message tests break its exact lines
    one way at a time."""
    return FRAMEWORK.read_text(encoding="utf-8")
