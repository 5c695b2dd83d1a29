"""The whole build: source → every generated file → static site, swapped in atomically.

`build()` is the one pipeline the CLI, the preview server and the tests call: load and check
the source, render every generated file, write the ones whose bytes changed into git-ignored
folders under docs/, run the site engine (MkDocs or Zensical, as a separate program) into a
fresh versioned folder `.site-XXXX`, and point the symlink `site` at it with one atomic rename.
`site/` is never absent or half-written: a reader sees the old site or the new one. Every build
first removes what killed builds left behind, under a lock, so two builds never delete each
other's work. Nothing here depends on MkDocs internals.
"""

from __future__ import annotations

import fcntl
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml

from stavangerstandarden.loader import check_file
from stavangerstandarden.model import Standard
from stavangerstandarden.problems import InvalidSource, Problem

GENERATED_ROOTS = ("skjema", "data", "omrader", "generert")
"""Folders under docs/ that belong to the build (git-ignored); anything else is hand-written."""


SITE_CONFIG = ".mkdocs-generert.yml"
"""Written next to mkdocs.yml for the duration of a build: mkdocs.yml plus `site_settings`."""

FORM_CACHE = Path(".cache") / "skjema"
"""Rendered forms kept between builds, relative to the project (git-ignored)."""

ENGINE_OUTPUT = ".engine-site-"
"""Prefix of the folder inside the project that Zensical builds into (it refuses any other)."""


class SiteBuildFailed(Exception):
    """The static-site generator exited non-zero; its output says why."""


@dataclass(frozen=True)
class Built:
    """What a successful build made, for the adapters to report."""

    standard: Standard
    warnings: tuple[Problem, ...]
    files: int


def preflight(standard: Standard) -> None:
    """Checks that need a renderer's resources (the form font), so `check` catches them too.

    Raises InvalidSource with every problem found.
    """
    from stavangerstandarden.forms.glyphs import check_glyphs

    check_glyphs(standard)


def generated_files(standard: Standard, cache: Path | None = None) -> dict[str, bytes]:
    """Every generated file, keyed by its path relative to docs/ (and so to the site root).

    `cache`: a folder where forms are kept between builds (see `forms.form_files`).
    """
    from stavangerstandarden.exports import data_files
    from stavangerstandarden.fill.files import fill_files
    from stavangerstandarden.forms import form_files, translated_form_files
    from stavangerstandarden.pages import page_files

    files = data_files(standard)
    forms = form_files(standard, cache)
    files.update(forms)
    files.update(page_files(standard, forms))
    files.update(fill_files(standard, forms))
    files.update(translated_form_files(standard, cache))
    roots = _roots(files)
    stray = [p for p in files if not any(p.startswith(f"{root}/") for root in roots)]
    if stray:
        raise ValueError(f"generated files outside {GENERATED_ROOTS}: {stray}")
    return files


def build(source: Path, project: Path, site_dir: Path, *, engine: str = "mkdocs",
          site_url: str | None = None, forms: bool = True) -> Built:
    """Check `source`, generate into `project`/docs and publish the site at `site_dir`.

    `forms=False` (the preview's first pass) renders pages and data only and leaves the PDFs
    in docs/ as they are. Raises InvalidSource (every problem, warnings included) or
    SiteBuildFailed; `site_dir` is then exactly as it was.
    """
    checked = check_file(source)
    if checked.standard is None:
        raise InvalidSource(checked.problems)
    docs = project / "docs"
    try:
        files = (generated_files(checked.standard, project / FORM_CACHE) if forms
                 else pages_first(checked.standard, docs))
    except InvalidSource as exc:
        raise InvalidSource(checked.warnings + exc.problems) from None
    settings = dict(site_settings(checked.standard))
    url = site_url or checked.standard.meta.site_url
    if url:
        settings["site_url"] = url
    with site_lock(site_dir):
        sync_tree(docs, files)
        build_site(project, site_dir, settings, engine)
    return Built(checked.standard, checked.warnings, len(files))


def pages_first(standard: Standard, docs_dir: Path) -> dict[str, bytes]:
    """Pages, data and the forms' manifest (known without rendering a PDF), with every other
    generated file as it is in `docs_dir`: what the preview shows before the forms are done."""
    from stavangerstandarden import contract as c
    from stavangerstandarden.exports import data_files
    from stavangerstandarden.forms.glyphs import check_glyphs
    from stavangerstandarden.formspec import form_specs, manifest_json
    from stavangerstandarden.pages import page_files

    check_glyphs(standard)
    forms = {c.MANIFEST: manifest_json(standard, form_specs(standard)).encode("utf-8")}
    current = {p.relative_to(docs_dir).as_posix(): p.read_bytes()
               for root in GENERATED_ROOTS for p in (docs_dir / root).rglob("*") if p.is_file()}
    return current | data_files(standard) | forms | page_files(standard, forms)


def _roots(files: Mapping[str, bytes]) -> tuple[str, ...]:
    """GENERATED_ROOTS, and each of them inside another language's folder (`nn/skjema`)."""
    parts = [p.split("/") for p in files]
    nested = {f"{a[0]}/{a[1]}" for a in parts
              if len(a) > 2 and a[0] not in GENERATED_ROOTS and a[1] in GENERATED_ROOTS}
    return (*GENERATED_ROOTS, *sorted(nested))


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
    for root in _roots(files):
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


def _run(command: list[str], project: Path) -> None:
    # Not --quiet: it hides warnings from MkDocs' counter, and --strict then passes them.
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, check=False,
                            env={**os.environ, "PYTHONUTF8": "1"})
    if result.returncode != 0:
        raise SiteBuildFailed((result.stdout + result.stderr).strip())


def _mkdocs(project: Path, settings: Mapping[str, str], out: Path) -> None:
    (project / SITE_CONFIG).write_text(site_config(settings), encoding="utf-8")
    _run([sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", SITE_CONFIG,
          "--site-dir", str(out)], project)


def _zensical(project: Path, settings: Mapping[str, str], out: Path) -> None:
    """Zensical has no --site-dir and wants site_dir inside the project: build there, move."""
    inside = Path(tempfile.mkdtemp(prefix=ENGINE_OUTPUT, dir=project))
    (project / SITE_CONFIG).write_text(site_config({**settings, "site_dir": inside.name}),
                                       encoding="utf-8")
    zensical = Path(sys.executable).with_name("zensical")
    try:
        _run([str(zensical), "build", "--strict", "--config-file", SITE_CONFIG], project)
        out.rmdir()
        shutil.move(inside, out)
    finally:
        shutil.rmtree(inside, ignore_errors=True)


ENGINES: dict[str, Callable[[Path, Mapping[str, str], Path], None]] = {
    "mkdocs": _mkdocs,
    "zensical": _zensical,
}
"""Site engine name → function building `project` with `settings` into the folder `out`."""


def build_site(project: Path, site_dir: Path, settings: Mapping[str, str],
               engine: str = "mkdocs") -> None:
    """Run the engine into a new versioned folder, then point `site_dir` at it atomically.

    Call it holding `site_lock(site_dir)`.
    """
    site_dir = site_dir.absolute()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(project, site_dir, keep=())
    version = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-", dir=site_dir.parent))
    try:
        ENGINES[engine](project, settings, version)
        version.chmod(0o755)  # mkdtemp's 0700 would lock out a web server running as another user
        _swap(version, site_dir)
    except BaseException:
        shutil.rmtree(version, ignore_errors=True)
        raise
    finally:
        (project / SITE_CONFIG).unlink(missing_ok=True)


@contextmanager
def site_lock(site_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock on `site_dir` for one build (the kernel drops it if killed)."""
    site_dir = site_dir.absolute()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    with site_dir.with_name(f".{site_dir.name}.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _swap(version: Path, site: Path) -> None:
    """Rename a new symlink over `site`; the first build moves a real folder aside first."""
    previous = site.readlink().name if site.is_symlink() else None
    if site.exists() and not site.is_symlink():
        # Migration from a real folder: the one moment `site` is briefly absent, once ever.
        moved = Path(tempfile.mkdtemp(prefix=f".{site.name}-", dir=site.parent))
        site.replace(moved)
        previous = moved.name
    link = site.with_name(f".{site.name}-link-{os.getpid()}")
    link.unlink(missing_ok=True)
    link.symlink_to(version.name)
    link.replace(site)
    keep = (version.name, previous) if previous else (version.name,)
    _remove_leftovers(None, site, keep=keep)


def _remove_leftovers(project: Path | None, site: Path, keep: tuple[str, ...]) -> None:
    """Delete the versions, links and staging folders of `site` that killed or earlier builds
    left, except what `site` points at and `keep` (a reader may still be inside the version
    just replaced), and engine output a killed build left in `project`."""
    current = site.readlink().name if site.is_symlink() else None
    ours = re.compile(rf"\.{re.escape(site.name)}-([a-z0-9_]{{8}}|old-\d+|link-\d+)")
    found = [p for p in site.parent.iterdir() if ours.fullmatch(p.name)]
    if project is not None:
        found += project.glob(f"{ENGINE_OUTPUT}*")
    for path in found:
        if path.name == current or path.name in keep:
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
