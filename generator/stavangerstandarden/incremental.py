"""The site engines' incremental builds, for the preview's quick passes: each rebuilds, into
one folder kept between passes, only the pages whose sources changed.

MkDocs runs in the preview's own process with `--dirty` (it rebuilds a page whose source is
newer than its output), so MkDocs, its theme and its Markdown extensions are imported once a
preview; what it would otherwise redo on every save (compiling the theme's templates, listing
the theme's files) is kept in the builder between saves. Zensical has no dirty switch, and
its build clears its output and renders every page; its `serve` keeps what it rendered and
redoes only what a change needs, so the preview runs it, as its own program, for as long as it
runs (`ZensicalServe`).
"""

from __future__ import annotations

import copy
import io
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from contextlib import suppress
from functools import partial
from pathlib import Path
from typing import IO, Any, Protocol

import jinja2
import jinja2.bccache
import yaml

from stavangerstandarden.languages import _snippets_base
from stavangerstandarden.publish import SITE_CONFIG, SiteBuildFailed

PREVIEW_CONFIG = SITE_CONFIG.replace(".yml", "-preview.yml")


class Incremental(Protocol):
    """One preview's incremental builder."""

    def __call__(self, project: Path, config: Mapping[str, Any], out: Path) -> None:
        """(project, engine config, output folder inside the project) → the changed pages
        built."""

    def close(self) -> None:
        """End what the builder keeps running between passes."""


class MkDocsDirty:
    """MkDocs' dirty build in this process, with what one build leaves for the next."""

    def __init__(self) -> None:
        self.compiled = _Compiled()
        self.listed: dict[str, list[str]] = {}
        """Each installed theme folder's files, listed once a preview."""

    def __call__(self, project: Path, config: Mapping[str, Any], out: Path) -> None:
        """Paths absolute: the preview's working folder need not be the project."""
        from mkdocs.commands.build import build as mkdocs_build
        from mkdocs.config import load_config
        from mkdocs.exceptions import MkDocsException

        docs = str((project / "docs").absolute())
        absolute = {**config, "docs_dir": docs, "site_dir": str(out.absolute()),
                    "markdown_extensions": [_snippets_base(e, docs)
                                            for e in config.get("markdown_extensions", [])]}
        try:
            # The settings as options over an empty file: no YAML written and parsed back;
            # a copy, as MkDocs takes what it validates apart.
            loaded = load_config(io.BytesIO(b"{}"), config_file_path=str(
                project.absolute() / PREVIEW_CONFIG), **copy.deepcopy(absolute))
            theme_env = loaded.theme.get_env
            inside = str(project.absolute())
            loaded.theme.get_env = lambda: self._kept(  # type: ignore[method-assign]
                theme_env(), inside)
            _left_to_full_build(loaded)
            mkdocs_build(loaded, dirty=True)
        except (MkDocsException, OSError) as exc:
            raise SiteBuildFailed(str(exc)) from exc

    def close(self) -> None:
        """Nothing runs between MkDocs' builds."""

    def _kept(self, env: jinja2.Environment, project: str) -> jinja2.Environment:
        """The theme's environment with this preview's compiled templates and theme listing:
        MkDocs makes a new environment every build, and compiling the templates and walking
        the theme's ten thousand files were each a fifth of a quick pass."""
        env.bytecode_cache = self.compiled
        if isinstance(env.loader, jinja2.FileSystemLoader):
            env.loader = _ListedOnce(env.loader.searchpath, self.listed, project)
        return env


def _left_to_full_build(config: Any) -> None:
    """What the full build remakes and the quick pass never publishes: the 404 page and the
    sitemap (the theme's static templates, remade by every build), and the search index
    (its plugin read every rebuilt page again, a third of a quick pass's engine time; the
    search field stays on the pages)."""
    config.theme.static_templates.clear()
    for name, plugin in config.plugins.items():
        if name.rsplit("/", 1)[-1] == "search":
            config.plugins.events["config"].append(partial(_unindexed, plugin))


def _unindexed(plugin: Any, config: Any) -> None:
    plugin.search_index = _Unindexed()


class _Unindexed:
    """The search plugin's index, holding nothing."""

    def add_entry_from_context(self, page: object) -> None:
        """Indexes no page."""

    def generate_search_index(self, previous: object) -> str:
        return "{}"


class _Compiled(jinja2.BytecodeCache):
    """Jinja compares each template's source with the one compiled (an edited override
    recompiles)."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


class _ListedOnce(jinja2.FileSystemLoader):
    """The theme's loader, listing a folder outside the project (the installed theme, which
    does not change under a preview) once, the project's own (overrides/) every time, and
    no hidden file: MkDocs publishes none (its filter drops every path with a part starting
    with a dot), and the theme's icons are such files."""

    def __init__(self, searchpath: list[str], listed: dict[str, list[str]],
                 project: str) -> None:
        super().__init__(searchpath)
        self.listed = listed
        self.project = project

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for folder in self.searchpath:
            names = self.listed.get(folder)
            if names is None:
                names = _visible_files(folder)
                if not folder.startswith(self.project + os.sep):
                    self.listed[folder] = names
            found.update(names)
        return sorted(found)


def _visible_files(folder: str) -> list[str]:
    names = []
    for here, subfolders, files in os.walk(folder):
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        prefix = os.path.relpath(here, folder).replace(os.sep, "/")
        names += [name if prefix == "." else f"{prefix}/{name}"
                  for name in files if not name.startswith(".")]
    return names


class ZensicalServe:
    """Zensical's own serve (`zensicalserve`) on the preview folder, one process kept between
    saves: a pass writes the changed sources, and Zensical, which watches docs/, renders only
    the changed Markdown again and rewrites every page from its cache (no `zensical build` per
    save: that clears its output and starts over, a second of work). A pass ends when every
    page Zensical made before is newer than every Markdown source. A changed configuration or
    template folder starts a new process (Zensical would, after one more change)."""

    def __init__(self) -> None:
        self.child: subprocess.Popen[bytes] | None = None
        self.started: tuple[str, Stamps, int] | None = None
        """The running process's configuration, template files and start time."""
        self.log: IO[bytes] | None = None
        self.config_file: Path | None = None
        """The configuration the running process reads (and watches)."""

    def __call__(self, project: Path, config: Mapping[str, Any], out: Path) -> None:
        docs = project / "docs"
        sources = _markdown(docs)
        pages = [page for page in map(_page_of, sources) if (out / page).is_file()]
        text = yaml.safe_dump({**config, "site_dir": out.name, "validation": False},
                              allow_unicode=True, sort_keys=False)
        templates = _stamps(project / str(config.get("theme", {}).get("custom_dir", "")))
        limit = REWRITE_WAIT
        if (self.child is None or self.child.poll() is not None or self.started is None
                or self.started[:2] != (text, templates)):
            self.close()
            self.config_file = project / PREVIEW_CONFIG
            self.config_file.write_text(text, "utf-8")
            self._start(project, text, templates)
            limit = FIRST_BUILD_WAIT
        assert self.started is not None
        newest = max([self.started[2], *(stat.st_mtime_ns for stat in sources.values())])
        self._wait([out / page for page in pages], newest, limit)

    def _start(self, project: Path, text: str, templates: Stamps) -> None:
        with socket.socket() as free:  # a port for Zensical's own server, which we never use
            free.bind(("127.0.0.1", 0))
            address = f"127.0.0.1:{free.getsockname()[1]}"
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 (open while Zensical runs)
        self.child = subprocess.Popen(
            [sys.executable, "-m", "stavangerstandarden.zensicalserve", PREVIEW_CONFIG,
             address], cwd=project, stdin=subprocess.PIPE, stdout=self.log,
            stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUTF8": "1"})
        self.started = (text, templates, time.time_ns())

    def _wait(self, pages: list[Path], newest: int, limit: float) -> None:
        """Until every page is newer than `newest`; SiteBuildFailed (with what Zensical said)
        if it stops, or has not rewritten them all within `limit` seconds."""
        end = time.monotonic() + limit
        while pages:
            pages = [page for page in pages if not _newer(page, newest)]
            if not pages:
                return
            assert self.child is not None
            if self.child.poll() is not None or time.monotonic() > end:
                said = self._said()
                self.close()
                raise SiteBuildFailed(said or f"Zensical: {pages[0]}")
            time.sleep(ZENSICAL_POLL)

    def _said(self) -> str:
        if self.log is None:
            return ""
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace").strip()[-4000:]

    def close(self) -> None:
        """End the Zensical process, if one runs."""
        if self.child is not None:
            if self.child.stdin is not None:
                self.child.stdin.close()  # it ends itself; kill if it does not at once
            with suppress(subprocess.TimeoutExpired):
                self.child.wait(timeout=2)
            if self.child.poll() is None:
                self.child.kill()
                self.child.wait()
            self.child = None
        if self.log is not None:
            self.log.close()
            self.log = None
        if self.config_file is not None:
            self.config_file.unlink(missing_ok=True)
            self.config_file = None
        self.started = None


FIRST_BUILD_WAIT = 120.0
"""Seconds a pass waits at most for a new Zensical process's first build of every page."""
REWRITE_WAIT = 20.0
"""... and for a running one's rewrite of the pages (a tenth of a second on a small machine)."""
ZENSICAL_POLL = 0.005

Stamps = dict[str, tuple[int, int]]
"""Modification time and size of each file, by path."""


def _markdown(docs: Path) -> dict[str, os.stat_result]:
    """Every Markdown file under docs/ (path relative to it) with its stat."""
    found = {}
    for folder, _, files in os.walk(docs):
        for name in files:
            if name.endswith(".md"):
                path = Path(folder, name)
                found[path.relative_to(docs).as_posix()] = path.stat()
    return found


def _page_of(source: str) -> str:
    """The page a Markdown file becomes (directory URLs, as both engines make them)."""
    stem = source.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"


def _stamps(folder: Path) -> Stamps:
    if not folder.is_dir():
        return {}
    return {str(path): (stat.st_mtime_ns, stat.st_size)
            for path in sorted(folder.rglob("*")) if path.is_file() and (stat := path.stat())}


def _newer(page: Path, than: int) -> bool:
    try:
        return page.stat().st_mtime_ns > than
    except FileNotFoundError:  # Zensical clears its folder when it starts
        return False


BUILDERS: dict[str, Callable[[], Incremental]] = {"mkdocs": MkDocsDirty,
                                                  "zensical": ZensicalServe}
"""Site engine name → a new incremental builder for one preview."""
