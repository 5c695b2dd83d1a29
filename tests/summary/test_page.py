"""The Sammendrag page in real Chromium against the command line, on a corpus of real filled
forms (pypdf, pdf.js, PDFium, the site's fill pages) with a blank form, a duplicate, a note
and a damaged PDF: the same three files byte for byte, whichever way the files are chosen
(file picker, folder picker, dropped on the page), online or offline, in bokmål and nynorsk,
for this standard and another municipality's; and what the leader sees on the page."""

from __future__ import annotations

import json
import re

from typing import Any

Seen = Any


def test_outputs_are_the_command_lines_byte_for_byte(visit: Seen) -> None:
    for name, data in visit.cli.items():
        assert visit.page[name] == data, name


def test_page_shows_the_count_and_every_file_not_counted_with_its_reason(visit: Seen) -> None:
    corpus, shown = visit.corpus, visit.result["shown"]
    summary = json.loads(visit.cli["sammendrag.json"])
    files = {f["file"]: f for f in summary["files"]}
    p = visit.prefix
    # The corpus as made: every filled form counted, each other file not, for its reason.
    assert {f for f, v in files.items() if v["status"] == "ok"} == {p + n for n in corpus.filled}
    assert files[p + corpus.blank]["status"] == "blank"
    assert files[p + corpus.duplicate]["status"] == "duplicate"
    assert files[p + corpus.duplicate]["duplicate_of"] == p + corpus.original
    assert "PDF" in files[p + corpus.not_pdf]["reason"]
    assert "ufullstendig" in files[p + corpus.damaged]["reason"]
    # The page says so: the count line and one line per file not counted, with its reason.
    total = len(corpus.names)
    assert re.fullmatch(rf"{len(corpus.filled)}\D+{total}\D+", shown["line"]), shown["line"]
    assert visit.result["ready_status"] == visit.result["messages"]["ready"]
    assert shown["status"] == visit.result["messages"]["done"]
    lines = shown["not_counted"]
    assert len(lines) == total - len(corpus.filled)
    for name in (corpus.blank, corpus.duplicate, corpus.not_pdf, corpus.damaged):
        line = next(x for x in lines if x.startswith(f"{p}{name}: "))
        entry = files[p + name]
        reason = entry.get("reason") or ""
        if entry["status"] == "duplicate":
            assert p + corpus.original in line
        elif entry["status"] != "blank":
            assert line.endswith(reason), (line, reason)


def test_report_shows_every_tiltak_typed(visit: Seen) -> None:
    text = " ".join(visit.result["shown"]["report_text"].split())
    typed = {" ".join(v.split()) for values in visit.corpus.filled.values()
             for name, v in values.items() if name.endswith(".tiltak") and v.strip()}
    assert typed
    missing = [t for t in typed if t not in text]
    assert not missing
