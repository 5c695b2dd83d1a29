"""The pikepdf (qpdf, C++) engine: ≈ 1.5 ms of CPU a form, the command line's default.

Quirks of qpdf handled here: it follows the newest cross-reference section (incremental
updates), opens permissions-only encryption with the empty password, repairs broken files and
says so in its warnings, and fails allocations under `memory.bounded` (a small file can
unpack to gigabytes) as a "bad_alloc" error or warning.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import pikepdf
from pikepdf import Object, ObjectType

from stavangerstandarden.collect import limits, memory
from stavangerstandarden.collect.pdfengine import (
    DAMAGED,
    DIRECT,
    ENCRYPTED,
    TOO_BIG,
    Document,
    Kind,
    Ref,
    Unreadable,
)

BROKEN = (pikepdf.PdfError, ValueError, LookupError, TypeError, AttributeError, RecursionError,
          OverflowError, RuntimeError)
"""What pikepdf raises on damaged files; each becomes a reason in the report, never a crash."""
_REPAIRS = ("damaged", "recover", "reconstruct")
"""Words of qpdf's warnings when it had to repair the file (others, such as a missing xref
entry for the xref stream itself, are written by ordinary tools and harmless)."""
_OUT_OF_MEMORY = "bad_alloc"
"""In qpdf's message when an allocation failed (under `memory.bounded`)."""
_DICTIONARY, _ARRAY, _STRING, _NAME = (ObjectType.dictionary, ObjectType.array,
                                       ObjectType.string, ObjectType.name_)


@contextmanager
def opened(data: bytes) -> Iterator[Document]:
    try:
        with memory.bounded(limits.MAX_READ_MEMORY), _open(data) as pdf:
            yield _Document(pdf)
    except BROKEN as exc:
        if _OUT_OF_MEMORY in str(exc):
            raise Unreadable(TOO_BIG) from exc
        raise Unreadable(DAMAGED) from exc
    except MemoryError as exc:
        raise Unreadable(TOO_BIG) from exc


def _open(data: bytes) -> pikepdf.Pdf:
    """The file opened with the empty password (permissions-only encryption opens with it)."""
    try:
        return pikepdf.open(io.BytesIO(data), inherit_page_attributes=False)
    except pikepdf.PasswordError as exc:
        raise Unreadable(ENCRYPTED) from exc


class _Document:
    """pikepdf's objects as the walk sees them (integers and booleans come as Python's)."""

    def __init__(self, pdf: pikepdf.Pdf) -> None:
        self._pdf = pdf

    def root(self) -> object:
        return self._pdf.Root

    def get(self, node: object, key: str) -> object | None:
        if isinstance(node, Object) and node._type_code is _DICTIONARY:
            return node.get(key)
        return None

    def items(self, node: object) -> Iterable[object]:
        return node if isinstance(node, Object) and node._type_code is _ARRAY else ()

    def ref(self, node: object) -> Ref:
        return node.objgen if isinstance(node, Object) else DIRECT

    def kind(self, node: object) -> Kind:
        if isinstance(node, Object):  # compared by identity: hashing an enum costs
            code = node._type_code
            return ("dict" if code is _DICTIONARY else "array" if code is _ARRAY else
                    "string" if code is _STRING else "name" if code is _NAME else "other")
        return "integer" if isinstance(node, int) and not isinstance(node, bool) else "other"

    def text(self, node: object) -> str:
        try:
            return str(node)
        except UnicodeDecodeError:  # a name, or a string marked UTF-8, that is not UTF-8
            return bytes(node).decode("latin-1")  # type: ignore[call-overload,no-any-return]

    def integer(self, node: object) -> int:
        return int(node)  # type: ignore[call-overload,no-any-return]

    def repaired(self) -> bool:
        warnings = self._pdf.get_warnings()
        if any(_OUT_OF_MEMORY in w for w in warnings):  # qpdf gave up on part of the file
            raise Unreadable(TOO_BIG)
        return any(m in w for w in warnings for m in _REPAIRS)
