"""The Sammendrag page's output: every file it adds under docs/."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from stavangerstandarden import contract as c
from stavangerstandarden.fill.fields import page_source
from stavangerstandarden.i18n.layout import SOURCE_LANGUAGE, Layout
from stavangerstandarden.i18n.ui import Localized
from stavangerstandarden.libraries import PYODIDE, library_files, served_files
from stavangerstandarden.model import Standard
from stavangerstandarden.summary.bundle import python_bundle
from stavangerstandarden.summary.page import BUNDLE, SCRIPTS, summary_page
from stavangerstandarden.versions.history import VERSIONS_DIR, versions_folder


def summary_files(standard: Standard, source: Path, loc: Localized | None = None
                  ) -> dict[str, bytes]:
    """The page in `loc`'s language (bokmål without it), its scripts, Pyodide and the Python
    bundle: the standard from `source` (the YAML the site is built from) with its kept
    versions and that language's translation, and Babel's data for bokmål and that
    language."""
    loc = loc or Localized.for_language(SOURCE_LANGUAGE)
    layout = Layout(source)
    standard_files = {source.name: source.read_bytes()}
    kept = versions_folder(source)
    standard_files |= {f"{VERSIONS_DIR}/{path.name}": path.read_bytes()
                       for path in sorted(kept.glob("*.yaml")) if kept.is_dir()}
    translation = layout.content_po(loc.language)
    if loc.language != SOURCE_LANGUAGE and translation.is_file():
        standard_files[translation.relative_to(source.parent).as_posix()] = \
            translation.read_bytes()
    page = c.SUMMARY_PAGE
    folder = page.rsplit("/", 1)[0]
    static = files("stavangerstandarden.summary") / "static"
    bundle = python_bundle(standard_files, frozenset({SOURCE_LANGUAGE, loc.language}))
    program = len(bundle) + sum(map(len, library_files(PYODIDE).values()))
    out = {f"{folder}/{name}": (static / name).read_bytes() for name in SCRIPTS}
    out[page_source(page)] = summary_page(standard, loc, program)
    return out | {f"{folder}/{BUNDLE}": bundle} | served_files(PYODIDE, loc.language)
