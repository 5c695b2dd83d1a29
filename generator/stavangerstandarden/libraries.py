"""The browser libraries, copied from the pinned npm packages into the site (no CDN): pdf.js
for the fill pages, Pyodide for the Sammendrag page. The only file access of their
renderers, so a missing `npm install` is one clear message."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from stavangerstandarden.contract import FILL_DIR, FORMS_DIR, language_root

PROJECT = Path(__file__).resolve().parents[2]
NODE_MODULES = PROJECT / "node_modules"


@dataclass(frozen=True)
class Library:
    name: str
    package: str
    """The npm package's folder in node_modules."""
    files: tuple[tuple[str, str], ...]
    """Served name → file in the package. `.js`, not `.mjs`: every server types .js as
    JavaScript, which module scripts and module workers require."""
    home: str
    """Where the files are served, relative to the site root: next to the source language's
    pages that use them; every other language's pages load them from there (one copy)."""

    @property
    def folder(self) -> str:
        """The last part of `home`."""
        return self.home.rsplit("/", 1)[-1]

    def seen_from(self, page: str, language: str) -> str:
        """The library's folder (ending in `/`) as a relative URL from `page` (a path
        relative to `language`'s site root, e.g. `skjema/sammendrag/index.html`)."""
        return shared_address(self.home, page, language) + "/"


PDFJS = Library("pdf.js", "pdfjs-dist", (
    ("pdf.min.js", "build/pdf.min.mjs"), ("pdf.worker.min.js", "build/pdf.worker.min.mjs"),
    ("LICENSE", "LICENSE")), f"{FILL_DIR}/pdfjs")
PYODIDE = Library("Pyodide", "pyodide", (
    ("pyodide.js", "pyodide.mjs"), ("pyodide.asm.js", "pyodide.asm.js"),
    ("pyodide.asm.wasm", "pyodide.asm.wasm"), ("python_stdlib.zip", "python_stdlib.zip"),
    ("pyodide-lock.json", "pyodide-lock.json")), f"{FORMS_DIR}/sammendrag/pyodide")
"""Pyodide's core (CPython compiled to WebAssembly, with its standard library); the pure
Python packages the summary needs come in the site's own bundle (`summary.bundle`)."""


def shared_address(path: str, page: str, language: str) -> str:
    """A file or folder the source language's site serves for every language (`path`, from
    the site root), as a relative URL from `page` of `language`'s site: correct under any
    host and sub-path, and under either engine (the URL is page data, never rewritten)."""
    return posixpath.relpath(path, posixpath.dirname(language_root(language) + page) or ".")


class LibraryMissing(FileNotFoundError):
    """A browser library is not installed next to the project."""


def library_files(library: Library, node_modules: Path | None = None) -> dict[str, bytes]:
    """The served files of `library`, by served name."""
    return dict(_read(library, node_modules or NODE_MODULES))


def served_files(library: Library, language: str) -> dict[str, bytes]:
    """What `language`'s docs tree holds of `library`, by path: all of it for the source
    language, nothing for the others (their pages load the source language's copy)."""
    if language_root(language):
        return {}
    return {f"{library.home}/{name}": data for name, data in library_files(library).items()}


@cache
def _read(library: Library, node_modules: Path) -> Mapping[str, bytes]:
    folder = node_modules / library.package
    missing = [p for _, p in library.files if not (folder / p).is_file()]
    if missing:
        raise LibraryMissing(
            f"fant ikke {library.name} i {folder} ({', '.join(missing)}): kjør «npm install» "
            "(eller «make build», som gjør det) og bygg på nytt"
        )
    return {name: (folder / path).read_bytes() for name, path in library.files}
