"""`mkdocs serve` with the hook: a saved YAML edit reaches the page; a broken edit shows why."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from project import SOURCE_NAME, copy_project

from stavangerstandarden import contract as c
from stavangerstandarden.loader import load

from .conftest import SOURCE

TEXT = SOURCE.read_text("utf-8")
STANDARD = load(TEXT, str(SOURCE))
AREA = STANDARD.areas[0]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError):
        return ""


def wait_for(check: Callable[[], bool], timeout: float, what: str) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if check():
            return
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what}")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    project = copy_project(tmp_path / "project", TEXT)
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/omrader/{AREA.id}/"
    try:
        wait_for(lambda: AREA.statements[0].text in fetch(url), 90, "the first build")
        yield project / "framework" / SOURCE_NAME, url
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


def test_yaml_edits_reach_the_page_and_errors_show_in_a_banner(
        served: tuple[Path, str]) -> None:
    source, url = served
    pdf = source.parents[1] / "docs" / c.form_file(STANDARD, STANDARD.levels[0], AREA)
    before = pdf.read_bytes()
    edited = "Et utsagn endret under mkdocs serve"
    source.write_text(TEXT.replace(AREA.statements[0].text, edited, 1), "utf-8")
    wait_for(lambda: edited in fetch(url), 30, "the edited statement")
    wait_for(lambda: pdf.read_bytes() != before, 60, "the regenerated form")

    source.write_text(TEXT.replace("  rows: 4\n", "  rows: fire\n"), "utf-8")
    wait_for(lambda: "Kilden har feil" in fetch(url), 30, "the error banner")
    page = fetch(url)
    assert "actions.rows: forventet et heltall" in page
    assert edited in page  # the last valid version is still served

    source.write_text(TEXT, "utf-8")
    wait_for(lambda: AREA.statements[0].text in fetch(url), 30, "the restored statement")
    assert "Kilden har feil" not in fetch(url)


def test_hostile_yaml_under_serve_is_a_banner_not_a_hang(served: tuple[Path, str]) -> None:
    """Merge keys and huge numbers used to raise inside the hook and hang every request;
    markup quoted in a message must stay text in the banner."""
    source, url = served
    for old, new, shown in (
        ("  rows: 4\n", "  <<: {rows: 4}\n", "flettenøkkelen «&lt;&lt;» er ikke tillatt"),
        ("  rows: 4\n", "  rows: " + "9" * 5000 + "\n", "tallet er 5000 tegn langt"),
        ("  - id: trinn-5\n", "  - id: <script>window.x=1</script>\n",
         "fant «&lt;script&gt;window.x=1&lt;/script&gt;»"),
    ):
        source.write_text(TEXT.replace(old, new, 1), "utf-8")
        wait_for(lambda shown=shown: shown in fetch(url), 30, f"the banner: {shown}")
        assert "<script>window.x=1" not in fetch(url)
    source.write_text(TEXT, "utf-8")
    wait_for(lambda: "Kilden har feil" not in fetch(url), 30, "the restored source")
