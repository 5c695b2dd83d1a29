"""Untrusted text (form values, file names) made harmless for where it lands.

A form's values and a file's name are chosen by whoever sent the file: on the terminal an
escape sequence or a `\\r` could rewrite what the school sees, in Excel a cell starting with
`=` is a formula, and a file name need not be valid UTF-8. JSON and the HTML report escape
on their own (json.dumps, Jinja2's autoescape).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e"
                      "\u2066-\u2069\ud800-\udfff]")
"""C0 and C1 controls but tab and line feed, DEL, bidi marks, overrides and isolates, and
lone surrogates (which no terminal can encode)."""
_LINE_BREAKS = re.compile("[\t\n]+")

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A cell starting with one of these is a formula (or becomes one) in Excel and LibreOffice
(OWASP, CSV injection)."""


def for_terminal(text: str) -> str:
    """`text` as one line with nothing a terminal would act on."""
    return _LINE_BREAKS.sub(" ", _CONTROL.sub("", text))


def csv_cell(value: str) -> str:
    """A leading `'` when a spreadsheet would read the cell as a formula; checked on the
    value as it is (stripping first would turn `\\t=1+1` into a live `=1+1`)."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def file_label(path: Path) -> str:
    """The path as text for the outputs: bytes that are not UTF-8 (a Latin-1 name from an
    old ZIP tool) are read as Latin-1, so `Skj\\xe6ring.pdf` shows as `Skjæring.pdf`."""
    raw = os.fsencode(path.as_posix())
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")
