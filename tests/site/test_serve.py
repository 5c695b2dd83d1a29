"""`stavangerstandarden serve`: a page open in Chromium follows every saved edit of the YAML,
and every kind of invalid source shows in the red banner with FILE:LINE."""

from __future__ import annotations

import json
import os
import queue
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from stavangerstandarden.publish import ENGINES
from stavangerstandarden.loader import load

from .conftest import BROWSER, CHROMIUM, SOURCE, copy_project

TEXT = SOURCE.read_text("utf-8")
STANDARD = load(TEXT, str(SOURCE))
AREA = STANDARD.areas[0]
FIRST = AREA.statements[0].text
LABEL = "framework/" + SOURCE.name
"""How serve (run in the project folder) names the source in its messages."""


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        return str(exc.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError):
        return ""


def wait_for(check: Callable[[], bool], timeout: float, what: str) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if check():
            return
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what}")


def start_serve(project: Path, engine: str, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "stavangerstandarden.cli", "serve", "--port", str(port),
         "--engine", engine],
        cwd=project, stdout=log.open("w"), stderr=subprocess.STDOUT,
    )
    return proc, f"http://127.0.0.1:{port}"


@pytest.fixture
def served(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[tuple[Path, str]]:
    text, engine = request.param
    project = copy_project(tmp_path / "project", text)
    proc, origin = start_serve(project, engine, tmp_path / "serve.log")
    try:
        wait_for(lambda: fetch(origin + "/") != "", 120, "the server")
        yield project / "framework" / SOURCE.name, origin
    finally:
        proc.terminate()
        proc.wait(timeout=30)


class Watcher:
    """Chromium with one page open; `next()` waits for the page's next load."""

    def __init__(self, url: str) -> None:
        self.proc = subprocess.Popen(["node", str(BROWSER), "watch", url],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                     env={**os.environ, "CHROMIUM": str(CHROMIUM)})
        self.loads: queue.Queue[dict[str, Any]] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if line.startswith("{") and '"load"' in line:
                self.loads.put(json.loads(line))

    def until(self, check: Callable[[dict[str, Any]], bool], what: str) -> dict[str, Any]:
        """The first load (without the test reloading anything) for which `check` holds."""
        end = time.monotonic() + 120
        while (left := end - time.monotonic()) > 0:
            try:
                state = self.loads.get(timeout=left)
            except queue.Empty:
                break
            if check(state):
                return state
        pytest.fail(f"the page never showed {what}")

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


@pytest.mark.parametrize("served", [(TEXT, e) for e in sorted(ENGINES)], indirect=True,
                         ids=sorted(ENGINES))
def test_open_page_follows_edits_and_shows_every_error(
        served: tuple[Path, str], browser: Callable[..., Any]) -> None:
    source, origin = served
    watcher = Watcher(f"{origin}/omrader/{AREA.id}/")
    try:
        watcher.until(lambda s: FIRST in s["text"] and s["banner"] is None, "the first page")

        edited = "Et utsagn endret under serve"
        source.write_text(TEXT.replace(FIRST, edited, 1), "utf-8")
        watcher.until(lambda s: edited in s["text"], "the edited statement")

        source.write_text(TEXT.replace("  rows: 4\n", "  rows: fire\n"), "utf-8")
        state = watcher.until(lambda s: s["banner"] is not None, "the banner")
        assert f"{LABEL}:{line_of(TEXT, '  rows: 4')}: feil: actions.rows:" in state["banner"]
        assert edited in state["text"]  # the last valid version stays up

        cjk = TEXT.replace(FIRST, FIRST + " 学校", 1)
        source.write_text(cjk, "utf-8")
        state = watcher.until(lambda s: s["banner"] is not None and "学" in s["banner"],
                              "the font error")
        assert (f"{LABEL}:{line_of(cjk, FIRST + ' 学校')}: feil: areas[0].statements[0].text: "
                "tegnet «学»") in state["banner"]

        source.write_text(TEXT, "utf-8")
        watcher.until(lambda s: FIRST in s["text"] and s["banner"] is None, "the valid page")
    finally:
        watcher.close()


BROKEN = TEXT.replace("  rows: 4\n", "  rows: fire\n")


@pytest.mark.parametrize("served", [(BROKEN, "mkdocs")], indirect=True, ids=["mkdocs"])
def test_starts_with_an_invalid_source_and_empty_docs(served: tuple[Path, str]) -> None:
    source, origin = served
    assert not (source.parents[1] / "docs" / "omrader").exists()
    # The server answers before the first check is done; the banner follows it.
    wait_for(lambda: "Kilden har feil" in fetch(origin + "/"), 60, "the banner")
    page = fetch(origin + "/")
    assert f"{LABEL}:{line_of(BROKEN, '  rows: fire')}: feil: actions.rows:" in page

    source.write_text(TEXT, "utf-8")
    wait_for(lambda: FIRST in fetch(f"{origin}/omrader/{AREA.id}/"), 60, "the first build")
    assert "Kilden har feil" not in fetch(origin + "/")
    assert "EventSource" in fetch(origin + "/")
    assert "EventSource" not in (source.parents[1] / "site" / "index.html").read_text("utf-8")


@pytest.mark.parametrize("served", [(TEXT, "mkdocs")], indirect=True, ids=["mkdocs"])
def test_hostile_yaml_under_serve_is_a_banner_not_a_hang(served: tuple[Path, str]) -> None:
    """Merge keys and huge numbers must never hang a request; markup quoted in a message must
    stay text in the banner."""
    source, origin = served
    url = f"{origin}/omrader/{AREA.id}/"
    wait_for(lambda: FIRST in fetch(url), 120, "the first build")
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
