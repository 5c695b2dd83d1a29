"""Publishing: the site engines run into fresh versioned folders `.site-XXXX`, and the
symlink `site` is pointed at the new one with one atomic rename, under a lock.

`site/` is never absent or half-written: a reader sees the old site or the new one. Every
build first removes what killed builds left behind, under the lock, so two builds never
delete each other's work. Nothing here knows what the files are (that is `build`'s job), and
nothing depends on MkDocs internals: each engine is a separate program.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from stavangerstandarden import engines
from stavangerstandarden.htmlspace import squeeze_pages
from stavangerstandarden.paletteswitch import scope_palette_switch
from stavangerstandarden.sharedfiles import share_theme_files
from stavangerstandarden.themetrim import trim_theme

SITE_CONFIG = ".mkdocs-generert.yml"
"""Written next to mkdocs.yml for the duration of a build: mkdocs.yml plus `site_settings`
and bokmål's settings (`languages.engine_config`); each other language's beside it
(`.mkdocs-generert-nn.yml`)."""

ENGINE_OUTPUT = ".engine-site-"
"""Prefix of the folders inside the project that Zensical builds into (it refuses any other)
and that hold the docs trees of the other languages (both engines want docs_dir inside)."""


class SiteBuildFailed(Exception):
    """The static-site generator exited non-zero; its output says why."""


def run_engine(command: list[str], project: Path) -> None:
    # Not --quiet: it hides warnings from MkDocs' counter, and --strict then passes them.
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, check=False,
                            env={**os.environ, "PYTHONUTF8": "1"})
    if result.returncode != 0:
        raise SiteBuildFailed((result.stdout + result.stderr).strip())


def write_config(project: Path, config: Mapping[str, Any], name: str) -> str:
    (project / name).write_text(
        yaml.safe_dump(dict(config), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return name


def _mkdocs(project: Path, config: Mapping[str, Any], out: Path, name: str,
            strict: bool = True) -> None:
    run_engine([sys.executable, "-m", "mkdocs", "build", *STRICT[strict], "--config-file",
          write_config(project, config, name), "--site-dir", str(out)], project)


def _zensical(project: Path, config: Mapping[str, Any], out: Path, name: str,
              strict: bool = True) -> None:
    """Zensical has no --site-dir and wants site_dir inside the project: build there, move."""
    inside = Path(tempfile.mkdtemp(prefix=ENGINE_OUTPUT, dir=project))
    zensical = Path(sys.executable).with_name("zensical")
    try:
        run_engine([str(zensical), "build", *STRICT[strict], "--config-file",
              write_config(project, {**config, "site_dir": inside.name}, name)], project)
        out.rmdir()
        shutil.move(inside, out)
    finally:
        shutil.rmtree(inside, ignore_errors=True)


STRICT = {True: ("--strict",), False: ()}
"""Both engines' switch making a warning (a link to a missing file) fail the build."""
ENGINES: dict[str, Callable[[Path, Mapping[str, Any], Path, str, bool], None]] = {
    engines.MKDOCS: _mkdocs,
    engines.ZENSICAL: _zensical,
}
"""Site engine name → function building `project` with a full config (written to the file
named by the fourth argument, in the project) into the empty folder `out`, strict or not."""


def build_site(project: Path, site_dir: Path, sites: Sequence[tuple[str, Mapping[str, Any]]],
               engine: str = engines.DEFAULT, private: Iterable[str] = (),
               strict: bool = True) -> None:
    """Run the engine once per language, at once on the usable cores, each into a folder of
    its own; put the other languages' sites into the first's under their roots, and point
    `site_dir` at it with one atomic rename: every language changes together. `private`:
    top folders each language keeps its own copy of (the generated ones); `strict` False lets
a link to a file not built yet pass (the preview's pages before its forms).

    Call it holding `site_lock(site_dir)`.
    """
    from stavangerstandarden.cores import usable_cores

    site_dir = site_dir.absolute()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(None, site_dir, keep=())  # build() cleaned the project before its trees
    outs = [Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-", dir=site_dir.parent))
            for _ in sites]
    version = outs[0]
    names = [SITE_CONFIG.replace(".yml", f"-{root.strip('/')}.yml") if root else SITE_CONFIG
             for root, _ in sites]
    try:
        with ThreadPoolExecutor(max(1, min(usable_cores(), len(sites)))) as pool:
            for done in [pool.submit(ENGINES[engine], project, config, out, name, strict)
                         for (_, config), out, name in zip(sites, outs, names, strict=True)]:
                done.result()
        for (root, _), out in zip(sites[1:], outs[1:], strict=True):
            out.replace(version / root.strip("/"))
        share_theme_files(version, [root for root, _ in sites[1:]], private)
        squeeze_pages(version)
        trim_theme(version)
        scope_palette_switch(version)
        version.chmod(0o755)  # mkdtemp's 0700 would lock out a web server running as another user
        _swap(version, site_dir)
    except BaseException:
        for out in outs:
            shutil.rmtree(out, ignore_errors=True)
        raise
    finally:
        for name in names:
            (project / name).unlink(missing_ok=True)


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
    remove_leftovers(None, site, keep=keep)


def remove_leftovers(project: Path | None, site: Path, keep: tuple[str, ...]) -> None:
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
