"""Benchmark: under `stavangerstandarden serve`, seconds from saving a YAML edit to the
updated page being served, per site engine.

For scripts/benchmark.py. Runs in a temporary copy of the project (mkdocs.yml, overrides/,
hand-written docs/, a link to generator/), so the working tree is never touched. The edit
changes one statement, so its area's forms and the complete forms are re-rendered (22 of 77);
the others come from the form cache. Saves come 1.5 s apart, as a maintainer saves, in a
project with the source's translations. The page is read as an open page reads it: on each
reload event the preview sends, once (polling it a hundred times a second took a tenth of
the preview's time on this small machine). Goal ≤ 0.5 s.
"""

from __future__ import annotations

import os
import queue
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from stavangerstandarden import engines
from stavangerstandarden.live import EVENTS_PATH

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "framework" / "stavangerstandarden.yaml"
GENERATED = {"skjema", "data", "omrader", "generert"}
ENGINES = engines.NAMES
SETTLE = 1.5
"""Seconds between saves: as a maintainer saves, so the full build of one save is still
running when the next comes."""


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError):
        return ""


def _until(text: str, url: str, timeout: float) -> float:
    start = time.perf_counter()
    while text not in _fetch(url):
        if time.perf_counter() - start > timeout:
            raise TimeoutError(f"{text!r} not on {url} after {timeout} s")
        time.sleep(0.01)
    return time.perf_counter()


def _reloads(url: str) -> queue.Queue[float]:
    """The time of every reload event the preview sends on `url` (its event stream), from
    a thread reading the stream as an open page's EventSource does."""
    events: queue.Queue[float] = queue.Queue()

    def read() -> None:
        with urllib.request.urlopen(url, timeout=600) as stream:
            for line in stream:
                if line.startswith(b"data:"):
                    events.put(time.perf_counter())

    threading.Thread(target=read, daemon=True).start()
    return events


def _shown(text: str, url: str, events: queue.Queue[float], timeout: float) -> float:
    """When the page at `url`, read again after each reload event, first shows `text`."""
    end = time.perf_counter() + timeout
    while (left := end - time.perf_counter()) > 0:
        try:
            events.get(timeout=left)
        except queue.Empty:
            break
        if text in _fetch(url):
            return time.perf_counter()
    raise TimeoutError(f"{text!r} not on {url} after {timeout} s")


def project_copy(tmp: Path, translations: bool = False) -> Path:
    """A project folder with the hand-written site parts and the source (with its
    translations if asked), nothing generated."""
    project = tmp / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project)
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copytree(ROOT / "docs", project / "docs", ignore=lambda d, names: [
        n for n in names if Path(d) == ROOT / "docs" and n in GENERATED])
    (project / "generator").symlink_to(ROOT / "generator")
    (project / "framework").mkdir()
    shutil.copy(SOURCE, project / "framework")
    if translations:
        shutil.copytree(SOURCE.parent / "oversettelser", project / "framework" / "oversettelser")
    return project


def serve_round_trips(engine: str, edits: int = 3) -> list[float]:
    """Seconds from each saved edit of a statement to the served area page showing it."""
    from stavangerstandarden.loader import load

    text = SOURCE.read_text("utf-8")
    area = load(text, str(SOURCE)).areas[0]
    with tempfile.TemporaryDirectory() as tmp, socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        s.close()
        project = project_copy(Path(tmp), translations=True)
        proc = subprocess.Popen(
            [sys.executable, "-m", "stavangerstandarden.cli", "serve", "--port", str(port),
             "--engine", engine],
            cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            url = f"http://127.0.0.1:{port}/omrader/{area.id}/"
            _until(area.statements[0].text, url, 600)  # the first pages: a cold build, no form
            events = _reloads(f"http://127.0.0.1:{port}{EVENTS_PATH}")
            events.get(timeout=60)  # the stream's first event says which build is up
            times = []
            for n in range(edits):
                marker = f"Målt endring {n}"
                source = project / "framework" / SOURCE.name
                start = time.perf_counter()
                source.write_text(text.replace(area.statements[0].text, marker, 1), "utf-8")
                times.append(_shown(marker, url, events, 60) - start)
                time.sleep(max(0.0, start + SETTLE - time.perf_counter()))
            return times
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def bench_serve() -> str:
    lines = []
    for engine in ENGINES:
        times = serve_round_trips(engine)
        lines.append(f"serve --engine {engine}: statement saved → page updated, saves "
                     f"{SETTLE} s apart: median {statistics.median(times):.2f} s, max "
                     f"{max(times):.2f} s (of {', '.join(f'{t:.2f}' for t in times)}; "
                     f"goal ≤ 0.5 s; load average {os.getloadavg()[0]:.1f} on "
                     f"{os.cpu_count()} cores)")
    return "\n".join(lines)


if __name__ == "__main__":
    print(bench_serve())
