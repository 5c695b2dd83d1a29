"""What a school sends (`til-kommunen.json`, written by `collect`) carries the counts and
nothing personal; the overview reads it or the leader's `sammendrag.json` alike."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable

from overview.corpus import IDENTIFYING, NAMES, SMALL_SCHOOL_TILTAK, Corpus, Run


def test_counts_and_forms_are_the_summarys(corpus: Corpus) -> None:
    for folder, path in corpus.contributions.items():
        sent = json.loads(path.read_text("utf-8"))
        summary = json.loads(corpus.summaries[folder].read_text("utf-8"))
        assert sent["statements"] == summary["statements"]
        ok = [f for f in summary["files"] if f["status"] == "ok"]
        assert sum(f["antall"] for f in sent["skjema"]) == len(ok)
        per_level = Counter(f["level"] for f in ok)
        assert {lv: sum(f["antall"] for f in sent["skjema"] if f["level"] == lv)
                for lv in per_level} == per_level


def test_nothing_personal(corpus: Corpus) -> None:
    """No name from «Utfylt av» (nor in `ansvarlig`), no file name, no path; the tiltak that
    names the person who filled in the form is left out, the others are merged and counted."""
    for folder, path in corpus.contributions.items():
        text = path.read_text("utf-8")
        summary = json.loads(corpus.summaries[folder].read_text("utf-8"))
        assert any(n in corpus.summaries[folder].read_text("utf-8") for n in NAMES)
        leaked = [s for s in corpus.secrets - {SMALL_SCHOOL_TILTAK} if s in text]
        assert leaked == [], folder
        sent = json.loads(text)
        assert set(sent) == {"format", "standard", "versjon", "skoler", "skjema", "statements",
                             "tiltak"}
        proposed = Counter((t["area"], " ".join(t["tiltak"].split()).casefold())
                           for t in summary["tiltak"]
                           if not any(n.split()[1] in t["tiltak"] for n in NAMES))
        assert Counter({(t["area"], " ".join(t["tiltak"].split()).casefold()): t["antall"]
                        for t in sent["tiltak"]}) == proposed


def test_identifying_tiltak_was_there_to_leave_out(corpus: Corpus) -> None:
    """The corpus does contain the tiltak naming a person: the test above has work to do."""
    surnames = [n.split()[1] for n in NAMES]
    texts = [t["tiltak"] for p in corpus.summaries.values()
             for t in json.loads(p.read_text("utf-8"))["tiltak"]]
    assert any(IDENTIFYING.format(surname=s) in texts for s in surnames)


def test_either_file_gives_the_same_overview(corpus: Corpus,
                                              kommune: Callable[..., Run]) -> None:
    _, sent, sent_csv, _ = kommune(corpus, *corpus.contributions.values())
    _, summaries, summaries_csv, _ = kommune(corpus, *corpus.summaries.values(),
                                             out=corpus.root / "fra-sammendrag")
    files = ("filer",)
    assert {k: v for k, v in sent.items() if k not in files} == {
        k: v for k, v in summaries.items() if k not in files}
    assert sent_csv == summaries_csv


def test_a_summary_and_its_contribution_are_the_same_summary(
        corpus: Corpus, kommune: Callable[..., Run]) -> None:
    status, data, _, _ = kommune(corpus, corpus.summaries["eiganes"],
                                 corpus.contributions["eiganes"], corpus.contributions["madla"])
    assert status == 1
    assert data["filer"][1]["talt"] is False
    assert "samme innhold som nr. 1 (sammendrag.json)" in data["filer"][1]["grunn"]
