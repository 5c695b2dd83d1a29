"""The whole build: source → every generated file → static site.

`build()` is the one pipeline the CLI, the preview server and the tests call: load and check
the source, assemble every generated file of every language (here), write the ones whose
bytes changed into git-ignored folders under docs/, and publish the site (`publish`: the
engines, the lock, the atomic swap).
"""

from __future__ import annotations

import html
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from stavangerstandarden import engines
from stavangerstandarden.atomicfile import write_atomic
from stavangerstandarden.formset import FormSet
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
from stavangerstandarden.publish import ENGINE_OUTPUT, build_site, remove_leftovers, site_lock
from stavangerstandarden.sitefonts import FONTS_DIR, site_font_files
from stavangerstandarden.versions.diff import Changelog, changelog
from stavangerstandarden.versions.guard import check_versions
from stavangerstandarden.versions.history import alone

GENERATED_ROOTS = ("skjema", "data", "omrader", "generert", "sprak", "endringer", FONTS_DIR)
"""Folders under docs/ that belong to the build (git-ignored); anything else is hand-written."""

FORM_CACHE = Path(".cache") / "skjema"
"""Rendered forms kept between builds, relative to the project (git-ignored)."""


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
                    source_links: bool = False,
                    like: Mapping[str, bytes] | None = None) -> dict[str, bytes]:
    """Every generated file of one language's site (bokmål unless `language` says otherwise),
    keyed by its path relative to that site's docs tree (and so to its root).

    `cache`: a folder where forms are kept between builds (see `forms.form_files`);
    `statuses`: each translation's status, for the «Språk» page (none: no such page);
    `log`: the changes between the kept versions (none: no version kept);
    `like`: another language's generated files, to lay out fewer forms twice (`form_files`).
    """
    from stavangerstandarden.booklet.files import booklet_files
    from stavangerstandarden.forms import form_files
    from stavangerstandarden.i18n.edition import source_edition

    edition = language.edition if language else source_edition(standard)
    forms = form_files(edition.standard, cache, edition, like)
    return _language_files(standard, forms, booklet_files(edition), language, statuses, log,
                           source_links)


def _language_files(standard: Standard, forms: FormSet, booklet: Mapping[str, bytes],
                    language: SiteLanguage | None,
                    statuses: tuple[Status, ...],
                    log: Changelog | None = None,
                    source_links: bool = False) -> dict[str, bytes]:
    """Every producer's files (`assembly.PRODUCERS`) of one language around its `forms` and
    `booklet`, with the notes of a translated site. `source_links`: the engine resolves links
    in raw HTML from the page's source file, as Zensical does (MkDocs leaves them as
    written)."""
    from stavangerstandarden.assembly import Assembly, assemble
    from stavangerstandarden.pages import SNIPPETS_DIR

    edition = language.edition if language else None
    loc = language.loc if language else None
    shown = edition.standard if edition else standard
    files = assemble(Assembly(standard, shown, forms, booklet, edition, loc, statuses,
                              log or changelog(alone(standard)), source_links))
    if edition is not None and loc is not None and language and language.root:
        files = with_notes(files, edition, loc.gettext(NOTE), (f"{SNIPPETS_DIR}/",))
    stray = [p for p in files if p.split("/", 1)[0] not in GENERATED_ROOTS]
    if stray:
        raise ValueError(f"generated files outside {GENERATED_ROOTS}: {stray}")
    return files


def build(source: Path, project: Path, site_dir: Path, *, engine: str = engines.DEFAULT,
          site_url: str | None = None, forms: bool = True) -> Built:
    """Check `source`, generate into `project`/docs and publish the site at `site_dir`:
    bokmål at its root, every translated language under `<lang>/`.

    `forms=False` (the preview's first pass) renders bokmål's pages and data only and leaves
    the PDFs in docs/ as they are; the engine then passes links to forms not rendered yet
    (not strict), so the first page is up before any form. Raises InvalidSource (every problem,
    warnings included) or SiteBuildFailed; `site_dir` is then exactly as it was.
    """
    checked, history = check_versions(source)
    if checked.standard is None or history is None:
        raise InvalidSource(checked.problems)
    standard = checked.standard
    log = changelog(history)
    docs = project / "docs"
    languages = site_languages(standard, docs, checked.parsed)
    source_language = languages.sites[0]
    links = engine in engines.SOURCE_LINK_ENGINES
    try:
        files = (generated_files(standard, project / FORM_CACHE, source_language,
                                 languages.statuses, log, links) if forms
                 else pages_first(standard, docs, source_language, languages.statuses, log,
                                  links))
        trees = [(lang, _language_tree(lang, languages, docs, project / FORM_CACHE, log,
                                       links, files))
                 for lang in (languages.translated if forms else ())]
    except InvalidSource as exc:
        raise InvalidSource(checked.warnings + exc.problems) from None
    url = site_url or standard.meta.site_url
    base = yaml.safe_load((project / "mkdocs.yml").read_text("utf-8"))
    with site_lock(site_dir):
        sync_tree(docs, files)
        remove_leftovers(project, site_dir.absolute(), keep=())  # what killed builds left
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
            build_site(project, site_dir, [(root, config) for root, config, _ in sites], engine,
                       GENERATED_ROOTS, strict=forms)
        finally:
            for _, _, tree_dir in sites:
                if tree_dir is not None:
                    shutil.rmtree(tree_dir, ignore_errors=True)
    return Built(standard, checked.warnings, len(files) + sum(len(t) for _, t in trees))


def _at(settings: Mapping[str, str], url: str | None, root: str) -> dict[str, str]:
    return {**settings, "site_url": url.rstrip("/") + "/" + root} if url else dict(settings)


def _language_tree(language: SiteLanguage, languages: Languages, docs: Path, cache: Path,
                   log: Changelog | None = None,
                   source_links: bool = False,
                   like: Mapping[str, bytes] | None = None) -> dict[str, bytes]:
    """A translated language's whole docs tree: generated files (its forms rendered from its
    edition, each language with a form cache folder of its own) and hand-written pages."""
    files = generated_files(language.edition.standard, cache / language.language, language,
                            languages.statuses, log, source_links, like)
    files |= site_font_files(language.language)
    return files | handwritten(docs, language, GENERATED_ROOTS, files)


def pages_first(standard: Standard, docs_dir: Path, language: SiteLanguage | None = None,
                statuses: tuple[Status, ...] = (),
                log: Changelog | None = None,
                source_links: bool = False) -> dict[str, bytes]:
    """Pages, data and the forms' manifest (known without rendering a PDF), with every other
    generated file as it is in `docs_dir`: what the preview shows before the forms are done."""
    from stavangerstandarden.formspec import form_specs

    specs = form_specs(standard)
    current = {p.relative_to(docs_dir).as_posix(): p.read_bytes()
               for root in GENERATED_ROOTS for p in (docs_dir / root).rglob("*") if p.is_file()}
    forms = FormSet(standard, specs, {s.file: current[s.file] for s in specs if s.file in current})
    return current | _language_files(standard, forms, {}, language, statuses, log,
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


