"""Where translations live, and which languages there are: both follow from the files.

    framework/stavangerstandarden.yaml      the source (bokmål)
    framework/oversettelser/<lang>.po       its texts in <lang>
    framework/oversettelser/sider/<lang>.po the hand-written pages of docs/ in <lang>
    framework/oversettelser/stavangerstandarden.pot, sider/sider.pot   the templates (POT)

A language exists when its `<lang>.po` does, so adding one is adding a file; a separate list
of languages could disagree with the files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import babel
from babel import Locale, UnknownLocaleError

from stavangerstandarden.usercache import cached

SOURCE_LANGUAGE = "nb"
"""The language the YAML, the pages and the message ids in code are written in."""
SOURCE_REGION = "NO"
"""Its country, for the forms' /Lang (`nb-NO`); other languages name theirs in their
catalogue's `Language` header (`nn_NO`), or none (`en`)."""
FOLDER = "oversettelser"
_ANY = "surrogateescape"
"""A language code is a file name: any bytes the file system allows."""


@dataclass(frozen=True)
class Layout:
    source: Path
    """The YAML file."""
    docs: Path | None = None
    """The folder of hand-written pages (`docs/`); None when only the YAML is translated."""

    @property
    def folder(self) -> Path:
        return self.source.parent / FOLDER

    def content_po(self, language: str | None) -> Path:
        """The language's PO file; the template (POT) for None."""
        return self.folder / (f"{language}.po" if language else f"{self.source.stem}.pot")

    def pages_po(self, language: str | None) -> Path:
        return self.folder / "sider" / (f"{language}.po" if language else "sider.pot")

    def languages(self) -> tuple[str, ...]:
        """Languages with a content translation, in file-name order; none for a new standard."""
        return tuple(sorted(p.stem for p in self.folder.glob("*.po")))

    def pages(self) -> tuple[Path, ...]:
        """Hand-written pages: Markdown at the top of docs/ (generated pages live below it)."""
        return tuple(sorted(self.docs.glob("*.md"))) if self.docs else ()


def language_name(language: str, in_language: str = SOURCE_LANGUAGE) -> str:
    """`nn` → «norsk nynorsk»; an unknown code is returned as it is. Kept in the user's
    cache: loading Babel's locale data for one name costs `check` more than a language's
    whole translation report."""
    made_from = (f"{language}\n{in_language}".encode("utf-8", _ANY),
                 babel.__version__.encode(), Path(__file__).read_bytes())
    return cached("sprak-{}.txt", made_from,
                  lambda: _name(language, in_language).encode("utf-8", _ANY)).decode("utf-8", _ANY)


def _name(language: str, in_language: str) -> str:
    try:
        return Locale.parse(language).get_display_name(in_language) or language
    except (ValueError, UnknownLocaleError):
        return language


def is_known(language: str) -> bool:
    try:
        Locale.parse(language)
    except (ValueError, UnknownLocaleError):
        return False
    return True
