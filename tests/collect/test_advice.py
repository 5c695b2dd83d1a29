"""What to act on first: the ranking of statements, merged tiltak per area, blank forms —
on Stavanger's standard, another municipality's, and generated scales of 2 to 7 steps."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from stavangerstandarden.collect.advice import lower_steps, proposals, ranked
from stavangerstandarden.collect.disclosure import SHARED_REPORT, Audience, for_leader
from stavangerstandarden.collect.inputs import Read
from stavangerstandarden.collect.pdfform import RawForm
from stavangerstandarden.collect.report import render_report
from stavangerstandarden.collect.tally import Summary, summarise
from stavangerstandarden.loader import load_file
from stavangerstandarden.model import ScaleStep, Standard

OTHER = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "annen-kommune.yaml"


@pytest.fixture(params=["stavanger", "annen-kommune"])
def any_standard(request, standard) -> Standard:
    return standard if request.param == "stavanger" else load_file(OTHER)


def visible(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def shared(k: int) -> Audience:
    return Audience(SHARED_REPORT, k, names=False)


def raw(standard: Standard, area: str = "", level: str = "", texts=None, **answers) -> RawForm:
    ident = {"skjema.standard": standard.meta.id, "skjema.versjon": standard.meta.version,
             "skjema.omrade": area, "skjema.niva": level or standard.levels[0].id}
    return RawForm({**ident, **(texts or {})}, answers)


def tallied(standard: Standard, rows: dict[str, list[int]]) -> Summary:
    """The summary of forms giving these counts per statement: [n per scale step …,
    unanswered]; one form per answer, each asking only that statement."""
    keys = [*(step.id for step in standard.scale), None]
    reads = [Read(f"{statement}-{i}-{j}.pdf", f"{statement}-{i}-{j}",
                  raw(standard, **{statement: key}), "")
             for statement, ns in rows.items() for i, (key, n) in enumerate(zip(keys, ns,
                                                                              strict=True))
             for j in range(n)]
    return summarise(standard, reads)


@pytest.mark.parametrize(("n", "lower"), [(2, 1), (3, 1), (4, 2), (5, 2), (6, 3), (7, 3)])
def test_lower_steps_are_the_half_below_the_middle(standard, n, lower):
    scaled = replace(standard, scale=tuple(ScaleStep(f"s{i}", f"S{i}", "#777777")
                                           for i in range(n)))
    assert lower_steps(scaled) == tuple(f"s{i}" for i in range(lower))


def test_lower_steps_of_the_two_standards(standard):
    assert lower_steps(standard) == ("endres",)
    assert lower_steps(load_file(OTHER)) == ("svak", "middels")


def test_ranking_by_share_of_lower_answers_ties_in_source_order(any_standard):
    s = [st.id for st in any_standard.statements]
    steps = len(any_standard.scale)

    def mix(lows: int, tops: int, blank: int = 0) -> list[int]:
        """Counts per step and unanswered: `lows` on the lowest step, `tops` on the top."""
        counts = [0] * (steps + 1)
        counts[0], counts[steps - 1], counts[steps] = lows, tops, blank
        return counts

    summary = tallied(any_standard, {s[0]: mix(2, 8), s[1]: mix(6, 4, blank=9),
                                     s[2]: mix(1, 4)})
    assert [(r.statement.id, r.lower, r.answered) for r in ranked(summary, shared(5)).ranked] == [
        (s[1], 6, 10), (s[0], 2, 10), (s[2], 1, 5)]  # blank answers not in the share
    text = visible(render_report(summary))
    urgent = text[text.index("Dette bør dere se på først"):text.index("Slik leser du detaljene")]
    texts = {st.id: st.text for st in any_standard.statements}
    assert urgent.index(texts[s[1]]) < urgent.index(texts[s[0]]) < urgent.index(texts[s[2]])
    assert "6 av 10 svar (60 %) er «" in urgent

    few = tallied(any_standard, {s[0]: mix(2, 8), s[1]: mix(4, 0)})  # 100 %, but 4 answers
    assert [r.statement.id for r in ranked(few, shared(5)).ranked] == [s[0]]
    assert [(a.id, st.id) for a, st in ranked(few, shared(5)).unranked] == [
        (any_standard.areas[0].id, s[1])]
    assert [r.statement.id for r in ranked(few, shared(4)).ranked] == [s[1], s[0]]
    assert [r.statement.id for r in ranked(few, for_leader()).ranked] == [s[1], s[0]]


def test_identical_tiltak_are_merged_and_grouped_by_area(any_standard):
    area, other = any_standard.areas[0], any_standard.areas[-1]
    first = area.statements[0].id

    def form(area_id: str, level: int, *tiltak: str, ansvarlig: str = "") -> RawForm:
        texts = {f"tiltak.{i}.tiltak": t for i, t in enumerate(tiltak, start=1)}
        texts.update({f"tiltak.{i}.ansvarlig": ansvarlig for i in range(1, len(tiltak) + 1)})
        return raw(any_standard, area_id, any_standard.levels[level].id, texts,
                   **({first: any_standard.scale[0].id} if area_id == area.id else {}))

    forms = [form(area.id, 0, "Leksehjelp"),
             form(area.id, 1, "Foreldrekaffe før jul", ansvarlig="Rektor"),
             form(area.id, 0, "  foreldrekaffe\nFØR   jul ", ansvarlig="FAU"),
             form("", 0, "Felles møte"),
             form(other.id, 0, "Foreldrekaffe før jul"),
             form(area.id, 1, "FORELDREKAFFE FØR JUL", ansvarlig="Rektor")]
    summary = summarise(any_standard, [Read(f"{i}.pdf", str(i), f, "")
                                       for i, f in enumerate(forms)])
    groups = [(g.area.id if g.area else "", [(p.text, p.count, p.responsible, p.levels)
                                             for p in g.proposals]) for g in proposals(summary)]
    levels = [lv.id for lv in any_standard.levels[:2]]
    assert groups == [
        (area.id, [("Foreldrekaffe før jul", 3, ("Rektor", "FAU"), tuple(levels)),
                   ("Leksehjelp", 1, (), (levels[0],))]),
        (other.id, [("Foreldrekaffe før jul", 1, (), (levels[0],))]),
        ("", [("Felles møte", 1, (), (levels[0],))]),
    ]
    text = visible(render_report(summary))
    assert "6 forslag til tiltak" in text
    assert "Foreldrekaffe før jul Foreslått 3 ganger · Ansvarlig: Rektor, FAU" in text


def test_blank_forms_are_listed_and_not_counted(any_standard):
    area = any_standard.areas[0]
    first = area.statements[0].id
    answered = raw(any_standard, area.id, **{first: any_standard.scale[0].id})
    named_only = raw(any_standard, area.id, texts={"meta.klasse": "3B"}, **{first: None})
    blank = raw(any_standard, area.id, **{first: None})
    summary = summarise(any_standard, [Read("svar.pdf", "1", answered, ""),
                                       Read("tomt.pdf", "2", blank, ""),
                                       Read("klasse.pdf", "3", named_only, "")])
    assert [(f.file, f.status) for f in summary.files] == [
        ("svar.pdf", "ok"), ("tomt.pdf", "blank"), ("klasse.pdf", "ok")]
    assert summary.files[1].reason == "ingenting er krysset av eller skrevet inn"
    assert [file for file, _ in summary.forms] == ["svar.pdf", "klasse.pdf"]
    assert sum(summary.counts[first].values()) == 2  # the blank form is not a respondent
    assert not summary.complete
    text = visible(render_report(summary))
    assert "2 skjema talt med 1 tomt skjema" in text
    # The status says it once: «Tomt skjema», then why, not «Tomt skjema tomt skjema: …».
    assert "tomt.pdf Tomt skjema ingenting er krysset av eller skrevet inn" in text


def test_a_real_unfilled_form_is_blank(tmp_path, real_form, collect):
    (tmp_path / "tomt.pdf").write_bytes(real_form("gode-relasjoner", "trinn-3"))
    status, data, rows = collect(tmp_path / "tomt.pdf")
    assert status == 1
    assert [(f["status"], f["area"], f["level"]) for f in data["files"]] == [
        ("blank", "gode-relasjoner", "trinn-3")]
    assert rows == []
    assert not any(sum(c.values()) for c in data["statements"].values())
