"""Translations: the standard's texts and the hand-written pages in every language.

The bokmål YAML and pages are the source; each other language has PO files beside the YAML
(see `layout`). `check` reports their status, `oversett` keeps them in step with the source,
`edition` makes a language's model from the bokmål one, and `ui.Localized` gives renderers
the code's words, plural forms and dates in that language.
"""

from stavangerstandarden.i18n.catalog import dumps
from stavangerstandarden.i18n.edition import Edition, edition, source_edition
from stavangerstandarden.i18n.layout import SOURCE_LANGUAGE, Layout, is_known, language_name
from stavangerstandarden.i18n.status import (
    Report,
    Status,
    parsed_source,
    translation_report,
    update,
)
from stavangerstandarden.i18n.ui import Localized, refreshed

__all__ = [
    "SOURCE_LANGUAGE", "Edition", "Layout", "Localized", "Report", "Status", "dumps", "edition",
    "is_known", "language_name", "parsed_source", "refreshed", "source_edition",
    "translation_report", "update",
]
