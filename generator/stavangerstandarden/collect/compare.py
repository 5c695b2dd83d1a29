"""An earlier `sammendrag.json` (e.g. last school year's) → its counts, for `--sammenlign`."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from stavangerstandarden.collect import summaryfile
from stavangerstandarden.collect.limits import MAX_COUNT

_SHOWN = 80


class BadPrevious(ValueError):
    """The file given to --sammenlign is not a summary; the message says why, in Norwegian."""


@dataclass(frozen=True)
class Incomparable:
    """Why a row cannot be compared with the previous summary (made on another version)."""

    message: str
    """A message id, translated where it is shown, with `{version}` and `{ids}`."""
    version: str
    ids: str = ""


@dataclass(frozen=True)
class Previous:
    label: str
    """The file name, as shown in the report."""
    counts: dict[str, dict[str, int]]
    """Statement id → {scale id or "ubesvart": n}, as in `sammendrag.json`."""
    version: str = ""
    """The version of the standard it was made on (`versjon`); empty when it does not say."""
    notes: Mapping[str, Incomparable] = field(default_factory=lambda: MappingProxyType({}))
    """Statement id → why its row cannot be compared; "" for the whole comparison."""
    number: int = summaryfile.FORMAT
    """The file's `format` (`summaryfile`): 1 for a file from before the key existed."""


def parse_previous(text: str, label: str) -> Previous:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadPrevious(f"{label}:{exc.lineno}: ugyldig JSON ({exc.msg})") from exc
    except RecursionError as exc:
        raise BadPrevious(f"{label}: ugyldig sammendrag (nøstet for dypt)") from exc
    except ValueError as exc:  # an integer of more digits than Python converts
        raise BadPrevious(f"{label}: ugyldig sammendrag (et tall med for mange sifre)") from exc
    try:
        number = summaryfile.format_of(data) if isinstance(data, dict) else summaryfile.FORMAT
    except summaryfile.NewerFormat as exc:
        raise BadPrevious(f"{label}: {exc}") from exc
    statements = data.get("statements") if isinstance(data, dict) else None
    if not isinstance(statements, dict):
        raise BadPrevious(f"{label}: forventet et sammendrag fra «stavangerstandarden collect» "
                          "med nøkkelen «statements», fant ikke den")
    counts: dict[str, dict[str, int]] = {}
    for statement_id, row in statements.items():
        if not isinstance(row, dict) or not all(
                isinstance(n, int) and not isinstance(n, bool) and 0 <= n <= MAX_COUNT
                for n in row.values()):
            raise BadPrevious(f"{label}: statements.{_short(statement_id)}: forventet antall "
                              f"(hele tall fra 0 til {MAX_COUNT}) per svar, fant "
                              f"{_short(json.dumps(row, ensure_ascii=False))}")
        counts[str(statement_id)] = {str(k): n for k, n in row.items()}
    version = data.get("versjon")
    return Previous(label, counts, version if isinstance(version, str) else "", number=number)


def _short(text: str) -> str:
    """At most `_SHOWN` characters of a text from the file, for a message."""
    return text if len(text) <= _SHOWN else text[:_SHOWN] + " …"
