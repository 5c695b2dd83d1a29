"""The true numbers behind an overview, added up straight from the schools' files, and an
independent check that every number the overview hides stays hidden.

Written apart from `overview/` (no import of it), so a mistake there is not repeated here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stavangerstandarden.model import Standard


def school_of(data: Mapping[str, Any]) -> str:
    """The school a contribution names, compared ignoring case and spacing; "" if not one."""
    names = {" ".join(n.split()).casefold() for n in data["skoler"]}
    return names.pop() if len(names) == 1 else ""


@dataclass
class Truth:
    """Per school (key as `school_of`): forms, and answers per statement and step."""

    forms: dict[str, int]
    answers: dict[str, dict[str, dict[str, int]]]
    """School → statement → step (with `ubesvart`) → n."""
    levels: dict[str, int]

    @classmethod
    def of(cls, paths: Iterable[Path]) -> Truth:
        truth = cls({}, {}, {})
        for path in paths:
            data = json.loads(path.read_text("utf-8"))
            school = school_of(data)
            truth.forms[school] = truth.forms.get(school, 0) + sum(
                f["antall"] for f in data["skjema"])
            for f in data["skjema"]:
                truth.levels[f["level"]] = truth.levels.get(f["level"], 0) + f["antall"]
            rows = truth.answers.setdefault(school, {})
            for statement, counts in data["statements"].items():
                row = rows.setdefault(statement, {})
                for step, n in counts.items():
                    row[step] = row.get(step, 0) + n
        return truth

    def statement(self, school: str, statement: str, steps: Iterable[str]) -> dict[str, int]:
        return {s: self.answers[school][statement].get(s, 0) for s in steps}

    def area(self, school: str, ids: Iterable[str], steps: list[str]) -> dict[str, int]:
        rows = [self.statement(school, s, steps) for s in ids]
        return {s: sum(r[s] for r in rows) for s in steps}


def published_tables(data: Mapping[str, Any], truth: Truth, standard: Standard,
                     ) -> dict[str, tuple[Mapping[str, Any] | None, dict[str, Any],
                                          dict[str, dict[str, int]]]]:
    """Every table kommune.json publishes: name → (totals shown or None, school → shown row or
    None, school → true row)."""
    steps = [s.id for s in standard.scale]
    keys = {" ".join(s["skole"].split()).casefold(): s for s in data["skoler"]}
    key = {s["skole"]: k for k, s in keys.items()}
    unknown = next((k for k in keys if k not in truth.forms), None)

    def school(name: str) -> str:
        k = key[name]
        return "" if k == unknown else k

    tables: dict[str, Any] = {
        "skjema": ({"skjema": data["skjema"]["totalt"]} if data["skjema"]["totalt"] is not None
                   else None,
                   {school(s["skole"]): None if s["skjema"] is None else {"skjema": s["skjema"]}
                    for s in data["skoler"]},
                   {school(s["skole"]): {"skjema": truth.forms[school(s["skole"])]}
                    for s in data["skoler"]}),
        "nivaer": ({"skjema": data["skjema"]["totalt"]} if data["skjema"]["totalt"] is not None
                   else None,
                   {lv: None if n is None else {"skjema": n}
                    for lv, n in data["skjema"]["nivaer"].items()},
                   {lv: {"skjema": truth.levels[lv]} for lv in data["skjema"]["nivaer"]}),
    }
    for area in standard.areas:
        ids = [s.id for s in area.statements]
        for name, table, true in (
                (f"omrade {area.id}", data["omrader"][area.id],
                 lambda sc, ids=ids: truth.area(sc, ids, steps)),
                *((f"utsagn {s}", data["utsagn"][s],
                   lambda sc, s=s: truth.statement(sc, s, steps)) for s in ids)):
            rows = {school(r["skole"]): r["svar"] for r in table["skoler"]}
            tables[name] = (table["totalt"], rows, {sc: true(sc) for sc in truth.forms})
    return tables


def undetermined(totals: Mapping[str, Any] | None, shown: Mapping[str, Any],
                 true: Mapping[str, Mapping[str, int]]) -> list[str]:
    """Problems with one table: a hidden count that the shown rows and totals determine.

    Solver-free: for every hidden count, find another table that publishes exactly the same
    numbers (same shown rows, same totals, every count ≥ 0) but differs in that count. The
    witness moves one answer in its column between the hidden row and another hidden row.
    Also the structural rule: a hidden row has company, in every column it sums into."""
    if totals is None:
        return [f"{row}: vist selv om summen er skjult" for row, v in shown.items()
                if v is not None]
    hidden = [row for row, v in shown.items() if v is None]
    problems = []
    for row, v in shown.items():
        if v is not None and dict(v) != {c: n for c, n in true[row].items() if c in v}:
            problems.append(f"{row}: vist rad er feil")
    columns = [c for c in next(iter(true.values()), {})]
    for row in hidden:
        if sum(true[row].values()) and not any(sum(true[o].values()) for o in hidden
                                                if o != row):
            problems.append(f"{row}: eneste skjulte rad med svar")
        for column in columns:
            if totals.get(column) == 0:
                continue  # the total itself says every school has 0 here
            if not any(true[row][column] or true[other][column]
                       for other in hidden if other != row):
                problems.append(f"{row}/{column}: skjult tall kan regnes ut ({true[row][column]})")
    return problems
