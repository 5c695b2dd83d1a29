"""The site engines' incremental builds, for the preview's quick passes: each rebuilds, into
one folder kept between passes, only the pages whose sources changed.

MkDocs runs in the preview's own process with `--dirty` (it rebuilds a page whose source is
newer than its output), so MkDocs, its theme and its Markdown extensions are imported once a
preview; what it would otherwise redo on every save (compiling the theme's templates, listing
the theme's files) is kept in the builder between saves. Zensical has no dirty switch but
keeps a cache of its own; it runs as its own program.
"""

from __future__ import annotations

import copy
import io
import os
import sys
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache

from stavangerstandarden.languages import _snippets_base
from stavangerstandarden.publish import SITE_CONFIG, SiteBuildFailed, run_engine, write_config

PREVIEW_CONFIG = SITE_CONFIG.replace(".yml", "-preview.yml")

Incremental = Callable[[Path, Mapping[str, Any], Path], None]
"""(project, engine config, output folder inside the project) → the changed pages built."""


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


def zensical(project: Path, config: Mapping[str, Any], out: Path) -> None:
    program = Path(sys.executable).with_name("zensical")
    try:
        run_engine([str(program), "build", "--config-file",
                    write_config(project, {**config, "site_dir": out.name}, PREVIEW_CONFIG)],
                   project)
    finally:
        (project / PREVIEW_CONFIG).unlink(missing_ok=True)


BUILDERS: dict[str, Callable[[], Incremental]] = {"mkdocs": MkDocsDirty,
                                                  "zensical": lambda: zensical}
"""Site engine name → a new incremental builder for one preview."""
