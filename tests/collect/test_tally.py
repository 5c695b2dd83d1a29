"""Counting: duplicates by content, skipped files never counted, `ubesvart` per form."""

from __future__ import annotations

from stavangerstandarden.collect.inputs import Read
from stavangerstandarden.collect.pdfform import RawForm
from stavangerstandarden.collect.tally import summarise

IDENTITY = {"skjema.standard": "stavangerstandarden", "skjema.versjon": "2020.1",
            "skjema.niva": "skole"}


def form(area: str, **choices: str | None) -> RawForm:
    return RawForm({**IDENTITY, "skjema.omrade": area},
                   {k.replace("_", "-"): v for k, v in choices.items()})


def test_counts_statuses_and_duplicates(standard):
    a = form("gode-relasjoner", relasjoner_matpakker="endres", relasjoner_tett_kontakt=None)
    b = form("", relasjoner_matpakker="tilfreds", digital_kontakt="bedre")
    reads = [
        Read("a.pdf", "h1", a, ""),
        Read("b.pdf", "h2", b, ""),
        Read("kopi-av-a.pdf", "h1", a, ""),
        Read("tekst.pdf", "h3", None, "filen er ikke en PDF"),
        Read("borte.pdf", "", None, "filen finnes ikke"),
        Read("annen.pdf", "h4", form("fotball"), ""),
    ]
    summary = summarise(standard, reads)
    assert [(f.file, f.status) for f in summary.files] == [
        ("a.pdf", "ok"), ("b.pdf", "ok"), ("kopi-av-a.pdf", "duplicate"),
        ("tekst.pdf", "skipped"), ("borte.pdf", "skipped"), ("annen.pdf", "skipped")]
    assert summary.files[2].reason == "samme innhold som a.pdf; talt én gang"
    assert summary.counts["relasjoner-matpakker"] == {
        "endres": 1, "bedre": 0, "tilfreds": 1, "ubesvart": 0}
    assert summary.counts["relasjoner-tett-kontakt"] == {
        "endres": 0, "bedre": 0, "tilfreds": 0, "ubesvart": 1}
    assert summary.counts["digital-kontakt"]["bedre"] == 1
    assert list(summary.counts) == [s.id for s in standard.statements]
    assert sum(sum(c.values()) for c in summary.counts.values()) == 4
    assert not summary.complete


def test_all_read_is_complete(standard):
    summary = summarise(standard, [Read("a.pdf", "h1", form("gode-relasjoner",
                                                            relasjoner_matpakker="bedre"), "")])
    assert summary.complete
    assert [file for file, _ in summary.forms] == ["a.pdf"]
