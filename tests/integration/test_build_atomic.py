"""A failed build loses nothing: the previous site/ (and docs/) stay exactly as they were.

Every build runs in a copy of the project (tests/project.py): a test never writes into the
working tree's docs/."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest
from project import SOURCE_NAME, copy_project
from standards import STAVANGER

from stavangerstandarden.loader import load_file

ROOT = Path(__file__).resolve().parents[2]
SOURCE = STAVANGER


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


def build(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "stavangerstandarden.cli", "build", *args],
        cwd=project, capture_output=True, text=True, check=False,
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("atomic") / "project", SOURCE.read_text("utf-8"))


@pytest.fixture(scope="module")
def built_site(project: Path) -> Path:
    site = project.parent / "site"
    result = build(project, "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    assert (site / "index.html").is_file()
    standard = load_file(project / "framework" / SOURCE_NAME)
    assert (site / "data" / f"{standard.meta.id}.json").is_file()
    return site


def test_invalid_source_leaves_site_and_docs_untouched(project: Path, built_site: Path,
                                                       tmp_path: Path) -> None:
    broken = tmp_path / "stavangerstandarden.yaml"
    text = SOURCE.read_text("utf-8")
    rows = re.search(r"^  rows: \d+\n", text, re.MULTILINE)
    assert rows is not None
    text = text.replace(rows.group(0), "  rows: fire\n")
    broken.write_text(text, "utf-8")
    before_site, before_docs = tree_digest(built_site), tree_digest(project / "docs")

    result = build(project, "--source", str(broken), "--site-dir", str(built_site))

    assert result.returncode == 1
    line = text[: text.index("  rows: fire")].count("\n") + 1
    assert f"{broken}:{line}: feil: actions.rows: forventet et heltall" in result.stderr
    assert "site/ er ikke endret" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(built_site) == before_site
    assert tree_digest(project / "docs") == before_docs


def test_failing_site_generator_leaves_site_untouched(project: Path, built_site: Path,
                                                      tmp_path: Path) -> None:
    broken = tmp_path / "project"
    (broken / "docs").mkdir(parents=True)
    (broken / "docs" / "index.md").write_text("# Test\n\n[brutt lenke](finnes-ikke.md)\n")
    (broken / "mkdocs.yml").write_text("site_name: Test\n")
    before = tree_digest(built_site)

    result = build(project, "--project", str(broken), "--site-dir", str(built_site))

    assert result.returncode == 1
    assert "finnes-ikke.md" in result.stderr
    assert "site/ er ikke endret" in result.stderr
    assert tree_digest(built_site) == before
    assert not list(built_site.parent.glob(".site-*")), "staging folders must be cleaned up"
