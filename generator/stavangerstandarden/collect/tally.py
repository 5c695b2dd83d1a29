"""Every file read → the summary: what happened to each file, and the counts per statement.

Pure: takes what `inputs.read_all` returned, decides duplicates by content in input order
(the first copy counts), interprets each form against the standard and counts its answers.
A blank form (nothing ticked, nothing typed) is listed as blank and counts as no respondent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from stavangerstandarden.collect.across import read_form, retired_in
from stavangerstandarden.collect.form import FormAnswers
from stavangerstandarden.collect.inputs import Read, Unclear
from stavangerstandarden.collect.pdfform import Unreadable
from stavangerstandarden.collect.reasons import Reason
from stavangerstandarden.model import Standard
from stavangerstandarden.versions.history import History, alone
from stavangerstandarden.versions.lineage import Retired
from stavangerstandarden.words import N_

if TYPE_CHECKING:
    from stavangerstandarden.collect.read.scan.writing import Handwriting

UNANSWERED = "ubesvart"
"""Key next to the scale ids in the counts: forms that ask the statement but got no answer."""

Status = Literal["ok", "blank", "skipped", "duplicate"]
BLANK_REASON = N_("ingenting er krysset av eller skrevet inn")


DUPLICATE = N_("samme innhold som {first}; talt én gang")


def duplicate_reason(first: str) -> Reason:
    return Reason(DUPLICATE, first=first)


@dataclass(frozen=True)
class FileResult:
    file: str
    status: Status
    reason: str
    form: FormAnswers | None
    """Set when the file was read as one of the standard's forms (status ok or blank)."""
    duplicate_of: str = ""
    """The file with the same content that was counted, when status is duplicate."""
    via: str = "fields"
    """How the file was read (`Read.via`)."""
    unclear: tuple[Unclear, ...] = ()
    """Statements on paper marked twice or unclearly: counted for neither."""
    missing: tuple[int, ...] = ()
    """Pages of a printed form not in the file."""
    writing: tuple[Handwriting, ...] = ()
    """Tiltak boxes written in by hand on paper, as pictures for the leader to read."""


@dataclass(frozen=True)
class Summary:
    standard: Standard
    files: tuple[FileResult, ...]
    counts: dict[str, dict[str, int]]
    """Statement id → {scale id: n, …, "ubesvart": n}, every statement in source order, then
    the removed statements that forms of older versions answered."""
    retired: tuple[Retired, ...] = ()
    """Statements of older versions that no longer exist, answered in counted forms."""

    def retired_text(self, statement_id: str, level_id: str) -> str:
        """The text of a removed statement, as its own version showed it on `level_id`."""
        found = next(r for r in self.retired if r.statement.id == statement_id)
        return found.statement.text_for(level_id)

    @property
    def forms(self) -> tuple[tuple[str, FormAnswers], ...]:
        """(file, answers) of every form that was counted."""
        return tuple((f.file, f.form) for f in self.files
                     if f.status == "ok" and f.form is not None)

    @property
    def complete(self) -> bool:
        """True when every input was read as a form (the command's exit status 0)."""
        return all(f.status == "ok" for f in self.files)


def summarise(standard: Standard, reads: Sequence[Read],
              history: History | None = None) -> Summary:
    """`history`: the kept versions, so forms of each are read against their own version
    (none: the standard alone)."""
    history = history or alone(standard)
    first: dict[str, str] = {}
    files = []
    for read in reads:
        if read.digest in first:
            files.append(FileResult(read.file, "duplicate", duplicate_reason(first[read.digest]),
                                    None, first[read.digest]))
            continue
        if read.digest:
            first[read.digest] = read.file
        files.append(_result(read, standard, history))
    counted = [f.form for f in files if f.status == "ok" and f.form is not None]
    retired = tuple(r for r in retired_in((f.version for f in counted), history)
                    if any(r.statement.id in f.answers for f in counted))
    return Summary(standard, tuple(files), count(standard, files, retired), retired)


def _result(read: Read, standard: Standard, history: History) -> FileResult:
    if read.form is None:
        return _file(read, "skipped", read.reason, None)
    try:
        answers = read_form(read.form, standard, history)
    except Unreadable as exc:
        return _file(read, "skipped", exc.reason, None)
    if _blank(answers) and not read.unclear and not read.writing:
        return _file(read, "blank", BLANK_REASON, answers)
    return _file(read, "ok", answers.note, answers)


def _file(read: Read, status: Status, reason: str, form: FormAnswers | None) -> FileResult:
    return FileResult(read.file, status, reason, form, via=read.via, unclear=read.unclear,
                      missing=read.missing, writing=read.writing)


def _blank(answers: FormAnswers) -> bool:
    return not (any(answers.answers.values()) or any(answers.meta.values()) or answers.actions)


def count(standard: Standard, files: Sequence[FileResult],
          retired: Sequence[Retired] = ()) -> dict[str, dict[str, int]]:
    keys = (*(step.id for step in standard.scale), UNANSWERED)
    counts = {s.id: dict.fromkeys(keys, 0)
              for s in (*standard.statements, *(r.statement for r in retired))}
    for f in files:
        if f.status == "ok" and f.form is not None:
            for statement_id, answer in f.form.answers.items():
                counts[statement_id][answer or UNANSWERED] += 1
    return counts
