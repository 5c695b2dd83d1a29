"""What earlier releases published (`utgitt.json`), so the build keeps it at its address.

Only languages listed there get a built ZIP of all their forms; the others' Skjema pages make
the same ZIP in the browser (`docs/javascripts/alle-skjema.js`), which keeps the nine-language
site within its size budget without breaking any address a release gave out.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

PUBLISHED = Path(__file__).with_name("utgitt.json")


@cache
def _zip_languages() -> frozenset[str]:
    return frozenset(json.loads(PUBLISHED.read_text("utf-8"))["zip"])


def built_zip(language: str) -> bool:
    """Whether `language`'s site stores `skjema/<id>-alle-skjema.zip` (a published file)."""
    return language in _zip_languages()
