"""Which schools' rows to hide so no hidden count can be worked out from what is shown.

A published table has a row per school (counts per column) and a totals row, which sums every
school, hidden or not. Hiding the rows under *k* respondents (primary suppression) is not
enough: with one row hidden, the totals minus the shown rows give it back. So more rows are
hidden (secondary suppression) until, in every table of a linked group (an area and each of
its statements, which all hide the same rows), the hidden rows that have any answers are

- none, or at least two: the totals then give only their sum, never one row; and
- together have an answer in every column whose total is not 0: a column where all of them
  have 0 would show, by subtraction, that each of them has 0 there.

Then every hidden count can be moved: one answer from a hidden row that has it to another
hidden row leaves every shown number and every total the same, so no hidden count (and no
hidden row's total) is determined by the table. Rows are whole: a hidden row hides every
count and its sum, so no row equation can be used either. When no set of rows works (e.g.
one school answered at all), the caller hides the whole group, totals included.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

Table = Mapping[str, Mapping[str, int]]
"""Row (a school's key) → column → count; the totals are the sums over every row."""


def hidden_rows(tables: Sequence[Table], primary: Iterable[str]) -> frozenset[str] | None:
    """The rows to hide in all of `tables` (which share their rows), starting from `primary`;
    None when no set of rows keeps every table safe."""
    hidden = set(primary)
    while True:
        unsafe = next((t for t in tables if not is_safe(t, hidden)), None)
        if unsafe is None:
            return frozenset(hidden)
        partner = _partner(unsafe, hidden)
        if partner is None:
            return None
        hidden.add(partner)


def is_safe(table: Table, hidden: Iterable[str]) -> bool:
    """True when the hidden rows' counts cannot be worked out from the shown rows and totals."""
    answering = [row for row in hidden if _total(table, row)]
    if not answering:
        return True
    return len(answering) >= 2 and not _lacking(table, answering)


def _lacking(table: Table, rows: Sequence[str]) -> set[str]:
    """Columns with answers in the table but none in `rows`."""
    used = {column for counts in table.values() for column, n in counts.items() if n}
    return {column for column in used
            if not any(table.get(row, {}).get(column, 0) for row in rows)}


def _partner(table: Table, hidden: set[str]) -> str | None:
    """The shown row to hide next: one with an answer the hidden rows lack, else any; the one
    with the fewest answers first (hiding the least), ties by key so it is deterministic."""
    answering = [row for row in hidden if _total(table, row)]
    lacking = _lacking(table, answering)
    candidates = [row for row in table if row not in hidden and _total(table, row)]
    if not candidates:
        return None
    return min(candidates, key=lambda row: (
        not any(table[row].get(column, 0) for column in lacking), _total(table, row), row))


def _total(table: Table, row: str) -> int:
    return sum(table.get(row, {}).values())
