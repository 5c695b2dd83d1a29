"""The summary → `rapport.html`: a self-contained, printable Norwegian report.

The view is built here (shares, bar segments, changes since last time) so the Jinja2
template only lays it out. Every bar is backed by the same counts and shares in text, and
each scale step also gets its own fill pattern, so the report reads without colour.
"""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, select_autoescape

from stavangerstandarden.collect.compare import Previous
from stavangerstandarden.collect.tally import UNANSWERED, FileResult, Summary
from stavangerstandarden.model import Area, Standard

UNANSWERED_LABEL = "Ikke besvart"
UNANSWERED_COLOUR = "#e0e0e0"
STATUS_LABELS = {"ok": "Talt med", "skipped": "Ikke talt med", "duplicate": "Duplikat"}


@dataclass(frozen=True)
class Segment:
    label: str
    count: int
    percent: int
    width: float
    """Exact share in percent, for the bar."""
    colour: str
    pattern: int
    """Index of the fill pattern; tells the steps apart in black-and-white print."""


@dataclass(frozen=True)
class Row:
    id: str
    text: str
    total: int
    segments: tuple[Segment, ...]
    previous: tuple[Segment, ...]
    """The same statement in the earlier summary; empty when not compared or not asked."""
    change: str
    """The change in percentage points per scale step, as a sentence."""


@dataclass(frozen=True)
class AreaView:
    title: str
    kind: str
    forms: int
    rows: tuple[Row, ...]
    totals: tuple[Segment, ...]
    """All answers to the area's statements together, for the overview."""


def render_report(summary: Summary, previous: Previous | None = None) -> str:
    env = Environment(loader=PackageLoader("stavangerstandarden.collect"),
                      autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    standard = summary.standard
    areas = [_area_view(a, summary, previous) for a in standard.areas]
    return env.get_template("rapport.html.j2").render(
        standard=standard,
        areas=[a for a in areas if a.forms],
        unasked=[a.title for a in areas if not a.forms],
        legend=_segments(standard, dict.fromkeys((*(s.id for s in standard.scale),
                                                  UNANSWERED), 0)),
        files=[_file_view(f, standard) for f in summary.files],
        actions=_actions(summary),
        levels=_levels(summary),
        counted=sum(f.status == "ok" for f in summary.files),
        skipped=sum(f.status == "skipped" for f in summary.files),
        duplicates=sum(f.status == "duplicate" for f in summary.files),
        previous=previous,
    )


def _area_view(area: Area, summary: Summary, previous: Previous | None) -> AreaView:
    rows = []
    for statement in area.statements:
        counts = summary.counts[statement.id]
        before = previous.counts.get(statement.id, {}) if previous else {}
        now = _segments(summary.standard, counts)
        then = _segments(summary.standard, before) if sum(before.values()) else ()
        rows.append(Row(statement.id, statement.text, sum(counts.values()), now, then,
                        _change(now, then)))
    totals: dict[str, int] = {}
    for statement in area.statements:
        for key, n in summary.counts[statement.id].items():
            totals[key] = totals.get(key, 0) + n
    return AreaView(area.title, area.kind.label, max((r.total for r in rows), default=0),
                    tuple(rows), _segments(summary.standard, totals))


def _segments(standard: Standard, counts: dict[str, int]) -> tuple[Segment, ...]:
    steps = [(s.id, s.label, s.colour) for s in standard.scale]
    steps.append((UNANSWERED, UNANSWERED_LABEL, UNANSWERED_COLOUR))
    values = [counts.get(key, 0) for key, _, _ in steps]
    total = sum(values) or 1
    return tuple(Segment(label, n, p, round(100 * n / total, 3), colour, i)
                 for i, ((_, label, colour), n, p) in enumerate(zip(steps, values,
                                                                    percentages(values),
                                                                    strict=True)))


def percentages(values: list[int]) -> list[int]:
    """Whole percentages of the total, rounded half up (equal counts show equal shares)."""
    total = sum(values)
    return [(200 * v + total) // (2 * total) if total else 0 for v in values]


def _change(now: tuple[Segment, ...], then: tuple[Segment, ...]) -> str:
    """The change per scale step in percentage points, e.g. `Praksis må endres −5`."""
    if not then:
        return ""
    parts = [f"{a.label} {_signed(a.percent - b.percent)}"
             for a, b in zip(now[:-1], then[:-1], strict=True)]
    return "Endring i prosentpoeng: " + ", ".join(parts) + "."


def _signed(delta: int) -> str:
    return f"+{delta}" if delta > 0 else f"−{-delta}" if delta < 0 else "0"


def _where(standard: Standard, area: str, level: str) -> tuple[str, str]:
    area_title = standard.area(area).title if area else "Alle områder"
    return area_title, standard.level(level).label


def _file_view(f: FileResult, standard: Standard) -> dict[str, str]:
    area, level = _where(standard, f.form.area, f.form.level) if f.form else ("", "")
    who = ", ".join(v for v in f.form.meta.values() if v) if f.form else ""
    return {"file": f.file, "status": f.status, "status_label": STATUS_LABELS[f.status],
            "area": area, "level": level, "who": who, "reason": f.reason}


def _levels(summary: Summary) -> list[tuple[str, int]]:
    """(level label, forms counted) for every level with forms, in source order."""
    counted = [form.level for _, form in summary.forms]
    return [(lv.label, counted.count(lv.id)) for lv in summary.standard.levels
            if lv.id in counted]


def _actions(summary: Summary) -> list[dict[str, str]]:
    rows = []
    for file, form in summary.forms:
        area, level = _where(summary.standard, form.area, form.level)
        for action in form.actions:
            rows.append({**action.parts, "where": f"{area}, {level}", "file": file,
                         "who": ", ".join(v for v in form.meta.values() if v)})
    return rows
