"""Hosted under a sub-path (https://kommune.example/stavangerstandarden/): with site_url set,
every page, the 404 page included, finds all its links and assets under that path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from stavangerstandarden.build import ENGINES

from .conftest import build_project, language_site

PREFIX = "/stavangerstandarden/"


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_every_page_works_under_a_sub_path(project: Path, engine: str,
                                           browser: Callable[..., Any]) -> None:
    hosted = build_project(project, engine, project / f"site-{engine}-undermappe",
                           site_url=f"https://kommune.example{PREFIX}")
    # Bokmål's pages (the language sites' pages are checked to exist, as links): each page
    # loaded costs seconds, and tests/site/test_browser.py loads a sample of the languages'.
    languages = ",".join(f"/{p.name}/" for p in sorted(hosted.iterdir()) if language_site(p))
    crawl = browser("crawl", str(hosted), PREFIX, languages)
    found = {p["url"]: p for p in crawl["pages"]}
    assert len(found) > 10
    assert {url: p["status"] for url, p in found.items()} == {
        url: 404 if url == "/finnes-ikke/" else 200 for url in found}
    assert {url: p["failed"] for url, p in found.items() if p["failed"]} == {}
    assert {path: status for path, status in crawl["files"].items() if status != 200} == {}
    # The 404 page is answered at any depth; its stylesheet still comes from under PREFIX.
    assert any(r.startswith(f"{crawl['base']}/assets/stylesheets/")
               for r in found["/finnes-ikke/"]["requests"])
