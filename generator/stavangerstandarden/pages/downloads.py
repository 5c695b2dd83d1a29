"""The forms the pages link to, taken from the same specs the form renderer drew.

Pages link to the files the form specs name (the ones `skjema/skjema.json` publishes), never
to file names they compute themselves, so a page cannot point at a form that does not exist.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from stavangerstandarden import contract as c
from stavangerstandarden.formspec import FormSpec
from stavangerstandarden.model import Standard
from stavangerstandarden.published import built_zip


@dataclass(frozen=True)
class Download:
    file: str
    """Path relative to the site root, e.g. `skjema/gode-relasjoner-skole.pdf`."""
    html: str
    """Its fill page, relative to the site root (`skjema/fyll/<stem>/index.html`)."""
    title: str
    area: str | None
    """Area id, or None for the complete form."""
    level: str


@dataclass(frozen=True)
class Downloads:
    forms: tuple[Download, ...]
    zip: str
    """The ZIP of all forms, relative to the site root."""
    zip_built: bool
    """The site stores the ZIP (a release published it); else the Skjema page makes it in the
    browser from the forms it lists, under the same name."""
    booklet: str
    """The whole standard as one PDF, relative to the site root."""

    def for_area(self, area_id: str | None) -> tuple[Download, ...]:
        """Forms of one area (None: the complete forms), in spec (= level) order."""
        return tuple(d for d in self.forms if d.area == area_id)

    def cell(self, area_id: str | None, level_id: str) -> Download:
        return next(d for d in self.forms if d.area == area_id and d.level == level_id)


def downloads(standard: Standard, specs: Sequence[FormSpec]) -> Downloads:
    """What the manifest of `specs` publishes, as the pages need it."""
    return Downloads(
        forms=tuple(Download(s.file, c.fill_page(s.file), s.title,
                             s.area.id if s.area else None, s.level.id) for s in specs),
        zip=c.zip_file(standard),
        zip_built=not specs or built_zip(specs[0].language),
        booklet=c.booklet_file(standard),
    )
