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
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from stavangerstandarden.atomicfile import write_atomic
from stavangerstandarden.htmlspace import squeeze_pages
from stavangerstandarden.i18n.status import Status
from stavangerstandarden.languages import (
    NOTE,
    Languages,
    SiteLanguage,
    engine_config,
    handwritten,
    site_languages,
    with_notes,
)
from stavangerstandarden.model import Standard
from stavangerstandarden.preflight import preflight as preflight
from stavangerstandarden.problems import InvalidSource, Problem
from stavangerstandarden.sharedfiles import share_theme_files
from stavangerstandarden.sitefonts import FONTS_DIR, site_font_files
from stavangerstandarden.versions import Changelog, alone, changelog
from stavangerstandarden.versions.guard import check_versions

GENERATED_ROOTS = ("skjema", "data", "omrader", "generert", "sprak", "endringer", FONTS_DIR)
"""Folders under docs/ that belong to the build (git-ignored); anything else is hand-written."""


SITE_CONFIG = ".mkdocs-generert.yml"
"""Written next to mkdocs.yml for the duration of a build: mkdocs.yml plus `site_settings`
and bokmål's settings (`languages.engine_config`); each other language's beside it
(`.mkdocs-generert-nn.yml`)."""

FORM_CACHE = Path(".cache") / "skjema"
"""Rendered forms kept between builds, relative to the project (git-ignored)."""

ENGINE_OUTPUT = ".engine-site-"
"""Prefix of the folders inside the project that Zensical builds into (it refuses any other)
and that hold the docs trees of the other languages (both engines want docs_dir inside)."""


class SiteBuildFailed(Exception):
    """The static-site generator exited non-zero; its output says why."""


@dataclass(frozen=True)
class Built:
    """What a successful build made, for the adapters to report."""

    standard: Standard
    warnings: tuple[Problem, ...]
    files: int


def generated_files(standard: Standard, cache: Path | None = None,
                    language: SiteLanguage | None = None,
                    statuses: tuple[Status, ...] = (),
                    log: Changelog | None = None,
                    source_links: bool = False) -> dict[str, bytes]:
    """Every generated file of one language's site (bokmål unless `language` says otherwise),
    keyed by its path relative to that site's docs tree (and so to its root).

    `cache`: a folder where forms are kept between builds (see `forms.form_files`);
    `statuses`: each translation's status, for the «Språk» page (none: no such page);
    `log`: the changes between the kept versions (none: no version kept).
    """
    from stavangerstandarden.booklet.files import booklet_files
    from stavangerstandarden.forms import form_files
    from stavangerstandarden.i18n.edition import source_edition

    forms = form_files(standard, cache)
    forms |= booklet_files(language.edition if language else source_edition(standard))
    return _language_files(standard, forms, language, statuses, log, source_links)


def _language_files(standard: Standard, forms: Mapping[str, bytes],
                    language: SiteLanguage | None,
                    statuses: tuple[Status, ...],
                    log: Changelog | None = None,
                    source_links: bool = False) -> dict[str, bytes]:
    """Data, pages and fill pages of one language around its `forms` (manifest included).
    `source_links`: the engine resolves links in raw HTML from the page's source file, as
    Zensical does (MkDocs leaves them as written)."""
    from stavangerstandarden.exports import data_files
    from stavangerstandarden.fill.files import fill_files
    from stavangerstandarden.overview.page import kommune_files
    from stavangerstandarden.pages import SNIPPETS_DIR, page_files
    from stavangerstandarden.pages.downloads import read_downloads
    from stavangerstandarden.summary.files import summary_files
    from stavangerstandarden.versions.export import changelog_files

    edition = language.edition if language else None
    loc = language.loc if language else None
    shown = edition.standard if edition else standard
    log = log or changelog(alone(standard))
    files = data_files(shown)
    files.update(changelog_files(log))
    files.update(forms)
    files.update(page_files(shown, forms, edition=edition, loc=loc, statuses=statuses,
                            log=log, source_links=source_links))
    if all(d.file in forms for d in read_downloads(forms).forms):
        # The preview's first pass may have no PDFs yet: its fill pages come with the forms.
        files.update(fill_files(shown, forms, loc=loc))
    summary = summary_files(shown, Path(standard.source), loc=loc)
    files.update(summary)
    files.update(kommune_files(shown, summary, loc=loc))
    if edition is not None and loc is not None and language and language.root:
        files = with_notes(files, edition, loc.gettext(NOTE), (f"{SNIPPETS_DIR}/",))
    stray = [p for p in files if p.split("/", 1)[0] not in GENERATED_ROOTS]
    if stray:
        raise ValueError(f"generated files outside {GENERATED_ROOTS}: {stray}")
    return files


def language_forms(language: SiteLanguage, source_forms: Mapping[str, bytes],
                   cache: Path | None) -> dict[str, bytes]:
    """The forms (PDFs, ZIP, manifest) and the booklet of a translated language's site, at
    the same paths as bokmål's under its own root (`nn/skjema/…`), rendered from that
    language's edition; each language keeps its own form cache folder."""
    from stavangerstandarden.booklet.files import booklet_files
    from stavangerstandarden.forms import form_files

    del source_forms
    forms: dict[str, bytes] = form_files(
        language.edition.standard, cache / language.language if cache else None,
        language.edition)
    return forms | booklet_files(language.edition)


def build(source: Path, project: Path, site_dir: Path, *, engine: str = "mkdocs",
          site_url: str | None = None, forms: bool = True) -> Built:
    """Check `source`, generate into `project`/docs and publish the site at `site_dir`:
    bokmål at its root, every translated language under `<lang>/`.

    `forms=False` (the preview's first pass) renders pages and data only and leaves the PDFs
    in docs/ as they are. Raises InvalidSource (every problem, warnings included) or
    SiteBuildFailed; `site_dir` is then exactly as it was.
    """
    checked, history = check_versions(source)
    if checked.standard is None or history is None:
        raise InvalidSource(checked.problems)
    standard = checked.standard
    log = changelog(history)
    docs = project / "docs"
    languages = site_languages(standard, docs)
    source_language = languages.sites[0]
    links = engine in SOURCE_LINK_ENGINES
    try:
        files = (generated_files(standard, project / FORM_CACHE, source_language,
                                 languages.statuses, log, links) if forms
                 else pages_first(standard, docs, source_language, languages.statuses, log,
                                  links))
        trees = [(lang, _language_tree(lang, languages, files, docs, project / FORM_CACHE,
                                       log, links))
                 for lang in languages.translated]
    except InvalidSource as exc:
        raise InvalidSource(checked.warnings + exc.problems) from None
    url = site_url or standard.meta.site_url
    base = yaml.safe_load((project / "mkdocs.yml").read_text("utf-8"))
    with site_lock(site_dir):
        sync_tree(docs, files)
        _remove_leftovers(project, site_dir.absolute(), keep=())  # what killed builds left
        sites: list[tuple[str, dict[str, Any], Path | None]] = [
            ("", engine_config(base, _at(site_settings(standard), url, ""), source_language,
                               languages, "docs"), None)]
        for lang, tree in trees:
            folder = Path(tempfile.mkdtemp(prefix=f"{ENGINE_OUTPUT}docs-", dir=project))
            sync_tree(folder, tree, roots=None)
            # Each language's own title, description and owner: its header is its title.
            settings = site_settings(lang.edition.standard)
            sites.append((lang.root, engine_config(base, _at(settings, url, lang.root), lang,
                                                   languages, folder.name), folder))
        try:
            build_site(project, site_dir, [(root, config) for root, config, _ in sites], engine)
        finally:
            for _, _, tree_dir in sites:
                if tree_dir is not None:
                    shutil.rmtree(tree_dir, ignore_errors=True)
    return Built(standard, checked.warnings, len(files) + sum(len(t) for _, t in trees))


def _at(settings: Mapping[str, str], url: str | None, root: str) -> dict[str, str]:
    return {**settings, "site_url": url.rstrip("/") + "/" + root} if url else dict(settings)


def _language_tree(language: SiteLanguage, languages: Languages, source_files: Mapping[str, bytes],
                   docs: Path, cache: Path, log: Changelog | None = None,
                   source_links: bool = False) -> dict[str, bytes]:
    """A translated language's whole docs tree: generated files and hand-written pages."""
    from stavangerstandarden import contract as c

    forms = language_forms(language, {p: d for p, d in source_files.items()
                                      if p.startswith(f"{c.FORMS_DIR}/")
                                      and not p.startswith(f"{c.FILL_DIR}/")}, cache)
    files = _language_files(language.edition.standard, forms, language, languages.statuses,
                            log, source_links)
    files |= site_font_files(language.language)
    return files | handwritten(docs, language, GENERATED_ROOTS, files)


def pages_first(standard: Standard, docs_dir: Path, language: SiteLanguage | None = None,
                statuses: tuple[Status, ...] = (),
                log: Changelog | None = None,
                source_links: bool = False) -> dict[str, bytes]:
    """Pages, data and the forms' manifest (known without rendering a PDF), with every other
    generated file as it is in `docs_dir`: what the preview shows before the forms are done."""
    from stavangerstandarden import contract as c
    from stavangerstandarden.formspec import form_specs, manifest_json

    forms = {c.MANIFEST: manifest_json(standard, form_specs(standard)).encode("utf-8")}
    current = {p.relative_to(docs_dir).as_posix(): p.read_bytes()
               for root in GENERATED_ROOTS for p in (docs_dir / root).rglob("*") if p.is_file()}
    pdfs = {p: d for p, d in current.items() if p.startswith(f"{c.FORMS_DIR}/")
            and not p.startswith(f"{c.FILL_DIR}/") and p != c.MANIFEST}
    return current | _language_files(standard, pdfs | forms, language, statuses, log,
                                     source_links)


def sync_tree(docs_dir: Path, files: Mapping[str, bytes],
              roots: tuple[str, ...] | None = GENERATED_ROOTS) -> list[str]:
    """Make the generated folders (`roots`; None: the whole tree) hold exactly `files`;
    return the paths that changed."""
    changed = []
    for rel, content in files.items():
        target = docs_dir / rel
        if target.is_file() and target.read_bytes() == content:
            continue
        write_atomic(target, content)
        changed.append(rel)
    for root in roots if roots is not None else ("",):
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


def _run(command: list[str], project: Path) -> None:
    # Not --quiet: it hides warnings from MkDocs' counter, and --strict then passes them.
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, check=False,
                            env={**os.environ, "PYTHONUTF8": "1"})
    if result.returncode != 0:
        raise SiteBuildFailed((result.stdout + result.stderr).strip())


def _write_config(project: Path, config: Mapping[str, Any], name: str) -> str:
    (project / name).write_text(
        yaml.safe_dump(dict(config), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return name


def _mkdocs(project: Path, config: Mapping[str, Any], out: Path, name: str) -> None:
    _run([sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file",
          _write_config(project, config, name), "--site-dir", str(out)], project)


def _zensical(project: Path, config: Mapping[str, Any], out: Path, name: str) -> None:
    """Zensical has no --site-dir and wants site_dir inside the project: build there, move."""
    inside = Path(tempfile.mkdtemp(prefix=ENGINE_OUTPUT, dir=project))
    zensical = Path(sys.executable).with_name("zensical")
    try:
        _run([str(zensical), "build", "--strict", "--config-file",
              _write_config(project, {**config, "site_dir": inside.name}, name)], project)
        out.rmdir()
        shutil.move(inside, out)
    finally:
        shutil.rmtree(inside, ignore_errors=True)


ENGINES: dict[str, Callable[[Path, Mapping[str, Any], Path, str], None]] = {
    "mkdocs": _mkdocs,
    "zensical": _zensical,
}
"""Site engine name → function building `project` with a full config (written to the file
named last, in the project) into the empty folder `out`."""
SOURCE_LINK_ENGINES = frozenset({"zensical"})
"""Engines that resolve relative links in raw HTML from the page's source file, as they do
Markdown links (`omrader/x.md` → `omrader/x/`: one `../` more); MkDocs leaves them as written."""


def build_site(project: Path, site_dir: Path, sites: Sequence[tuple[str, Mapping[str, Any]]],
               engine: str = "mkdocs") -> None:
    """Run the engine once per language, at once on the usable cores, each into a folder of
    its own; put the other languages' sites into the first's under their roots, and point
    `site_dir` at it with one atomic rename: every language changes together.

    Call it holding `site_lock(site_dir)`.
    """
    from stavangerstandarden.cores import usable_cores

    site_dir = site_dir.absolute()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(None, site_dir, keep=())  # build() cleaned the project before its trees
    outs = [Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-", dir=site_dir.parent))
            for _ in sites]
    version = outs[0]
    names = [SITE_CONFIG.replace(".yml", f"-{root.strip('/')}.yml") if root else SITE_CONFIG
             for root, _ in sites]
    try:
        with ThreadPoolExecutor(max(1, min(usable_cores(), len(sites)))) as pool:
            for done in [pool.submit(ENGINES[engine], project, config, out, name)
                         for (_, config), out, name in zip(sites, outs, names, strict=True)]:
                done.result()
        for (root, _), out in zip(sites[1:], outs[1:], strict=True):
            out.replace(version / root.strip("/"))
        share_theme_files(version, [root for root, _ in sites[1:]], GENERATED_ROOTS)
        squeeze_pages(version)
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
