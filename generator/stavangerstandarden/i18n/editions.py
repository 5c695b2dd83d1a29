"""Every translated edition of a loaded standard, for the renderers that publish them all.

The languages are the content PO files beside the standard's source (`Layout`); a standard
without them (or loaded from text, not a file) has none, and builds in bokmål alone.
"""

from __future__ import annotations

from pathlib import Path

from stavangerstandarden.i18n import catalog as po
from stavangerstandarden.i18n.edition import Edition, edition, source_edition
from stavangerstandarden.i18n.layout import SOURCE_LANGUAGE, Layout, is_known
from stavangerstandarden.i18n.status import parsed_source
from stavangerstandarden.i18n.texts import yaml_texts
from stavangerstandarden.model import Standard
from stavangerstandarden.yamlsource import Parsed


def translated_editions(standard: Standard, source: Path | None = None,
                        parsed: Parsed | None = None) -> tuple[Edition, ...]:
    """One edition per language with a content translation, in language-code order;
    `source` is the YAML file when `standard.source` is not its path, `parsed` its parse
    when the caller has it (`Checked.parsed`)."""
    source = source or Path(standard.source)
    layout = Layout(source)
    languages = [lang for lang in layout.languages() if is_known(lang)]
    if not languages or not source.is_file():
        return ()
    parsed = parsed or parsed_source(source)
    return tuple(edition(parsed, standard.source, lang, po.read(layout.content_po(lang)))
                 for lang in languages)


def edition_in(standard: Standard, language: str, source: Path | None = None) -> Edition:
    """`language`'s edition; the bokmål texts (marked as fallbacks) when it has none."""
    if language == SOURCE_LANGUAGE:
        return source_edition(standard)
    found = [e for e in translated_editions(standard, source) if e.language == language]
    if found:
        return found[0]
    path = source or Path(standard.source)
    texts = yaml_texts(parsed_source(path), standard.source) if path.is_file() else ()
    return Edition(language, standard, fallback=frozenset(t.source for t in texts))
