"""One PDF's bytes → the raw values of its form fields, read the way viewers save them.

Only the AcroForm field tree, its widgets' /AS states and the page /Annots are touched, through
one of two engines (`pdfengine`): pikepdf (qpdf), ≈ 1.5 ms of CPU a form, for the command
line, or pypdf, pure Python, for the browser under Pyodide; the walk, its bounds and its
reasons are the same for both. Quirks handled, all seen in real viewers: incremental updates
(pdf.js; the newest xref wins), radio values as a name or a string (pypdf 7), numeric button
states mapped through /Opt, `\\r\\n` line breaks (PDFium), AES permissions-only encryption
(opened with the empty password), and macOS Preview, which strips /Parent from the chosen
radio button and copies /T, /V and /FT into it — the button then stands alone, so fields are
merged by full name and page widgets missing from the field tree are read too. The file is
untrusted: every walk is bounded by `limits`.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from stavangerstandarden.collect import limits
from stavangerstandarden.collect.pdfengine import DIRECT, Document, Opener, Unreadable
from stavangerstandarden.collect.reasons import Reason
from stavangerstandarden.words import N_

__all__ = ["ENGINES", "OFF", "Engine", "RawForm", "Unreadable", "read_form"]

OFF = "Off"
_PUSHBUTTON = 1 << 16
"""The /Ff bit of a push button (ISO 32000-1, table 226): it has no value to read."""

Engine = Literal["pikepdf", "pypdf"]
"""The PDF library that reads the file: pikepdf where it can be installed (fast), pypdf
where it cannot (the browser)."""
ENGINES: dict[Engine, str] = {
    "pikepdf": "stavangerstandarden.collect.pdf_pikepdf",
    "pypdf": "stavangerstandarden.collect.pdf_pypdf",
}
"""Engine → its module, imported on first use (so pikepdf is never imported in a browser)."""


@dataclass(frozen=True)
class RawForm:
    texts: dict[str, str]
    """Text fields by full name, line breaks normalised to `\\n`, surrounding space stripped."""
    choices: dict[str, str | None]
    """Radio buttons and check boxes by full name: the chosen export value, or None."""
    repaired: bool = False
    """The engine had to repair the file (e.g. a broken cross-reference table) to read it."""


@dataclass
class _Field:
    kind: str = ""
    flags: int = 0
    value: object | None = None
    options: list[str] = field(default_factory=list)
    states: list[str] = field(default_factory=list)
    """The /AS of every widget that is switched on."""


@dataclass
class _Walk:
    """The state of one walk over a file's fields, with the count the bounds apply to."""

    doc: Document
    fields: dict[str, _Field] = field(default_factory=dict)
    seen: set[tuple[int, int]] = field(default_factory=set)
    nodes: int = 0

    def count(self) -> None:
        """One more reference followed (to a field, a widget or an annotation)."""
        self.nodes += 1
        if self.nodes > limits.MAX_NODES:
            raise Unreadable(limits.over_limit(N_("felt, knapper og merknader"), limits.MAX_NODES))

    def visit(self, node: object) -> bool:
        """False when this indirect object was visited before (a repeat or a cycle)."""
        self.count()
        ref = self.doc.ref(node)
        if ref != DIRECT:
            if ref in self.seen:
                return False
            self.seen.add(ref)
        return True


def read_form(data: bytes, engine: Engine = "pikepdf") -> RawForm:
    """Every field value of the form in `data`, read with `engine`; raises Unreadable with
    the reason."""
    _check_envelope(data)
    opened: Opener = importlib.import_module(ENGINES[engine]).opened
    with opened(data) as doc:
        return _raw_form(doc, _collect_fields(doc))


def _raw_form(doc: Document, fields: dict[str, _Field]) -> RawForm:
    """The values of the fields found, while the file is still open."""
    repaired = doc.repaired()
    texts = {n: _text(doc, f.value) for n, f in fields.items() if f.kind == "/Tx"}
    for name, text in texts.items():
        if len(text) > limits.MAX_TEXT_CHARS:
            raise Unreadable(limits.over_limit(Reason(N_("tegn i feltet {name}"), name=name),
                                               limits.MAX_TEXT_CHARS))
    choices = {n: _choice(n, _states(doc, f), f.options)
               for n, f in fields.items() if f.kind == "/Btn" and not f.flags & _PUSHBUTTON}
    return RawForm(texts, choices, repaired)


def _states(doc: Document, f: _Field) -> list[str]:
    """What says which button is on: the widgets that are (the group's /V only when none
    is)."""
    if f.states:
        return f.states
    return [_name(doc, f.value)] if f.value is not None else []


def _check_envelope(data: bytes) -> None:
    if len(data) > limits.MAX_FILE_BYTES:
        raise Unreadable(limits.over_limit(N_("byte i filen"), limits.MAX_FILE_BYTES))
    if not data[:1024].lstrip().startswith(b"%PDF-"):
        raise Unreadable(N_("filen er ikke en PDF"))
    if not _tail(data).endswith(b"%%EOF"):
        raise Unreadable(N_("PDF-filen er ufullstendig (avkortet, f.eks. en avbrutt nedlasting "
                         "eller et vedlegg som ikke ble lagret helt)"))


def _tail(data: bytes) -> bytes:
    """The end of the file without trailing white space or NUL padding; only the last KB is
    copied unless it is all padding."""
    padding = b" \t\r\n\x00"
    tail = data[-1024:].rstrip(padding)
    return tail if tail else data.rstrip(padding)


def _collect_fields(doc: Document) -> dict[str, _Field]:
    root = doc.root()
    walk = _Walk(doc)
    for node in doc.items(doc.get(doc.get(root, "/AcroForm"), "/Fields")):
        _walk(node, "", 0, None, walk)
    for annot in _page_annotations(doc, doc.get(root, "/Pages")):
        walk.count()
        if doc.ref(annot) not in walk.seen and doc.kind(annot) == "dict" \
                and _is_name(doc, doc.get(annot, "/Subtype"), "/Widget"):
            prefix, depth = _parent_name(doc, annot)
            _walk(annot, prefix, depth, walk.fields.get(prefix), walk)
    return walk.fields


def _walk(node: object, prefix: str, depth: int, parent: _Field | None, walk: _Walk,
          level: int = 1) -> None:
    """Visit a field node: name it, inherit from its parent, record widget states, recurse.
    `depth` counts the parts of the name, `level` the nodes down the tree (named or not)."""
    doc = walk.doc
    if doc.kind(node) != "dict" or not walk.visit(node):
        return
    if level > limits.MAX_TREE_DEPTH:
        raise Unreadable(limits.over_limit(N_("nivåer i skjemaets felttre"), limits.MAX_TREE_DEPTH))
    current, name = parent, prefix
    partial, state, kids = doc.get(node, "/T"), doc.get(node, "/AS"), doc.get(node, "/Kids")
    if partial is not None and not _is_preview_copy(
            doc, partial, prefix, parent, widget=state is not None and kids is None):
        name, depth = _join(prefix, depth, _text(doc, partial, limits.MAX_NAME_CHARS))
        current = walk.fields.setdefault(name, _Field())
        _inherit(doc, current, node, parent)
    if current is not None and state is not None:
        on = _name(doc, state)
        if on != OFF:
            current.states.append(on)
    for kid in doc.items(kids):
        _walk(kid, name, depth, current, walk, level + 1)


def _join(prefix: str, depth: int, partial: str) -> tuple[str, int]:
    """The full name `prefix.partial` and its depth, within the bounds on names."""
    if depth + 1 > limits.MAX_NAME_DEPTH:
        raise Unreadable(limits.over_limit(N_("ledd i et feltnavn"), limits.MAX_NAME_DEPTH))
    if len(prefix) + 1 + len(partial) > limits.MAX_NAME_CHARS:
        raise Unreadable(limits.over_limit(N_("tegn i et feltnavn"), limits.MAX_NAME_CHARS))
    return (f"{prefix}.{partial}" if prefix else partial), depth + 1


def _is_preview_copy(doc: Document, partial: object, prefix: str, parent: _Field | None, *,
                     widget: bool) -> bool:
    """A widget (a leaf with /AS) that repeats its parent's name (Preview copies /T into the
    chosen button)."""
    return (parent is not None and widget
            and prefix.rsplit(".", 1)[-1] == _text(doc, partial, limits.MAX_NAME_CHARS))


def _inherit(doc: Document, target: _Field, node: object, parent: _Field | None) -> None:
    """Fill what is not yet known from this node, else from the parent (PDF inheritance)."""
    kind, flags, value = doc.get(node, "/FT"), doc.get(node, "/Ff"), doc.get(node, "/V")
    if not target.kind:
        target.kind = (_text(doc, kind) if doc.kind(kind) == "name" else
                       parent.kind if parent else "")
    if not target.flags:
        target.flags = (doc.integer(flags) if doc.kind(flags) == "integer" else
                        parent.flags if parent else 0)
    if target.value is None:
        target.value = value if value is not None else parent.value if parent else None
    if not target.options:
        target.options = _options(doc, node) or (parent.options if parent else [])


def _options(doc: Document, node: object) -> list[str]:
    """The export values in /Opt (an entry may be a [export, shown] pair)."""
    options = doc.get(node, "/Opt")
    if doc.kind(options) != "array":
        return []
    found: list[str] = []
    for option in doc.items(options):
        if len(found) == limits.MAX_OPTIONS:
            raise Unreadable(limits.over_limit(N_("valg i et felt"), limits.MAX_OPTIONS))
        if doc.kind(option) == "array":
            option = next(iter(doc.items(option)), None)
        found.append(_text(doc, option, limits.MAX_TEXT_CHARS))
    return found


def _page_annotations(doc: Document, pages: object | None) -> Iterator[object]:
    """Indirect objects in every page's /Annots, in page order (annotations, if valid)."""
    stack = [pages] if pages is not None else []
    visited: set[tuple[int, int]] = set()
    while stack:
        node = stack.pop()
        if doc.kind(node) != "dict" or doc.ref(node) in visited:
            continue
        visited.add(doc.ref(node))
        if len(visited) > limits.MAX_PAGES:
            raise Unreadable(limits.over_limit(N_("sider"), limits.MAX_PAGES))
        if _is_name(doc, doc.get(node, "/Type"), "/Pages"):
            stack.extend(reversed(list(doc.items(doc.get(node, "/Kids")))))
            continue
        yield from (a for a in doc.items(doc.get(node, "/Annots")) if doc.ref(a) != DIRECT)


def _parent_name(doc: Document, node: object) -> tuple[str, int]:
    """Full name and depth of a widget's parent field, found by walking /Parent upwards; a
    chain longer than a name may be deep (or a /Parent loop) makes the file unreadable."""
    parts: list[str] = []
    parent = doc.get(node, "/Parent")
    for _ in range(limits.MAX_NAME_DEPTH + 1):
        if doc.kind(parent) != "dict":
            name = ".".join(reversed(parts))
            if len(name) > limits.MAX_NAME_CHARS:
                raise Unreadable(limits.over_limit(N_("tegn i et feltnavn"), limits.MAX_NAME_CHARS))
            return name, len(parts)
        partial = doc.get(parent, "/T")
        if partial is not None:
            parts.append(_text(doc, partial, limits.MAX_NAME_CHARS))
        parent = doc.get(parent, "/Parent")
    raise Unreadable(limits.over_limit(N_("ledd i et feltnavn"), limits.MAX_NAME_DEPTH))


def _choice(name: str, states: list[str], options: list[str]) -> str | None:
    """The export value of the button that is on."""
    chosen = sorted({_export(s, options) for s in states if s and s != OFF})
    if len(chosen) > 1:
        raise Unreadable(Reason(N_("utsagnet {name} er krysset av flere steder ({values}), så "
                                   "svaret kan ikke leses sikkert"),
                                name=name, values=", ".join(chosen)))
    return chosen[0] if chosen else None


def _export(state: str, options: list[str]) -> str:
    """A numeric state (`/0`, `/1`, …) stands for the export value at that index of /Opt."""
    if state.isdigit() and len(state) <= len(str(len(options))) and int(state) < len(options):
        return options[int(state)]
    return state


def _is_name(doc: Document, value: object | None, name: str) -> bool:
    return doc.kind(value) == "name" and doc.text(value) == name


def _name(doc: Document, value: object) -> str:
    """A button state or value, written as a name (`/bedre`) or a string (`bedre`)."""
    text = _text(doc, value, limits.MAX_NAME_CHARS)
    return text[1:] if text.startswith("/") else text


def _text(doc: Document, value: object | None, bound: int = limits.MAX_TEXT_CHARS) -> str:
    """A string or name as text; anything else (an array, a number) is no text. Longer than
    `bound` after stripping is over the limit (checked by the caller when it matters)."""
    if doc.kind(value) not in ("string", "name"):
        return ""
    text = doc.text(value)
    if len(text) > 4 * bound + 1000:  # before the copies below; stripping cannot save it
        text = text[: bound + 1]
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()
