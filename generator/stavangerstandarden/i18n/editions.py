"""Every translated edition of a loaded standard, for the renderers that publish them all.

The languages are the content PO files beside the standard's source (`Layout`); a standard
without them (or loaded from text, not a file) has none, and builds in bokmål alone.
"""

from __future__ import annotations

from pathlib import Path

from stavangerstandarden.i18n import catalog as po
from stavangerstandarden.i18n.edition import Edition, edition
from stavangerstandarden.i18n.layout import Layout, is_known
from stavangerstandarden.i18n.status import parsed_source
from stavangerstandarden.model import Standard


def translated_editions(standard: Standard) -> tuple[Edition, ...]:
    """One edition per language with a content translation, in language-code order."""
    source = Path(standard.source)
    layout = Layout(source)
    languages = [lang for lang in layout.languages() if is_known(lang)]
    if not languages or not source.is_file():
        return ()
    parsed = parsed_source(source)
    return tuple(edition(parsed, standard.source, lang, po.read(layout.content_po(lang)))
                 for lang in languages)
