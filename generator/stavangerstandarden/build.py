"""The whole build: source → every generated file → static site, swapped in atomically.

Generated Markdown, PDFs and data go into git-ignored folders under docs/ (only files whose
bytes changed are written, so `mkdocs serve` reloads only what changed); then the site
generator is run as a separate program into a temporary folder, which replaces site/ only
when everything succeeded. Nothing here depends on MkDocs internals.
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

import yaml

from stavangerstandarden.exports import data_files
from stavangerstandarden.fill.files import fill_files
from stavangerstandarden.forms import form_files
from stavangerstandarden.forms.glyphs import check_glyphs
from stavangerstandarden.model import Standard
from stavangerstandarden.pages import page_files

GENERATED_ROOTS = ("skjema", "data", "omrader", "generert")
"""Folders under docs/ that belong to the build (git-ignored); anything else is hand-written."""


SITE_CONFIG = ".mkdocs-generert.yml"
"""Written next to mkdocs.yml for the duration of a build: mkdocs.yml plus `site_settings`."""


class SiteBuildFailed(Exception):
    """The static-site generator exited non-zero; its output says why."""


def preflight(standard: Standard) -> None:
    """Checks that need a renderer's resources (the form font), so `check` catches them too.

    Raises InvalidSource with every problem found.
    """
    check_glyphs(standard)


def generated_files(standard: Standard) -> dict[str, bytes]:
    """Every generated file, keyed by its path relative to docs/ (and so to the site root)."""
    files = data_files(standard)
    forms = form_files(standard)
    files.update(forms)
    files.update(page_files(standard, forms))
    files.update(fill_files(standard, forms))
    stray = [p for p in files if p.split("/", 1)[0] not in GENERATED_ROOTS]
    if stray:
        raise ValueError(f"generated files outside {GENERATED_ROOTS}: {stray}")
    return files


def sync_tree(docs_dir: Path, files: Mapping[str, bytes]) -> list[str]:
    """Make the generated folders hold exactly `files`; return the paths that changed."""
    changed = []
    for rel, content in files.items():
        target = docs_dir / rel
        if target.is_file() and target.read_bytes() == content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_bytes(content)
        tmp.replace(target)
        changed.append(rel)
    for root in GENERATED_ROOTS:
        for path in sorted((docs_dir / root).rglob("*"), reverse=True):
            rel = path.relative_to(docs_dir).as_posix()
            if path.is_file() and rel not in files:
                path.unlink()
                changed.append(rel)
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return changed


def site_settings(standard: Standard) -> dict[str, str]:
    """What the model says about the site as a whole; it overrides these keys of mkdocs.yml,
    so another municipality's site is named after its own standard and owner.

    HTML-escaped: the theme writes these values into pages and attributes as they are
    (`copyright` is meant to hold markup), so `<`, `&` and quotes from the YAML must arrive as
    entities to show as text."""
    meta = standard.meta
    return {key: html.escape(value, quote=True) for key, value in (
        ("site_name", meta.title), ("site_description", meta.subtitle),
        ("copyright", meta.owner))}


def site_config(settings: Mapping[str, str]) -> str:
    """A config that inherits mkdocs.yml (MkDocs' INHERIT) with `settings` on top."""
    return yaml.safe_dump({"INHERIT": "mkdocs.yml", **settings}, allow_unicode=True,
                          sort_keys=False)


def build_site(project_dir: Path, site_dir: Path, settings: Mapping[str, str]) -> None:
    """Run MkDocs into a temporary folder, then swap it in place of `site_dir`."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    config = project_dir / SITE_CONFIG
    config.write_text(site_config(settings), encoding="utf-8")
    try:
        # Not --quiet: it hides warnings from MkDocs' counter, and --strict then passes them.
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", SITE_CONFIG,
             "--site-dir", str(staging)],
            cwd=project_dir, capture_output=True, text=True, check=False,
            env={**os.environ, "PYTHONUTF8": "1"},
        )
        if result.returncode != 0:
            raise SiteBuildFailed((result.stdout + result.stderr).strip())
        _swap(staging, site_dir)
    finally:
        config.unlink(missing_ok=True)
        shutil.rmtree(staging, ignore_errors=True)


def _swap(new: Path, current: Path) -> None:
    old = current.with_name(f".site-old-{os.getpid()}")
    if current.exists():
        current.rename(old)
    new.rename(current)
    shutil.rmtree(old, ignore_errors=True)
