"""Fixtures every test folder shares: Stavanger's source (or STANDARD_SOURCE) loaded once with
its form specs, and `any_standard`, which runs a test once per standard in `standards.py`."""

from __future__ import annotations

import pytest
from standards import STANDARDS, STAVANGER, source_text

from stavangerstandarden.formspec import FormSpec, form_specs
from stavangerstandarden.loader import load, load_file
from stavangerstandarden.model import Standard


@pytest.fixture(scope="session")
def standard() -> Standard:
    return load_file(STAVANGER)


@pytest.fixture(scope="session")
def specs(standard: Standard) -> tuple[FormSpec, ...]:
    return form_specs(standard)


@pytest.fixture(scope="session", params=STANDARDS)
def any_standard(request: pytest.FixtureRequest) -> Standard:
    """Each standard of `standards.STANDARDS` in turn: a test taking it must hold for all."""
    name: str = request.param
    return load(source_text(name), f"{name}.yaml")
