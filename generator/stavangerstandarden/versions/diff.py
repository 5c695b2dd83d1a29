"""What changed from one version to the next, derived from the two models alone.

Statements are matched by id (the link between versions): an id only in the newer version is
added, only in the older removed; the same id with other words is reworded (with the words
that changed), in another area moved. A statement that declares `replaces` is a split or a
merge of the ids it names. Areas, levels and scale steps are matched by id too.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal, Protocol, TypeVar

from stavangerstandarden.model import Standard, Statement
from stavangerstandarden.versions.history import History

Op = Literal["equal", "delete", "insert"]


class _WithId(Protocol):
    @property
    def id(self) -> str: ...


_T = TypeVar("_T", bound=_WithId)
_WORDS = re.compile(r"\S+")


@dataclass(frozen=True)
class Piece:
    """A run of words in a reworded text: kept, taken out or put in."""

    op: Op
    text: str


@dataclass(frozen=True)
class Placed:
    """A statement where it stands in its version."""

    id: str
    area: str
    """The title of its area."""
    text: str
    extra: tuple[str, ...] = ()
    """Its level texts (sentences added on some levels)."""


@dataclass(frozen=True)
class Reworded:
    id: str
    area: str
    old: str
    new: str
    words: tuple[Piece, ...]
    """The new wording against the old, word by word."""
    old_extra: tuple[str, ...] = ()
    new_extra: tuple[str, ...] = ()
    """The level texts before and after, when they changed (else both empty)."""


@dataclass(frozen=True)
class Moved:
    id: str
    text: str
    old_area: str
    new_area: str


@dataclass(frozen=True)
class Replacement:
    """A split (several statements replace one) or a merge (one replaces several)."""

    new: tuple[Placed, ...]
    old: tuple[Placed, ...]

    @property
    def kind(self) -> Literal["split", "merge"]:
        return "split" if len(self.new) > 1 else "merge"


@dataclass(frozen=True)
class Entry:
    id: str
    label: str


@dataclass(frozen=True)
class Relabelled:
    """One field of an area, level or scale step that has another value."""

    id: str
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class Listed:
    """Changes to one list of things with ids (areas, levels, scale steps)."""

    added: tuple[Entry, ...] = ()
    removed: tuple[Entry, ...] = ()
    changed: tuple[Relabelled, ...] = ()
    reordered: bool = False

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed or self.reordered)


@dataclass(frozen=True)
class Changes:
    """Everything that changed from `previous` to `version`."""

    version: str
    previous: str
    added: tuple[Placed, ...]
    removed: tuple[Placed, ...]
    """Removed without a successor (replaced ones are under `replaced`)."""
    reworded: tuple[Reworded, ...]
    moved: tuple[Moved, ...]
    replaced: tuple[Replacement, ...]
    areas: Listed
    levels: Listed
    scale: Listed

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.reworded or self.moved or self.replaced
                    or self.areas or self.levels or self.scale)


@dataclass(frozen=True)
class Changelog:
    """The history as changes: `entries` newest first, one per version after the first."""

    history: History
    entries: tuple[Changes, ...]

    @property
    def first(self) -> Standard:
        return self.history.versions[0]


def changelog(history: History) -> Changelog:
    pairs = zip(history.versions, history.versions[1:], strict=False)
    return Changelog(history, tuple(reversed([changes(a, b) for a, b in pairs])))


def changes(old: Standard, new: Standard) -> Changes:
    before, after = _placed(old), _placed(new)
    replaced = _replacements(new, before, after)
    gone = {p.id for r in replaced for p in r.old}
    fresh = {p.id for r in replaced for p in r.new}
    return Changes(
        version=new.meta.version, previous=old.meta.version,
        added=tuple(p for i, p in after.items() if i not in before and i not in fresh),
        removed=tuple(p for i, p in before.items() if i not in after and i not in gone),
        reworded=tuple(_reworded(before[i], p) for i, p in after.items()
                       if i in before and (before[i].text, before[i].extra) != (p.text, p.extra)),
        moved=tuple(Moved(i, p.text, before[i].area, p.area) for i, p in after.items()
                    if i in before and _area_id(old, i) != _area_id(new, i)),
        replaced=replaced,
        areas=_listed(old.areas, new.areas, lambda a: a.title,
                      lambda a: {"title": a.title, "description": a.description,
                                 "kind": a.kind.label}),
        levels=_listed(old.levels, new.levels, lambda lv: lv.label,
                       lambda lv: {"label": lv.label}),
        scale=_listed(old.scale, new.scale, lambda s: s.label,
                      lambda s: {"label": s.label, "colour": s.colour}),
    )


def word_diff(old: str, new: str) -> tuple[Piece, ...]:
    """`new` against `old` word by word; runs of the same kind joined with spaces."""
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    pieces: list[Piece] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("delete", "replace"):
            pieces.append(Piece("delete", " ".join(a[i1:i2])))
        if tag in ("insert", "replace"):
            pieces.append(Piece("insert", " ".join(b[j1:j2])))
        if tag == "equal":
            pieces.append(Piece("equal", " ".join(a[i1:i2])))
    return tuple(pieces)


def _reworded(old: Placed, new: Placed) -> Reworded:
    extra = (old.extra, new.extra) if old.extra != new.extra else ((), ())
    return Reworded(new.id, new.area, old.text, new.text, word_diff(old.text, new.text), *extra)


def _placed(standard: Standard) -> dict[str, Placed]:
    return {s.id: Placed(s.id, a.title, s.text, _extra(s)) for a in standard.areas
            for s in a.statements}


def _extra(statement: Statement) -> tuple[str, ...]:
    return tuple(lt.text for lt in statement.level_texts)


def _area_id(standard: Standard, statement_id: str) -> str:
    return next(a.id for a in standard.areas for s in a.statements if s.id == statement_id)


def _replacements(new: Standard, before: dict[str, Placed],
                  after: dict[str, Placed]) -> tuple[Replacement, ...]:
    """Groups of new statements and the old ones they replace, in the new order; statements
    replacing the same old ones together form one split."""
    groups: dict[tuple[str, ...], list[str]] = {}
    for s in new.statements:
        named = tuple(r for r in s.replaces if r in before and r not in after)
        if named:
            groups.setdefault(named, []).append(s.id)
    return tuple(Replacement(tuple(after[i] for i in ids), tuple(before[r] for r in old))
                 for old, ids in groups.items())


def _listed(old: Iterable[_T], new: Iterable[_T], label: Callable[[_T], str],
            fields: Callable[[_T], dict[str, str]]) -> Listed:
    before = {x.id: x for x in old}
    after = {x.id: x for x in new}
    changed = [Relabelled(i, name, value, fields(x)[name])
               for i, x in after.items() if i in before
               for name, value in fields(before[i]).items() if fields(x)[name] != value]
    kept_before = [i for i in before if i in after]
    kept_after = [i for i in after if i in before]
    return Listed(
        added=tuple(Entry(i, label(x)) for i, x in after.items() if i not in before),
        removed=tuple(Entry(i, label(x)) for i, x in before.items() if i not in after),
        changed=tuple(changed),
        reordered=kept_before != kept_after,
    )
