"""Read forms → the three outputs as text: the part of `collect` that the command line and the
Sammendrag page (the same package under Pyodide in the browser) share. The adapters only bring
the files in and take the texts out, so both give the same summary of the same files."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from stavangerstandarden.collect import contribution
from stavangerstandarden.collect.across import aligned
from stavangerstandarden.collect.compare import Previous
from stavangerstandarden.collect.disclosure import (
    LEADER_REPORT,
    SHARED_REPORT,
    for_leader,
    for_sharing,
)
from stavangerstandarden.collect.inputs import Read
from stavangerstandarden.collect.reasons import shown
from stavangerstandarden.collect.report import render_report
from stavangerstandarden.collect.standards import (
    Loader,
    history_for,
    shipped_file,
    standard_for,
)
from stavangerstandarden.collect.summaryfile import summary_json
from stavangerstandarden.collect.tally import Summary, summarise
from stavangerstandarden.collect.writers import answers_csv
from stavangerstandarden.i18n.editions import edition_in
from stavangerstandarden.i18n.layout import SOURCE_LANGUAGE
from stavangerstandarden.i18n.ui import Localized
from stavangerstandarden.loader import load
from stavangerstandarden.model import Standard
from stavangerstandarden.words import N_

OUTPUTS = ("sammendrag.json", "svar.csv", LEADER_REPORT, SHARED_REPORT, contribution.FILE)
NOT_COUNTED = N_("ikke talt med")


@dataclass(frozen=True)
class Collected:
    summary: Summary
    outputs: dict[str, str]
    """Each of OUTPUTS by file name, in that order."""
    loc: Localized


def collect(reads: Sequence[Read], *, standard: Standard | None = None,
            source: Path | None = None, previous: Previous | None = None,
            names: bool = False, language: str = SOURCE_LANGUAGE,
            read: Loader = load) -> Collected:
    """`standard` None: the shipped standard the forms name (made by `read`). `language`: the
    reports' and svar.csv's texts; the forms may be in any language. `names`: the names typed
    in «Utfylt av» in the leader's report (never in the shareable one). Forms and `previous` of
    the standard's kept versions (beside `source`, or shipped) are read against their own
    version. Raises NoStandard (also for a broken kept version)."""
    loc = Localized.for_language(language)
    standard = standard or standard_for(reads, read)
    history = history_for(standard, source, read)
    summary = summarise(standard, reads, history)
    previous = aligned(previous, history) if previous else None
    edition = edition_in(summary.standard, language, source or shipped_file(summary.standard))
    texts = (summary_json(summary), answers_csv(summary, edition, loc),
             *(render_report(summary, previous, audience=audience, edition=edition, loc=loc)
               for audience in (for_leader(names), for_sharing(summary.standard))),
             contribution.contribution_json(summary))
    return Collected(summary, dict(zip(OUTPUTS, texts, strict=True)), loc)


def not_counted(collected: Collected) -> list[str]:
    """One line for each file that was not counted or was a duplicate, with its reason."""
    loc = collected.loc
    lines = []
    for f in collected.summary.files:
        if f.status != "ok":
            reason = shown(f.reason, loc.gettext)
            label = (loc.ngettext("duplikat", "duplikater", 1) if f.status == "duplicate"
                     else loc.gettext(NOT_COUNTED))
            lines.append(f"{f.file}: {label}: {reason}")
    return lines
