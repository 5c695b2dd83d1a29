"""The Sammendrag page as built: in every language's site, in the menu and linked from the
Skjema page, with a policy that lets it fetch only its own program and nothing else, and
every file its scripts load present beside it. (Chromium drives it in tests/summary/.)"""

from __future__ import annotations

import html
import json
import re
import zipfile
from pathlib import Path

import pytest

from stavangerstandarden import contract as c
from stavangerstandarden.summary.page import SCRIPTS

ROOTS = {"nb": "", "nn": "nn/", "en": "en/"}
MENU = {"nb": "Sammendrag", "nn": "Samandrag", "en": "Summary"}


def page_of(site: Path, language: str) -> Path:
    return site / ROOTS[language] / c.SUMMARY_PAGE


def policy(page: str) -> dict[str, list[str]]:
    match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert match, "the page has no Content-Security-Policy"
    directives = (d.split() for d in html.unescape(match.group(1)).split(";") if d.strip())
    return {d[0]: d[1:] for d in directives}


def page_data(page: str) -> dict[str, object]:
    match = re.search(r'<script type="application/json" id="sammendrag-data">(.*?)</script>',
                      page, re.DOTALL)
    assert match
    data: dict[str, object] = json.loads(match.group(1))
    return data


@pytest.mark.parametrize("language", sorted(ROOTS))
def test_page_fetches_only_its_own_program(site, language):
    rules = policy(page_of(site, language).read_text("utf-8"))
    assert rules["connect-src"] == ["'self'"]
    assert rules["default-src"] == ["'self'"]
    assert rules["form-action"] == ["'none'"] and rules["object-src"] == ["'none'"]
    assert "'wasm-unsafe-eval'" in rules["script-src"]
    assert "'unsafe-eval'" not in rules["script-src"]
    assert all(source in ("'self'", "blob:") for source in rules["worker-src"])


@pytest.mark.parametrize("language", sorted(ROOTS))
def test_every_file_the_page_loads_is_beside_it(site, language):
    page = page_of(site, language)
    data = page_data(page.read_text("utf-8"))
    folder = page.parent
    for key in ("worker", "pyodide", "bundle"):
        assert (folder / str(data[key])).is_file(), key
    pyodide = folder / str(data["index"])
    for name in ("pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"):
        assert (pyodide / name).is_file(), name
    with zipfile.ZipFile(folder / str(data["bundle"])) as bundle:
        names = bundle.namelist()
    assert "stavangerstandarden/collect/browser.py" in names
    assert not [n for n in names if n.endswith((".so", ".pyc", ".ttf"))]
    assert data["language"] == language


@pytest.mark.parametrize("language", sorted(ROOTS))
def test_menu_and_skjema_page_lead_to_it(site, language):
    root = site / ROOTS[language]
    front = (root / "index.html").read_text("utf-8")
    assert re.search(rf'href="(\./)?skjema/sammendrag/"[^>]*>[^<]*(<[^>]*>\s*)*{MENU[language]}\b',
                     front), "no menu entry"
    skjema = (root / c.FORMS_DIR / "index.html").read_text("utf-8")
    assert re.search(r'href="(\./)?sammendrag/"', skjema)


def test_scripts_name_no_other_host(site):
    folder = page_of(site, "nb").parent
    for script in SCRIPTS:
        assert not re.search(r"https?://", (folder / script).read_text("utf-8")), script


def test_loading_message_states_what_the_page_downloads(site):
    """The README's promise: the page says how much it loads before it can read."""
    page = page_of(site, "nb")
    data = page_data(page.read_text("utf-8"))
    folder = page.parent
    program = [*(folder / str(data["index"])).iterdir(), folder / str(data["bundle"])]
    megabytes = round(sum(p.stat().st_size for p in program) / 1e6)
    messages = data["messages"]
    assert isinstance(messages, dict)
    assert f" {megabytes} MB" in messages["loading"]
