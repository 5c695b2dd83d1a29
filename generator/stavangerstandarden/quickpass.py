"""The preview's quick passes: the edited pages of the source language on screen in well under
a second, before the full build (every form, every language) follows.

`build()` re-renders everything and runs the site engine on every page of every language:
seconds. A quick pass renders the source language's pages and data (no PDF: the forms
already in docs/ stay), writes only the files whose bytes changed, runs the engine
incrementally on one persistent folder (`PREVIEW_DIR`, `incremental`: only the Markdown that
changed is rendered again; MkDocs rewrites only those pages, Zensical's serve process every
page from its cache), and copies into the published site only the output files whose bytes
changed, each with an atomic rename. It comes in two steps, so the page never waits
for the forms: `pages()` (everything but the fill pages), then `fill_pages()`, which makes
only the fill pages of the forms whose spec changed since it last made them. The site's
search index and the translated languages are left to the full pass that follows.
"""

from __future__ import annotations

import copy
import hashlib
import html
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from stavangerstandarden import contract as c
from stavangerstandarden.atomicfile import write_atomic
from stavangerstandarden.browserpage import page_source
from stavangerstandarden.build import (
    GENERATED_ROOTS,
    _at,
    _language_files,
    site_settings,
    sync_tree,
)
from stavangerstandarden.engines import SOURCE_LINK_ENGINES
from stavangerstandarden.fill.page import fill_page
from stavangerstandarden.formset import FormSet
from stavangerstandarden.formspec import FormSpec, form_specs
from stavangerstandarden.htmlspace import squeeze
from stavangerstandarden.i18n.edition import Edition, source_edition
from stavangerstandarden.i18n.layout import SOURCE_LANGUAGE, Layout, is_known
from stavangerstandarden.i18n.ui import Localized
from stavangerstandarden.incremental import BUILDERS
from stavangerstandarden.languages import Languages, SiteLanguage, engine_config
from stavangerstandarden.model import Standard
from stavangerstandarden.pages import AREAS_DIR
from stavangerstandarden.preflight import preflight
from stavangerstandarden.problems import InvalidSource
from stavangerstandarden.publish import site_lock
from stavangerstandarden.versions.diff import changelog
from stavangerstandarden.versions.guard import check_versions

PREVIEW_DIR = ".preview-site"
"""The quick pass's engine output, kept between passes inside the project (Zensical builds
only there); a name the build's clean-up of killed builds leaves alone."""
LEFT_TO_FULL_PASS = ("search/", "search.json", "404.html", "sitemap.xml")
"""Output the quick pass never publishes (the MkDocs builder does not even make it,
`incremental`): an incremental build's search index holds only the pages it rebuilt, and
the full build prepares the search index of every language."""
FILL_BATCH = {"mkdocs": 12}
"""Fill pages handed to the engine at a time: with MkDocs about a third of a second of its
work on a small machine, the longest a newer save waits for the fill pages of the one
before. Zensical (not listed: all at once) renders only the changed pages' Markdown and
rewrites every page from its cache whatever the batch."""
CLOCK_SLACK_NS = 20_000_000
"""A file's modification time comes from the kernel's coarse clock, which may lag the clock
a pass starts by a few milliseconds: the engine's output is looked for from this much
earlier (publishing a file twice is harmless: unchanged bytes are not copied)."""


@dataclass(frozen=True)
class QuickPass:
    """What one quick pass changed, for the preview's log and its tests."""

    generated: tuple[str, ...]
    """Generated docs files whose bytes changed (paths under docs/)."""
    rendered: tuple[str, ...]
    """Pages the engine wrote with new bytes this pass (paths under the site)."""
    published: tuple[str, ...]
    """Site files whose bytes changed and were copied into the published site."""
    filled: tuple[str, ...] = ()
    """Fill pages made this pass (paths under docs/): those of the forms whose spec changed."""


@dataclass(frozen=True)
class _Shown:
    """What the last pages pass found, for the fill pages that follow it."""

    standard: Standard
    languages: Languages
    specs: tuple[FormSpec, ...]
    config: dict[str, Any]


@dataclass
class QuickPasses:
    """One preview's quick passes, and what they keep from one save to the next: the fill
    page of each form with what it was made from, and the engine's incremental builder."""

    source: Path
    project: Path
    site_dir: Path
    engine: str = "mkdocs"
    site_url: str | None = None
    _shown: _Shown | None = None
    _fills: dict[str, object] = field(default_factory=dict)
    """Fill page (path under docs/) → what it was last made from."""
    _base: tuple[tuple[int, int], dict[str, Any]] | None = None
    """mkdocs.yml as last parsed, with its file's time and size."""
    _outputs: dict[str, bytes] = field(default_factory=dict)
    """Digest of each file the engine wrote, as last seen (Zensical rewrites every page)."""

    def __post_init__(self) -> None:
        self._incremental = BUILDERS[self.engine]()

    def close(self) -> None:
        """End what the engine keeps running between passes (Zensical's process)."""
        self._incremental.close()

    def pages(self) -> QuickPass | None:
        """Check the source and bring the source language's changed pages (all but the fill
        pages) into the published site.

        None when there is no published site yet (a build makes the first). Raises
        InvalidSource (every problem) or SiteBuildFailed; the published site is then
        unchanged.
        """
        checked, history = check_versions(self.source)
        if checked.standard is None or history is None:
            raise InvalidSource(checked.problems)
        standard = checked.standard
        preflight(standard)  # the forms' font, as the full pass checks it, before any page shows
        languages = _source_site(standard)
        nb = languages.sites[0]
        specs = form_specs(standard)
        # No PDF: no fill page either (`fill_pages` follows with those that changed).
        files = _language_files(standard, FormSet(standard, specs), {}, nb, languages.statuses,
                                changelog(history), self.engine in SOURCE_LINK_ENGINES)
        self._shown = _Shown(standard, languages, specs, self._config(standard, nb, languages))
        return self._pass(files, always=True)

    def fill_pages(self, interrupted: Callable[[], bool] = lambda: False) -> QuickPass | None:
        """The fill pages of the forms whose spec (or the standard's words around it) changed
        since this preview last made them, into the published site, a batch at a time
        (`FILL_BATCH`) until `interrupted()` says a newer save waits. None before a pages
        pass, and while docs/ lacks some of the forms: the full build makes the fill pages
        with them."""
        shown = self._shown
        docs = self.project / "docs"
        if shown is None or not all((docs / spec.file).is_file() for spec in shown.specs):
            return None
        around = replace(shown.standard, areas=())
        stale = [spec for spec in shown.specs
                 if self._fills.get(_fill_source(spec)) != (spec, around)]
        done = QuickPass((), (), ())
        size = FILL_BATCH.get(self.engine, len(stale)) or 1
        for at in range(0, len(stale), size):
            if at and interrupted():
                break
            specs = stale[at:at + size]
            batch = self._pass({_fill_source(spec): fill_page(
                shown.standard, spec, shown.languages.sites[0].loc) for spec in specs},
                always=False)
            if batch is None:
                return None
            made = tuple(_fill_source(spec) for spec in specs)
            self._fills.update({_fill_source(spec): (spec, around) for spec in specs})
            done = QuickPass(done.generated + batch.generated, done.rendered + batch.rendered,
                             done.published + batch.published, done.filled + made)
        return done

    def _config(self, standard: Standard, language: SiteLanguage,
                languages: Languages) -> dict[str, Any]:
        path = self.project / "mkdocs.yml"
        stat = path.stat()
        if self._base is None or self._base[0] != (stat.st_mtime_ns, stat.st_size):
            self._base = ((stat.st_mtime_ns, stat.st_size),
                          yaml.safe_load(path.read_text("utf-8")))
        base = copy.deepcopy(self._base[1])  # engine_config may change what it is given
        settings = _at(site_settings(standard), self.site_url or standard.meta.site_url, "")
        return _titled(engine_config(base, settings, language, languages, "docs"), standard)

    def _pass(self, files: dict[str, bytes], *, always: bool) -> QuickPass | None:
        """Write `files` where their bytes changed, build the pages that changed and publish
        what the engine wrote that differs from the published site. `always`: run the engine
        even if no file of `files` changed (a hand-written page or template may have)."""
        shown = self._shown
        assert shown is not None
        docs = self.project / "docs"
        site = self.site_dir.absolute()
        with site_lock(self.site_dir):
            generated = sync_tree(docs, files, roots=())  # removals: the full pass's
            if not site.is_dir():
                return None
            out = self.project / PREVIEW_DIR
            if not (out / "index.html").is_file():  # none yet, or a killed engine's half
                _prime(site, out, tuple(lang.root.strip("/")
                                        for lang in shown.languages.translated))
            elif not generated and not always:
                return QuickPass((), (), ())
            _stale_includers(docs, out, generated)
            start = time.time_ns() - CLOCK_SLACK_NS
            self._incremental(self.project, shown.config, out)
            rendered, published = _publish(out, site, start, self._outputs)
        return QuickPass(tuple(generated), rendered, published)


def _fill_source(spec: FormSpec) -> str:
    return page_source(c.fill_page(spec.file))


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

    staging = out.with_name(out.name + ".tmp")
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(site, staging, ignore=ignore)
    shutil.rmtree(out, ignore_errors=True)
    staging.replace(out)


def _publish(out: Path, site: Path, start: int,
             seen: dict[str, bytes]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Copy what the engine wrote since `start` with bytes other than it last wrote there
    (`seen`: each file's digest, updated) and that differs from the published site."""
    rendered, published = [], []
    for rel in sorted(_written_since(out, start)):
        data = (out / rel).read_bytes()
        digest = hashlib.blake2b(data, digest_size=16).digest()
        if seen.get(rel) == digest:
            continue
        seen[rel] = digest
        if rel.endswith(".html"):
            rendered.append(rel)
        if rel.startswith(LEFT_TO_FULL_PASS):
            continue
        target = site / rel
        if rel.endswith(".html"):  # as the full build publishes it
            data = squeeze(data.decode("utf-8")).encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            continue
        write_atomic(target, data)
        published.append(rel)
    return tuple(rendered), tuple(published)


def _written_since(folder: Path, start: int, prefix: str = "") -> list[str]:
    """Files under `folder` modified since `start`, relative to it (os.scandir: a walk of
    the whole output with pathlib took as long as the engine's build of one page)."""
    found = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                found += _written_since(Path(entry.path), start, f"{prefix}{entry.name}/")
            elif entry.is_file() and entry.stat().st_mtime_ns >= start:
                found.append(prefix + entry.name)
    return found
