"""One PDF's bytes → the raw values of its form fields, read the way viewers save them.

Only the AcroForm field tree, its widgets' /AS states and the page /Annots are touched
(`PdfReader.get_fields()` costs ≈ 30 ms a form). Quirks handled, all seen in real viewers:
incremental updates (pdf.js; pypdf follows the newest xref), radio values written as a name
or a string (pypdf 7), numeric button states mapped through /Opt, `\\r\\n` line breaks
(PDFium), and macOS Preview, which strips /Parent from the chosen radio button and copies
/T, /V and /FT into it — the button then stands alone, so fields are merged by full name and
page widgets missing from the field tree are read too.
"""

from __future__ import annotations

import io
import logging
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError
from pypdf.generic import ArrayObject, ByteStringObject, DictionaryObject, IndirectObject

PUSHBUTTON_FLAG = 1 << 16
OFF = "Off"
BROKEN = (PyPdfError, ValueError, LookupError, TypeError, AttributeError, RecursionError,
          OSError, zlib.error, struct.error)
"""What pypdf raises on damaged files; each becomes a reason in the report, never a crash."""


class Unreadable(Exception):
    """The file cannot be read as a PDF form; the message is a Norwegian reason for the user."""


@dataclass(frozen=True)
class RawForm:
    texts: dict[str, str]
    """Text fields by full name, line breaks normalised to `\\n`, surrounding space stripped."""
    choices: dict[str, str | None]
    """Radio buttons and check boxes by full name: the chosen export value, or None."""
    repaired: bool = False
    """pypdf had to repair the file (e.g. a broken cross-reference table) to read it."""


@dataclass
class _Field:
    kind: str = ""
    flags: int = 0
    value: Any = None
    options: list[str] = field(default_factory=list)
    states: list[str] = field(default_factory=list)
    """The /AS of every widget that is switched on."""


def read_form(data: bytes) -> RawForm:
    """Every field value of the form in `data`; raises Unreadable with the reason."""
    _check_envelope(data)
    fields, repaired = _read_fields(data)
    texts = {n: _text(f.value) for n, f in fields.items() if f.kind == "/Tx"}
    choices = {n: _choice(n, f) for n, f in fields.items()
               if f.kind == "/Btn" and not f.flags & PUSHBUTTON_FLAG}
    return RawForm(texts, choices, repaired)


def quiet_pypdf() -> None:
    """Silence pypdf's log lines about the files it repairs: `RawForm.repaired` tells, and
    the report says so next to the file."""
    logging.getLogger("pypdf").setLevel(logging.ERROR)


def _check_envelope(data: bytes) -> None:
    if not data.lstrip()[:5].startswith(b"%PDF-"):
        raise Unreadable("filen er ikke en PDF")
    if not data.rstrip(b" \t\r\n\x00").endswith(b"%%EOF"):
        raise Unreadable("PDF-filen er ufullstendig (avkortet, f.eks. en avbrutt nedlasting "
                         "eller et vedlegg som ikke ble lagret helt)")


def _read_fields(data: bytes) -> tuple[dict[str, _Field], bool]:
    """The fields, and whether the file needed repair. Strict parsing first: it skips
    pypdf's object-by-object xref check (≈ 10 % of the time)."""
    try:
        return _collect_fields(_open(data, strict=True)), False
    except BROKEN:
        return _read_repaired(data), True


def _read_repaired(data: bytes) -> dict[str, _Field]:
    try:
        return _collect_fields(_open(data, strict=False))
    except BROKEN as exc:
        raise Unreadable("PDF-filen er skadet og kan ikke leses") from exc


def _open(data: bytes, strict: bool) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data), strict=strict)
        if reader.is_encrypted and not reader.decrypt(""):
            raise Unreadable(_ENCRYPTED)
    except (DependencyError, FileNotDecryptedError) as exc:
        raise Unreadable(_ENCRYPTED) from exc
    return reader


_ENCRYPTED = ("PDF-filen er kryptert eller passordbeskyttet; be om skjemaet lagret uten "
              "passord")


def _collect_fields(reader: PdfReader) -> dict[str, _Field]:
    root = reader.trailer["/Root"]
    fields: dict[str, _Field] = {}
    seen: set[int] = set()
    acroform = _get(root, "/AcroForm")
    if isinstance(acroform, DictionaryObject):
        for ref in _array(acroform, "/Fields"):
            _walk(ref, "", None, fields, seen)
    for ref in _page_annotations(root):
        node = ref.get_object() if ref.idnum not in seen else None
        if _get(node, "/Subtype") == "/Widget":
            prefix = _parent_name(node)
            _walk(ref, prefix, fields.get(prefix), fields, seen)
    return fields


def _walk(ref: Any, prefix: str, parent: _Field | None, fields: dict[str, _Field],
          seen: set[int]) -> None:
    """Visit a field node: name it, inherit from its parent, record widget states, recurse."""
    if isinstance(ref, IndirectObject):
        if ref.idnum in seen:
            return
        seen.add(ref.idnum)
    node = ref.get_object()
    if not isinstance(node, DictionaryObject):
        return
    current, name = parent, prefix
    partial = node.get("/T")
    if partial is not None and not _is_preview_copy(node, prefix, parent):
        name = f"{prefix}.{_text(partial)}" if prefix else _text(partial)
        current = fields.setdefault(name, _Field())
        _inherit(current, node, parent)
    if current is not None:
        state = node.get("/AS")
        if state is not None and _name(state) != OFF:
            current.states.append(_name(state))
    for kid in _array(node, "/Kids"):
        _walk(kid, name, current, fields, seen)


def _is_preview_copy(node: DictionaryObject, prefix: str, parent: _Field | None) -> bool:
    """A widget that repeats its parent's name (Preview copies /T into the chosen button)."""
    return (parent is not None and "/Kids" not in node and "/AS" in node
            and prefix.rsplit(".", 1)[-1] == _text(node["/T"]))


def _inherit(target: _Field, node: DictionaryObject, parent: _Field | None) -> None:
    """Fill what is not yet known from this node, else from the parent (PDF inheritance)."""
    kind, flags, value = node.get("/FT"), node.get("/Ff"), node.get("/V")
    target.kind = target.kind or (str(kind) if kind is not None else parent.kind if parent else "")
    target.flags = target.flags or (int(flags) if flags is not None else
                                    parent.flags if parent else 0)
    if target.value is None:
        target.value = value if value is not None else parent.value if parent else None
    if not target.options:
        target.options = [_text(o[0] if isinstance(o, ArrayObject) else o)
                          for o in _array(node, "/Opt")] or (parent.options if parent else [])


def _page_annotations(root: Any) -> Iterator[IndirectObject]:
    """Indirect annotations on every page, in page order, not yet resolved."""
    stack: list[Any] = [root["/Pages"]]
    visited: set[int] = set()
    while stack:
        ref = stack.pop()
        if isinstance(ref, IndirectObject):
            if ref.idnum in visited:
                continue
            visited.add(ref.idnum)
        node = ref.get_object()
        if _get(node, "/Type") == "/Pages":
            stack.extend(reversed(_array(node, "/Kids")))
            continue
        yield from (a for a in _array(node, "/Annots") if isinstance(a, IndirectObject))


def _parent_name(node: Any) -> str:
    """Full name of a widget's parent field, found by walking /Parent upwards (at most 32
    levels, in case of a /Parent loop)."""
    parts: list[str] = []
    parent = _get(node, "/Parent")
    while isinstance(parent, DictionaryObject) and len(parts) < 32:
        if "/T" in parent:
            parts.append(_text(parent["/T"]))
        parent = _get(parent, "/Parent")
    return ".".join(reversed(parts))


def _choice(name: str, f: _Field) -> str | None:
    """The export value of the button that is on (the group's /V only when no widget is)."""
    states = f.states or ([_name(f.value)] if f.value is not None else [])
    chosen = sorted({_export(s, f.options) for s in states if s and s != OFF})
    if len(chosen) > 1:
        raise Unreadable(f"utsagnet {name} er krysset av flere steder ({', '.join(chosen)}), "
                         "så svaret kan ikke leses sikkert")
    return chosen[0] if chosen else None


def _export(state: str, options: list[str]) -> str:
    """A numeric state (`/0`, `/1`, …) stands for the export value at that index of /Opt."""
    return options[int(state)] if state.isdigit() and int(state) < len(options) else state


def _get(node: Any, key: str) -> Any:
    value = node.get(key) if isinstance(node, DictionaryObject) else None
    return value.get_object() if value is not None else None


def _array(node: Any, key: str) -> list[Any]:
    value = _get(node, key)
    return list(value) if isinstance(value, ArrayObject) else []


def _name(value: Any) -> str:
    """A button state or value, written as a name (`/bedre`) or a string (`bedre`)."""
    text = _text(value)
    return text[1:] if text.startswith("/") else text


def _text(value: Any) -> str:
    value = value.get_object() if isinstance(value, IndirectObject) else value
    if value is None:
        return ""
    if isinstance(value, ByteStringObject):
        value = bytes(value).decode("latin-1")
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()
