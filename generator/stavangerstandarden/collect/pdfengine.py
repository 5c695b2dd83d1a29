"""What `pdfform`'s walk asks of a PDF library, and the reasons every library's failures become.

The walk over the field tree is written once; an engine (`pdf_pikepdf` for the command line,
`pdf_pypdf`, pure Python, for the browser under Pyodide) opens the bytes and answers a few
questions about the objects it hands out. Objects are opaque to the walk: it only passes them
back. Neither this module nor the walk imports a PDF library.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from typing import Literal, Protocol

from stavangerstandarden.collect import limits
from stavangerstandarden.collect.reasons import Refused
from stavangerstandarden.words import N_

Kind = Literal["dict", "array", "string", "name", "integer", "other"]
"""What an object is, as far as the walk cares (a stream is "other", as is null)."""
Ref = tuple[int, int]
"""An object's number and generation: its identity, for finding repeats and cycles."""
DIRECT: Ref = (0, 0)
"""The identity of an object that is not indirect (never counted as a repeat)."""


class Unreadable(Refused):
    """The file cannot be read as a form: `reason` says why, for the user."""


DAMAGED = N_("PDF-filen er skadet og kan ikke leses")
ENCRYPTED = N_("PDF-filen er kryptert eller passordbeskyttet; be om skjemaet lagret uten "
               "passord")
ENCRYPTION_UNSUPPORTED = N_("PDF-filen er kryptert på en måte denne leseren ikke kan åpne; be "
                            "om skjemaet lagret uten kryptering")
TOO_BIG = limits.over_limit(N_("MB minne til å lese filen"), limits.MAX_READ_MEMORY >> 20)


class Document(Protocol):
    """One open PDF. Every method takes what an earlier answer gave (or None) and never
    raises for an object of the wrong kind; damage found while reading raises the engine's
    own errors, which its `opened` turns into `Unreadable`."""

    def root(self) -> object:
        """The document catalogue (/Root)."""
        ...

    def get(self, node: object, key: str) -> object | None:
        """The value of `key` in a dictionary, resolved; None when absent, null, or when
        `node` is not a dictionary."""
        ...

    def items(self, node: object) -> Iterable[object]:
        """The items of an array, each resolved; nothing when `node` is not an array."""
        ...

    def ref(self, node: object) -> Ref:
        """The identity of an object that was reached through a reference, else DIRECT."""
        ...

    def kind(self, node: object) -> Kind:
        ...

    def text(self, node: object) -> str:
        """A string decoded (UTF-16, UTF-8 or PDFDocEncoding, as marked; Latin-1 when that
        fails) or a name with its leading `/`. Only called for those kinds."""
        ...

    def integer(self, node: object) -> int:
        """Only called for kind "integer"."""
        ...

    def repaired(self) -> bool:
        """The library had to repair the file (e.g. a broken cross-reference table) to read
        it; raises Unreadable when it gave up on part of it instead."""
        ...


Opener = Callable[[bytes], AbstractContextManager[Document]]
"""An engine's `opened(data)`: the file open for the walk within, every failure of the
library (on opening or while the walk reads) turned into Unreadable with a reason above."""
