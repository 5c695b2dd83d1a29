"""«Dato» as people type it → one date the report shows the same way and sorts by; what
does not read as a date is shown as typed."""

from __future__ import annotations

import re
from datetime import date
from html import unescape

import pytest

from stavangerstandarden.collect.dates import parse_date
from stavangerstandarden.collect.disclosure import for_leader
from stavangerstandarden.collect.inputs import Read
from stavangerstandarden.collect.pdfform import RawForm
from stavangerstandarden.collect.report import render_report
from stavangerstandarden.collect.tally import summarise
from stavangerstandarden.i18n.ui import Localized
from stavangerstandarden.model import Standard

LANGUAGES = ("nb", "nn", "en")


@pytest.mark.parametrize(("typed", "meant"), [
    ("7. desember 2026", date(2026, 12, 7)), ("2026-12-03", date(2026, 12, 3)),
    ("3.12.2026", date(2026, 12, 3)), ("03.12.26", date(2026, 12, 3)),
    ("3/12/2026", date(2026, 12, 3)), ("7 des. 2026", date(2026, 12, 7)),
    ("  7.  Desember   2026 ", date(2026, 12, 7)), ("1. januar 27", date(2027, 1, 1)),
    ("December 7, 2026", date(2026, 12, 7)), ("12. mai 2026", date(2026, 5, 12)),
    ("31.02.2026", None), ("neste uke", None), ("7. smarch 2026", None), ("", None),
    ("2026", None), ("3.12", None),
])
def test_common_ways_to_write_a_date(typed, meant):
    assert parse_date(typed, LANGUAGES) == meant


def visible(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


@pytest.mark.parametrize("language", ["nb", "en"])
def test_report_shows_every_date_alike_and_their_range(any_standard: Standard, language):
    standard = any_standard
    first = standard.statements[0]
    typed = ["7. desember 2026", "2026-12-03", "3.12.2026", "uke 49"]
    ident = {"skjema.standard": standard.meta.id, "skjema.versjon": standard.meta.version,
             "skjema.omrade": "", "skjema.niva": standard.levels[0].id}
    reads = [Read(f"{n}.pdf", str(n), RawForm({**ident, "meta.klasse": f"{n}A",
                                                "meta.dato": when},
                                               {first.id: standard.scale[0].id}), "")
             for n, when in enumerate(typed)]
    loc = Localized.for_language(language)
    text = visible(render_report(summarise(standard, reads), audience=for_leader(), loc=loc))
    shown = {"nb": ("7. desember 2026", "3. desember 2026"),
             "en": ("December 7, 2026", "December 3, 2026")}[language]
    assert f"0A, {shown[0]}" in text
    assert f"1A, {shown[1]}" in text
    assert f"2A, {shown[1]}" in text
    assert "3A, uke 49" in text  # kept as typed
    if language == "nb":
        assert "Skjemaene er datert fra 3. desember 2026 til 7. desember 2026." in text
