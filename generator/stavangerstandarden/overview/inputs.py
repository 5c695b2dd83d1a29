"""A school's file → its contribution, or the Norwegian reason it cannot be counted.

Accepts both what a school may send: the contribution (`til-kommunen.json`) and the leader's
`sammendrag.json`, which is turned into a contribution at once (`collect.contribution.assemble`)
so its names and file names go no further. Every file comes from outside the municipality's
control: it is checked against the standard (its id, its version, every statement, scale step,
area and level) and its numbers must add up: each statement was answered or left blank by
exactly the forms that ask it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from stavangerstandarden.collect import summaryfile
from stavangerstandarden.collect.contribution import FORMAT, Contribution, FormRecord, assemble
from stavangerstandarden.collect.limits import MAX_COUNT, MAX_PREVIOUS_BYTES, shown
from stavangerstandarden.collect.reasons import Reason, Refused
from stavangerstandarden.collect.tally import UNANSWERED
from stavangerstandarden.model import Standard
from stavangerstandarden.words import N_


class BadInput(Refused, ValueError):
    """The file cannot be counted; `reason` says why."""


def decoded(raw: bytes) -> str | BadInput:
    """A file's bytes as text, or why they cannot be a summary: shared by the command and
    the Kommune page, so both refuse the same files with the same words."""
    if len(raw) > MAX_PREVIOUS_BYTES:
        return BadInput(Reason(N_("filen er større enn {limit} byte, for stor til å være et "
                                  "sammendrag"), limit=shown(MAX_PREVIOUS_BYTES)))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return BadInput(N_("filen er ikke tekst i UTF-8, så den er ikke et sammendrag"))


def parse(text: str, standard: Standard) -> Contribution:
    """The contribution in `text` (a contribution or a `sammendrag.json`) for `standard`."""
    data = _json(text)
    if not isinstance(data, dict) or not isinstance(data.get("statements"), dict):
        raise BadInput(N_("ikke et sammendrag fra «stavangerstandarden collect» (mangler "
                          "nøkkelen «statements»)"))
    if data.get("format") == FORMAT:
        _identity(data, standard)
        found = _contribution(data)
    else:
        try:
            summaryfile.format_of(data)
        except summaryfile.NewerFormat as exc:
            raise BadInput(exc.reason) from exc
        _identity(data, standard)
        found = _summary(data)
    counts = _counts(found.counts, standard)
    _forms(found, standard)
    _adds_up(found, counts, standard)
    if not found.form_count:
        raise BadInput(N_("sammendraget har ingen talte skjema"))
    return found


def _json(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadInput(Reason(N_("ugyldig JSON på linje {line} ({error})"), line=exc.lineno,
                              error=exc.msg)) from exc
    except (RecursionError, ValueError) as exc:
        raise BadInput(N_("ugyldig JSON (nøstet for dypt eller et tall med for mange "
                          "sifre)")) from exc


def _identity(data: dict[str, Any], standard: Standard) -> None:
    if data.get("standard") != standard.meta.id:
        raise BadInput(Reason(N_("sammendraget hører til en annen standard («{other}»), ikke "
                                 "«{own}»"), other=_short(data.get("standard")),
                              own=standard.meta.id))
    if data.get("versjon") != standard.meta.version:
        raise BadInput(Reason(N_("sammendraget er fra en versjon av standarden programmet "
                                 "ikke kjenner («{version}»; kjenner {known})"),
                              version=_short(data.get("versjon")), known=standard.meta.version))


def _contribution(data: dict[str, Any]) -> Contribution:
    try:
        forms = tuple((f["area"] or "", f["level"], f["antall"]) for f in data["skjema"])
        tiltak = tuple((t["area"] or "", t["tiltak"], t["antall"]) for t in data["tiltak"])
        schools = tuple(data["skoler"])
    except (KeyError, TypeError) as exc:
        raise BadInput(Reason(N_("bidraget mangler en nøkkel eller har feil form ({error})"),
                              error=_short(exc))) from exc
    _all(all(isinstance(s, str) for s in schools), "skoler", N_("navn som tekst"))
    _all(all(isinstance(a, str) and isinstance(lv, str) for a, lv, _ in forms), "skjema",
         N_("område og nivå som tekst"))
    _all(all(isinstance(t, str) and _count(n) and n > 0 and isinstance(a, str)
             for a, t, n in tiltak), "tiltak", N_("tekst og antall"))
    return Contribution(data["standard"], data["versjon"], schools, forms, data["statements"],
                        tiltak)


def _summary(data: dict[str, Any]) -> Contribution:
    """A `sammendrag.json`: only its counted forms, their school, their names (to leave out
    tiltak that name someone) and the tiltak texts are used."""
    try:
        found = summaryfile.read(data)
    except (summaryfile.NewerFormat, summaryfile.BadSummary) as exc:
        raise BadInput(exc.reason) from exc
    forms = [FormRecord(f.area, f.level, f.meta) for f in found.counted_forms()]
    return assemble(data["standard"], data["versjon"], forms, found.counts, found.proposals())


def _counts(counts: Mapping[str, Any], standard: Standard) -> dict[str, dict[str, int]]:
    ids = [s.id for s in standard.statements]
    if set(counts) != set(ids):
        odd = sorted(set(counts) ^ set(ids), key=str)
        raise BadInput(Reason(N_("utsagnene stemmer ikke med standarden ({ids})"),
                              ids=_short(", ".join(odd))))
    keys = {step.id for step in standard.scale} | {UNANSWERED}
    for statement_id, row in counts.items():
        if not isinstance(row, dict) or set(row) != keys or not all(map(_count, row.values())):
            raise BadInput(Reason(N_("statements.{id}: forventet antall (hele tall fra 0 til "
                                     "{most}) for {keys}, fant {found}"), id=statement_id,
                                  most=MAX_COUNT, keys=", ".join(sorted(keys)),
                                  found=_short(row)))
    return {s: dict(counts[s]) for s in ids}


def _forms(found: Contribution, standard: Standard) -> None:
    areas = {a.id for a in standard.areas} | {""}
    levels = {lv.id for lv in standard.levels}
    for area, level, n in found.forms:
        if area not in areas or level not in levels or not _count(n):
            raise BadInput(Reason(N_("et skjema gjelder et område eller nivå som ikke finnes i "
                                     "standarden («{area}», «{level}»)"),
                                  area=_short(area), level=_short(level)))
    for area, _, _ in found.tiltak:
        if area not in areas:
            raise BadInput(Reason(N_("et tiltak gjelder et område som ikke finnes: «{area}»"),
                                  area=_short(area)))


def _adds_up(found: Contribution, counts: dict[str, dict[str, int]], standard: Standard) -> None:
    """Every form of an area asks each of its statements, the complete form all of them."""
    per_area: dict[str, int] = {}
    for a, _, n in found.forms:
        per_area[a] = per_area.get(a, 0) + n
    for area in standard.areas:
        asked = per_area.get("", 0) + per_area.get(area.id, 0)
        for statement in area.statements:
            given = sum(counts[statement.id].values())
            if given != asked:
                raise BadInput(Reason(N_("tallene stemmer ikke: utsagn {id} har {given} svar "
                                         "(med ubesvarte), men {asked} skjema spør om det; er "
                                         "sammendraget endret for hånd?"),
                                      id=statement.id, given=given, asked=asked))


def _count(n: object) -> bool:
    return isinstance(n, int) and not isinstance(n, bool) and 0 <= n <= MAX_COUNT


def _all(ok: bool, key: str, expected: str) -> None:
    if not ok:
        raise BadInput(Reason(N_("«{key}»: forventet {expected}"), key=key,
                              expected=Reason.of(expected)))


def _short(value: object, shown: int = 60) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= shown else text[:shown] + " …"
