"""The Sammendrag page's output: every file it adds under docs/."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from stavangerstandarden import contract as c
from stavangerstandarden.browserpage import page_source
from stavangerstandarden.contract import language_root
from stavangerstandarden.i18n.layout import SOURCE_LANGUAGE, Layout
from stavangerstandarden.i18n.ui import Localized
from stavangerstandarden.libraries import PYODIDE, library_files, served_files
from stavangerstandarden.model import Standard
from stavangerstandarden.summary.bundle import python_bundle
from stavangerstandarden.summary.page import BUNDLE, SCRIPTS, summary_page
from stavangerstandarden.versions.history import VERSIONS_DIR, versions_folder


def summary_files(standard: Standard, source: Path, loc: Localized | None = None,
                  bundle: bytes | None = None) -> dict[str, bytes]:
    """The page in `loc`'s language (bokmål without it) and its scripts; with the source
    language's, Pyodide and the Python bundle, which every language's page loads from there
    (`shared_bundle`, made here unless given)."""
    loc = loc or Localized.for_language(SOURCE_LANGUAGE)
    folder = c.SUMMARY_PAGE.rsplit("/", 1)[0]
    static = files("stavangerstandarden.summary") / "static"
    bundle = shared_bundle(source) if bundle is None else bundle
    out = {f"{folder}/{name}": (static / name).read_bytes() for name in SCRIPTS}
    out[page_source(c.SUMMARY_PAGE)] = summary_page(standard, loc, reader_bytes(bundle))
    if not language_root(loc.language):
        out[BUNDLE] = bundle
    return out | served_files(PYODIDE, loc.language)


def shared_bundle(source: Path) -> bytes:
    """The Python bundle: the standard from `source` (the YAML the site is built from) with
    its kept versions and every translation, and Babel's data for every language: one file
    for all languages' pages."""
    layout = Layout(source)
    standard_files = {source.name: source.read_bytes()}
    kept = versions_folder(source)
    standard_files |= {f"{VERSIONS_DIR}/{path.name}": path.read_bytes()
                       for path in sorted(kept.glob("*.yaml")) if kept.is_dir()}
    for language in layout.languages():
        translation = layout.content_po(language)
        standard_files[translation.relative_to(source.parent).as_posix()] = \
            translation.read_bytes()
    return python_bundle(standard_files, frozenset({SOURCE_LANGUAGE, *layout.languages()}))


def reader_bytes(bundle: bytes) -> int:
    """What a page loads before it can read: Pyodide's core and the bundle."""
    return len(bundle) + sum(map(len, library_files(PYODIDE).values()))
