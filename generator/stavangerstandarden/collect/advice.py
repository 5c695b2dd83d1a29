"""What the school should act on first: statements ranked by their low answers, and the
proposed tiltak per area with identical proposals merged. Pure functions of the summary.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from stavangerstandarden.collect.disclosure import Audience
from stavangerstandarden.collect.form import Action, FormAnswers
from stavangerstandarden.collect.tally import UNANSWERED, Summary
from stavangerstandarden.model import Area, Standard, Statement


def lower_steps(standard: Standard) -> tuple[str, ...]:
    """The scale ids that call for action: the steps below the middle of the scale.

    The YAML lists the scale from the step that most needs action to the best (Stavanger:
    må endres, kan bli bedre, tilfredsstillende; Fjordby: svak … svært god). The lower half,
    rounded down, is the side of the scale that says "not good": with three steps only
    "må endres", with four the two lowest, with two the lower one. The middle step of an odd
    scale is left out on purpose: counting everything but the top step would rank a statement
    where all said "kan bli bedre" above one where half said "må endres"."""
    return tuple(step.id for step in standard.scale[: len(standard.scale) // 2])


def answered(counts: dict[str, int]) -> int:
    """How many forms chose a step for the statement (blank answers not included)."""
    return sum(n for key, n in counts.items() if key != UNANSWERED)


@dataclass(frozen=True)
class Ranked:
    area: Area
    statement: Statement
    lower: int
    """Answers on the lower steps."""
    answered: int

    @property
    def share(self) -> Fraction:
        return Fraction(self.lower, self.answered)


@dataclass(frozen=True)
class Ranking:
    ranked: tuple[Ranked, ...]
    """Statements with any answer on the lower steps, the highest share first."""
    unranked: tuple[tuple[Area, Statement], ...]
    """Statements on the forms with too few answers for the audience to rank (none at all
    for the leader, fewer than *k* in the shared report), in source order: the report names
    them rather than leave them out without a word."""


def ranked(summary: Summary, audience: Audience) -> Ranking:
    """Statements the audience may rank by their share of lower answers; equal shares in
    source order. A statement no counted form asked is neither ranked nor named."""
    lower = lower_steps(summary.standard)
    rows, unranked = [], []
    for area in summary.standard.areas:
        for statement in area.statements:
            counts = summary.counts[statement.id]
            low, total = sum(counts[key] for key in lower), answered(counts)
            if not audience.ranks(total):
                if sum(counts.values()):
                    unranked.append((area, statement))
            elif low:
                rows.append(Ranked(area, statement, low, total))
    return Ranking(tuple(sorted(rows, key=lambda r: -r.share)), tuple(unranked))


@dataclass(frozen=True)
class Proposal:
    text: str
    """As first written; later copies may differ in case and spacing."""
    count: int
    responsible: tuple[str, ...]
    """Every distinct `ansvarlig`, in the order first written."""
    deadlines: tuple[str, ...]
    levels: tuple[str, ...]
    """Level ids of the forms that proposed it, in source order."""
    names: tuple[str, ...]
    """What the forms had in `meta.<NAME_PART>` (shown only on request)."""


@dataclass(frozen=True)
class AreaProposals:
    area: Area | None
    """None for tiltak written on the complete form, which has one list for every area."""
    proposals: tuple[Proposal, ...]


NAME_PART = "utfylt_av"
"""The header field people type their names into: `meta.utfylt_av` (contract.META_FIELDS)."""


def same_text(text: str) -> str:
    """Proposals are the same when they differ only in case and whitespace."""
    return " ".join(text.split()).casefold()


def proposals(summary: Summary) -> tuple[AreaProposals, ...]:
    """Tiltak grouped by area in source order (the complete form's last); in each area the
    most often proposed first, equal counts in the order first seen."""
    groups: dict[str, dict[str, list[tuple[Action, FormAnswers]]]] = {}
    for _, form in summary.forms:
        for action in form.actions:
            key = same_text(action.parts.get("tiltak", ""))
            groups.setdefault(form.area, {}).setdefault(key, []).append((action, form))
    order = [*(a.id for a in summary.standard.areas), ""]
    levels = [lv.id for lv in summary.standard.levels]
    return tuple(
        AreaProposals(summary.standard.area(area) if area else None,
                      tuple(sorted((_merge(rows, levels) for rows in groups[area].values()),
                                   key=lambda p: -p.count)))
        for area in order if area in groups)


def _merge(rows: list[tuple[Action, FormAnswers]], order: list[str]) -> Proposal:
    def distinct(values: list[str]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(v for v in values if v))

    return Proposal(
        text=rows[0][0].parts.get("tiltak", ""),
        count=len(rows),
        responsible=distinct([a.parts.get("ansvarlig", "") for a, _ in rows]),
        deadlines=distinct([a.parts.get("frist", "") for a, _ in rows]),
        levels=tuple(lv for lv in order if lv in {f.level for _, f in rows}),
        names=distinct([f.meta.get(NAME_PART, "") for _, f in rows]),
    )
