"""The static-site engines a site can be built with, by name: the one list the command line
offers, the build runs (`publish.ENGINES`) and the preview passes on. Imports nothing, so the
command line reads it without loading the build."""

from __future__ import annotations

MKDOCS = "mkdocs"
ZENSICAL = "zensical"
NAMES = (MKDOCS, ZENSICAL)
DEFAULT = MKDOCS
SOURCE_LINK_ENGINES = frozenset({ZENSICAL})
"""Engines that resolve relative links in raw HTML from the page's source file, as they do
Markdown links (`omrader/x.md` → `omrader/x/`: one `../` more); MkDocs leaves them as written."""
