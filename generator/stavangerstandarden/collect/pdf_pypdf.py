"""The pypdf engine: pure Python, so it runs where pikepdf cannot (the browser, under Pyodide).

Opened with `strict=False`, as viewers read: pypdf then repairs what it can and logs a warning
for each repair, which is how `repaired` knows. pypdf bounds each stream it unpacks itself
(≈ 75 MB of output by default, since pypdf 6): a stream over that raises LimitReachedError,
reported like a file over the memory bound of the pikepdf engine. As pypdf parses in Python
(≈ 0.13 s of CPU a MB), this engine also stops at `limits.MAX_UNPACKED_BYTES` of object
streams a file. The address-space bound of `memory` is not used here (Pyodide has no
`resource`); ≈ 13 ms of CPU a form in CPython, ≈ 2 × that in Pyodide.
"""

from __future__ import annotations

import io
import logging
import struct
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError, PyPdfError
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NullObject,
    NumberObject,
    StreamObject,
    TextStringObject,
)

from stavangerstandarden.collect import limits
from stavangerstandarden.collect.pdfengine import (
    DAMAGED,
    DIRECT,
    ENCRYPTED,
    ENCRYPTION_UNSUPPORTED,
    TOO_BIG,
    Document,
    Kind,
    Ref,
    Unreadable,
)
from stavangerstandarden.words import N_

BROKEN = (PyPdfError, ValueError, LookupError, TypeError, AttributeError, AssertionError,
          RecursionError, OverflowError, RuntimeError, struct.error, zlib.error)
"""What pypdf raises on damaged files (its own errors, and what its parser lets through);
each becomes a reason in the report, never a crash."""
_DECOMPRESSING = "decompress"
"""In the message of a LimitReachedError for a stream that unpacks to more than pypdf allows
(other limits, such as a self-referencing object, mean a damaged file)."""
_TOO_MUCH_UNPACKED = limits.over_limit(N_("MB utpakkede objektstrømmer"),
                                       limits.MAX_UNPACKED_BYTES >> 20)
_LOGGER = "pypdf"
"""The logger every pypdf module logs its repairs under."""


@contextmanager
def opened(data: bytes) -> Iterator[Document]:
    repairs = _Repairs()
    log = logging.getLogger(_LOGGER)
    log.addHandler(repairs)
    try:
        yield _Document(PdfReader(io.BytesIO(data), strict=False), repairs)
    except FileNotDecryptedError as exc:  # the empty password did not open it
        raise Unreadable(ENCRYPTED) from exc
    except DependencyError as exc:  # AES without a cryptography library installed
        raise Unreadable(ENCRYPTION_UNSUPPORTED) from exc
    except LimitReachedError as exc:
        raise Unreadable(TOO_BIG if _DECOMPRESSING in str(exc) else DAMAGED) from exc
    except BROKEN as exc:
        raise Unreadable(DAMAGED) from exc
    except MemoryError as exc:
        raise Unreadable(TOO_BIG) from exc
    finally:
        log.removeHandler(repairs)


class _Repairs(logging.Handler):
    """Counts pypdf's warnings while one file is read (and keeps them off the terminal)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class _Document:
    """pypdf's objects as the walk sees them: references resolved where pypdf leaves them
    (`dict.get` and array items), null as absent."""

    def __init__(self, reader: PdfReader, repairs: _Repairs) -> None:
        self._reader = reader
        self._repairs = repairs
        self._streams: set[int] = set()
        self._unpacked = 0

    def root(self) -> object:
        return self._resolved(self._reader.trailer.get("/Root"))

    def get(self, node: object, key: str) -> object | None:
        if not isinstance(node, DictionaryObject) or isinstance(node, StreamObject):
            return None
        return self._resolved(node.get(key))

    def items(self, node: object) -> Iterable[object]:
        if isinstance(node, ArrayObject):
            return (self._resolved(item) for item in node)
        return ()

    def ref(self, node: object) -> Ref:
        reference = getattr(node, "indirect_reference", None)
        if isinstance(reference, IndirectObject):
            return reference.idnum, reference.generation
        return DIRECT

    def kind(self, node: object) -> Kind:
        if isinstance(node, DictionaryObject):
            return "other" if isinstance(node, StreamObject) else "dict"
        if isinstance(node, ArrayObject):
            return "array"
        if isinstance(node, (TextStringObject, ByteStringObject)):
            return "string"
        if isinstance(node, NameObject):
            return "name"
        return "integer" if isinstance(node, NumberObject) else "other"

    def text(self, node: object) -> str:
        if isinstance(node, ByteStringObject):  # not valid in any PDF text encoding
            return bytes(node).decode("latin-1")
        return str(node)

    def integer(self, node: object) -> int:
        return int(node) if isinstance(node, NumberObject) else 0

    def repaired(self) -> bool:
        return self._repairs.count > 0


    def _resolved(self, value: object) -> object | None:
        if isinstance(value, IndirectObject):
            if value.generation == 0:
                self._unpack(value.idnum)
            value = value.get_object()
        return None if value is None or isinstance(value, NullObject) else value

    def _unpack(self, number: int) -> None:
        """Unpack the object stream holding object `number` (if any) before pypdf parses
        it, so the bound on unpacked bytes applies before the costly part (pypdf keeps the
        unpacked data for its parse)."""
        holder = self._reader.xref_objStm.get(number)
        if holder is None or holder[0] in self._streams:
            return
        self._streams.add(holder[0])
        stream = self._reader.get_object(int(holder[0]))
        if isinstance(stream, StreamObject):
            self._unpacked += len(stream.get_data())
            if self._unpacked > limits.MAX_UNPACKED_BYTES:
                raise Unreadable(_TOO_MUCH_UNPACKED)
