"""Last year's `kommune.json` → its totals per statement, for `kommune --sammenlign`."""

from __future__ import annotations

import json
from dataclasses import dataclass

from stavangerstandarden.collect.limits import MAX_COUNT

FORMAT = "stavangerstandarden-kommune"
"""The `format` key of `kommune.json`."""


class BadPrevious(ValueError):
    """The file given to --sammenlign is not an overview; the message says why."""


@dataclass(frozen=True)
class PreviousOverview:
    label: str
    totals: dict[str, dict[str, int]]
    """Statement id → its totals (scale ids and `ubesvart`), for the statements shown."""


def parse_previous(text: str, label: str) -> PreviousOverview:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadPrevious(f"{label}:{exc.lineno}: ugyldig JSON ({exc.msg})") from exc
    except (RecursionError, ValueError) as exc:
        raise BadPrevious(f"{label}: ugyldig JSON (nøstet for dypt eller et tall med for "
                          "mange sifre)") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BadPrevious(f"{label}: forventet kommune.json fra «stavangerstandarden kommune» "
                          f"(med «format»: «{FORMAT}»)")
    statements = data.get("utsagn")
    if not isinstance(statements, dict):
        raise BadPrevious(f"{label}: mangler nøkkelen «utsagn»")
    totals = {}
    for statement_id, table in statements.items():
        row = table.get("totalt") if isinstance(table, dict) else None
        if row is None:
            continue
        if not isinstance(row, dict) or not all(
                isinstance(n, int) and not isinstance(n, bool) and 0 <= n <= MAX_COUNT
                for n in row.values()):
            raise BadPrevious(f"{label}: utsagn.{str(statement_id)[:80]}.totalt: forventet "
                              f"antall (hele tall fra 0 til {MAX_COUNT})")
        totals[str(statement_id)] = {str(key): n for key, n in row.items()}
    return PreviousOverview(label, totals)
