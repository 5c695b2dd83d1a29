"""Fixtures every test folder shares: Stavanger's source (or STANDARD_SOURCE) loaded once with
its form specs, and `any_standard`, which runs a test once per standard in `standards.py`;
and how `make test` spreads the tests over pytest-xdist's workers."""

from __future__ import annotations

import os
from typing import Any

import pytest
from standards import STANDARDS, STAVANGER, source_text
from xdist.scheduler import LoadScopeScheduling

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


WHOLE = ("site", "summary", "forms", "fill", "kommunepage", "paper", "booklet", "versions",
         "overview", "i18n")
"""Folders whose tests share costly session fixtures (built sites, rendered forms, browser
runs), most costly first. Under pytest-xdist (`make test`: `-n auto --dist loadscope`) each
runs whole on one worker, so its fixtures are made once, and the costliest start first; the
other tests fill the gaps one by one. Sites several folders build are shared through
shared.py."""


def _folder(nodeid: str) -> str:
    """The folder under tests/ a test is in ("" for tests/ itself)."""
    parts = nodeid.split("::", 1)[0].split("/")
    return parts[1] if len(parts) > 2 else ""


class FolderScheduling(LoadScopeScheduling):
    """pytest-xdist's scheduling by scope, a scope being a WHOLE folder or else one test."""

    def _split_scope(self, nodeid: str) -> str:
        return folder if (folder := _folder(nodeid)) in WHOLE else nodeid


def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> FolderScheduling | None:
    return FolderScheduling(config, log) if config.getvalue("dist") == "loadscope" else None


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """In a worker: WHOLE's folders first, in its order (the scheduler hands out scopes in
    collection order under `--no-loadscope-reorder`)."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        def rank(item: pytest.Item) -> int:
            folder = _folder(item.nodeid)
            return WHOLE.index(folder) if folder in WHOLE else len(WHOLE)
        items.sort(key=rank)
