"""What people type into «Dato» → a date, so the report can show every form's date the same
way and sort by it.

«Dato» is free text on older forms and on paper: «7. desember 2026», «2026-12-03»,
«3.12.2026», «03.12.26». The common forms are read here, day before month as Norwegians
write it, month names from Babel's locale data (no word of any language in code); anything
else is kept as typed (`parse_date` gives None), never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import cache

from babel.dates import format_date, get_month_names

_ISO = re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})")
_NUMERIC = re.compile(r"(?P<d>\d{1,2})\s*[./-]\s*(?P<m>\d{1,2})\s*[./-]\s*(?P<y>\d{4}|\d{2})")
_DAY_MONTH = re.compile(r"(?P<d>\d{1,2})\.?\s*(?P<name>[^\W\d_]+)\.?,?\s*(?P<y>\d{4}|\d{2})")
_MONTH_DAY = re.compile(r"(?P<name>[^\W\d_]+)\.?\s*(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s*"
                        r"(?P<y>\d{4})")
CENTURY = 2000
"""A two-digit year is this century's: the forms are filled in now, not in 1926."""


@cache
def _months(language: str) -> dict[str, int]:
    """Month name (wide and abbreviated, lower case, without a trailing dot) → number."""
    names: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for number, name in get_month_names(width, context, locale=language).items():
                names[name.casefold().rstrip(".")] = number
    return names


def parse_date(text: str, languages: Iterable[str]) -> date | None:
    """The date in `text`, or None when it is not one of the common ways to write a date.
    Month names are read in each of `languages`."""
    value = " ".join(text.split())
    for pattern in (_ISO, _NUMERIC, _DAY_MONTH, _MONTH_DAY):
        match = pattern.fullmatch(value)
        if not match:
            continue
        parts = match.groupdict()
        month = (int(parts["m"]) if "m" in parts
                 else _month(parts["name"], languages))
        year = int(parts["y"]) + (CENTURY if len(parts["y"]) == 2 else 0)
        try:
            return date(year, month, int(parts["d"])) if month else None
        except ValueError:
            return None
    return None


def _month(name: str, languages: Iterable[str]) -> int:
    key = name.casefold()
    return next((m[key] for m in map(_months, languages) if key in m), 0)


def shown_date(text: str, language: str, languages: Iterable[str]) -> str:
    """`text` as the report shows it: a date written the language's long way, anything else
    as typed."""
    parsed = parse_date(text, languages)
    return format_date(parsed, "long", locale=language) if parsed else text
