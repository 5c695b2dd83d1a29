"""What the Typst templates (the forms, the booklet) receive besides their own texts: the
language frame, and which shown texts are bokmål fallbacks with the note on unreviewed
translations; once, so a form and the booklet of one edition say the same."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from stavangerstandarden.fonttable import families
from stavangerstandarden.i18n.edition import Edition
from stavangerstandarden.i18n.layout import SOURCE_LANGUAGE
from stavangerstandarden.i18n.ui import Localized
from stavangerstandarden.words import N_

UNREVIEWED = N_("Denne oversettelsen er ikke kvalitetssikret")
"""The note on a form or booklet whose translated texts no person has reviewed (or that are
outdated)."""


def language_frame(loc: Localized, words: Iterable[str]) -> dict[str, Any]:
    """The template's language, region, direction and fonts, the source language's (for
    texts shown as bokmål fallbacks), and its `words` (message ids) in `loc`'s language."""
    return {
        "lang": loc.language,
        "region": loc.region,
        "dir": loc.direction,
        "fonts": list(families(loc.language)),
        "source-lang": SOURCE_LANGUAGE,
        "source-region": Localized.for_language(SOURCE_LANGUAGE).region,
        "words": {word: loc.gettext(word) for word in words},
    }


def marks(data: dict[str, Any], edition: Edition, loc: Localized) -> dict[str, Any]:
    """Which shown texts of `data` are bokmål fallbacks (the template marks them `lang:
    "nb"`), and the note when any shown translation is unreviewed or outdated."""
    shown = set(_strings(data))
    return {"fallback": sorted(shown & edition.fallback),
            "note": loc.gettext(UNREVIEWED) if edition.needs_note(*shown) else ""}


def _strings(value: Any) -> Iterator[str]:
    """Every string in `value` (a tree of dicts and lists), the template's own words (the
    code's catalogue, not the edition's texts) excluded."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, child in value.items():
            if key != "words":
                yield from _strings(child)
    elif isinstance(value, list):
        for child in value:
            yield from _strings(child)
