"""The schools' contributions → the municipality's overview, with every small number hidden.

Pure: takes the contributions that could be counted and the standard, and decides what may
be published. Contributions of one school (by the «Skole» its forms name, ignoring case and
spacing) are added together; those whose school is unknown or ambiguous are added together as
one more row. Per area, the rows of the area and of each of its statements are hidden
together (`disclosure`): a school under *k* forms everywhere, a school under *k* answers to a
statement in that area, and the partners secondary suppression picks. The totals are the sums
of every school, hidden or not.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from stavangerstandarden.collect.advice import answered, lower_steps, same_text
from stavangerstandarden.collect.contribution import Contribution
from stavangerstandarden.collect.disclosure import under_k
from stavangerstandarden.collect.tally import UNANSWERED
from stavangerstandarden.model import Area, Standard
from stavangerstandarden.overview.disclosure import Table, hidden_rows
from stavangerstandarden.words import N_

UNKNOWN = ""
"""The key of the row for contributions whose school is unknown or ambiguous."""
UNKNOWN_NAME = N_("Skole ikke oppgitt eller uklar")
"""Its name in kommune.json and kommune.csv (the report shows it in its language)."""
FORMS = "skjema"
"""The one column of the table of forms per school (and per level)."""


@dataclass(frozen=True)
class School:
    key: str
    """The name compared ignoring case and spacing; UNKNOWN for the unknown/ambiguous row."""
    name: str
    """As first written; UNKNOWN_NAME for the unknown row."""
    contributions: tuple[Contribution, ...]

    @property
    def forms(self) -> int:
        return sum(c.form_count for c in self.contributions)

    def counts(self, statement: str) -> dict[str, int]:
        """Answers per step to `statement` (blank answers not included)."""
        total: dict[str, int] = {}
        for c in self.contributions:
            for step, n in c.counts[statement].items():
                if step != UNANSWERED:
                    total[step] = total.get(step, 0) + n
        return total

    def areas(self, standard: Standard) -> tuple[str, ...]:
        """The ids of the areas the school's forms asked about, in source order."""
        asked = {area for c in self.contributions for area, _, _ in c.forms}
        return tuple(a.id for a in standard.areas if "" in asked or a.id in asked)


@dataclass(frozen=True)
class Cells:
    """One published table: the totals and each school's row, None where hidden."""

    totals: dict[str, int] | None
    rows: dict[str, dict[str, int] | None]
    """School key → counts; schools with nothing to count here are left out."""


@dataclass(frozen=True)
class SchoolView:
    key: str
    name: str
    forms: int | None
    areas: tuple[str, ...] | None
    """None for a school under k forms: which areas it assessed is not shown either."""


@dataclass(frozen=True)
class Overview:
    standard: Standard
    k: int
    schools: tuple[SchoolView, ...]
    forms: int | None
    levels: dict[str, int | None]
    """Forms per level id, every level with forms, in source order."""
    areas: dict[str, Cells]
    statements: dict[str, Cells]
    """Per statement; `totals` has the blank answers too (key `ubesvart`)."""
    ranking: tuple[tuple[str, str, int, int], ...]
    """(statement id, area id, answers on the lower steps, answers), most in need first."""
    tiltak: tuple[tuple[str, str, int], ...]
    """(area id or "", proposal, forms) from schools with at least k forms, merged."""


def schools_of(contributions: Iterable[Contribution]) -> tuple[School, ...]:
    """The contributions by school, in the order first met; the unknown row last."""
    grouped: dict[str, tuple[str, list[Contribution]]] = {}
    for c in contributions:
        key = same_text(c.schools[0]) if len(c.schools) == 1 else UNKNOWN
        grouped.setdefault(key, (c.schools[0] if key else UNKNOWN_NAME, []))[1].append(c)
    order = sorted(grouped, key=lambda key: key == UNKNOWN)
    return tuple(School(key, grouped[key][0], tuple(grouped[key][1])) for key in order)


def overview(standard: Standard, contributions: Sequence[Contribution]) -> Overview:
    k = standard.report.min_answers
    schools = schools_of(contributions)
    few = {s.key for s in schools if under_k(s.forms, k)}
    per_school = hidden_rows([{s.key: {FORMS: s.forms} for s in schools}], few)
    areas: dict[str, Cells] = {}
    statements: dict[str, Cells] = {}
    for area in standard.areas:
        group = _area_group(area, schools, few, k, [step.id for step in standard.scale])
        areas[area.id] = group[area.id]
        statements.update((s.id, group[s.id]) for s in area.statements)
    return Overview(
        standard, k,
        tuple(SchoolView(s.key, s.name,
                         None if per_school is None or s.key in per_school else s.forms,
                         None if s.key in few else s.areas(standard)) for s in schools),
        None if per_school is None else sum(s.forms for s in schools),
        _levels(standard, schools, k),
        areas, statements, _ranking(standard, statements),
        _tiltak(s for s in schools if s.key not in few))


def _area_group(area: Area, schools: Sequence[School], few: set[str], k: int,
                steps: list[str]) -> dict[str, Cells]:
    """The area's table and its statements' tables, hiding the same rows in each."""
    tables: dict[str, dict[str, dict[str, int]]] = {
        s.id: {school.key: school.counts(s.id) for school in schools} for s in area.statements}
    tables[area.id] = {school.key: _added(tables[s.id][school.key] for s in area.statements)
                       for school in schools}
    primary = few | {school.key for school in schools for s in area.statements
                     if under_k(sum(tables[s.id][school.key].values()), k)}
    totals = {key: dict.fromkeys(steps, 0) | _added(table.values())
              for key, table in tables.items()}
    small = any(under_k(sum(t.values()), k) for t in totals.values())
    hidden = None if small else hidden_rows(list(tables.values()), primary)
    blank = {s.id: sum(c.counts[s.id][UNANSWERED] for school in schools
                       for c in school.contributions) for s in area.statements}
    return {key: _cells(table, hidden, totals[key] | ({UNANSWERED: blank[key]}
                                                      if key in blank else {}))
            for key, table in tables.items()}


def _cells(table: Table, hidden: frozenset[str] | None, totals: dict[str, int]) -> Cells:
    if hidden is None:
        return Cells(None, dict.fromkeys(table))
    return Cells(totals, {key: None if key in hidden else dict(counts)
                          for key, counts in table.items() if key in hidden or any(
                              counts.values())})


def _added(rows: Iterable[Mapping[str, int]]) -> dict[str, int]:
    total: dict[str, int] = {}
    for row in rows:
        for key, n in row.items():
            total[key] = total.get(key, 0) + n
    return total


def _levels(standard: Standard, schools: Sequence[School], k: int) -> dict[str, int | None]:
    """Forms per level for the whole municipality; a level under k forms is hidden, and
    with it another, so the total gives neither back."""
    counts = dict.fromkeys((lv.id for lv in standard.levels), 0)
    for school in schools:
        for c in school.contributions:
            for _, level, n in c.forms:
                counts[level] += n
    table = {level: {FORMS: n} for level, n in counts.items() if n}
    hidden = hidden_rows([table], [level for level, n in counts.items() if under_k(n, k)])
    return {level: None if hidden is None or level in hidden else n
            for level, n in counts.items() if n}


def _ranking(standard: Standard, statements: Mapping[str, Cells],
             ) -> tuple[tuple[str, str, int, int], ...]:
    """Statements with answers on the lower steps, the highest share first (source order on
    ties), like the school's report; statements whose totals are hidden are left out."""
    lower = lower_steps(standard)
    rows = []
    for area in standard.areas:
        for s in area.statements:
            totals = statements[s.id].totals
            if totals and sum(totals[step] for step in lower):
                rows.append((s.id, area.id, sum(totals[step] for step in lower),
                             answered(totals)))
    return tuple(sorted(rows, key=lambda r: -Fraction(r[2], r[3])))


def _tiltak(schools: Iterable[School]) -> tuple[tuple[str, str, int], ...]:
    merged: dict[tuple[str, str], list[str | int]] = {}
    for school in schools:
        for c in school.contributions:
            for area, text, n in c.tiltak:
                entry = merged.setdefault((area, same_text(text)), [text, 0])
                entry[1] = int(entry[1]) + n
    return tuple(sorted(((area, str(text), int(n)) for (area, _), (text, n) in merged.items()),
                        key=lambda t: -t[2]))
