"""Theme files no visitor's browser fetches, removed from the built site after the engines ran.

Material ships the source maps of its scripts and styles (1.3 MB, read only by a developer's
tools, never by a page) and lunr's word splitters for every language lunr knows (0.9 MB);
the site keeps the splitters its search indexes name (`search/search_index.json`,
`config.lang`, in every language) and drops the others. Zensical ships the styles of both
its looks (`assets/stylesheets/classic/`, `modern/`, 0.16 MB each) while the pages link the
one `theme.variant` names: a folder no page links is dropped. The search indexes themselves are
written again as UTF-8 (the engine escapes every letter outside ASCII as six characters:
Ukrainian's index 2.6 times its size), the same JSON to the search. A site without such files
(another engine, another theme) is left as it is."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

THEME_ASSETS = "assets"
LUNR = f"{THEME_ASSETS}/javascripts/lunr"
STYLES = f"{THEME_ASSETS}/stylesheets"
SEARCH_INDEX = "search/search_index.json"
LUNR_ALWAYS = frozenset({"stemmer.support", "multi"})
"""Loaded for any language but English, and for several languages together."""
LUNR_SPLITTERS = {"tinyseg.js": frozenset({"ja"}), "wordcut.js": frozenset({"hi", "th"})}
"""Material's search worker loads these word splitters only for these languages."""
SOURCE_MAP_COMMENT = re.compile(
    rb"\s*(?://# sourceMappingURL=[^\n]*|/\*# sourceMappingURL=[^*]*\*/)\s*\Z")


def trim_theme(site: Path) -> int:
    """Remove the theme's source maps (and the comments naming them) and the search's
    unused language files from `site`; returns the bytes removed."""
    return (_source_maps(site) + _unused_lunr(site) + _compact_search_indexes(site)
            + _unlinked_style_folders(site))


def _unlinked_style_folders(site: Path) -> int:
    """The theme's style folders (one per look) that no page of the site links."""
    folders = [p for p in sorted((site / STYLES).glob("*")) if p.is_dir()]
    if not folders:
        return 0
    pages = [page.read_bytes() for page in site.rglob("*.html")]
    removed = 0
    for folder in folders:
        link = f"{STYLES}/{folder.name}/".encode()
        if not any(link in page for page in pages):
            files = [p for p in folder.rglob("*") if p.is_file()]
            removed += sum(p.stat().st_size for p in files)
            shutil.rmtree(folder)
    return removed


def _source_maps(site: Path) -> int:
    removed = 0
    for found in sorted((site / THEME_ASSETS).rglob("*.map")):
        script = found.with_suffix("")
        if script.is_file():
            data = script.read_bytes()
            trimmed = SOURCE_MAP_COMMENT.sub(b"\n", data)
            if trimmed != data:
                script.write_bytes(trimmed)
        removed += found.stat().st_size
        found.unlink()
    return removed


def _indexes(site: Path) -> list[Path]:
    return sorted(site.glob(SEARCH_INDEX)) + sorted(site.glob(f"*/{SEARCH_INDEX}"))


def _compact_search_indexes(site: Path) -> int:
    removed = 0
    for index in _indexes(site):
        data = index.read_bytes()
        compact = json.dumps(json.loads(data), ensure_ascii=False,
                             separators=(",", ":")).encode("utf-8")
        if len(compact) < len(data):
            index.write_bytes(compact)
            removed += len(data) - len(compact)
    return removed


def search_languages(site: Path) -> frozenset[str] | None:
    """The languages every search index of the site names; None when it has none to read."""
    indexes = _indexes(site)
    if not indexes:
        return None
    languages: set[str] = set()
    for index in indexes:
        config = json.loads(index.read_bytes()).get("config")
        if not isinstance(config, dict) or not isinstance(config.get("lang"), list):
            return None
        languages.update(str(lang) for lang in config["lang"])
    return frozenset(languages)


def _unused_lunr(site: Path) -> int:
    languages = search_languages(site)
    folder = site / LUNR
    if languages is None or not folder.is_dir():
        return 0
    unused = [p for p in (folder / "min").glob("lunr.*.min.js")
              if p.name.removeprefix("lunr.").removesuffix(".min.js")
              not in languages | LUNR_ALWAYS]
    unused += [folder / name for name, needs in LUNR_SPLITTERS.items()
               if (folder / name).is_file() and not needs & languages]
    removed = sum(p.stat().st_size for p in unused)
    for p in unused:
        p.unlink()
    return removed
