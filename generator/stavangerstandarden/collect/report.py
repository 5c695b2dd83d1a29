"""The summary → a report (`rapport.html`, `rapport-til-deling.html`): self-contained,
printable, in a chosen language.

The view is built here (shares, bar segments, changes since last time, what to act on
first) so the Jinja2 template only lays it out. Every bar is backed by the same counts and
shares in text, and each scale step also gets its own fill pattern, so the report reads
without colour. It is made for an `Audience` (disclosure.py): the leader's report shows
every count, the shareable one no distribution under *k* answers and no names; both name
files, not paths. `sammendrag.json` and `svar.csv` stay complete. A pure function of the
summary, so it can run anywhere Python runs. In another language the words come from its catalogue
and the standard's texts from its edition; counts are by id, so they are the same.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import PurePath

from babel.dates import format_date
from jinja2 import Environment, PackageLoader, select_autoescape

from stavangerstandarden.collect.advice import (
    NAME_PART,
    AreaProposals,
    Ranked,
    answered,
    lower_steps,
    proposals,
    ranked,
)
from stavangerstandarden.collect.compare import Previous
from stavangerstandarden.collect.dates import parse_date, shown_date
from stavangerstandarden.collect.disclosure import (
    LEADER_REPORT,
    SHARED_REPORT,
    Audience,
    for_sharing,
)
from stavangerstandarden.collect.patterns import Pattern, patterns
from stavangerstandarden.collect.reasons import shown
from stavangerstandarden.collect.tally import (
    UNANSWERED,
    FileResult,
    Summary,
    duplicate_reason,
)
from stavangerstandarden.collect.writers import UNANSWERED_LABEL
from stavangerstandarden.formspec import ALL_AREAS, BOKMAL
from stavangerstandarden.i18n.edition import Edition, source_edition
from stavangerstandarden.i18n.layout import SOURCE_LANGUAGE
from stavangerstandarden.i18n.ui import Localized
from stavangerstandarden.model import Area, Kind, Standard, Statement
from stavangerstandarden.words import N_

UNANSWERED_COLOUR = "#e0e0e0"
STATUS_LABELS = {"ok": N_("Talt med"), "blank": N_("Tomt skjema"),
                 "skipped": N_("Ikke talt med"), "duplicate": N_("Duplikat")}
CHANGE = N_("Endring i prosentpoeng: {changes}.")
RETIRED_TITLE = N_("Utsagn fra versjon {version} som ikke finnes i versjon {current}")
RETIRED_KIND = N_("fjernet")
RETIRED_AREA = ""
MOST_URGENT = 5
DATE_PART = "dato"
"""The header field for the date: `meta.dato` (contract.META_FIELDS)."""
"""How many statements the overview lists as most in need of action."""


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
    """Empty when the audience may not see them (fewer than *k* answers when shared)."""
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
    """All answers to the area's statements together, for the overview; empty when the
    audience may not see them (fewer than *k* forms answered anything in the area)."""


def report_environment(package: str, loc: Localized) -> Environment:
    """The templates of a report in `package` (this one, the overview's): every value
    HTML-escaped, `_("…")` in `loc`'s language; one setting for both reports."""
    env = Environment(loader=PackageLoader(package), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                      extensions=["jinja2.ext.i18n"])
    env.install_gettext_translations(loc.translations, newstyle=True)  # type: ignore[attr-defined]
    return env


def render_report(summary: Summary, previous: Previous | None = None, *,
                  audience: Audience | None = None, edition: Edition | None = None,
                  loc: Localized = BOKMAL) -> str:
    """The report for `audience` (the shareable one when None). `edition` (of the summary's
    standard) and `loc` give it in another language."""
    env = report_environment("stavangerstandarden.collect", loc)
    standard = (edition or source_edition(summary.standard)).standard
    audience = audience or for_sharing(standard)
    view = _View(standard, loc, audience)
    areas = [view.area(a, summary, previous) for a in standard.areas]
    areas += view.retired(summary, previous)
    tiltak = proposals(summary)
    ranking = ranked(summary, audience)
    return env.get_template("rapport.html.j2").render(
        language=loc.language,
        direction=loc.direction,
        standard=standard,
        k=standard.report.min_answers,
        shared=audience.shared,
        names=audience.names,
        other_report=LEADER_REPORT if audience.shared else SHARED_REPORT,
        areas=[a for a in areas if a.forms],
        unasked=[a.title for a in areas if not a.forms],
        legend=view.segments(dict.fromkeys((*(s.id for s in standard.scale), UNANSWERED), 0)),
        patterns=_patterns(standard),
        lower=[s.label for s in standard.scale if s.id in lower_steps(standard)],
        urgent=[view.urgent(r) for r in ranking.ranked[:MOST_URGENT]],
        not_shown=len(ranking.ranked[MOST_URGENT:]),
        unranked=[view.unranked(area, statement) for area, statement in ranking.unranked],
        files=[view.file(f) for f in summary.files],
        dates=view.date_range(summary),
        actions=[view.actions(group) for group in tiltak],
        handwritten=view.handwritten(summary) if not audience.shared else [],
        unclear=view.unclear(summary) if not audience.shared else [],
        incomplete=view.incomplete(summary) if not audience.shared else [],
        proposed=sum(p.count for group in tiltak for p in group.proposals),
        levels=_levels(summary, standard),
        tally={status: sum(f.status == status for f in summary.files)
               for status in STATUS_LABELS},
        previous=previous,
        previous_label=_name(previous.label, 2) if previous else "",
        previous_note=view.incomparable(previous, ""),
    )


def _patterns(standard: Standard) -> tuple[Pattern, ...]:
    return patterns(tuple(s.colour for s in standard.scale), UNANSWERED_COLOUR)


@dataclass(frozen=True)
class _View:
    """The report's parts in one language: `standard` is the edition whose texts it shows
    (the summary's ids index into it), `loc` gives the words."""

    standard: Standard
    loc: Localized
    audience: Audience

    def area(self, area: Area, summary: Summary, previous: Previous | None) -> AreaView:
        shows = self.audience.shows
        rows = []
        for statement in area.statements:
            counts = summary.counts[statement.id]
            before = previous.counts.get(statement.id, {}) if previous else {}
            now = self.segments(counts) if shows(answered(counts)) else ()
            then = self.segments(before) if before and shows(answered(before)) else ()
            rows.append(Row(statement.id, statement.text, sum(counts.values()), now, then,
                            self.change(now, then) or self.incomparable(previous,
                                                                        statement.id)))
        ids = {s.id for s in area.statements}
        responding = sum(any(form.answers.get(i) for i in ids) for _, form in summary.forms)
        totals: dict[str, int] = {}
        for statement in area.statements:
            for key, n in summary.counts[statement.id].items():
                totals[key] = totals.get(key, 0) + n
        return AreaView(area.title, area.kind.label,
                        sum(any(i in form.answers for i in ids) for _, form in summary.forms),
                        tuple(rows), self.segments(totals) if shows(responding) else ())

    def incomparable(self, previous: Previous | None, statement_id: str) -> str:
        """Why the row has no comparison, when the previous summary is of another version."""
        note = previous.notes.get(statement_id) if previous else None
        return (self.loc.gettext(note.message).format(version=note.version, ids=note.ids)
                if note else "")

    def retired(self, summary: Summary, previous: Previous | None) -> list[AreaView]:
        """The removed statements older forms answered, one group per old version."""
        views = []
        for version in dict.fromkeys(r.version for r in summary.retired):
            statements = tuple(r.statement for r in summary.retired if r.version == version)
            area = Area(RETIRED_AREA, Kind(RETIRED_AREA, self.loc.gettext(RETIRED_KIND), ""),
                        self.loc.gettext(RETIRED_TITLE).format(
                            version=version, current=self.standard.meta.version),
                        "", "", statements)
            views.append(self.area(area, summary, previous))
        return views

    def urgent(self, r: Ranked) -> dict[str, str | int]:
        return {"text": self.text(r.statement), "area": self.standard.area(r.area.id).title,
                "lower": r.lower, "answered": r.answered,
                "percent": percentages([r.lower, r.answered - r.lower])[0]}

    def unranked(self, area: Area, statement: Statement) -> dict[str, str]:
        return {"text": self.text(statement), "area": self.standard.area(area.id).title}

    def text(self, statement: Statement) -> str:
        """The statement's text in the report's language."""
        return next(s.text for s in self.standard.statements if s.id == statement.id)

    def segments(self, counts: dict[str, int]) -> tuple[Segment, ...]:
        steps = [(s.id, s.label, s.colour) for s in self.standard.scale]
        steps.append((UNANSWERED, self.loc.gettext(UNANSWERED_LABEL), UNANSWERED_COLOUR))
        values = [counts.get(key, 0) for key, _, _ in steps]
        total = sum(values) or 1
        return tuple(Segment(label, n, p, round(100 * n / total, 3), colour, i)
                     for i, ((_, label, colour), n, p) in enumerate(zip(steps, values,
                                                                        percentages(values),
                                                                        strict=True)))

    def change(self, now: tuple[Segment, ...], then: tuple[Segment, ...]) -> str:
        """The change per scale step in percentage points, e.g. `Praksis må endres −5`."""
        if not then:
            return ""
        parts = [f"{a.label} {_signed(a.percent - b.percent)}"
                 for a, b in zip(now[:-1], then[:-1], strict=True)]
        return self.loc.gettext(CHANGE).format(changes=", ".join(parts))

    def where(self, area: str, level: str) -> tuple[str, str]:
        area_title = self.standard.area(area).title if area else self.loc.gettext(ALL_AREAS)
        return area_title, self.standard.level(level).label

    def file(self, f: FileResult) -> dict[str, str]:
        area, level = self.where(f.form.area, f.form.level) if f.form else ("", "")
        reason = shown(duplicate_reason(_name(f.duplicate_of)) if f.duplicate_of else f.reason,
                       self.loc.gettext)
        return {"file": _name(f.file), "status": f.status,
                "status_label": self.loc.gettext(STATUS_LABELS[f.status]),
                "area": area, "level": level, "reason": reason,
                "who": self.people(f.form.meta) if f.form else ""}

    def people(self, meta: dict[str, str]) -> str:
        """The header's values; names only when the audience may see them, the date in the
        report's way when it reads as one."""
        shown = {part: v for part, v in meta.items()
                 if v and (self.audience.names or part != NAME_PART)}
        if DATE_PART in shown:
            shown[DATE_PART] = shown_date(shown[DATE_PART], self.loc.language,
                                          self.date_languages)
        return ", ".join(shown.values())

    @property
    def date_languages(self) -> tuple[str, ...]:
        """The languages whose month names a typed date is read in."""
        return tuple(dict.fromkeys((self.loc.language, SOURCE_LANGUAGE)))

    def date_range(self, summary: Summary) -> tuple[str, str] | None:
        """The earliest and the latest «Dato» of the counted forms, when any reads as one."""
        found = sorted(d for _, form in summary.forms
                       if (d := parse_date(form.meta.get(DATE_PART, ""), self.date_languages)))
        if not found:
            return None
        first, last = (format_date(d, "long", locale=self.loc.language)
                       for d in (found[0], found[-1]))
        return first, last

    def handwritten(self, summary: Summary) -> list[dict[str, object]]:
        """Tiltak written by hand on paper, as pictures grouped by the form's area (nobody
        reads handwriting reliably by machine, so the leader reads it)."""
        groups: dict[str, list[dict[str, str]]] = {}
        for f in summary.files:
            if f.status != "ok" or f.form is None:
                continue
            title = (self.standard.area(f.form.area).title if f.form.area
                     else self.loc.gettext(ALL_AREAS))
            groups.setdefault(title, []).extend(
                {"src": _png(w.png), "file": _name(f.file)} for w in f.writing)
        return [{"title": t, "pictures": p} for t, p in groups.items() if p]

    def unclear(self, summary: Summary) -> list[dict[str, str | int]]:
        """Statements marked twice (or unreadably) on paper, counted for neither, with the
        file and its page, so the leader can look at the sheet."""
        texts = {s.id: s.text for s in self.standard.statements}
        return [{"file": _name(f.file), "sheet": u.sheet, "page": u.page,
                 "text": texts.get(u.statement, u.statement)}
                for f in summary.files if f.status == "ok" for u in f.unclear]

    def incomplete(self, summary: Summary) -> list[dict[str, str]]:
        """Printed forms counted without some of their pages."""
        return [{"file": _name(f.file), "pages": ", ".join(map(str, f.missing))}
                for f in summary.files if f.status == "ok" and f.missing]

    def actions(self, group: AreaProposals) -> dict[str, object]:
        return {"title": self.standard.area(group.area.id).title if group.area
                else self.loc.gettext(ALL_AREAS),
                "proposals": [{"text": p.text, "count": p.count,
                               "responsible": ", ".join(p.responsible),
                               "deadlines": ", ".join(p.deadlines),
                               "levels": ", ".join(self.standard.level(lv).label
                                                   for lv in p.levels),
                               "names": ", ".join(p.names) if self.audience.names else ""}
                              for p in group.proposals]}


def _png(data: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(data).decode("ascii")


def percentages(values: list[int]) -> list[int]:
    """Whole percentages of the total, rounded half up (equal counts show equal shares)."""
    total = sum(values)
    return [(200 * v + total) // (2 * total) if total else 0 for v in values]


def _signed(delta: int) -> str:
    return f"+{delta}" if delta > 0 else f"−{-delta}" if delta < 0 else "0"


def _name(path: str, parts: int = 1) -> str:
    """The last `parts` parts of a path: the report is shared, the folders it came from not."""
    return "/".join(PurePath(path).parts[-parts:])


def _levels(summary: Summary, standard: Standard) -> list[tuple[str, int]]:
    """(level label, forms counted) for every level with forms, in source order."""
    counted = [form.level for _, form in summary.forms]
    return [(lv.label, counted.count(lv.id)) for lv in standard.levels if lv.id in counted]


