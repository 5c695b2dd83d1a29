"""The site's generated Markdown: whole pages for areas and forms, snippets for the rest.

Pure functions from the model (and the form specs the renderer drew) to bytes keyed by their path
under docs/. Nothing here knows MkDocs: hand-written pages in docs/ pull the snippets in with
the `pymdownx.snippets` Markdown extension, which both MkDocs and Zensical run.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from stavangerstandarden.collect import summaryfile
from stavangerstandarden.exports import data_files
from stavangerstandarden.figure import model_figure
from stavangerstandarden.fill.messages import messages
from stavangerstandarden.formspec import FormSpec
from stavangerstandarden.i18n.edition import Edition, source_edition
from stavangerstandarden.i18n.layout import SOURCE_LANGUAGE, language_name
from stavangerstandarden.i18n.status import Status
from stavangerstandarden.i18n.ui import Localized
from stavangerstandarden.markup import render
from stavangerstandarden.model import Area, Standard
from stavangerstandarden.pages.contract_doc import field_contract
from stavangerstandarden.pages.downloads import Download, Downloads, downloads
from stavangerstandarden.versions.diff import Changelog, changelog
from stavangerstandarden.versions.history import alone
from stavangerstandarden.wording import level_span
from stavangerstandarden.words import N_

__all__ = ["SNIPPETS_DIR", "page_files"]

AREAS_DIR = "omrader"
FORMS_PAGE = "skjema/index.md"
STATUS_PAGE = "sprak/index.md"
"""The «Språk og oversettelser» page, in every language's site when there are several."""
CHANGES_PAGE = "endringer/index.md"
"""The changelog, in every language's site; empty of changes while no version is kept."""
SNIPPETS_DIR = "generert"
"""Included by the hand-written pages at the root of docs/, so links in them start there."""


@dataclass(frozen=True)
class Site:
    standard: Standard
    downloads: Downloads
    edition: Edition
    loc: Localized
    statuses: tuple[Status, ...]
    changelog: Changelog | None = None
    """The changes between the kept versions; None: no version is kept."""
    source_links: bool = False
    """The engine resolves links in raw HTML from the page's source file (Zensical)."""

    def render(self, template: str, **context: object) -> bytes:
        """A template in this site's language, bokmål fallbacks marked."""
        return render(template, loc=self.loc, fallback=self.edition.fallback,
                      standard=self.standard, **context)


def page_files(standard: Standard, specs: Sequence[FormSpec], edition: Edition | None = None,
               loc: Localized | None = None,
               statuses: tuple[Status, ...] = (),
               log: Changelog | None = None,
               source_links: bool = False) -> dict[str, bytes]:
    """`specs` are the forms the renderer drew (`FormSet.specs`): the pages link to them.
    `edition` and `loc` give the language (bokmål without them; `standard` is then the
    edition's); `statuses` each translation's, for the «Språk» page (none: no page); `log`
    the changes between the kept versions (none: no version is kept)."""
    edition = edition or source_edition(standard)
    site = Site(standard, downloads(standard, specs), edition,
                loc or Localized.for_language(edition.language), statuses, log,
                source_links)
    files: dict[str, bytes] = {}
    for renderer in RENDERERS:
        files.update(renderer(site))
    return files


def _snippets(site: Site) -> dict[str, bytes]:
    s = site.standard
    data = sorted(data_files(s))
    return {
        f"{SNIPPETS_DIR}/{name}.md": site.render(f"{name}.md.j2", data=data,
                                                 booklet=site.downloads.booklet,
                                                 msg=messages(site.loc),
                                                 summary_format=summaryfile.FORMAT)
        for name in SNIPPETS
    } | {
        f"{SNIPPETS_DIR}/modellfigur.html": model_figure(s, href_prefix=f"{AREAS_DIR}/",
                                                         loc=site.loc),
        f"{SNIPPETS_DIR}/feltkontrakt.md": field_contract(s),
    }


SNIPPETS = ("forside", "modellen", "om-standarden", "egenvurdering", "regelverket",
            "apne-data", "tilgjengelighet")


def _area_pages(site: Site) -> dict[str, bytes]:
    areas = site.standard.areas
    pages = {f"{AREAS_DIR}/index.md": site.render("omrader.md.j2")}
    for i, area in enumerate(areas):
        pages[f"{AREAS_DIR}/{area.id}.md"] = site.render(
            "omrade.md.j2", area=area,
            downloads=_links(site.downloads.for_area(area.id),
                             AREAS_DIR if site.source_links else f"{AREAS_DIR}/{area.id}/"),
            msg=messages(site.loc),
            previous=areas[i - 1] if i > 0 else None,
            next=areas[i + 1] if i + 1 < len(areas) else None,
            extras=_level_extras(site.standard, area, site.loc),
        )
    return pages


def _level_extras(standard: Standard, area: Area,
                  loc: Localized) -> dict[str, list[tuple[str, str]]]:
    """Per statement id: (levels in words, text) for each level-specific addition."""
    return {s.id: [(level_span(standard, lt.levels, loc), lt.text) for lt in s.level_texts]
            for s in area.statements}


def _forms_page(site: Site) -> dict[str, bytes]:
    here = posixpath.dirname(FORMS_PAGE)
    return {FORMS_PAGE: site.render(
        "skjema.md.j2", downloads=site.downloads, msg=messages(site.loc),
        href=lambda file: posixpath.relpath(file, here),
    )}


def _status_page(site: Site) -> dict[str, bytes]:
    """«Språk og oversettelser»: how far each language's translation has come."""
    if not site.statuses:
        return {}
    names = {s.language: language_name(s.language, site.loc.language) for s in site.statuses}
    return {STATUS_PAGE: site.render("sprak.md.j2", statuses=site.statuses, names=names,
                                     source=language_name("nb", site.loc.language))}


def _changelog_page(site: Site) -> dict[str, bytes]:
    """«Endringer i standarden»: what changed from one kept version to the next."""
    log = site.changelog or changelog(alone(site.standard))
    loc = site.loc
    return {CHANGES_PAGE: site.render(
        "endringer.md.j2", history=log.history, entries=log.entries, first=log.first,
        kept={k.meta.version for k in log.history.kept},
        foreign=loc.language != SOURCE_LANGUAGE,
        fields={key: loc.gettext(word) for key, word in CHANGED_FIELDS.items()})}


CHANGED_FIELDS = {"title": N_("tittel"), "description": N_("beskrivelse"), "kind": N_("type"),
                  "label": N_("navn"), "colour": N_("farge")}
"""The words for the fields of an area, level or scale step the changelog says changed."""


def _links(downloads: tuple[Download, ...], url: str) -> list[tuple[Download, str, str]]:
    """Each download with its PDF's and its fill page's address relative to the built page at
    `url` (a folder: the engines write `omrader/<id>.md` as `omrader/<id>/index.html`). The
    links sit in raw HTML, which the engines neither check nor rewrite; the site tests follow
    every one of them."""
    return [(d, posixpath.relpath(d.file, url), posixpath.relpath(d.html, url))
            for d in downloads]


RENDERERS: tuple[Callable[[Site], dict[str, bytes]], ...] = (
    _snippets, _area_pages, _forms_page, _status_page, _changelog_page,
)
"""Every generated page set; a test walks each one."""
