"""A failed build loses nothing: the previous site/ (and docs/) stay exactly as they were."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from project import copy_project
from standards import STAVANGER as SOURCE


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
    """A copy of the project, so no test writes into the working tree."""
    return copy_project(tmp_path_factory.mktemp("atomic") / "project", SOURCE.read_text("utf-8"))


@pytest.fixture(scope="module")
def built_site(project: Path) -> Path:
    site = project / "site"
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert (site / "index.html").is_file()
    assert (site / "data" / "stavangerstandarden.json").is_file()
    return site


def test_invalid_source_leaves_site_and_docs_untouched(project: Path, built_site: Path,
                                                       tmp_path: Path) -> None:
    broken = tmp_path / "stavangerstandarden.yaml"
    text = SOURCE.read_text("utf-8").replace("  rows: 4\n", "  rows: fire\n")
    broken.write_text(text, "utf-8")
    before_site, before_docs = tree_digest(built_site), tree_digest(project / "docs")

    result = build(project, "--source", str(broken))

    assert result.returncode == 1
    line = text[: text.index("  rows: fire")].count("\n") + 1
    assert f"{broken}:{line}: feil: actions.rows: forventet et heltall" in result.stderr
    assert "site/ er ikke endret" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(built_site) == before_site
    assert tree_digest(project / "docs") == before_docs


def test_failing_site_generator_leaves_site_untouched(project: Path, built_site: Path,
                                                      tmp_path: Path) -> None:
    other = tmp_path / "project"
    (other / "docs").mkdir(parents=True)
    (other / "docs" / "index.md").write_text("# Test\n\n[brutt lenke](finnes-ikke.md)\n")
    (other / "mkdocs.yml").write_text("site_name: Test\ntheme:\n  name: mkdocs\n")
    before = tree_digest(built_site)

    result = build(project, "--project", str(other), "--site-dir", str(built_site))

    assert result.returncode == 1
    assert "finnes-ikke.md" in result.stderr
    assert "site/ er ikke endret" in result.stderr
    assert tree_digest(built_site) == before
    versions = [p.name for p in built_site.parent.glob(".site-*")]
    assert versions == [built_site.readlink().name], "staging folders must be cleaned up"
