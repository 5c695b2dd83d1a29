"""The translatable texts of a source: each with a stable key, its bokmål text and its place.

A `Text` is one PO entry to be: `context` is the msgctxt that identifies it across edits,
`source` the msgid, and `file`/`line`/`path` say where a maintainer finds it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from stavangerstandarden.yamlsource import Parsed
from stavangerstandarden.yamlsource import Path as DocPath

NOT_TEXT = frozenset({"id", "field", "kind", "colour", "version", "level_groups", "site_url",
                      "replaces"})
"""Keys whose values are ids, codes or references, never words a reader sees."""
REFERENCES = "levels"
"""At the top the list of levels (with labels); below it, level ids a text applies to."""


@dataclass(frozen=True)
class Text:
    context: str
    """Stable key, e.g. `areas/gode-relasjoner/statements/relasjoner-matpakker/text`."""
    source: str
    file: str
    line: int
    path: str = ""
    """Where in the document in the validator's notation, e.g. `areas[0].statements[6].text`."""
    at: DocPath = ()
    """The same place as keys and indexes into the parsed data."""


def yaml_texts(parsed: Parsed, label: str) -> tuple[Text, ...]:
    """Every string a reader sees, keyed by ids where the YAML has them, by position elsewhere.

    Lists of items with an `id` (a header field: its `field`) are keyed by it, so reordering
    statements or areas keeps every translation; lists without ids (paragraphs, steps) are
    keyed by position.
    """
    found: list[Text] = []

    def walk(value: Any, keys: tuple[str, ...], path: DocPath) -> None:
        if isinstance(value, dict):
            for key, child in value.items():
                if key not in NOT_TEXT and not (key == REFERENCES and keys):
                    walk(child, (*keys, key), (*path, key))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                key = (item.get("id", item.get("field")) if isinstance(item, dict)
                       else None)
                walk(item, (*keys, str(key) if key is not None else str(i)), (*path, i))
        elif isinstance(value, str) and value.strip():
            found.append(Text("/".join(keys), value, label, parsed.line(path), _dotted(path),
                              path))

    walk(parsed.data, (), ())
    return tuple(found)


def _dotted(path: DocPath) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")
