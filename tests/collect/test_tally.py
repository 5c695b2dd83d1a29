"""Counting: duplicates by content, skipped files never counted, `ubesvart` per form."""

from __future__ import annotations

from standards import counts, picks

from stavangerstandarden.collect.inputs import Read
from stavangerstandarden.collect.pdfform import RawForm
from stavangerstandarden.collect.tally import summarise
from stavangerstandarden.model import Standard


def form(standard: Standard, area: str, choices: dict[str, str | None] | None = None) -> RawForm:
    identity = {"skjema.standard": standard.meta.id, "skjema.versjon": standard.meta.version,
                "skjema.niva": standard.levels[0].id, "skjema.omrade": area}
    return RawForm(identity, choices or {})


def test_counts_statuses_and_duplicates(standard):
    p = picks(standard)
    a = form(standard, p.area.id, {p.second.id: p.low, p.first.id: None})
    b = form(standard, "", {p.second.id: p.high, p.elsewhere.id: p.mid})
    reads = [
        Read("a.pdf", "h1", a, ""),
        Read("b.pdf", "h2", b, ""),
        Read("kopi-av-a.pdf", "h1", a, ""),
        Read("tekst.pdf", "h3", None, "filen er ikke en PDF"),
        Read("borte.pdf", "", None, "filen finnes ikke"),
        Read("annen.pdf", "h4", form(standard, "fotball"), ""),
    ]
    summary = summarise(standard, reads)
    assert [(f.file, f.status) for f in summary.files] == [
        ("a.pdf", "ok"), ("b.pdf", "ok"), ("kopi-av-a.pdf", "duplicate"),
        ("tekst.pdf", "skipped"), ("borte.pdf", "skipped"), ("annen.pdf", "skipped")]
    assert summary.files[2].reason == "samme innhold som a.pdf; talt én gang"
    assert summary.counts[p.second.id] == counts(standard, {p.low: 1, p.high: 1})
    assert summary.counts[p.first.id] == counts(standard, {"ubesvart": 1})
    assert summary.counts[p.elsewhere.id] == counts(standard, {p.mid: 1})
    assert list(summary.counts) == [s.id for s in standard.statements]
    assert sum(sum(c.values()) for c in summary.counts.values()) == 4
    assert not summary.complete


def test_all_read_is_complete(standard):
    p = picks(standard)
    summary = summarise(standard, [Read("a.pdf", "h1", form(standard, p.area.id,
                                                            {p.second.id: p.mid}), "")])
    assert summary.complete
    assert [file for file, _ in summary.forms] == ["a.pdf"]
