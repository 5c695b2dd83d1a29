"""One language's edition of the standard: the bokmål model with the PO's texts swapped in.

The translated texts replace the bokmål ones in the parsed YAML, and the loader builds the
same model from it, so ids, levels, scale ids, field names and lines stay exactly those of
the source: every renderer works unchanged, and forms in every language share one contract.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from babel.messages.catalog import Catalog

from stavangerstandarden import loader  # module, not name: the loader imports the forms
from stavangerstandarden import model as m
from stavangerstandarden.i18n import catalog as po
from stavangerstandarden.i18n.layout import SOURCE_LANGUAGE
from stavangerstandarden.i18n.texts import yaml_texts
from stavangerstandarden.i18n.ui import Localized
from stavangerstandarden.yamlsource import Parsed


@dataclass(frozen=True)
class Edition:
    language: str
    standard: m.Standard
    fallback: frozenset[str] = frozenset()
    """Texts shown in bokmål because they have no translation: mark them `lang="nb"`."""
    outdated: frozenset[str] = frozenset()
    """Translated texts whose bokmål source has changed since."""
    unreviewed: frozenset[str] = frozenset()
    """Translated texts no person has reviewed yet."""

    def is_source_language(self, text: str) -> bool:
        return self.language == SOURCE_LANGUAGE or text in self.fallback

    def needs_note(self, *texts: str) -> bool:
        """Whether a page or form showing `texts` needs the «not reviewed» note."""
        return any(t in self.outdated or t in self.unreviewed for t in texts)


def source_edition(standard: m.Standard) -> Edition:
    return Edition(SOURCE_LANGUAGE, standard)


def edition(parsed: Parsed, label: str, language: str, catalog: Catalog) -> Edition:
    """`language`'s edition; texts the catalogue lacks stay in bokmål and are listed."""
    texts = yaml_texts(parsed, label)
    merged = po.merge(catalog, texts).catalog
    data = copy.deepcopy(parsed.data)
    fallback: set[str] = set()
    outdated: set[str] = set()
    unreviewed: set[str] = set()
    for text in texts:
        message = merged.get(text.source, context=text.context)
        state = po.state(message)
        if message is None or state == "missing":
            fallback.add(text.source)
            continue
        translated = str(message.string)
        _put(data, text.at, translated)
        if state == "outdated":
            outdated.add(translated)
        elif not po.is_reviewed(message):
            unreviewed.add(translated)
    swapped = Parsed(data, parsed.value_lines, parsed.key_lines, parsed.duplicate_keys)
    words = Localized.for_language(language).gettext
    return Edition(language, loader.build(swapped, label, words), frozenset(fallback),
                   frozenset(outdated), frozenset(unreviewed))


def _put(data: Any, at: tuple[str | int, ...], value: str) -> None:
    for step in at[:-1]:
        data = data[step]
    data[at[-1]] = value

