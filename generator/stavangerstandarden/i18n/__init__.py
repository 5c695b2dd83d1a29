"""Translations: the standard's texts and the hand-written pages in every language.

The bokmål YAML and pages are the source; each other language has PO files beside the YAML
(see `layout`). `check` reports their status, `oversett` keeps them in step with the source,
`edition` makes a language's model from the bokmål one, and `ui.Localized` gives renderers
the code's words, plural forms and dates in that language.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from stavangerstandarden.i18n.catalog import dumps
    from stavangerstandarden.i18n.edition import Edition, source_edition
    from stavangerstandarden.i18n.layout import (
        SOURCE_LANGUAGE,
        Layout,
        is_known,
        language_name,
    )
    from stavangerstandarden.i18n.status import (
        Report,
        Status,
        parsed_source,
        translation_report,
        update,
    )
    from stavangerstandarden.i18n.ui import Localized, refreshed

_HOMES = {
    "dumps": "catalog", "Edition": "edition", "source_edition": "edition",
    "SOURCE_LANGUAGE": "layout", "Layout": "layout", "is_known": "layout",
    "language_name": "layout", "Report": "status", "Status": "status",
    "parsed_source": "status", "translation_report": "status", "update": "status",
    "Localized": "ui", "refreshed": "ui",
}
"""Each public name → its module, imported on first use: `check` needs the status, not the
editions or the code's words (gettext), which the renderers need. (`edition`, the function,
is not here: once its module is imported, `i18n.edition` is that module.)"""

__all__ = [
    "SOURCE_LANGUAGE", "Edition", "Layout", "Localized", "Report", "Status", "dumps",
    "is_known", "language_name", "parsed_source", "refreshed", "source_edition",
    "translation_report", "update",
]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(name)
    return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
