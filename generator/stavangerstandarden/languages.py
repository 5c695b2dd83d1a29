"""One site per language: which languages the site has, and what each one's docs tree holds.

Bokmål is the site at the root, built from docs/ as always; every language with a content
translation (framework/oversettelser/<lang>.po) gets a complete site of its own under
`<lang>/`, built by the same engine from a docs tree this module fills: the hand-written
pages translated block by block (a block without a translation stays bokmål, marked
`lang="nb"`), the generated pages rendered from the language's edition, and a visible note
on every page that shows a translation no person has reviewed yet (or an outdated one).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog

from stavangerstandarden.contract import language_root
from stavangerstandarden.i18n import catalog as po
from stavangerstandarden.i18n.edition import Edition, source_edition
from stavangerstandarden.i18n.editions import translated_editions
from stavangerstandarden.i18n.layout import SOURCE_LANGUAGE, Layout, language_name
from stavangerstandarden.i18n.pages import page_texts, translate_page
from stavangerstandarden.i18n.status import Status, parsed_source, translation_report
from stavangerstandarden.i18n.ui import Localized
from stavangerstandarden.markup import md
from stavangerstandarden.model import Area, Standard
from stavangerstandarden.pages import AREAS_DIR, STATUS_PAGE
from stavangerstandarden.sitefonts import STYLESHEET, served_families
from stavangerstandarden.words import N_
from stavangerstandarden.yamlsource import Parsed

NOTE = N_("Denne oversettelsen er ikke kvalitetssikret.")
"""Shown on a page of another language that holds an unreviewed or outdated translation."""

THEME_WORDS = (
    N_("Forside"), N_("Om standarden"), N_("Områdene"), N_("Skjema"), N_("Sammendrag"),
    N_("Kommune"), N_("Slik gjennomfører dere egenvurderingen"), N_("Regelverket"), N_("Åpne data"),
    N_("Tilgjengelighet"), N_("Bytt til mørk modus"), N_("Bytt til lys modus"),
    N_("Fant ikke siden"), N_("Adressen finnes ikke på dette nettstedet. Kanskje siden er "
                              "flyttet, eller adressen er skrevet feil."), N_("Gå til forsiden"),
    N_("Endringer i standarden"),
)
"""The words of mkdocs.yml (nav titles, palette toggles, `extra.ord`: the words of the
templates in overrides/): translated into each language's config; a test checks that every
one of them in mkdocs.yml is listed here."""

SWITCHER_LABEL = N_("Språk")

_INCLUDE = re.compile(r'^--8<-- "([^"]+)"', re.MULTILINE)


@dataclass(frozen=True)
class SiteLanguage:
    """One language's site: its edition, its words and where it lives under the site."""

    edition: Edition
    loc: Localized
    pages: Catalog | None = None
    """The hand-written pages' translations, merged with the current pages (None: bokmål)."""

    @property
    def language(self) -> str:
        return self.edition.language

    @property
    def root(self) -> str:
        """Its folder under the published site: "" for bokmål, `nn/` for nynorsk."""
        return language_root(self.language, SOURCE_LANGUAGE)


@dataclass(frozen=True)
class Languages:
    sites: tuple[SiteLanguage, ...]
    statuses: tuple[Status, ...]

    @property
    def translated(self) -> tuple[SiteLanguage, ...]:
        return self.sites[1:]


def site_languages(standard: Standard, docs: Path,
                   parsed: Parsed | None = None) -> Languages:
    """Bokmål first, then every language with a content translation beside the source;
    `parsed`: the source's parse, when the caller has it (`Checked.parsed`)."""
    source = Path(standard.source)
    nb = SiteLanguage(source_edition(standard), Localized.for_language(SOURCE_LANGUAGE))
    editions = translated_editions(standard, source, parsed)
    if not editions:
        return Languages((nb,), ())
    layout = Layout(source, docs)
    texts = tuple(t for page in layout.pages() for t in page_texts(page, str(page)))
    sites = [nb]
    for found in editions:
        pages_po = layout.pages_po(found.language)
        pages = po.merge(po.read(pages_po), texts).catalog if pages_po.is_file() else None
        sites.append(SiteLanguage(found, Localized.for_language(found.language), pages))
    report = translation_report(layout, parsed or parsed_source(source))
    return Languages(tuple(sites), report.statuses)


def handwritten(docs: Path, language: SiteLanguage, generated_roots: Iterable[str],
                snippets: Mapping[str, bytes]) -> dict[str, bytes]:
    """docs/ without its generated folders, the pages at its top translated into `language`;
    `snippets` are the language's generated files (a page including an unreviewed one gets
    the note too)."""
    roots = set(generated_roots)
    files: dict[str, bytes] = {}
    for path in sorted(docs.rglob("*")):
        rel = path.relative_to(docs).as_posix()
        if not path.is_file() or rel.split("/", 1)[0] in roots or rel.startswith("."):
            continue
        if "/" in rel or path.suffix != ".md":
            files[rel] = path.read_bytes()
        else:
            files[rel] = translated_page(path.read_text("utf-8"), path.name, language,
                                         snippets).encode("utf-8")
    return files


def translated_page(markdown: str, name: str, language: SiteLanguage,
                    snippets: Mapping[str, bytes]) -> str:
    unreviewed: list[str] = []

    def lookup(block: str) -> str | None:
        message = language.pages.get(block, context=name) if language.pages else None
        state = po.state(message)
        if message is None or state == "missing":
            return None
        if state == "outdated" or not po.is_reviewed(message):
            unreviewed.append(block)
        return str(message.string)

    page = translate_page(markdown, lookup)
    included = [snippets.get(m.group(1), b"") for m in _INCLUDE.finditer(markdown)]
    if unreviewed or any(needs_note(s, language.edition) for s in included):
        page = with_note(page, language.loc.gettext(NOTE))
    return page


def needs_note(content: bytes, ed: Edition) -> bool:
    """Whether generated Markdown shows a translation that is unreviewed or outdated."""
    text = content.decode("utf-8", "replace")
    return any(str(md(t)) in text for t in ed.unreviewed | ed.outdated)


def with_note(markdown: str, note: str) -> str:
    """The note as the paragraph right after the page's heading (or at its top)."""
    lines = markdown.split("\n")
    start = lines.index("---", 1) + 1 if lines and lines[0] == "---" and "---" in lines[1:] \
        else 0
    at = next((i + 1 for i in range(start, len(lines)) if lines[i].startswith("# ")), start)
    block = ["", f"{md(note)}", "{: .oversettelse-merknad }", ""]
    return "\n".join(lines[:at] + block + lines[at:])


def with_notes(files: dict[str, bytes], ed: Edition, note: str,
               skip: tuple[str, ...]) -> dict[str, bytes]:
    """Every generated page (not a snippet under `skip`) that needs the note, with it."""
    return {path: (with_note(data.decode("utf-8"), note).encode("utf-8")
                   if path.endswith(".md") and not path.startswith(skip)
                   and needs_note(data, ed) else data)
            for path, data in files.items()}


def engine_config(base: Mapping[str, Any], settings: Mapping[str, str],
                  language: SiteLanguage, languages: Languages, docs_dir: str) -> dict[str, Any]:
    """mkdocs.yml for one language's site: `settings` on top, its own docs tree, theme
    language, direction and words, the stylesheet of its own fonts (if it serves any), and
    the switcher (`extra.sprak`) when there are several languages."""
    translate = language.loc.gettext
    config = {**base, **settings, "docs_dir": docs_dir}
    theme = dict(base.get("theme", {}))
    theme["language"] = language.language
    theme["direction"] = language.loc.direction
    theme["palette"] = [{**p, "toggle": {**p["toggle"], "name": translate(p["toggle"]["name"])}}
                        if "toggle" in p else p for p in theme.get("palette", [])]
    config["theme"] = theme
    config["markdown_extensions"] = [_snippets_base(e, docs_dir)
                                     for e in base.get("markdown_extensions", [])]
    areas = language.edition.standard.areas
    nav = [{translate(title): _with_areas(page, areas)
            for item in base.get("nav", []) for title, page in item.items()}]
    if len(languages.sites) > 1:
        nav[0][translate(N_("Språk og oversettelser"))] = STATUS_PAGE
        home = settings.get("site_url") or f"/{language.root}"
        config["extra"] = {**base.get("extra", {}),
                           "sprak": switcher(language, languages, home)}
    config["nav"] = [{t: p} for t, p in nav[0].items()]
    config.setdefault("extra", dict(base.get("extra", {})))
    if served_families(language.language):
        config["extra_css"] = [*base.get("extra_css", []), STYLESHEET]
    config["extra"]["ord"] = {k: translate(v)
                              for k, v in base.get("extra", {}).get("ord", {}).items()}
    return config


def _with_areas(page: Any, areas: Iterable[Area]) -> Any:
    """The areas' overview as a section holding every area page (titled by its heading), so
    the menu shows where an area page belongs and marks it as the current page."""
    if page != f"{AREAS_DIR}/index.md":
        return page
    return [page, *(f"{AREAS_DIR}/{area.id}.md" for area in areas)]


def switcher(language: SiteLanguage, languages: Languages, home: str) -> dict[str, Any]:
    """What the theme needs for the language switcher and the hreflang links: each language's
    name in itself and its root relative to this language's root; `home`, this language's
    root as an address, for pages without a place in the site (404)."""
    here = language.root or "."
    return {
        "label": language.loc.gettext(SWITCHER_LABEL),
        "current": language.language,
        "home": home,
        "languages": [{"lang": s.language, "name": language_name(s.language, s.language),
                       "root": posixpath.relpath(s.root or ".", here) + "/"}
                      for s in languages.sites],
    }


def _snippets_base(extension: Any, docs_dir: str) -> Any:
    if isinstance(extension, dict) and "pymdownx.snippets" in extension:
        options = dict(extension["pymdownx.snippets"] or {})
        options["base_path"] = [docs_dir]
        return {"pymdownx.snippets": options}
    return extension
