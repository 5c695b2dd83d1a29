"""`collect` on scans and photos of printed forms: every count exact, on several standards.

The corpus (conftest, corpus.py) is the real built forms printed by PDFium, marked by a
seeded pen (crosses, ticks, dots, rings; blue and black; off centre; some statements empty,
some marked twice; handwriting and a stray stroke), scanned crooked, shrunk, blurred, noisy,
upside down, in grey, and photographed in perspective on a table under uneven light.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from pathlib import Path


def name(file: str) -> str:
    """A label as the corpus names it: the file name and, for a stack, its pages."""
    return Path(file).name


def test_every_count_is_exact(paper_run):
    expected, summary = paper_run.expected, paper_run.summary
    for statement, counted in summary["statements"].items():
        wanted = expected.counts.get(statement, Counter())
        assert {k: v for k, v in counted.items() if v} == dict(+wanted), statement


def test_respondents_blank_and_unrelated(paper_run):
    expected, summary, status = paper_run[1:4]
    by_status = Counter(f["status"] for f in summary["files"])
    assert by_status["ok"] == expected.respondents
    assert [name(f["file"]) for f in summary["files"] if f["status"] == "blank"] == expected.blank
    skipped = [f for f in summary["files"] if f["status"] == "skipped"]
    assert [name(f["file"]) for f in skipped] == expected.skipped
    assert all(f["reason"] for f in skipped)
    assert status == 1  # the blank printout and the holiday photo are not counted


def test_double_marks_are_listed_with_their_page(paper_run):
    expected, summary = paper_run.expected, paper_run.summary
    listed = Counter({name(f["file"]): len(f["unclear"]) for f in summary["files"] if f["unclear"]})
    assert listed == +expected.unclear
    for f in summary["files"]:
        for unclear in f["unclear"]:
            assert unclear["page"] >= 1 and unclear["statement"] in summary["statements"]


def test_each_file_says_how_it_was_read(paper_run):
    summary = paper_run.summary
    read_from = {name(f["file"]).split(",")[0]: f["read_from"] for f in summary["files"]
                 if f["status"] in ("ok", "blank")}
    assert read_from["bunke.pdf"] == "scan"
    assert read_from["gra.pdf"] == "scan"
    assert read_from["foto-0.jpg"] == read_from["foto-1.png"] == read_from["iphone.heic"] \
        == "photo"


def test_handwritten_tiltak_reach_the_report_as_pictures(paper_run):
    expected, report = paper_run.expected, paper_run.report
    assert report.count('<img src="data:image/png;base64,') == expected.handwritten
    assert expected.handwritten > 0


def table(report: str, kind: str) -> list[tuple[str, ...]]:
    """The rows of the report's table of `kind`, each as its cells' text."""
    found = re.search(rf'<table class="files {kind}">(.*?)</table>', report, re.S)
    body = found.group(1).split("<tbody>")[1] if found else ""
    return [tuple(html.unescape(re.sub(r"<[^>]+>", "", cell)).strip()
                  for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S))
            for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)]


def test_leader_sees_every_unclear_statement_and_missing_page_by_file_and_page(paper_run):
    """So the leader can take out the sheet and look: the file (a stack's pages), the page
    in the file and in the form, and the statement as the report words it."""
    texts = {s.id: s.text for s in paper_run.standard.statements}
    expected = paper_run.expected
    wanted = sorted((label, f"{sheet} (side {page} i skjemaet)", texts[statement])
                    for label, doubles in expected.doubles.items()
                    for statement, sheet, page in doubles)
    assert wanted and sorted(table(paper_run.report, "unclear")) == wanted
    assert sorted(table(paper_run.report, "incomplete")) == sorted(
        (label, ", ".join(map(str, pages))) for label, pages in expected.missing.items())
    assert '<a href="#papir">' in paper_run.report


def test_shareable_report_shows_no_unclear_statement_or_missing_page(paper_run):
    """File names can be personal («Kari sitt skjema.jpg»), and a statement left unclear on
    one sheet points at one respondent."""
    assert 'id="papir"' not in paper_run.shared and "#papir" not in paper_run.shared
    assert table(paper_run.shared, "unclear") == table(paper_run.shared, "incomplete") == []
