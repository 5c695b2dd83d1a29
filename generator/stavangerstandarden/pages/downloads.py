"""The published form manifest, read back as the one list of downloads the pages link to.

Pages link to what the form renderer actually published (`skjema/skjema.json`), never to
file names they compute themselves, so a page cannot point at a form that does not exist.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from stavangerstandarden import contract as c


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
    booklet: str | None = None
    """The whole standard as one PDF, relative to the site root; None in a manifest made
    before the booklet existed."""

    def for_area(self, area_id: str | None) -> tuple[Download, ...]:
        """Forms of one area (None: the complete forms), in manifest (= level) order."""
        return tuple(d for d in self.forms if d.area == area_id)

    def cell(self, area_id: str | None, level_id: str) -> Download:
        return next(d for d in self.forms if d.area == area_id and d.level == level_id)


class MissingManifest(LookupError):
    """`page_files` was called without the form renderer's output: a wiring bug, not a user
    error."""


def read_downloads(forms: Mapping[str, bytes]) -> Downloads:
    try:
        raw = forms[c.MANIFEST]
    except KeyError:
        raise MissingManifest(
            f"the form files contain no {c.MANIFEST}; pass form_files(standard) to page_files"
        ) from None
    data = json.loads(raw)
    return Downloads(
        forms=tuple(Download(f["file"], f["html"], f["title"], f["area"],
                                    f["level"]) for f in data["forms"]),
        zip=data["zip"],
        booklet=data.get("booklet"),
    )
