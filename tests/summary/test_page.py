"""The Sammendrag page in real Chromium against the command line, on a corpus of real filled
forms (pypdf, pdf.js, PDFium, the site's fill pages) with a blank form, a duplicate, a note
and a damaged PDF: the same three files byte for byte, whichever way the files are chosen
(file picker, folder picker, dropped on the page), online or offline, in bokmål and nynorsk,
for this standard and another municipality's; and what the leader sees on the page."""

from __future__ import annotations

import json
import re
from typing import Any

Seen = Any  # conftest.Seen (conftest modules are not importable under import-mode=importlib)


def words(text: str) -> str:
    return " ".join(text.split())


def test_outputs_are_the_command_lines_byte_for_byte(visit: Seen) -> None:
    for name, data in visit.cli.items():
        assert visit.page[name] == data, name


def test_corpus_has_every_kind_of_file(visit: Seen) -> None:
    """The corpus as made: every filled form counted; the blank form, the duplicate, the note
    and the damaged PDF not, each for its own reason. Forms from all four engines."""
    corpus, p = visit.corpus, visit.prefix
    files = {f["file"]: f for f in json.loads(visit.cli["sammendrag.json"])["files"]}
    assert {f for f, v in files.items() if v["status"] == "ok"} == {p + n for n in corpus.filled}
    assert len(corpus.filled) == 25
    assert set(corpus.engine.values()) == {"pypdf", "pdfjs", "pdfium", "chromium"}
    assert files[p + corpus.blank]["status"] == "blank"
    assert files[p + corpus.duplicate]["status"] == "duplicate"
    assert p + corpus.original in files[p + corpus.duplicate]["reason"]
    assert "PDF" in files[p + corpus.not_pdf]["reason"]
    assert "ufullstendig" in files[p + corpus.damaged]["reason"]
    assert files[p + corpus.damaged]["status"] == files[p + corpus.not_pdf]["status"] == "skipped"


def test_page_shows_the_count_and_every_file_not_counted_with_its_reason(visit: Seen) -> None:
    corpus, shown, p = visit.corpus, visit.result["shown"], visit.prefix
    files = {f["file"]: f for f in json.loads(visit.cli["sammendrag.json"])["files"]}
    report = words(shown["report_text"])
    # Nothing is fetched before a file is chosen, and the page says so.
    loading = visit.result["messages"]["loading"]
    assert visit.result["ready_status"].startswith(loading.split("(")[0]), loading
    assert shown["status"] == visit.result["messages"]["done"]
    counted, total = len(corpus.filled), len(corpus.names)
    assert re.fullmatch(rf"{counted}\D+{total}\D+", shown["line"]), shown["line"]
    if visit.visit.language == "nb":
        assert shown["line"] == f"{counted} av {total} filer talt med."
    lines = shown["not_counted"]
    assert len(lines) == total - counted
    for name in (corpus.blank, corpus.duplicate, corpus.not_pdf, corpus.damaged):
        line = next(x for x in lines if x.startswith(f"{p}{name}: "))
        reason = line.split(": ", 2)[2]
        # The report the leader shares says the same, with file names, not folders.
        assert reason.replace(p, "") in report
        if visit.visit.language == "nb":
            assert reason == files[p + name]["reason"]
    assert p + corpus.original in next(x for x in lines if x.startswith(p + corpus.duplicate))


def test_report_shows_every_tiltak_typed(visit: Seen) -> None:
    report = words(visit.result["shown"]["report_text"])
    typed = {words(v) for values in visit.corpus.filled.values()
             for name, v in values.items() if name.endswith(".tiltak") and v.strip()}
    assert len(typed) > 25
    assert [t for t in typed if t not in report] == []


def test_downloads_are_made_on_the_device(visit: Seen) -> None:
    for name, link in visit.result["links"].items():
        assert link["download"] == name
        assert link["href"].startswith("blob:http://127.0.0.1:")


def test_offline_drop_gives_what_the_file_picker_gave_online(seen: dict[str, Seen]) -> None:
    online = seen["stavanger-nb-files-online-1280px-light"]
    offline = seen["stavanger-nb-drop-offline-1280px-light"]
    assert offline.page == online.page
    assert offline.result["shown"]["not_counted"] == online.result["shown"]["not_counted"]


def test_nynorsk_page_gives_the_report_in_nynorsk(seen: dict[str, Seen]) -> None:
    nb = seen["stavanger-nb-files-online-1280px-light"]
    nn = seen["stavanger-nn-files-online-390px-light"]
    # Identical to `collect --sprak nn` (test above); here: it is another language's report.
    assert re.search(rb'<html lang="nn"', nn.page["rapport.html"])
    assert re.search(rb'<html lang="nb"', nb.page["rapport.html"])
    assert "talde med" in nn.result["shown"]["report_text"]
    assert nn.page["sammendrag.json"] == nb.page["sammendrag.json"]


def test_wasm_is_served_as_webassembly(visit: Seen) -> None:
    wasm = [t for path, t in visit.result["types"].items() if path.endswith(".wasm")]
    assert wasm == ["application/wasm"]


def test_every_control_waits_while_the_files_are_read(visit: Seen) -> None:
    """So a box ticked mid-run cannot start a second run whose answer the first one takes.
    (A drop first reads the dropped folders, so the run may not have begun when checked.)
    Chosen before the reader is ready, nothing waits: the leader may still change the choice."""
    controls = visit.result["controls_while_reading"]
    if visit.visit.early:
        assert not any(controls.values()), controls
    elif visit.visit.how != "drop":
        assert all(controls.values()), controls


def test_files_can_be_chosen_before_the_reader_is_ready(seen: dict[str, Seen]) -> None:
    """No control greyed while the page loads its reader; the files chosen are kept, the page
    says they will be read, shows how far loading and then reading have come, and gives what
    the command line gives (byte for byte, test above)."""
    early = [s for s in seen.values() if s.visit.early]
    assert {s.visit.standard for s in early} == {"stavanger", "annen"}
    for s in early:
        m, before = s.result["messages"], s.result["offered"]
        loading = m["loading"].split("(")[0]
        assert before["status"].startswith(loading), before["status"]
        assert not any(before["disabled"].values()), before["disabled"]
        n = len(s.corpus.names)
        statuses = s.result["seen"]["statuses"]
        waiting = m["waiting"].format(n=n)
        assert waiting in statuses, statuses
        assert statuses.index(waiting) < statuses.index(m["done"])
        # Files chosen one by one are each read, the note among them (it is no PDF).
        assert m["read"].format(done=n, n=n) in statuses
        progress = s.result["seen"]["progress"]
        # the steps of getting ready, then file after file up to the last
        assert any(p.endswith("/3") for p in progress), progress
        assert f"{n}/{n}" in progress and f"1/{n}" in progress, progress


def test_folder_and_drop_are_offered_only_with_a_mouse_or_trackpad(visit: Seen) -> None:
    offered = visit.result["offered"]
    with_mouse = not visit.visit.touch
    assert offered["folder"] == with_mouse
    assert offered["drop"] == with_mouse
    assert (offered["drop_zone_border"] != "rgba(0, 0, 0, 0)") == with_mouse
    assert offered["file_buttons"]["sammendrag-filer"]["visible"]


def test_every_file_input_is_a_button_like_the_others(visit: Seen) -> None:
    """No bare "Choose File": each picker is a visually hidden input with a styled label."""
    offered = visit.result["offered"]
    assert offered["native_file_inputs"] == []
    assert all(b["button"] for b in offered["file_buttons"].values())
    assert offered["file_buttons"]["sammendrag-forrige"]["visible"]


def test_no_command_line_words_for_the_leader(visit: Seen) -> None:
    texts = [visit.result["offered"]["text"], visit.result["page_text"],
             *(visit.page[name].decode() for name in ("rapport.html", "rapport-til-deling.html"))]
    for text in texts:
        assert "stavangerstandarden collect" not in text
        assert not re.search(r"\bcollect\b", text)
