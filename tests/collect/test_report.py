"""rapport.html: self-contained, readable without colour, accessible, and printable.

The browser test opens the report in Debian's Chromium (playwright-core), runs axe-core's
WCAG 2.1 AA rules, records every request and prints it to A4 PDF; the printed text must
carry the same counts as sammendrag.json.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
from dataclasses import replace

import pytest
from pypdf import PdfReader
from standards import STAVANGER, counts, picks

from stavangerstandarden.collect.compare import Previous
from stavangerstandarden.collect.inputs import Read
from stavangerstandarden.collect.pdfform import RawForm
from stavangerstandarden.collect.report import percentages, render_report
from stavangerstandarden.collect.tally import summarise
from stavangerstandarden.loader import load_file
from stavangerstandarden.model import ReportSettings

STANDARD = load_file(STAVANGER)
P = picks(STANDARD)
IDENTITY = {"skjema.standard": STANDARD.meta.id, "skjema.versjon": STANDARD.meta.version,
            "skjema.niva": P.level.id, "skjema.omrade": P.area.id}
REST = {s.id: None for s in P.area.statements[3:]}
"""The area's statements past the third, left blank on both forms."""


def summary(standard):
    """Two forms and a bad file; shares shown from one answer (min_answers 1)."""
    standard = replace(standard, report=ReportSettings(min_answers=1))
    a = RawForm({**IDENTITY, "meta.klasse": "4A",
                 "tiltak.1.tiltak": "Kurs i <Teams> & «Visma»\nfor foreldre",
                 "tiltak.1.ansvarlig": "IKT-ansvarlig", "tiltak.1.frist": "1. oktober"},
                {P.first.id: P.low, P.second.id: P.high, P.third.id: None, **REST})
    b = RawForm(IDENTITY, {P.first.id: P.mid, P.second.id: P.high, P.third.id: P.high, **REST})
    return summarise(standard, [Read("4a.pdf", "1", a, ""), Read("4b.pdf", "2", b, ""),
                                Read("rot.pdf", "3", None, "filen er ikke en PDF")])


def share(n: int, total: int) -> int:
    return int(n * 100 / total + 0.5)


def row(given: dict[str, int], total: int) -> str:
    """One statement's counts as the report writes them: every step, then «Ikke besvart»."""
    got = counts(STANDARD, given)
    labels = [*((s.id, s.label) for s in STANDARD.scale), ("ubesvart", "Ikke besvart")]
    return " · ".join(f"{label}: {got[key]} ({share(got[key], total)} %)"
                      for key, label in labels)


def text_of(html: str) -> str:
    """What a screen reader reads: the text, without the bars hidden from it."""
    html = re.sub(r'<div class="bar[^"]*" aria-hidden="true">.*?</div>', " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize(("values", "shares"), [
    ([1, 1, 1], [33, 33, 33]), ([1, 2, 0, 0], [33, 67, 0, 0]), ([0, 0], [0, 0]),
    ([1, 7], [13, 88]), ([5], [100]),
])
def test_percentages_round_half_up_and_equal_counts_look_equal(values, shares):
    assert percentages(values) == shares


def test_counts_and_shares_are_in_the_text(standard):
    html = render_report(summary(standard))
    text = text_of(html)
    assert f"{P.first.text} {row({P.low: 1, P.mid: 1}, 2)}" in text
    assert f"{P.third.text} {row({P.high: 1, 'ubesvart': 1}, 2)}" in text
    total = 2 * len(P.area.statements)
    area = {P.low: 1, P.mid: 1, P.high: 3, "ubesvart": total - 5}
    assert f"{P.area.title} (2 skjema) {row(area, total)}" in text
    assert f"Skjema per nivå: {P.level.label}: 2." in text
    others = ", ".join(a.title for a in STANDARD.areas if a != P.area)
    assert f"Ingen av skjemaene gjaldt {others}." in text
    assert "rot.pdf Ikke talt med filen er ikke en PDF" in text
    assert "2 skjema talt med 0 tomme skjema 1 fil ikke talt med 0 duplikater" in text


def test_user_text_is_escaped_and_line_breaks_kept(standard):
    html = render_report(summary(standard))
    assert '<p class="text">Kurs i &lt;Teams&gt; &amp; «Visma»\nfor foreldre</p>' in html
    assert "<Teams>" not in html


def test_self_contained_and_deterministic(standard):
    html = render_report(summary(standard))
    assert html == render_report(summary(standard))
    assert html.startswith("<!DOCTYPE html>\n<html lang=\"nb\" dir=\"ltr\">")
    for external in ("http:", "https:", "src=", "<link", "@import", "url(", "<script"):
        assert external not in html


def test_bars_are_decoration_backed_by_text(standard):
    tallied = summary(standard)
    html = render_report(tallied)
    answered = [s for s in P.area.statements
                if sum(tallied.counts[s.id].values()) - tallied.counts[s.id]["ubesvart"]]
    overview = 1  # the area's totals
    assert html.count('class="bar" aria-hidden="true"') == len(answered) + overview


def test_nothing_counted_says_so(standard):
    html = render_report(summarise(standard, [Read("x.pdf", "1", None, "filen er ikke en PDF")]))
    assert "Ingen skjema kunne telles." in text_of(html)


def test_change_since_last_time(standard):
    previous = Previous("2025/sammendrag.json", {P.first.id: counts(STANDARD, {P.low: 4})})
    text = text_of(render_report(summary(standard), previous))
    change = {P.low: "−50", P.mid: "+50"}
    assert (f"Sist: {row({P.low: 4}, 4)}. Endring i prosentpoeng: " + ", ".join(
        f"{s.label} {change.get(s.id, '0')}" for s in STANDARD.scale) + ".") in text
    assert "Sammenlignet med forrige sammendrag: 2025/sammendrag.json" in text


def test_report_in_chromium_is_accessible_self_contained_and_prints(standard, tmp_path, need,
                                                                     report_browser):
    node, _ = need("node"), need("chromium")
    report, printed = tmp_path / "rapport.html", tmp_path / "rapport.pdf"
    report.write_text(render_report(summary(standard)), encoding="utf-8")
    run = subprocess.run([node, str(report_browser), str(report), str(printed)],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    seen = json.loads(run.stdout)
    assert seen["requests"] == [report.as_uri()]
    assert seen["violations"] == []
    assert (seen["lang"], seen["title"]) == (
        "nb", f"Sammendrag av egenvurderinger – {STANDARD.meta.title}")
    pages = PdfReader(io.BytesIO(printed.read_bytes())).pages
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pages))
    assert f"{STANDARD.scale[0].label}: 1 (50 %)" in text
    assert "Kurs i <Teams> & «Visma»" in text
