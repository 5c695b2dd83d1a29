"""The school's contribution to the municipality's overview (`til-kommunen.json`).

`sammendrag.json` is the leader's working file: it holds what people typed in «Utfylt av»,
every file name and every tiltak with who is responsible. What the school mails to the
municipality is this instead: the counts per statement, how many forms per area and level,
the schools the forms name, and the tiltak merged and counted, without `ansvarlig` and
`frist`, and without any tiltak that contains a word of a name typed in «Utfylt av». The
municipality's overview reads either file through `assemble`, so a name never passes on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from stavangerstandarden.collect.advice import NAME_PART, same_text
from stavangerstandarden.collect.tally import Summary

FORMAT = "stavangerstandarden-bidrag"
"""The `format` key that tells a contribution from a `sammendrag.json`."""
FILE = "til-kommunen.json"
SCHOOL_PART = "skole"
"""The header field that names the school: `meta.skole` (contract.META_FIELDS)."""
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class FormRecord:
    """What the contribution keeps of one counted form."""

    area: str
    """Area id, "" for the complete form."""
    level: str
    meta: Mapping[str, str]


@dataclass(frozen=True)
class Contribution:
    standard: str
    version: str
    schools: tuple[str, ...]
    """The distinct schools the forms name (same text ignoring case and spacing), as first
    written: none means the school is unknown, more than one that it is ambiguous."""
    forms: tuple[tuple[str, str, int], ...]
    """(area id or "", level id, number of forms), in the order first met."""
    counts: dict[str, dict[str, int]]
    """Statement id → {scale id: n, …, "ubesvart": n}, as in `sammendrag.json`."""
    tiltak: tuple[tuple[str, str, int], ...]
    """(area id or "", the proposal as first written, how many forms proposed it)."""

    @property
    def form_count(self) -> int:
        return sum(n for _, _, n in self.forms)


def assemble(standard: str, version: str, forms: Sequence[FormRecord],
             counts: Mapping[str, Mapping[str, int]],
             actions: Iterable[tuple[str, str]]) -> Contribution:
    """The contribution of these forms; `actions` are (area id, tiltak text) as written."""
    per_form: dict[tuple[str, str], int] = {}
    for form in forms:
        per_form[form.area, form.level] = per_form.get((form.area, form.level), 0) + 1
    schools: dict[str, str] = {}
    for form in forms:
        name = " ".join(form.meta.get(SCHOOL_PART, "").split())
        if name:
            schools.setdefault(same_text(name), name)
    names = _name_words(form.meta.get(NAME_PART, "") for form in forms)
    return Contribution(standard, version, tuple(schools.values()),
                        tuple((a, lv, n) for (a, lv), n in per_form.items()),
                        {s: dict(row) for s, row in counts.items()},
                        merged_actions(actions, names))


def merged_actions(actions: Iterable[tuple[str, str]],
                   names: frozenset[str] = frozenset()) -> tuple[tuple[str, str, int], ...]:
    """Identical proposals (same words ignoring case and spacing) per area merged with a count,
    most often proposed first; proposals that contain a word of `names` are left out."""
    merged: dict[tuple[str, str], list[Any]] = {}
    for area, text in actions:
        key = same_text(text)
        if key and not names & set(_WORD.findall(key)):
            merged.setdefault((area, key), [area, " ".join(text.split()), 0])[2] += 1
    return tuple(sorted((tuple(m) for m in merged.values()), key=lambda m: -m[2]))


def _name_words(values: Iterable[str]) -> frozenset[str]:
    """Words of names typed in «Utfylt av» that look like names (a capital, then small
    letters: «Kari», not «FAU» or «kontaktlærer»), compared case-insensitively."""
    return frozenset(word.casefold() for value in values for word in _WORD.findall(value)
                     if word[:1].isupper() and word[1:].islower())


def from_summary(summary: Summary) -> Contribution:
    forms = [FormRecord(form.area, form.level, form.meta) for _, form in summary.forms]
    actions = [(form.area, action.parts.get("tiltak", ""))
               for _, form in summary.forms for action in form.actions]
    return assemble(summary.standard.meta.id, summary.standard.meta.version, forms,
                    summary.counts, actions)


def contribution_data(c: Contribution) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "standard": c.standard,
        "versjon": c.version,
        "skoler": list(c.schools),
        "skjema": [{"area": a or None, "level": lv, "antall": n} for a, lv, n in c.forms],
        "statements": c.counts,
        "tiltak": [{"area": a or None, "tiltak": t, "antall": n} for a, t, n in c.tiltak],
    }


def contribution_json(summary: Summary) -> str:
    return json.dumps(contribution_data(from_summary(summary)), ensure_ascii=False,
                      indent=2) + "\n"
