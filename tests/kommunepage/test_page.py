"""The Kommune page in real Chromium against `stavangerstandarden kommune`, on the schools'
summaries tests/overview makes (real forms read by the real `collect`) with one leader's
sammendrag.json, a second copy and a file that is no summary: the same three files byte for
byte, by file picker or drop, online or offline, in bokmål and English, for this standard
and another municipality's; what the school owner sees; nothing leaves the device."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path
from typing import Any

from project import TRANSLATIONS

from stavangerstandarden.summary.page import SCRIPTS

from .conftest import AS_SUMMARY, BROKEN, DUPLICATE, Seen


def test_outputs_are_the_command_lines_byte_for_byte(visit: Seen) -> None:
    for name, data in visit.cli.items():
        assert visit.page[name] == data, name


def test_the_inbox_has_every_kind_of_file(visit: Seen) -> None:
    """As made: every school counted, the leader's sammendrag.json too; the copy and the note
    not, each for its own reason; a school under k forms hidden."""
    files = {f["fil"]: f for f in visit.overview["filer"]}
    assert files[AS_SUMMARY]["talt"]
    assert not files[DUPLICATE]["talt"] and "samme innhold" in files[DUPLICATE]["grunn"]
    assert not files[BROKEN]["talt"] and "JSON" in files[BROKEN]["grunn"]
    assert sum(f["talt"] for f in files.values()) == len(files) - 2
    assert any(s["skjema"] is None for s in visit.overview["skoler"])
    assert ("endring" in visit.overview) == visit.visit.previous


def test_page_shows_the_count_and_every_file_not_counted_with_its_reason(visit: Seen) -> None:
    shown, files = visit.result["shown"], visit.overview["filer"]
    m = visit.result["messages"]
    # Nothing fetched before a file is chosen: the page says so, then reads what was chosen.
    assert visit.result["idle_status"] == m["loading"]
    assert visit.result["first_status"] == m["done"]
    assert shown["status"] == visit.result["messages"]["done"]
    counted = sum(f["talt"] for f in files)
    assert re.fullmatch(rf"{counted}\D+{len(files)}\D+", shown["line"]), shown["line"]
    if visit.visit.language == "nb":
        assert shown["line"] == f"{counted} av {len(files)} sammendrag talt med."
    # Each reason and remark as the report in the page's language gives it; kommune.json
    # keeps the bokmål text (its contract), which a page in another language translates.
    cells = report_cells(visit.page["rapport.html"].decode())
    assert shown["not_counted"] == [f"{f['fil']}: {cells[f['fil']].split(': ', 1)[1]}"
                                    for f in files if not f["talt"]]
    assert shown["notes"] == [f"{f['fil']}: {cells[f['fil']].split('; ', 1)[1]}"
                              for f in files if f["merknad"]]
    in_bokmal = [f"{f['fil']}: {f['grunn']}" for f in files if not f["talt"]]
    if visit.visit.language == "nb":
        assert shown["not_counted"] == in_bokmal
    else:
        assert shown["not_counted"][0] != in_bokmal[0]  # «samme innhold som nr. …»
    assert not shown["downloads_hidden"]
    assert shown["focused"] == "kommune-resultat-tittel"


def report_cells(html: str) -> dict[str, str]:
    """File name → what the report's list of files says about it."""
    rows = re.findall(r'<tr><td class="num">\d+</td><td>(.*?)</td><td>(.*?)</td></tr>', html)
    return {unescape(name): unescape(cell) for name, cell in rows}


def test_report_is_shown_in_the_pages_language(visit: Seen) -> None:
    shown = visit.result["shown"]
    assert shown["report_lang"] == visit.visit.language
    assert f'lang="{visit.visit.language}"' in visit.cli["rapport.html"].decode()
    for school in visit.overview["skoler"]:
        if school["skjema"] is not None:
            assert school["skole"] in shown["report_text"]
    assert shown["frame_height"] >= shown["report_height"]
    if visit.visit.language != "nb":
        assert visit.result["messages"]["done"] != "Ferdig."


def test_no_axe_violations_before_and_after(visit: Seen) -> None:
    if not visit.visit.axe:
        return
    assert visit.result["axe_before"] == []
    assert visit.result["axe_after"] == []


def test_fits_the_screen(visit: Seen) -> None:
    assert not visit.result["shown"]["overflow"], visit.visit.width


def test_nothing_leaves_the_device(visit: Seen) -> None:
    """Only the site's own files, fetched with GET while the page gets ready; nothing at
    all once the files are chosen (the downloads are blob: URLs made on the page)."""
    origin, requests = visit.result["origin"], visit.result["requests"]
    assert requests and all(r["method"] == "GET" for r in requests)
    assert all(r["url"].startswith((origin + "/", "blob:", "data:")) for r in requests)
    assert [r["url"] for r in requests
            if r["phase"] == "ready" and not r["url"].startswith(("blob:", "data:"))] == []
    assert visit.result["errors"] == []


def test_page_is_in_every_languages_navigation_and_linked_from_the_skjema_page(
        visit: Seen) -> None:
    """In each language's site: the Sammendrag page's navigation (whose body has no link
    of its own to it) and the Skjema page's text link to the Kommune page."""
    roots = [visit.site, *(p.parent.parent.parent for p in visit.site.glob("*/skjema/kommune/"
                                                                         "index.html"))]
    translated = ({p.stem for p in TRANSLATIONS.glob("*.po")}
                  if visit.visit.standard == "stavanger" else set())
    assert len(roots) == 1 + len(translated)
    for root in roots:
        assert (root / "skjema" / "kommune" / "index.html").is_file()
        assert 'href="../kommune/"' in (root / "skjema" / "sammendrag" / "index.html").read_text(
            "utf-8"), root
        assert 'href="kommune/"' in (root / "skjema" / "index.html").read_text("utf-8"), root


def page_data(page: Path) -> dict[str, Any]:
    html = page.read_text("utf-8")
    found = re.search(r'<script type="application/json" id="kommune-data">(.*?)</script>', html,
                      re.S)
    assert found
    return dict(json.loads(found.group(1)))


def test_page_loads_the_sammendrag_pages_program_and_says_how_big_it_is(visit: Seen) -> None:
    """One program for both pages (downloaded once); the loading message gives its size; no
    script names another host."""
    folder = visit.site / "skjema" / "kommune"
    data = page_data(folder / "index.html")
    program = [*(folder / data["index"]).iterdir(), folder / data["bundle"]]
    assert all(p.resolve().parent.parent == (visit.site / "skjema" / "sammendrag").resolve()
               or p.resolve().parent == (visit.site / "skjema" / "sammendrag").resolve()
               for p in program)
    assert f" {round(sum(p.stat().st_size for p in program) / 1e6)} MB" in data["messages"][
        "loading"]
    for script in (folder / "kommune.js", *(folder.parent / "sammendrag" / s for s in SCRIPTS)):
        assert not re.search(r"https?://", script.read_text("utf-8")), script
