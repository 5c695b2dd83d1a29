"""Every shipped PO file is valid for GNU gettext's own checker, which Poedit also runs."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from tools import need

ROOT = Path(__file__).resolve().parents[2]
PO_FILES = sorted([*(ROOT / "framework" / "oversettelser").rglob("*.po"),
                   *(ROOT / "generator" / "stavangerstandarden" / "locales").rglob("*.po")])


def msgfmt() -> str:
    return need("msgfmt")


def test_every_language_has_its_three_po_files() -> None:
    """Content, pages and the code's words, for each language with a content translation."""
    languages = sorted(p.stem for p in (ROOT / "framework" / "oversettelser").glob("*.po"))
    assert len(languages) >= 2
    assert len(PO_FILES) == 3 * len(languages)


@pytest.mark.parametrize("po", PO_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_msgfmt_accepts_the_file(po: Path) -> None:
    result = subprocess.run([msgfmt(), "--check", "--statistics", "-o", os.devnull, str(po)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr
