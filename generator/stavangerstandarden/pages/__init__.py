"""The site's generated Markdown: whole pages for areas and forms, snippets for the rest.

Pure functions from the model (and the published form manifest) to bytes keyed by their path
under docs/. Nothing here knows MkDocs: hand-written pages in docs/ pull the snippets in with
the `pymdownx.snippets` Markdown extension, which both MkDocs and Zensical run.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from stavangerstandarden.exports import data_files
from stavangerstandarden.fill.fields import page_source
from stavangerstandarden.fill.messages import MESSAGES
from stavangerstandarden.model import Area, Standard
from stavangerstandarden.pages.contract_doc import field_contract
from stavangerstandarden.pages.downloads import (
    Download,
    Downloads,
    MissingManifest,
    read_downloads,
)
from stavangerstandarden.pages.figure import model_figure
from stavangerstandarden.pages.markup import render
from stavangerstandarden.pages.wording import level_span

__all__ = ["MissingManifest", "page_files"]

AREAS_DIR = "omrader"
FORMS_PAGE = "skjema/index.md"
SNIPPETS_DIR = "generert"
"""Included by the hand-written pages at the root of docs/, so links in them start there."""


@dataclass(frozen=True)
class Site:
    standard: Standard
    downloads: Downloads


def page_files(standard: Standard, forms: Mapping[str, bytes]) -> dict[str, bytes]:
    """`forms` is the form renderer's output; its manifest decides what the pages link to."""
    site = Site(standard, read_downloads(forms))
    files: dict[str, bytes] = {}
    for renderer in RENDERERS:
        files.update(renderer(site))
    return files


def _snippets(site: Site) -> dict[str, bytes]:
    s = site.standard
    data = sorted(data_files(s))
    return {
        f"{SNIPPETS_DIR}/{name}.md": render(f"{name}.md.j2", standard=s, data=data)
        for name in SNIPPETS
    } | {
        f"{SNIPPETS_DIR}/modellfigur.html": model_figure(s, href_prefix=f"{AREAS_DIR}/"),
        f"{SNIPPETS_DIR}/feltkontrakt.md": field_contract(s),
    }


SNIPPETS = ("forside", "modellen", "om-standarden", "egenvurdering", "regelverket",
            "apne-data", "tilgjengelighet")


def _area_pages(site: Site) -> dict[str, bytes]:
    areas = site.standard.areas
    pages = {f"{AREAS_DIR}/index.md": render("omrader.md.j2", standard=site.standard)}
    for i, area in enumerate(areas):
        pages[f"{AREAS_DIR}/{area.id}.md"] = render(
            "omrade.md.j2", standard=site.standard, area=area,
            downloads=_links(site.downloads.for_area(area.id), f"{AREAS_DIR}/{area.id}.md"),
            msg=MESSAGES,
            previous=areas[i - 1] if i > 0 else None,
            next=areas[i + 1] if i + 1 < len(areas) else None,
            extras=_level_extras(site.standard, area),
        )
    return pages


def _level_extras(standard: Standard, area: Area) -> dict[str, list[tuple[str, str]]]:
    """Per statement id: (levels in words, text) for each level-specific addition."""
    return {s.id: [(level_span(standard, lt.levels), lt.text) for lt in s.level_texts]
            for s in area.statements}


def _forms_page(site: Site) -> dict[str, bytes]:
    here = posixpath.dirname(FORMS_PAGE)
    return {FORMS_PAGE: render(
        "skjema.md.j2", standard=site.standard, downloads=site.downloads, msg=MESSAGES,
        href=lambda file: posixpath.relpath(file, here),
    )}


def _links(downloads: tuple[Download, ...], page: str) -> list[tuple[Download, str, str]]:
    """Each download with its PDF link and its fill page's Markdown link, relative to `page`
    (MkDocs checks and rewrites Markdown links)."""
    here = posixpath.dirname(page)
    return [(d, posixpath.relpath(d.file, here), posixpath.relpath(page_source(d.html), here))
            for d in downloads]


RENDERERS: tuple[Callable[[Site], dict[str, bytes]], ...] = (
    _snippets, _area_pages, _forms_page,
)
"""Every generated page set; a test walks each one."""
