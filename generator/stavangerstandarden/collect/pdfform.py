"""One PDF's bytes → the raw values of its form fields, read the way viewers save them.

Read with pikepdf (qpdf): only the AcroForm field tree, its widgets' /AS states and the page
/Annots are touched, ≈ 1.5 ms of CPU a form. Quirks handled, all seen in real viewers:
incremental updates (pdf.js; qpdf follows the newest xref), radio values as a name or a string
(pypdf 7), numeric button states mapped through /Opt, `\\r\\n` line breaks (PDFium), AES
permissions-only encryption (opened with the empty password), and macOS Preview, which strips
/Parent from the chosen radio button and copies /T, /V and /FT into it — the button then
stands alone, so fields are merged by full name and page widgets missing from the field tree
are read too. The file is untrusted: every walk is bounded by `limits`.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field

import pikepdf
from pikepdf import Array, FormFieldFlag, Name, Object, ObjectType

from stavangerstandarden.collect import limits, memory

OFF = "Off"
_DIRECT = (0, 0)
"""The object and generation number pikepdf gives an object that is not indirect."""
BROKEN = (pikepdf.PdfError, ValueError, LookupError, TypeError, AttributeError, RecursionError,
          OverflowError, RuntimeError)
"""What pikepdf raises on damaged files; each becomes a reason in the report, never a crash."""


_REPAIRS = ("damaged", "recover", "reconstruct")
"""Words of qpdf's warnings when it had to repair the file (others, such as a missing xref
entry for the xref stream itself, are written by ordinary tools and harmless)."""


_OUT_OF_MEMORY = "bad_alloc"
"""In qpdf's message when an allocation failed (under `memory.bounded`)."""
_TOO_BIG = limits.over_limit("MB minne til å lese filen", limits.MAX_READ_MEMORY >> 20)


class Unreadable(Exception):
    """The file cannot be read as a PDF form; the message is a Norwegian reason for the user."""


@dataclass(frozen=True)
class RawForm:
    texts: dict[str, str]
    """Text fields by full name, line breaks normalised to `\\n`, surrounding space stripped."""
    choices: dict[str, str | None]
    """Radio buttons and check boxes by full name: the chosen export value, or None."""
    repaired: bool = False
    """qpdf had to repair the file (e.g. a broken cross-reference table) to read it."""


@dataclass
class _Field:
    kind: str = ""
    flags: int = 0
    value: Object | None = None
    options: list[str] = field(default_factory=list)
    states: list[str] = field(default_factory=list)
    """The /AS of every widget that is switched on."""


@dataclass
class _Walk:
    """The state of one walk over a file's fields, with the count the bounds apply to."""

    fields: dict[str, _Field] = field(default_factory=dict)
    seen: set[tuple[int, int]] = field(default_factory=set)
    nodes: int = 0

    def count(self) -> None:
        """One more reference followed (to a field, a widget or an annotation)."""
        self.nodes += 1
        if self.nodes > limits.MAX_NODES:
            raise Unreadable(limits.over_limit("felt, knapper og merknader", limits.MAX_NODES))

    def visit(self, node: Object) -> bool:
        """False when this indirect object was visited before (a repeat or a cycle)."""
        self.count()
        ref = node.objgen
        if ref != _DIRECT:
            if ref in self.seen:
                return False
            self.seen.add(ref)
        return True


def read_form(data: bytes) -> RawForm:
    """Every field value of the form in `data`; raises Unreadable with the reason."""
    _check_envelope(data)
    try:
        with memory.bounded(limits.MAX_READ_MEMORY), _open(data) as pdf:
            return _raw_form(_collect_fields(pdf), pdf.get_warnings())
    except BROKEN as exc:
        if _OUT_OF_MEMORY in str(exc):
            raise Unreadable(_TOO_BIG) from exc
        raise Unreadable("PDF-filen er skadet og kan ikke leses") from exc
    except MemoryError as exc:
        raise Unreadable(_TOO_BIG) from exc


def _raw_form(fields: dict[str, _Field], warnings: list[str]) -> RawForm:
    """The values of the fields found, while the file is still open."""
    if any(_OUT_OF_MEMORY in w for w in warnings):  # qpdf gave up on part of the file
        raise Unreadable(_TOO_BIG)
    repaired = any(m in w for w in warnings for m in _REPAIRS)
    texts = {n: _text(f.value) for n, f in fields.items() if f.kind == "/Tx"}
    for name, text in texts.items():
        if len(text) > limits.MAX_TEXT_CHARS:
            raise Unreadable(limits.over_limit(f"tegn i feltet {name}", limits.MAX_TEXT_CHARS))
    choices = {n: _choice(n, f) for n, f in fields.items()
               if f.kind == "/Btn" and not f.flags & FormFieldFlag.btn_pushbutton}
    return RawForm(texts, choices, repaired)


def _check_envelope(data: bytes) -> None:
    if len(data) > limits.MAX_FILE_BYTES:
        raise Unreadable(limits.over_limit("byte i filen", limits.MAX_FILE_BYTES))
    if not data[:1024].lstrip().startswith(b"%PDF-"):
        raise Unreadable("filen er ikke en PDF")
    if not _tail(data).endswith(b"%%EOF"):
        raise Unreadable("PDF-filen er ufullstendig (avkortet, f.eks. en avbrutt nedlasting "
                         "eller et vedlegg som ikke ble lagret helt)")


def _tail(data: bytes) -> bytes:
    """The end of the file without trailing white space or NUL padding; only the last KB is
    copied unless it is all padding."""
    padding = b" \t\r\n\x00"
    tail = data[-1024:].rstrip(padding)
    return tail if tail else data.rstrip(padding)


def _open(data: bytes) -> pikepdf.Pdf:
    """The file opened with the empty password (permissions-only encryption opens with it)."""
    try:
        return pikepdf.open(io.BytesIO(data), inherit_page_attributes=False)
    except pikepdf.PasswordError as exc:
        raise Unreadable("PDF-filen er kryptert eller passordbeskyttet; be om skjemaet "
                         "lagret uten passord") from exc


def _collect_fields(pdf: pikepdf.Pdf) -> dict[str, _Field]:
    root = pdf.Root
    walk = _Walk()
    acroform = _get(root, "/AcroForm")
    for node in _array(acroform, "/Fields"):
        _walk(node, "", 0, None, walk)
    for annot in _page_annotations(_get(root, "/Pages")):
        walk.count()
        if annot.objgen not in walk.seen and _is(annot, ObjectType.dictionary) \
                and annot.get("/Subtype") == Name.Widget:
            prefix, depth = _parent_name(annot)
            _walk(annot, prefix, depth, walk.fields.get(prefix), walk)
    return walk.fields


def _walk(node: Object, prefix: str, depth: int, parent: _Field | None, walk: _Walk,
          level: int = 1) -> None:
    """Visit a field node: name it, inherit from its parent, record widget states, recurse.
    `depth` counts the parts of the name, `level` the nodes down the tree (named or not)."""
    if not _is(node, ObjectType.dictionary) or not walk.visit(node):
        return
    if level > limits.MAX_TREE_DEPTH:
        raise Unreadable(limits.over_limit("nivåer i skjemaets felttre", limits.MAX_TREE_DEPTH))
    current, name = parent, prefix
    partial = node.get("/T")
    if partial is not None and not _is_preview_copy(node, prefix, parent):
        name, depth = _join(prefix, depth, _text(partial, limits.MAX_NAME_CHARS))
        current = walk.fields.setdefault(name, _Field())
        _inherit(current, node, parent)
    if current is not None:
        state = node.get("/AS")
        if state is not None and _name(state) != OFF:
            current.states.append(_name(state))
    kids = node.get("/Kids")
    if kids is not None and _is(kids, ObjectType.array):
        for kid in kids:
            _walk(kid, name, depth, current, walk, level + 1)


def _join(prefix: str, depth: int, partial: str) -> tuple[str, int]:
    """The full name `prefix.partial` and its depth, within the bounds on names."""
    if depth + 1 > limits.MAX_NAME_DEPTH:
        raise Unreadable(limits.over_limit("ledd i et feltnavn", limits.MAX_NAME_DEPTH))
    if len(prefix) + 1 + len(partial) > limits.MAX_NAME_CHARS:
        raise Unreadable(limits.over_limit("tegn i et feltnavn", limits.MAX_NAME_CHARS))
    return (f"{prefix}.{partial}" if prefix else partial), depth + 1


def _is_preview_copy(node: Object, prefix: str, parent: _Field | None) -> bool:
    """A widget that repeats its parent's name (Preview copies /T into the chosen button)."""
    return (parent is not None and "/Kids" not in node and "/AS" in node
            and prefix.rsplit(".", 1)[-1] == _text(node.get("/T"), limits.MAX_NAME_CHARS))


def _inherit(target: _Field, node: Object, parent: _Field | None) -> None:
    """Fill what is not yet known from this node, else from the parent (PDF inheritance)."""
    kind, flags, value = node.get("/FT"), node.get("/Ff"), node.get("/V")
    if not target.kind:
        target.kind = (str(kind) if _is(kind, ObjectType.name_) else
                       parent.kind if parent else "")
    if not target.flags:
        target.flags = (int(flags) if flags is not None and _is(flags, ObjectType.integer) else
                        parent.flags if parent else 0)
    if target.value is None:
        target.value = value if value is not None else parent.value if parent else None
    if not target.options:
        target.options = _options(node) or (parent.options if parent else [])


def _options(node: Object) -> list[str]:
    """The export values in /Opt (an entry may be a [export, shown] pair)."""
    options = node.get("/Opt")
    if options is None or not _is(options, ObjectType.array):
        return []
    if len(options) > limits.MAX_OPTIONS:
        raise Unreadable(limits.over_limit("valg i et felt", limits.MAX_OPTIONS))
    return [_text(o[0] if _is(o, ObjectType.array) and len(o) else o, limits.MAX_TEXT_CHARS)
            for o in options]


def _page_annotations(pages: Object | None) -> Iterator[Object]:
    """Indirect objects in every page's /Annots, in page order (annotations, if valid)."""
    stack = [pages] if pages is not None else []
    visited: set[tuple[int, int]] = set()
    while stack:
        node = stack.pop()
        if not _is(node, ObjectType.dictionary) or node.objgen in visited:
            continue
        visited.add(node.objgen)
        if len(visited) > limits.MAX_PAGES:
            raise Unreadable(limits.over_limit("sider", limits.MAX_PAGES))
        if _get(node, "/Type") == Name.Pages:
            stack.extend(reversed(_array(node, "/Kids")))
            continue
        yield from (a for a in _array(node, "/Annots") if a.objgen != _DIRECT)


def _parent_name(node: Object) -> tuple[str, int]:
    """Full name and depth of a widget's parent field, found by walking /Parent upwards; a
    chain longer than a name may be deep (or a /Parent loop) makes the file unreadable."""
    parts: list[str] = []
    parent = _get(node, "/Parent")
    for _ in range(limits.MAX_NAME_DEPTH + 1):
        if parent is None or not _is(parent, ObjectType.dictionary):
            name = ".".join(reversed(parts))
            if len(name) > limits.MAX_NAME_CHARS:
                raise Unreadable(limits.over_limit("tegn i et feltnavn", limits.MAX_NAME_CHARS))
            return name, len(parts)
        if "/T" in parent:
            parts.append(_text(parent.get("/T"), limits.MAX_NAME_CHARS))
        parent = _get(parent, "/Parent")
    raise Unreadable(limits.over_limit("ledd i et feltnavn", limits.MAX_NAME_DEPTH))


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
    if state.isdigit() and len(state) <= len(str(len(options))) and int(state) < len(options):
        return options[int(state)]
    return state


def _is(value: object, kind: ObjectType) -> bool:
    return isinstance(value, Object) and value._type_code == kind


def _get(node: Object | None, key: str) -> Object | None:
    return node.get(key) if _is(node, ObjectType.dictionary) else None  # type: ignore[union-attr]


def _array(node: Object | None, key: str) -> Array | list[Object]:
    value = _get(node, key)
    return value if _is(value, ObjectType.array) else []  # type: ignore[return-value]


def _name(value: Object) -> str:
    """A button state or value, written as a name (`/bedre`) or a string (`bedre`)."""
    text = _text(value, limits.MAX_NAME_CHARS)
    return text[1:] if text.startswith("/") else text


def _text(value: Object | None, bound: int = limits.MAX_TEXT_CHARS) -> str:
    """A string or name as text; anything else (an array, a number) is no text. Longer than
    `bound` after stripping is over the limit (checked by the caller when it matters)."""
    if not (_is(value, ObjectType.string) or _is(value, ObjectType.name_)):
        return ""
    try:
        text = str(value)
    except UnicodeDecodeError:  # a name, or a string marked UTF-8, that is not UTF-8
        text = bytes(value).decode("latin-1")  # type: ignore[arg-type]
    if len(text) > 4 * bound + 1000:  # before the copies below; stripping cannot save it
        text = text[: bound + 1]
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()
