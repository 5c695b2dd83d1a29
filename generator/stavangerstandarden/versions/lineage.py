"""Where a statement of an older version lives in the current one: the same id (perhaps
reworded or moved), the statements that declare they replace it (a split or a merge), or
nowhere (removed). `collect` uses it to count old forms and to compare with old summaries.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from stavangerstandarden.model import Standard, Statement
from stavangerstandarden.versions.history import History


@dataclass(frozen=True)
class Retired:
    """A statement of an older version with no successor: its answers are kept under its
    own id and reported as belonging to `version`."""

    version: str
    statement: Statement


@dataclass(frozen=True)
class Lineage:
    """How the statements of version `old` carry into the current version."""

    old: Standard
    current: Standard
    targets: Mapping[str, tuple[str, ...]]
    """Old id → the current ids its answers count under (itself when it still exists)."""
    retired: tuple[Retired, ...]

    def replaced(self, old_id: str) -> bool:
        """Whether the statement was split or merged (its answers count under other ids)."""
        return self.targets.get(old_id, (old_id,)) != (old_id,)


def lineage(old: Standard, history: History) -> Lineage:
    current = history.current
    ancestry = _ancestry(history)
    targets: dict[str, tuple[str, ...]] = {}
    retired = []
    for statement in old.statements:
        found = tuple(s.id for s in current.statements if statement.id in ancestry[s.id])
        if found:
            targets[statement.id] = found
        else:
            retired.append(Retired(old.meta.version, statement))
    return Lineage(old, current, MappingProxyType(targets), tuple(retired))


def _ancestry(history: History) -> dict[str, set[str]]:
    """Every current statement id → itself and every id it replaces, directly or through
    a version in between."""
    edges: dict[str, set[str]] = {}
    for version in history.versions:
        for statement in version.statements:
            edges.setdefault(statement.id, set()).update(statement.replaces)
    found: dict[str, set[str]] = {}
    for statement in history.current.statements:
        seen, todo = {statement.id}, [statement.id]
        while todo:
            for older in edges.get(todo.pop(), ()):
                if older not in seen:
                    seen.add(older)
                    todo.append(older)
        found[statement.id] = seen
    return found
