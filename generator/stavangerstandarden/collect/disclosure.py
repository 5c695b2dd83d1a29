"""Who a report is for, and so what it may show: the one place of the small-count rule.

`collect` writes two reports from the same summary. The leader's (`rapport.html`) shows
every count: the forms are the leader's, and a leader who cannot see that two of four
parents said «Praksis må endres» cannot act on it. The shareable one
(`rapport-til-deling.html`) is for staff, FAU or the municipality: where fewer than *k*
forms answered (`report.min_answers` in the YAML) it shows no distribution, so no one's
answer can be recognised, and it never shows the names typed in «Utfylt av». Every part of
a report that shows a distribution or ranks one asks its `Audience` here, and the
municipality's overview asks `under_k`, so the rule is written once.
"""

from __future__ import annotations

from dataclasses import dataclass

from stavangerstandarden.model import Standard

LEADER_REPORT = "rapport.html"
SHARED_REPORT = "rapport-til-deling.html"


def under_k(count: int, k: int) -> bool:
    """The small-count rule: a count of answers or forms that is more than none but fewer
    than `k` is not shown, so no one's answer can be recognised (none recognises no one)."""
    return 0 < count < k


@dataclass(frozen=True)
class Audience:
    file: str
    """The report's file name."""
    min_answers: int
    """A distribution is shown from this many answers; 0 shows every count."""
    names: bool
    """Whether the names typed in «Utfylt av» appear."""

    @property
    def shared(self) -> bool:
        return self.file == SHARED_REPORT

    def shows(self, answers: int) -> bool:
        """Whether a distribution of `answers` answers (or forms) may be shown; of none
        there is nothing to draw, except in the report that shows every count."""
        return not under_k(answers, self.min_answers) if answers else self.min_answers == 0

    def ranks(self, answered: int) -> bool:
        """Whether a statement `answered` times may be ranked: it needs a share to rank by,
        so at least one answer, and a share it may show."""
        return answered >= 1 and self.shows(answered)


def for_leader(names: bool = False) -> Audience:
    """Every count; the names only when the leader asks for them (`--med-navn`)."""
    return Audience(LEADER_REPORT, 0, names)


def for_sharing(standard: Standard) -> Audience:
    """No distribution under *k* answers, and never a name."""
    return Audience(SHARED_REPORT, standard.report.min_answers, False)
