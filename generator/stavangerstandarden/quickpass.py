"""The preview's quick pass: the edited pages of the source language on screen in well under
a second, before the full build (every form, every language) follows.

`build()` re-renders everything and runs the site engine on every page of every language:
seconds. The quick pass renders the source language's pages and data (no PDF: the forms
already in docs/ stay), writes only the files whose bytes changed, runs the engine
incrementally on one persistent folder (`PREVIEW_DIR`: MkDocs' `--dirty` rebuilds only pages
whose source is newer than their output), and copies into the published site only the
output files whose bytes changed, each with an atomic rename. The site's search index and
the translated languages are left to the full pass that follows.
"""

from __future__ import annotations

import html
import os
import shutil
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
import yaml

from stavangerstandarden.atomicfile import write_atomic
from stavangerstandarden.build import (
    GENERATED_ROOTS,
    _at,
    pages_first,
    site_settings,
    sync_tree,
)
from stavangerstandarden.engines import SOURCE_LINK_ENGINES
from stavangerstandarden.htmlspace import squeeze
from stavangerstandarden.i18n.edition import Edition, source_edition
from stavangerstandarden.i18n.layout import SOURCE_LANGUAGE, Layout, is_known
from stavangerstandarden.i18n.ui import Localized
from stavangerstandarden.languages import Languages, SiteLanguage, _snippets_base, engine_config
from stavangerstandarden.model import Standard
from stavangerstandarden.pages import AREAS_DIR
from stavangerstandarden.preflight import preflight
from stavangerstandarden.problems import InvalidSource
from stavangerstandarden.publish import (
    SITE_CONFIG,
    SiteBuildFailed,
    run_engine,
    site_lock,
    write_config,
)
from stavangerstandarden.versions.diff import changelog
from stavangerstandarden.versions.guard import check_versions

PREVIEW_DIR = ".preview-site"
"""The quick pass's engine output, kept between passes inside the project (Zensical builds
only there); a name the build's clean-up of killed builds leaves alone."""
PREVIEW_CONFIG = SITE_CONFIG.replace(".yml", "-preview.yml")
LEFT_TO_FULL_PASS = ("search/",)
"""Output the quick pass never publishes: an incremental build's search index holds only the
pages it rebuilt."""


@dataclass(frozen=True)
class QuickPass:
    """What one quick pass changed, for the preview's log and its tests."""

    generated: tuple[str, ...]
    """Generated docs files whose bytes changed (paths under docs/)."""
    rendered: tuple[str, ...]
    """Pages the engine wrote this pass (paths under the site)."""
    published: tuple[str, ...]
    """Site files whose bytes changed and were copied into the published site."""


def quick_pass(source: Path, project: Path, site_dir: Path, *, engine: str = "mkdocs",
               site_url: str | None = None) -> QuickPass | None:
    """Check `source` and bring the source language's changed pages into the published site.

    None when there is no published site yet (a build makes the first). Raises
    InvalidSource (every problem) or SiteBuildFailed; the published site is then unchanged.
    """
    checked, history = check_versions(source)
    if checked.standard is None or history is None:
        raise InvalidSource(checked.problems)
    standard = checked.standard
    preflight(standard)  # the forms' font, as the full pass checks it, before any page shows
    docs = project / "docs"
    languages = _source_site(standard)
    nb = languages.sites[0]
    files = pages_first(standard, docs, nb, languages.statuses, changelog(history),
                        engine in SOURCE_LINK_ENGINES)
    base = yaml.safe_load((project / "mkdocs.yml").read_text("utf-8"))
    config = _titled(engine_config(base, _at(site_settings(standard),
                                             site_url or standard.meta.site_url, ""),
                                   nb, languages, "docs"), standard)
    site = site_dir.absolute()
    with site_lock(site_dir):
        generated = sync_tree(docs, files, roots=())  # removals: the full pass's
        if not site.is_dir():
            return None
        out = project / PREVIEW_DIR
        if not out.is_dir():
            _prime(site, out, tuple(lang.root.strip("/") for lang in languages.translated))
        _stale_includers(docs, out, generated)
        start = time.time_ns()
        try:
            INCREMENTAL[engine](project, config, out)
        finally:
            (project / PREVIEW_CONFIG).unlink(missing_ok=True)
        rendered, published = _publish(out, site, start)
    return QuickPass(tuple(generated), rendered, published)


def _source_site(standard: Standard) -> Languages:
    """Bokmål's site, the other languages by code only: all the quick pass renders and its
    menu's language switcher needs. Their editions (a PO file parsed each) and the «Språk»
    page's translation statuses are the full pass's work."""
    nb = SiteLanguage(source_edition(standard), Localized.for_language(SOURCE_LANGUAGE))
    others = tuple(SiteLanguage(Edition(lang, standard), nb.loc)
                   for lang in Layout(Path(standard.source)).languages() if is_known(lang))
    return Languages((nb, *others), ())


def _titled(config: dict[str, Any], standard: Standard) -> dict[str, Any]:
    """The config with each area page's title in the menu: a dirty build reads no page it
    does not rebuild, so it would not know the other areas' titles from their headings."""
    titles = {f"{AREAS_DIR}/{area.id}.md": html.escape(area.title, quote=False)
              for area in standard.areas}  # as the heading renders; the theme adds no escaping

    def titled(item: Any) -> Any:
        if isinstance(item, list):
            return [{titles[i]: i} if isinstance(i, str) and i in titles else titled(i)
                    for i in item]
        if isinstance(item, dict):
            return {key: titled(value) for key, value in item.items()}
        return item

    return {**config, "nav": titled(config.get("nav", []))}


def _stale_includers(docs: Path, out: Path, changed: list[str]) -> None:
    """A hand-written page that pulls in a changed snippet must be rebuilt, but MkDocs' dirty
    build compares the page's own file with its output: date the output back instead of
    touching the page (which the preview watches)."""
    snippets = [Path(p).name for p in changed if p.startswith("generert/")]
    if not snippets:
        return
    for page in docs.rglob("*.md"):
        rel = page.relative_to(docs)
        if rel.parts[0] in GENERATED_ROOTS or not any(n in page.read_text("utf-8")
                                                      for n in snippets):
            continue
        folder = rel.parent if rel.stem == "index" else rel.with_suffix("")
        output = out / folder / "index.html"
        if output.is_file():
            os.utime(output, ns=(0, 0))


def _prime(site: Path, out: Path, skip: tuple[str, ...]) -> None:
    """Start the incremental folder from the published source-language site, copied (never
    linked: the engine writes into its files) with their times, so only newer sources are
    rebuilt."""
    def ignore(folder: str, names: list[str]) -> list[str]:
        return [n for n in names if Path(folder) == site and n in skip]

    shutil.copytree(site, out.with_name(out.name + ".tmp"), ignore=ignore, dirs_exist_ok=True)
    out.with_name(out.name + ".tmp").replace(out)


def _publish(out: Path, site: Path, start: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Copy what the engine wrote since `start` and differs from the published site."""
    rendered, published = [], []
    for path in sorted(out.rglob("*")):
        if not path.is_file() or path.stat().st_mtime_ns < start:
            continue
        rel = path.relative_to(out).as_posix()
        if rel.endswith(".html"):
            rendered.append(rel)
        if rel.startswith(LEFT_TO_FULL_PASS):
            continue
        target = site / rel
        data = path.read_bytes()
        if rel.endswith(".html"):  # as the full build publishes it
            data = squeeze(data.decode("utf-8")).encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            continue
        write_atomic(target, data)
        published.append(rel)
    return tuple(rendered), tuple(published)


def _mkdocs_dirty(project: Path, config: Mapping[str, Any], out: Path) -> None:
    """In this process: MkDocs, its theme and Markdown extensions are imported once per
    preview, not once per save (most of a fresh `mkdocs build`'s time). Paths absolute: the
    preview's working folder need not be the project."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    docs = str((project / "docs").absolute())
    absolute = {**config, "docs_dir": docs, "markdown_extensions": [
        _snippets_base(e, docs) for e in config.get("markdown_extensions", [])]}
    name = write_config(project, absolute, PREVIEW_CONFIG)
    try:
        loaded = load_config(str(project / name), site_dir=str(out.absolute()))
        theme_env = loaded.theme.get_env
        loaded.theme.get_env = lambda: _compiled_once(theme_env())  # type: ignore[method-assign]
        mkdocs_build(loaded, dirty=True)
    except (MkDocsException, OSError) as exc:
        raise SiteBuildFailed(str(exc)) from exc


class _Compiled(jinja2.BytecodeCache):
    """The theme's templates, compiled once a preview: MkDocs makes a new Jinja environment
    every build, and compiling the theme's templates was a fifth of a quick pass. Jinja
    compares each template's source with the one compiled (an edited override recompiles)."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _Compiled()


def _compiled_once(env: jinja2.Environment) -> jinja2.Environment:
    env.bytecode_cache = _COMPILED
    return env


def _zensical(project: Path, config: Mapping[str, Any], out: Path) -> None:
    zensical = Path(sys.executable).with_name("zensical")
    run_engine([str(zensical), "build", "--config-file",
          write_config(project, {**config, "site_dir": out.name}, PREVIEW_CONFIG)], project)


INCREMENTAL = {"mkdocs": _mkdocs_dirty, "zensical": _zensical}
"""Site engine name → function rebuilding, into the folder `out` inside the project, the
pages whose sources changed (Zensical keeps its own cache; it has no dirty switch)."""
