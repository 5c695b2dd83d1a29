"""Keep docs/ up to date with the source for the live preview (`mkdocs serve`).

The same library calls as `stavangerstandarden build`, in the order a maintainer waits for:
after an edit the pages and data are written at once (their form links come from the
manifest, which `formspec` computes without rendering a PDF), and the slower PDFs follow from
a background thread, so the edited page is in the browser before the forms are done. An
invalid source is reported, not raised: the preview keeps the last valid pages and shows why.
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from stavangerstandarden import contract as c
from stavangerstandarden.build import GENERATED_ROOTS, generated_files, sync_tree
from stavangerstandarden.exports import data_files
from stavangerstandarden.formspec import form_specs, manifest_json
from stavangerstandarden.loader import check_file
from stavangerstandarden.model import Standard
from stavangerstandarden.pages import page_files
from stavangerstandarden.problems import InvalidSource, Problem

log = logging.getLogger(__name__)


class LivePreview:
    """One per `mkdocs serve` process; `refresh()` before every rebuild."""

    def __init__(self, source: Path, docs_dir: Path) -> None:
        self.source = source
        self.docs_dir = docs_dir
        self.standard: Standard | None = None
        """The last valid model, for the site settings of the next rebuild."""
        self._done: bytes | None = None
        """Source bytes docs/ was last generated from; a rebuild caused by our own writes
        finds them unchanged and regenerates nothing."""
        self._forms = ThreadPoolExecutor(max_workers=1, thread_name_prefix="skjema")

    def refresh(self) -> tuple[Problem, ...]:
        """Regenerate if the source changed; return its errors (nothing is written then)."""
        text = self.source.read_bytes()
        if text == self._done:
            return ()
        checked = check_file(self.source)
        if checked.standard is None:
            return checked.errors
        self.standard = checked.standard
        first = self._done is None
        self._done = text
        if first:
            return self._write_all(checked.standard, text)
        self._write_pages(checked.standard)
        self._forms.submit(self._write_all, checked.standard, text)
        return ()

    def _write_pages(self, standard: Standard) -> None:
        """Pages and data now; every other generated file stays as it is until the forms come."""
        forms = {c.MANIFEST: manifest_json(standard, form_specs(standard)).encode("utf-8")}
        current = {p.relative_to(self.docs_dir).as_posix(): p.read_bytes()
                   for root in GENERATED_ROOTS for p in (self.docs_dir / root).rglob("*")
                   if p.is_file()}
        sync_tree(self.docs_dir, current | data_files(standard) | forms
                  | page_files(standard, forms))

    def _write_all(self, standard: Standard, text: bytes) -> tuple[Problem, ...]:
        try:
            files = generated_files(standard)
        except InvalidSource as exc:
            for problem in exc.errors:
                log.error("%s", problem)
            return exc.errors
        if self.source.read_bytes() == text:  # not overtaken by a newer edit
            sync_tree(self.docs_dir, files)
        return ()
