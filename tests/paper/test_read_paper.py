"""`collect` on scans and photos of printed forms: every count exact, on several standards.

The corpus (conftest, corpus.py) is the real built forms printed by PDFium, marked by a
seeded pen (crosses, ticks, dots, rings; blue and black; off centre; some statements empty,
some marked twice; handwriting and a stray stroke), scanned crooked, shrunk, blurred, noisy,
upside down, in grey, and photographed in perspective on a table under uneven light.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path


def name(file: str) -> str:
    """A label as the corpus names it: the file name and, for a stack, its pages."""
    return Path(file).name


def test_every_count_is_exact(paper_run):
    expected, summary, _, _ = paper_run
    for statement, counted in summary["statements"].items():
        wanted = expected.counts.get(statement, Counter())
        assert {k: v for k, v in counted.items() if v} == dict(+wanted), statement


def test_respondents_blank_and_unrelated(paper_run):
    expected, summary, status, _ = paper_run
    by_status = Counter(f["status"] for f in summary["files"])
    assert by_status["ok"] == expected.respondents
    assert [name(f["file"]) for f in summary["files"] if f["status"] == "blank"] == expected.blank
    skipped = [f for f in summary["files"] if f["status"] == "skipped"]
    assert [name(f["file"]) for f in skipped] == expected.skipped
    assert all(f["reason"] for f in skipped)
    assert status == 1  # the blank printout and the holiday photo are not counted


def test_double_marks_are_listed_with_their_page(paper_run):
    expected, summary, _, _ = paper_run
    listed = Counter({name(f["file"]): len(f["unclear"]) for f in summary["files"] if f["unclear"]})
    assert listed == +expected.unclear
    for f in summary["files"]:
        for unclear in f["unclear"]:
            assert unclear["page"] >= 1 and unclear["statement"] in summary["statements"]


def test_each_file_says_how_it_was_read(paper_run):
    _, summary, _, _ = paper_run
    read_from = {name(f["file"]).split(",")[0]: f["read_from"] for f in summary["files"]
                 if f["status"] in ("ok", "blank")}
    assert read_from["bunke.pdf"] == "scan"
    assert read_from["gra.pdf"] == "scan"
    assert read_from["foto-0.jpg"] == read_from["foto-1.png"] == "photo"


def test_handwritten_tiltak_reach_the_report_as_pictures(paper_run):
    expected, _, _, report = paper_run
    assert report.count('<img src="data:image/png;base64,') == expected.handwritten
    assert expected.handwritten > 0
