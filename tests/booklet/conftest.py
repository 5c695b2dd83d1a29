"""The booklets every test here reads: Stavanger's in each of its languages, another
municipality's and the generated standards', each rendered once a session, written to disk
for poppler's tools."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from standards import OTHER, STANDARDS, STAVANGER, source_text
from tools import need

from stavangerstandarden import contract as c
from stavangerstandarden.booklet.files import booklet_files
from stavangerstandarden.i18n.edition import Edition, source_edition
from stavangerstandarden.i18n.editions import translated_editions
from stavangerstandarden.i18n.ui import Localized
from stavangerstandarden.loader import load, load_file

SOURCES = {"stavanger": STAVANGER, "annen-kommune": OTHER}
"""The standards that are files (with the translations beside them, if any)."""
CASES = ("stavanger-nb", "stavanger-nn", "stavanger-en", "stavanger-pl", "stavanger-lt",
         "stavanger-uk", "stavanger-ar", "stavanger-so", "stavanger-ti",
         *(f"{name}-nb" for name in STANDARDS if name != "stavanger"))
"""Every language each standard is built in (a test checks this list is complete)."""


@dataclass(frozen=True)
class Booklet:
    edition: Edition
    pdf: bytes
    path: Path

    @property
    def rtl(self) -> bool:
        return Localized.for_language(self.edition.language).direction == "rtl"

    def text(self, first: int | None = None, last: int | None = None) -> str:
        """What copy-paste gives (pdftotext, in content order: its default layout mode drops
        the hyphen of a word broken after one), whitespace collapsed; pages `first`–`last`."""
        pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
        command = [need("pdftotext"), "-raw", "-enc", "UTF-8", *pages, str(self.path), "-"]
        out = subprocess.run(command, capture_output=True, check=True, timeout=60).stdout
        return normalize(out.decode("utf-8"))


BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
PUNCTUATION = ".,;:!?()«»\"“”„…،؛؟"
LAM_ALEF = re.compile("\u0644([\u0627\u0623\u0625\u0622\u0649])")
"""See tests/forms/test_scripts.py: poppler extracts lam-alef as alef, lam in a right-to-left
run, and gives a right-to-left line's words (and the runs of a mixed word) in visual order, so
such text is compared as words."""


def _words(text: str) -> set[str]:
    """Words, a mixed token (`FAU/مجموعة`) split into its runs, which poppler reorders."""
    runs = re.findall(r"[A-Za-z0-9]+|[^\sA-Za-z0-9/]+", BIDI_CONTROLS.sub("", text))
    return {w.strip(PUNCTUATION) for w in runs} - {""}


def found(wanted: str, text: str, rtl: bool) -> bool:
    """Whether copy-paste `text` holds `wanted`: as a phrase, or for a right-to-left language
    every word of it (in the order poppler gives, letters as it extracts them)."""
    if not rtl:
        return normalize(wanted) in text
    return _words(LAM_ALEF.sub("\\1\u0644", wanted)) <= _words(text)


def normalize(text: str) -> str:
    """Whitespace collapsed; a word broken after its hyphen at a line end joined again,
    hyphen kept: the booklet never hyphenates, so a hyphen there is the text's own."""
    return " ".join(re.sub(r"(\w-)\n(\w)", r"\1\2", text).split())


def editions_of(name: str) -> list[Edition]:
    """Every language's edition of the standard `name` (one of `standards.STANDARDS`)."""
    standard = (load_file(SOURCES[name]) if name in SOURCES
                else load(source_text(name), f"{name}.yaml"))
    return [source_edition(standard), *translated_editions(standard)]


@pytest.fixture(scope="session")
def booklets(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Booklet]:
    folder = tmp_path_factory.mktemp("hefter")
    found: dict[str, Booklet] = {}
    for name in STANDARDS:
        for edition in editions_of(name):
            files = booklet_files(edition)
            pdf = files[c.booklet_file(edition.standard)]
            case = f"{name}-{edition.language}"
            path = folder / f"{case}.pdf"
            path.write_bytes(pdf)
            found[case] = Booklet(edition, pdf, path)
    return found


@pytest.fixture(params=CASES)
def booklet(request: pytest.FixtureRequest, booklets: dict[str, Booklet]) -> Booklet:
    return booklets[request.param]
