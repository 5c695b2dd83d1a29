"""The schools' files (name and text) → the three outputs as text: the part of `kommune` an
adapter (the command line, later a page under Pyodide) calls, so both give the same files."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from pathlib import PurePath

from stavangerstandarden.collect.contribution import Contribution
from stavangerstandarden.collect.reasons import Reason
from stavangerstandarden.i18n.edition import Edition
from stavangerstandarden.i18n.layout import SOURCE_LANGUAGE
from stavangerstandarden.i18n.ui import Localized
from stavangerstandarden.model import Standard
from stavangerstandarden.overview.combine import Overview, overview
from stavangerstandarden.overview.compare import PreviousOverview
from stavangerstandarden.overview.inputs import BadInput, parse
from stavangerstandarden.overview.received import Received
from stavangerstandarden.overview.report import changes, render_report
from stavangerstandarden.overview.writers import overview_csv, overview_json
from stavangerstandarden.words import N_

OUTPUTS = ("kommune.json", "kommune.csv", "rapport.html")


@dataclass(frozen=True)
class Combined:
    overview: Overview
    received: tuple[Received, ...]
    outputs: dict[str, str]
    """Each of OUTPUTS by file name, in that order."""

    @property
    def counted(self) -> int:
        return sum(not r.reason for r in self.received)


def combine(files: Sequence[tuple[str, str | BadInput]], standard: Standard, *,
            previous: PreviousOverview | None = None, edition: Edition | None = None,
            language: str = SOURCE_LANGUAGE) -> Combined:
    """`files`: (name, text), or (name, why it could not be read as text)."""
    received, contributions = receive(files, standard)
    result = overview(standard, contributions)
    delta = changes(result, previous) if previous else None
    loc = Localized.for_language(language)
    texts = (overview_json(result, received, delta), overview_csv(result),
             render_report(result, received, previous, delta, edition=edition, loc=loc))
    return Combined(result, received, dict(zip(OUTPUTS, texts, strict=True)))


def receive(files: Sequence[tuple[str, str | BadInput]], standard: Standard,
            ) -> tuple[tuple[Received, ...], list[Contribution]]:
    """Each file checked, in order: the same content twice counts once."""
    seen: dict[Hashable, Received] = {}
    received, contributions = [], []
    for number, (name, text) in enumerate(files, start=1):
        label = PurePath(name).name
        try:
            if isinstance(text, BadInput):
                raise text
            found = parse(text, standard)
        except BadInput as exc:
            received.append(Received(number, label, exc.reason))
            continue
        digest = _content(found)
        if digest in seen:
            first = seen[digest]
            received.append(Received(number, label, Reason(
                N_("samme innhold som nr. {number} ({name}); talt én gang"),
                number=first.number, name=first.label)))
            continue
        seen[digest] = Received(number, label, "", _school_note(found))
        received.append(seen[digest])
        contributions.append(found)
    return tuple(received), contributions


def _content(found: Contribution) -> Hashable:
    """What makes two files the same summary, whichever format each is in."""
    return (found.schools, tuple(sorted(found.forms)),
            tuple((s, tuple(sorted(row.items()))) for s, row in sorted(found.counts.items())),
            tuple(sorted(found.tiltak)))


def _school_note(found: Contribution) -> str:
    if not found.schools:
        return N_("skjemaene oppgir ingen skole; talt med som ukjent skole")
    if len(found.schools) > 1:
        return Reason(N_("skjemaene oppgir {count} ulike skoler; talt med som ukjent skole"),
                      count=len(found.schools))
    return ""
