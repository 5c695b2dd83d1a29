"""What one language's site is made of: a list of producers, each turning the same inputs
into one set of generated files (path under the language's docs tree → bytes).

`build` walks the list for every language and publishes the result; a test walks it too, so
a producer added here is one the build runs and the test checks. Each imports its renderer
when called, so importing this module loads none of them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from stavangerstandarden.formset import FormSet
from stavangerstandarden.i18n.edition import Edition
from stavangerstandarden.i18n.status import Status
from stavangerstandarden.i18n.ui import Localized
from stavangerstandarden.model import Standard
from stavangerstandarden.versions.diff import Changelog


@dataclass(frozen=True)
class Assembly:
    """One language's inputs, as every producer takes them."""

    standard: Standard
    """The standard as loaded; its `source` locates the YAML the Sammendrag page ships."""
    shown: Standard
    """The language's edition of it (`standard` itself in bokmål)."""
    forms: FormSet
    booklet: Mapping[str, bytes]
    edition: Edition | None
    """None: bokmål."""
    loc: Localized | None
    statuses: tuple[Status, ...]
    """Each translation's status, for the «Språk» page (none: no such page)."""
    log: Changelog
    source_links: bool
    """The engine resolves links in raw HTML from the page's source file (Zensical)."""

    @cached_property
    def bundle(self) -> bytes:
        """The Python bundle the Sammendrag and Kommune pages load, made once for both."""
        from stavangerstandarden.summary.files import shared_bundle

        return shared_bundle(Path(self.standard.source))


def _data(a: Assembly) -> dict[str, bytes]:
    from stavangerstandarden.exports import data_files

    return data_files(a.shown)


def _changes(a: Assembly) -> dict[str, bytes]:
    from stavangerstandarden.versions.export import changelog_files

    return changelog_files(a.log)


def _forms(a: Assembly) -> dict[str, bytes]:
    """The PDFs, the ZIP and the manifest: the one place skjema.json is written."""
    return a.forms.files()


def _booklet(a: Assembly) -> dict[str, bytes]:
    return dict(a.booklet)


def _pages(a: Assembly) -> dict[str, bytes]:
    from stavangerstandarden.pages import page_files

    return page_files(a.shown, a.forms.specs, edition=a.edition, loc=a.loc,
                      statuses=a.statuses, log=a.log, source_links=a.source_links)


def _fill(a: Assembly) -> dict[str, bytes]:
    """The preview's first pass may have no PDFs yet: its fill pages come with the forms."""
    from stavangerstandarden.fill.files import fill_files

    return fill_files(a.shown, a.forms.specs, loc=a.loc) if a.forms.complete else {}


def _summary(a: Assembly) -> dict[str, bytes]:
    from stavangerstandarden.summary.files import summary_files

    return summary_files(a.shown, Path(a.standard.source), loc=a.loc, bundle=a.bundle)


def _kommune(a: Assembly) -> dict[str, bytes]:
    from stavangerstandarden.overview.page import kommune_files

    return kommune_files(a.shown, loc=a.loc, bundle=a.bundle)


PRODUCERS: tuple[Callable[[Assembly], dict[str, bytes]], ...] = (
    _data, _changes, _forms, _booklet, _pages, _fill, _summary, _kommune,
)
"""Every generated file set of one language's site, in the order later ones win."""


def assemble(a: Assembly) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for produce in PRODUCERS:
        files.update(produce(a))
    return files
