"""Fixtures every test folder shares: the real source, loaded once, and its form specs."""

from __future__ import annotations

from pathlib import Path

import pytest

from stavangerstandarden.formspec import FormSpec, form_specs
from stavangerstandarden.loader import load_file
from stavangerstandarden.model import Standard

SOURCE = Path(__file__).resolve().parents[1] / "framework" / "stavangerstandarden.yaml"


@pytest.fixture(scope="session")
def standard() -> Standard:
    return load_file(SOURCE)


@pytest.fixture(scope="session")
def specs(standard: Standard) -> tuple[FormSpec, ...]:
    return form_specs(standard)
