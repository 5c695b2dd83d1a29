"""pdf.js, copied from the pinned npm package into the site (no CDN): the only file access
of the fill renderer, so a missing `npm install` is one clear message."""

from __future__ import annotations

from functools import cache
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[3]
PDFJS = PROJECT / "node_modules" / "pdfjs-dist"
LIBRARY_DIR = "pdfjs"
FILES = {"pdf.min.js": "build/pdf.min.mjs", "pdf.worker.min.js": "build/pdf.worker.min.mjs",
         "LICENSE": "LICENSE"}
"""Served name → file in the package. `.js`, not `.mjs`: every server types .js as JavaScript,
which module scripts and module workers require."""


class LibraryMissing(FileNotFoundError):
    """pdf.js is not installed next to the project."""


@cache
def library_files() -> dict[str, bytes]:
    missing = [p for p in FILES.values() if not (PDFJS / p).is_file()]
    if missing:
        raise LibraryMissing(
            f"fant ikke pdf.js i {PDFJS} ({', '.join(missing)}): kjør «npm install» "
            "(eller «make build», som gjør det) og bygg på nytt"
        )
    return {name: (PDFJS / path).read_bytes() for name, path in FILES.items()}
