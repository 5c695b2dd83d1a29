"""One copy of each theme file for every language of a built site.

Each language's site is built by the engine on its own, so each comes with the same theme
assets (Material's scripts, styles, search worker and its languages, source maps, the site's
own extra styles): megabytes stored, and downloaded, once per language. After the build every
translated language's copy that is byte for byte the source language's is removed, and that
language's pages are pointed at the source language's copy. Engine-neutral: it works on the
built HTML, on every quoted address in it (attributes and the theme's JSON configuration
alike), relative (`../assets/x.css`) or absolute (`/sti/nn/assets/x.css`, from --site-url).

Only theme files are shared (see `_shareable`): the generated folders (forms, fill pages,
the Sammendrag page's program) are reached from page data and scripts this pass does not
read, and each language keeps its own; the libraries there are shared by the generator
itself (`libraries.served_files`)."""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Iterable
from pathlib import Path

THEME_SUFFIXES = frozenset({".js", ".css", ".map", ".png", ".svg", ".ico", ".woff", ".woff2",
                            ".ttf", ".jpg", ".webp", ".gif"})
"""Files a theme serves to pages: the ones worth sharing."""

QUOTED = re.compile(r'"([^"<>\s]+)"')
"""A quoted address in HTML: an attribute value, or a string in the theme's inline JSON."""
ADDRESS = re.compile(r"([^?#]*)([?#]?)(.*)")
"""Path, then query or fragment."""


def share_theme_files(site: Path, roots: Iterable[str], private: Iterable[str]) -> int:
    """Remove from each language under `site` (its root, e.g. `nn/`) the theme files the
    source language (the site's root) has byte for byte, and point its pages at those;
    `private`: top folders that stay each language's own. Returns the bytes removed."""
    removed = 0
    for root in roots:
        language = site / root.strip("/")
        shared = _shareable(site, language, frozenset(private))
        if not shared:
            continue
        for page in language.rglob("*.html"):
            _repoint(page, site, root.strip("/") + "/", shared)
        for rel in shared:
            path = language / rel
            removed += path.stat().st_size
            path.unlink()
        for folder in sorted((p for p in language.rglob("*") if p.is_dir()), reverse=True):
            if not any(folder.iterdir()):
                folder.rmdir()
    return removed


def _shareable(site: Path, language: Path, private: frozenset[str]) -> frozenset[str]:
    """Paths (relative to the language's root) of its theme files the root has the same."""
    found = set()
    for path in language.rglob("*"):
        rel = path.relative_to(language).as_posix()
        if (path.suffix not in THEME_SUFFIXES or not path.is_file()
                or rel.split("/", 1)[0] in private):
            continue
        twin = site / rel
        if twin.is_file() and twin.stat().st_size == path.stat().st_size \
                and twin.read_bytes() == path.read_bytes():
            found.add(rel)
    return frozenset(found)


def _repoint(page: Path, site: Path, root: str, shared: frozenset[str]) -> None:
    """Rewrite `page`'s addresses of `shared` files (under `root`) to the root's copies."""
    folder = page.parent.relative_to(site).as_posix()

    def moved(match: re.Match[str]) -> str:
        path, sep, rest = ADDRESS.fullmatch(match.group(1)).groups()  # type: ignore[union-attr]
        if path.startswith(("/", "http:", "https:")):
            for rel in shared:
                if path.endswith(f"/{root}{rel}"):
                    return f'"{path.removesuffix(root + rel)}{rel}{sep}{rest}"'
            return match.group(0)
        if ":" in path or not path:
            return match.group(0)
        target = posixpath.normpath(posixpath.join(folder, path))
        if not target.startswith(root) or target.removeprefix(root) not in shared:
            return match.group(0)
        new = posixpath.relpath(target.removeprefix(root), folder)
        return f'"{new}{sep}{rest}"'

    text = page.read_text("utf-8")
    changed = QUOTED.sub(moved, text)
    if changed != text:
        page.write_text(changed, "utf-8")


def duplicate_bytes(site: Path) -> int:
    """Bytes of every file under `site` beyond the first with the same content: what the
    site stores (and a visitor of several languages downloads) more than once."""
    sizes: dict[bytes, list[int]] = {}
    for path in site.rglob("*"):
        if path.is_file():
            sizes.setdefault(hashlib.sha256(path.read_bytes()).digest(), []).append(
                path.stat().st_size)
    return sum(found[0] * (len(found) - 1) for found in sizes.values())
