"""Translations: the standard's texts and the hand-written pages in every language.

The bokmål YAML and pages are the source; each other language has PO files beside the YAML
(see `layout`). `check` reports their status, `oversett` keeps them in step with the source,
and (phase 2) renderers read a per-language model made from the bokmål one.
"""

from stavangerstandarden.i18n.catalog import dumps
from stavangerstandarden.i18n.layout import SOURCE_LANGUAGE, Layout, language_name
from stavangerstandarden.i18n.status import (
    Report,
    Status,
    parsed_source,
    translation_report,
    update,
)

__all__ = ["SOURCE_LANGUAGE", "Layout", "Report", "Status", "dumps", "language_name",
           "parsed_source", "translation_report", "update"]
