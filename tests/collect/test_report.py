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

from stavangerstandarden.collect.compare import Previous
from stavangerstandarden.collect.inputs import Read
from stavangerstandarden.collect.pdfform import RawForm
from stavangerstandarden.collect.report import percentages, render_report
from stavangerstandarden.collect.tally import summarise
from stavangerstandarden.model import ReportSettings

IDENTITY = {"skjema.standard": "stavangerstandarden", "skjema.versjon": "2020.1",
            "skjema.niva": "trinn-4"}


def summary(standard):
    """Two forms and a bad file; shares shown from one answer (min_answers 1)."""
    standard = replace(standard, report=ReportSettings(min_answers=1))
    a = RawForm({**IDENTITY, "skjema.omrade": "digital-kompetanse", "meta.klasse": "4A",
                 "tiltak.1.tiltak": "Kurs i <Teams> & «Visma»\nfor foreldre",
                 "tiltak.1.ansvarlig": "IKT-ansvarlig", "tiltak.1.frist": "1. oktober"},
                {"digital-kontakt": "endres", "digital-opplaering": "tilfreds",
                 "digital-livsmestring": None})
    b = RawForm({**IDENTITY, "skjema.omrade": "digital-kompetanse"},
                {"digital-kontakt": "bedre", "digital-opplaering": "tilfreds",
                 "digital-livsmestring": "tilfreds"})
    return summarise(standard, [Read("4a.pdf", "1", a, ""), Read("4b.pdf", "2", b, ""),
                                Read("rot.pdf", "3", None, "filen er ikke en PDF")])


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
    assert ("Foreldre opplever at det er enkelt å få kontakt med skolen Praksis må endres: 1 "
            "(50 %) · Praksis kan bli bedre: 1 (50 %) · Praksis er tilfredsstillende: 0 (0 %) · "
            "Ikke besvart: 0 (0 %)") in text
    assert ("Digital livsmestring er tema på foreldremøte Praksis må endres: 0 (0 %) · Praksis "
            "kan bli bedre: 0 (0 %) · Praksis er tilfredsstillende: 1 (50 %) · Ikke besvart: 1 "
            "(50 %)") in text
    assert ("Digital kompetanse (2 skjema) Praksis må endres: 1 (17 %) · Praksis kan bli bedre: "
            "1 (17 %) · Praksis er tilfredsstillende: 3 (50 %) · Ikke besvart: 1 (17 %)") in text
    assert "Skjema per nivå: 4. trinn: 2." in text
    assert "Ingen av skjemaene gjaldt Gode relasjoner, Tilpasset opplæring" in text
    assert "rot.pdf Ikke talt med filen er ikke en PDF" in text
    assert "2 skjema talt med 0 tomme skjema 1 fil ikke talt med 0 duplikater" in text


def test_user_text_is_escaped_and_line_breaks_kept(standard):
    html = render_report(summary(standard))
    assert '<p class="text">Kurs i &lt;Teams&gt; &amp; «Visma»\nfor foreldre</p>' in html
    assert "<Teams>" not in html


def test_self_contained_and_deterministic(standard):
    html = render_report(summary(standard))
    assert html == render_report(summary(standard))
    assert html.startswith("<!DOCTYPE html>\n<html lang=\"nb\">")
    for external in ("http:", "https:", "src=", "<link", "@import", "url(", "<script"):
        assert external not in html


def test_bars_are_decoration_backed_by_text(standard):
    tallied = summary(standard)
    html = render_report(tallied)
    answered = [s for s in standard.area("digital-kompetanse").statements
                if sum(tallied.counts[s.id].values()) - tallied.counts[s.id]["ubesvart"]]
    overview = 1  # the area's totals
    assert html.count('class="bar" aria-hidden="true"') == len(answered) + overview == 4


def test_nothing_counted_says_so(standard):
    html = render_report(summarise(standard, [Read("x.pdf", "1", None, "filen er ikke en PDF")]))
    assert "Ingen skjema kunne telles." in text_of(html)


def test_change_since_last_time(standard):
    previous = Previous("2025/sammendrag.json",
                        {"digital-kontakt": {"endres": 4, "bedre": 0, "tilfreds": 0}})
    text = text_of(render_report(summary(standard), previous))
    assert ("Sist: Praksis må endres: 4 (100 %) · Praksis kan bli bedre: 0 (0 %) · Praksis er "
            "tilfredsstillende: 0 (0 %) · Ikke besvart: 0 (0 %). Endring i prosentpoeng: Praksis "
            "må endres −50, Praksis kan bli bedre +50, Praksis er tilfredsstillende 0.") in text
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
        "nb", "Sammendrag av egenvurderinger – Stavangerstandarden")
    pages = PdfReader(io.BytesIO(printed.read_bytes())).pages
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pages))
    assert "Praksis må endres: 1 (50 %)" in text
    assert "Kurs i <Teams> & «Visma»" in text
