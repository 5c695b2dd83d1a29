"""Fixtures every test folder shares: Stavanger's source (or STANDARD_SOURCE) loaded once with
its form specs, and `any_standard`, which runs a test once per standard in `standards.py`;
and how `make test` spreads the tests over pytest-xdist's workers."""

from __future__ import annotations

import os
from pathlib import Path

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


WHOLE = ("site", "summary", "fill", "kommunepage", "forms", "paper", "collect", "booklet",
         "versions", "overview", "i18n")
"""Folders whose tests share costly session fixtures (built sites, rendered forms, browser
runs), most costly first. Under pytest-xdist (`make test`: `--dist loadgroup`) each runs
whole on one worker, so its fixtures are made once, and the costliest start first; the other
tests fill the gaps one by one. Sites several folders build are shared through shared.py."""


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return
    tests = Path(__file__).parent

    def folder(item: pytest.Item) -> str:
        parts = item.path.relative_to(tests).parts
        return parts[0] if len(parts) > 1 else ""

    for item in items:
        if folder(item) in WHOLE:
            item.add_marker(pytest.mark.xdist_group(folder(item)))
    items.sort(key=lambda item: WHOLE.index(f) if (f := folder(item)) in WHOLE else len(WHOLE))
