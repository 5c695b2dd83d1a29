"""One language's forms as the build hands them on: the specs, their PDFs and the ZIP.

Pages, fill pages and the published manifest all take the specs from here, so nothing
downstream parses `skjema/skjema.json` back or computes the specs a second time; the
manifest becomes bytes once, in `files()`, where the build writes its output.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from stavangerstandarden import contract as c
from stavangerstandarden.formspec import FormSpec, manifest_json
from stavangerstandarden.model import Standard


@dataclass(frozen=True)
class FormSet:
    standard: Standard
    """The edition the forms are of (its words, ids and file names)."""
    specs: tuple[FormSpec, ...]
    pdfs: Mapping[str, bytes] = field(default_factory=lambda: MappingProxyType({}))
    """PDF by path under the language's site; the preview's first pass may have some or none."""
    zip_bytes: bytes | None = None
    """The ZIP of every PDF; None while the PDFs are not all rendered, and in a language whose
    ZIP no release published (`published.built_zip`): its Skjema page makes it in the browser."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "pdfs", MappingProxyType(dict(self.pdfs)))

    @property
    def zip_name(self) -> str:
        return c.zip_file(self.standard)

    @property
    def complete(self) -> bool:
        """Every spec has its PDF: what the fill pages need before they are published."""
        return all(spec.file in self.pdfs for spec in self.specs)

    def files(self) -> dict[str, bytes]:
        """PDFs, the ZIP (when made) and the manifest, by path under the language's site."""
        out = dict(self.pdfs)
        if self.zip_bytes is not None:
            out[self.zip_name] = self.zip_bytes
        out[c.MANIFEST] = manifest_json(self.standard, self.specs).encode("utf-8")
        return out
