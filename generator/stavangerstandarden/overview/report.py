"""The overview → `rapport.html` for the school owner, in a chosen language.

Shows only what `combine` decided may be shown: hidden rows say so, never why one school
rather than another (that would tell which schools are small). Words from the catalogue of
`loc`, the standard's texts from its `edition`; a pure function like collect's report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from stavangerstandarden.collect.advice import answered, lower_steps
from stavangerstandarden.collect.reasons import shown
from stavangerstandarden.collect.report import percentages, report_environment
from stavangerstandarden.collect.tally import UNANSWERED
from stavangerstandarden.formspec import ALL_AREAS, BOKMAL
from stavangerstandarden.i18n.edition import Edition, source_edition
from stavangerstandarden.i18n.ui import Localized
from stavangerstandarden.model import Standard
from stavangerstandarden.overview.combine import UNKNOWN, UNKNOWN_NAME, Cells, Overview
from stavangerstandarden.overview.compare import PreviousOverview
from stavangerstandarden.overview.received import Received

MOST_URGENT = 10
"""How many statements the report lists as most in need of action."""


@dataclass(frozen=True)
class Line:
    """One row of a table: a label and, when shown, the counts per step with shares."""

    label: str
    counts: tuple[tuple[int, int], ...] | None
    """(count, whole percent) per scale step; None when hidden."""
    total: int | None


def changes(o: Overview, previous: PreviousOverview) -> dict[str, dict[str, int]]:
    """Per statement shown now and then: the change of each step's share of the answers, in
    percentage points."""
    steps = [step.id for step in o.standard.scale]
    result = {}
    for statement_id, cells in o.statements.items():
        before = previous.totals.get(statement_id)
        if cells.totals and before and answered(cells.totals) and answered(before):
            now = percentages([cells.totals.get(s, 0) for s in steps])
            then = percentages([before.get(s, 0) for s in steps])
            result[statement_id] = {s: a - b for s, a, b in zip(steps, now, then, strict=True)}
    return result


def render_report(o: Overview, received: Sequence[Received],
                  previous: PreviousOverview | None = None,
                  delta: dict[str, dict[str, int]] | None = None, *,
                  edition: Edition | None = None, loc: Localized = BOKMAL) -> str:
    env = report_environment("stavangerstandarden.overview", loc)
    standard = (edition or source_edition(o.standard)).standard
    names = {s.key: loc.gettext(UNKNOWN_NAME) if s.key == UNKNOWN else s.name
             for s in o.schools}
    lower = set(lower_steps(standard))
    return env.get_template("rapport.html.j2").render(
        language=loc.language, direction=loc.direction, standard=standard, o=o, names=names,
        steps=[s.label for s in standard.scale],
        lower=[s.label for s in standard.scale if s.id in lower],
        urgent=[_urgent(standard, row) for row in o.ranking[:MOST_URGENT]],
        areas=[{"area": a, "lines": _lines(standard, o.areas[a.id], names),
                 "total": _line(standard, "", o.areas[a.id].totals),
                "statements": [{"text": s.text,
                                "total": _line(standard, "", o.statements[s.id].totals),
                                "blank": (o.statements[s.id].totals or {}).get(UNANSWERED),
                                "change": _change(standard, (delta or {}).get(s.id))}
                               for s in a.statements]}
               for a in standard.areas],
        area_titles={a.id: a.title for a in standard.areas},
        level_labels={lv.id: lv.label for lv in standard.levels},
        tiltak_title=lambda area: (standard.area(area).title if area
                                   else loc.gettext(ALL_AREAS)),
        received=[replace(r, reason=shown(r.reason, loc.gettext), note=shown(r.note, loc.gettext))
                  for r in received],
        previous=previous, counted=sum(not r.reason for r in received))


def _urgent(standard: Standard, row: tuple[str, str, int, int]) -> dict[str, object]:
    statement_id, area_id, low, n = row
    text = next(s.text for s in standard.statements if s.id == statement_id)
    return {"text": text, "area": standard.area(area_id).title, "lower": low, "answered": n,
            "percent": percentages([low, n - low])[0]}


def _line(standard: Standard, label: str, counts: dict[str, int] | None) -> Line:
    if counts is None:
        return Line(label, None, None)
    values = [counts.get(step.id, 0) for step in standard.scale]
    return Line(label, tuple(zip(values, percentages(values), strict=True)), sum(values))


def _lines(standard: Standard, cells: Cells, names: dict[str, str]) -> list[Line]:
    return [_line(standard, names[key], row) for key, row in cells.rows.items()]


def _change(standard: Standard, delta: dict[str, int] | None) -> list[tuple[str, str]]:
    if not delta:
        return []
    return [(step.label, f"+{d}" if d > 0 else f"−{-d}" if d < 0 else "0")
            for step in standard.scale for d in (delta[step.id],)]
