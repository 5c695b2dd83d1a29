"""All forms of a standard and the ZIP of them, rendered on every core.

Forms whose inputs did not change since the last build are read back from a cache folder.
Each form is independent, so the specs are dealt out round-robin to worker threads. Typst
lays out without holding the GIL (about two thirds of the work), so threads use both cores
without the second or so that starting worker processes costs, and they behave the same
from the CLI, the preview server and tests. Each thread keeps its own Typst compiler.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path, PurePosixPath

from stavangerstandarden.atomicfile import write_atomic
from stavangerstandarden.cores import usable_cores
from stavangerstandarden.forms.content import form_content, localized
from stavangerstandarden.forms.render import page_count, render_form
from stavangerstandarden.formset import FormSet
from stavangerstandarden.formspec import FormSpec, form_specs
from stavangerstandarden.glyphs import check_glyphs
from stavangerstandarden.i18n.edition import Edition, source_edition
from stavangerstandarden.model import Standard
from stavangerstandarden.published import built_zip

ZIP_DATE = (1980, 1, 1, 0, 0, 0)
"""Earliest date ZIP can store; fixed so the archive's bytes never change."""


def form_files(standard: Standard, cache: Path | None = None,
               edition: Edition | None = None,
               like: Mapping[str, bytes] | None = None) -> FormSet:
    """Every form's spec and PDF and the ZIP of all of them, PDFs by path under the
    language's site (the same paths in every language); bokmål unless `edition` (of
    `standard`) says otherwise. `FormSet.files()` adds the manifest.

    With `cache` (a folder), a form whose inputs did not change is read back instead of
    rendered: rendering is byte-deterministic, so a hash of the inputs is a safe key.
    `like`: the files of another language's site, whose forms' page counts are likely this
    language's too (see `render_form`); the bytes are the same without it.
    """
    edition = edition or source_edition(standard)
    standard = edition.standard
    check_glyphs(standard, language=edition.language)
    specs = form_specs(standard, localized(edition.language))
    rendered = (render_forms(standard, specs, edition=edition, pages=_guesses(specs, like))
                if cache is None else _cached(standard, specs, cache, edition, like))
    pdfs = dict(zip((s.file for s in specs), rendered, strict=True))
    return FormSet(standard, specs, pdfs,
                   zip_forms(pdfs) if built_zip(edition.language) else None)


def render_forms(standard: Standard, specs: Sequence[FormSpec],
                 workers: int | None = None, edition: Edition | None = None,
                 pages: Sequence[int | None] | None = None) -> list[bytes]:
    """The PDFs of `specs`, in order; `workers` defaults to the usable cores; `pages`: each
    form's likely page count, if known (see `render_form`)."""
    count = min(workers or usable_cores(), len(specs))
    jobs = list(zip(specs, pages or [None] * len(specs), strict=True))
    if count <= 1:
        return _render_share(standard, jobs, edition)
    shares = [jobs[k::count] for k in range(count)]
    with ThreadPoolExecutor(count, thread_name_prefix="skjema") as pool:
        done = list(pool.map(_render_share, [standard] * count, shares, [edition] * count))
    result: list[bytes] = [b""] * len(specs)
    for k, pdfs in enumerate(done):
        result[k::count] = pdfs
    return result


def _guesses(specs: Sequence[FormSpec], like: Mapping[str, bytes] | None) -> list[int | None]:
    """Each form's page count in `like` (another language's files), where it has the form."""
    return [page_count(like[s.file]) if like and s.file in like else None for s in specs]


def _cached(standard: Standard, specs: Sequence[FormSpec], cache: Path,
            edition: Edition | None, like: Mapping[str, bytes] | None) -> list[bytes]:
    """Render only the forms not in `cache`; store them; drop entries this build did not use.
    Page counts are guessed for those only: a warm build opens no other language's PDF."""
    keys = [f"{form_key(standard, spec, edition)}.pdf" for spec in specs]
    found = {k: (cache / k).read_bytes() for k in set(keys) if (cache / k).is_file()}
    missing = [(k, spec) for k, spec in zip(keys, specs, strict=True) if k not in found]
    cache.mkdir(parents=True, exist_ok=True)
    todo = [spec for _, spec in missing]
    for (key, _), pdf in zip(missing, render_forms(
            standard, todo, edition=edition, pages=_guesses(todo, like)), strict=True):
        write_atomic(cache / key, pdf)
        found[key] = pdf
    for stale in cache.glob("*.pdf"):
        if stale.name not in found:
            stale.unlink(missing_ok=True)
    return [found[k] for k in keys]


def form_key(standard: Standard, spec: FormSpec, edition: Edition | None = None) -> str:
    """Hash of everything one form's bytes depend on: its content (texts and words in its
    language, widgets, fields) and the renderer itself (this package's code, template and
    fonts, library versions)."""
    content = form_content(standard, spec, edition)
    digest = hashlib.sha256(_renderer_fingerprint())
    digest.update(json.dumps(content.data, sort_keys=True, ensure_ascii=False).encode())
    digest.update(repr((sorted(content.widgets.items()), content.hidden)).encode())
    return digest.hexdigest()[:32]


@cache
def _renderer_fingerprint() -> bytes:
    from importlib.metadata import version

    import pikepdf

    versions = [version(p) for p in ("typst", "pikepdf", "fonttools", "segno", "numpy")]
    digest = hashlib.sha256(" ".join([*versions, pikepdf.__libqpdf_version__]).encode())
    package = Path(__file__).resolve().parents[1]
    for path in sorted([*package.glob("forms/*"), *package.glob("fonts/*"),
                        package / "contract.py", package / "formspec.py",
                        package / "fonttable.py", package / "typst_runner.py"]):
        if path.is_file():
            digest.update(path.name.encode() + path.read_bytes())
    return digest.digest()


def _render_share(standard: Standard, jobs: list[tuple[FormSpec, int | None]],
                  edition: Edition | None) -> list[bytes]:
    return [render_form(standard, spec, edition, pages) for spec, pages in jobs]


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
