"""`sammendrag.json`, a public contract: the one place that writes it and reads it back.

`collect` (and the Sammendrag page, which runs the same code) writes it; `--sammenlign` reads
last year's, the Kommune overview reads the schools'. A file carries `format` (an integer,
`FORMAT`): a reader takes every format up to its own, reads a file without the key (from a
release before the key existed) as format 1, and refuses a newer one with a reason instead of
guessing. Raise `FORMAT` only when a key changes meaning or goes away; new keys do not.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from stavangerstandarden.collect.reasons import Reason, Refused
from stavangerstandarden.words import N_

if TYPE_CHECKING:  # the tally's reader imports this module's `format_of` (via compare)
    from stavangerstandarden.collect.tally import FileResult, Summary

FILE = "sammendrag.json"
FORMAT = 1
"""The format this release writes and the newest it reads."""

NEWER_FORMAT = N_("sammendraget har format {found}, som denne versjonen av programmet ikke kan "
                  "lese (den leser format {known}); bruk en nyere versjon av stavangerstandarden")


class NewerFormat(Refused, ValueError):
    """The file says it is in a format this release does not know."""

    def __init__(self, found: object) -> None:
        self.found = found
        shown = json.dumps(found, ensure_ascii=False, default=str)[:40]
        super().__init__(Reason(NEWER_FORMAT, found=shown, known=FORMAT))


def format_of(data: Mapping[str, Any]) -> int:
    """The file's format: 1 when it has no `format` key (written before the key existed)."""
    found = data.get("format", 1)
    if not isinstance(found, int) or isinstance(found, bool) or not 1 <= found <= FORMAT:
        raise NewerFormat(found)
    return found


@dataclass(frozen=True)
class CountedForm:
    """One form of the file that was counted (`status` "ok")."""

    area: str
    """Area id, "" for the complete form."""
    level: str
    """The level id as written, "" when missing (checked against the standard by the reader
    that needs it)."""
    meta: Mapping[str, str]


@dataclass(frozen=True)
class SummaryFile:
    """A `sammendrag.json` read back. `counts` is as written: each reader checks it against
    what it needs (the comparison any counts, the overview exactly the standard's)."""

    format: int
    standard: object
    version: object
    """`versjon`: the version of the standard it was made on, as written."""
    counts: Mapping[str, Any]
    files: tuple[Mapping[str, Any], ...] = ()
    actions: tuple[Mapping[str, Any], ...] = ()

    def counted_forms(self) -> tuple[CountedForm, ...]:
        forms = []
        for f in self.files:
            if f.get("status") == "ok":
                meta = f.get("meta")
                meta = meta if isinstance(meta, dict) else {}
                level = f.get("level")
                forms.append(CountedForm(
                    f.get("area") or "", level if isinstance(level, str) else "",
                    {k: v for k, v in meta.items() if isinstance(v, str)}))
        return tuple(forms)

    def proposals(self) -> tuple[tuple[str, str], ...]:
        """(area id or "", the tiltak text) of every tiltak, as written."""
        return tuple((a.get("area") or "", a.get("tiltak", "")) for a in self.actions)


class BadSummary(Refused, ValueError):
    """The file is not a `sammendrag.json` of a format this release reads; says why."""


def read(data: Any) -> SummaryFile:
    """The parsed JSON of a `sammendrag.json` as a `SummaryFile`; `NewerFormat` or
    `BadSummary` (its message in Norwegian, without the file's name) when it is not one."""
    if not isinstance(data, dict):
        raise BadSummary(N_("ikke et sammendrag"))
    number = format_of(data)
    counts = data.get("statements")
    if not isinstance(counts, dict):
        raise BadSummary(N_("mangler nøkkelen «statements»"))
    files, actions = data.get("files", []), data.get("tiltak", [])
    if not isinstance(files, list) or not all(isinstance(f, dict) for f in files):
        raise BadSummary(N_("«files»: forventet en liste over filer"))
    if not (isinstance(actions, list) and all(
            isinstance(a, dict) and isinstance(a.get("tiltak", ""), str)
            and isinstance(a.get("area") or "", str) for a in actions)):
        raise BadSummary(N_("«tiltak»: forventet en liste over tiltak"))
    if not all(isinstance(f.get("area") or "", str) and isinstance(f.get("level") or "", str)
               for f in files):
        raise BadSummary(N_("«files»: forventet område og nivå som tekst"))
    return SummaryFile(number, data.get("standard"), data.get("versjon"), counts,
                       tuple(files), tuple(actions))


def summary_data(summary: Summary) -> dict[str, Any]:
    """What `collect` writes, key by key (documented on the site's open-data page)."""
    return {
        "format": FORMAT,
        "standard": summary.standard.meta.id,
        "versjon": summary.standard.meta.version,
        "files": [_file_data(f) for f in summary.files],
        "statements": summary.counts,
        "tiltak": [
            {"file": file, "area": form.area or None, "level": form.level, "rad": action.row,
             **action.parts}
            for file, form in summary.forms for action in form.actions
        ],
    }


def _file_data(f: FileResult) -> dict[str, Any]:
    data: dict[str, Any] = {"file": f.file, "status": f.status, "reason": f.reason,
                            "area": None, "level": None, "read_from": f.via,
                            "unclear": [{"statement": u.statement, "page": u.page,
                                         "sheet": u.sheet} for u in f.unclear]}
    if f.missing:
        data["missing_pages"] = list(f.missing)
    if f.form is not None:
        data.update(area=f.form.area or None, level=f.form.level, versjon=f.form.version,
                    sprak=f.form.language, meta=f.form.meta)
    return data


def summary_json(summary: Summary) -> str:
    return json.dumps(summary_data(summary), ensure_ascii=False, indent=2) + "\n"
