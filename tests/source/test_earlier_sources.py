"""Sources maintainers already have keep working: a source valid in an earlier release still
checks and builds, and another standard put where Stavanger's was, with Stavanger's
translations still beside it, gets a few lines that name the translation files."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from standards import OTHER, STAVANGER

from stavangerstandarden.build import generated_files
from stavangerstandarden.loader import check_file, load_file

ROOT = Path(__file__).resolve().parents[2]
EARLIER = ROOT / "tests" / "fixtures" / "utgave-2026-11-23.yaml"
"""framework/stavangerstandarden.yaml as released on 23 November 2026 (before
`guidance.submit_hint` and `forms` existed); never edit it."""


def run_check(source: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "stavangerstandarden.cli", "check",
                           str(source)], capture_output=True, text=True, check=False)


def test_an_earlier_release_checks_without_errors() -> None:
    result = run_check(EARLIER)
    assert result.returncode == 0, result.stderr
    assert ": feil: " not in result.stderr


def test_an_earlier_release_builds_its_pages_without_a_receiver_line() -> None:
    checked = check_file(EARLIER)
    assert checked.standard is not None and checked.standard.guidance.submit_hint is None
    files = generated_files(checked.standard)
    pages = [p for p in files if p.endswith(".md")]
    assert "omrader/gode-relasjoner.md" in pages
    assert all(b"None" not in files[p] for p in pages)
    assert any(p.startswith("skjema/fyll/") for p in pages)


def test_a_foreign_standard_beside_these_translations_names_the_files(tmp_path: Path) -> None:
    framework = STAVANGER.parent
    shutil.copytree(framework / "oversettelser", tmp_path / "oversettelser")
    source = tmp_path / "stavangerstandarden.yaml"
    shutil.copy(OTHER, source)
    result = run_check(source)
    assert result.returncode == 1
    languages = sorted(p.stem for p in (framework / "oversettelser").glob("*.po"))
    errors = [line for line in result.stderr.splitlines() if ": feil: " in line]
    assert sorted(e.split(":", 1)[0] for e in errors) == [
        str(tmp_path / "oversettelser" / f"{lang}.po") for lang in languages]
    theirs, ours = (load_file(f).meta.title for f in (STAVANGER, OTHER))
    assert all(f"«{theirs}»" in e and f"«{ours}»" in e for e in errors)
    assert len(result.stderr.splitlines()) <= 3 * len(languages) + 1
