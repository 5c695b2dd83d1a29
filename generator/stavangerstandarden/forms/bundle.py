"""All forms of a standard, the ZIP of them and the manifest, rendered on every core.

Each form is independent, so the specs are dealt out round-robin to worker threads. Typst
lays out without holding the GIL (about two thirds of the work), so threads use both cores
without the second or so that starting worker processes costs, and they behave the same
from the CLI, the serve hook and tests. Each thread keeps its own Typst compiler.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import PurePosixPath

from stavangerstandarden import contract as c
from stavangerstandarden.cores import usable_cores
from stavangerstandarden.forms.glyphs import check_glyphs
from stavangerstandarden.forms.content import localized
from stavangerstandarden.forms.render import render_form
from stavangerstandarden.formspec import FormSpec, form_specs, manifest_json
from stavangerstandarden.i18n.edition import Edition, source_edition
from stavangerstandarden.i18n.editions import translated_editions
from stavangerstandarden.model import Standard

ZIP_DATE = (1980, 1, 1, 0, 0, 0)
"""Earliest date ZIP can store; fixed so the archive's bytes never change."""


def form_files(standard: Standard, edition: Edition | None = None) -> dict[str, bytes]:
    """Every form PDF, the ZIP of all of them and skjema/skjema.json, by path under the
    language's site (the same paths in every language); bokmål unless `edition` (of
    `standard`) says otherwise."""
    edition = edition or source_edition(standard)
    standard = edition.standard
    check_glyphs(standard)
    specs = form_specs(standard, localized(edition.language))
    pdfs = dict(zip((s.file for s in specs), render_forms(standard, specs, edition=edition),
                    strict=True))
    return {
        **pdfs,
        c.zip_file(standard): zip_forms(pdfs),
        c.MANIFEST: manifest_json(standard, specs).encode("utf-8"),
    }


def translated_form_files(standard: Standard) -> dict[str, bytes]:
    """The forms of every translated language, by path under the whole site: each
    language's `form_files` under its `contract.language_root` (`nn/skjema/…`)."""
    return {f"{c.language_root(e.language)}{path}": data
            for e in translated_editions(standard)
            for path, data in form_files(standard, e).items()}


def render_forms(standard: Standard, specs: Sequence[FormSpec],
                 workers: int | None = None, edition: Edition | None = None) -> list[bytes]:
    """The PDFs of `specs`, in order; `workers` defaults to the usable cores."""
    count = min(workers or usable_cores(), len(specs))
    if count <= 1:
        return [render_form(standard, spec, edition) for spec in specs]
    shares = [list(specs[k::count]) for k in range(count)]
    with ThreadPoolExecutor(count, thread_name_prefix="skjema") as pool:
        done = list(pool.map(_render_share, [standard] * count, shares, [edition] * count))
    result: list[bytes] = [b""] * len(specs)
    for k, pdfs in enumerate(done):
        result[k::count] = pdfs
    return result


def _render_share(standard: Standard, specs: list[FormSpec],
                  edition: Edition | None) -> list[bytes]:
    return [render_form(standard, spec, edition) for spec in specs]


def zip_forms(pdfs: dict[str, bytes]) -> bytes:
    """All PDFs flat in one archive, sorted, with fixed dates and permissions."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(pdfs):
            info = zipfile.ZipInfo(PurePosixPath(path).name, ZIP_DATE)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, pdfs[path])
    return out.getvalue()
