"""Benchmark: under `mkdocs serve`, seconds from saving a YAML edit to the regenerated page.

For scripts/benchmark.py: `from serve_benchmark import bench_serve` and add it to BENCHMARKS.
Runs in a temporary copy of the project (mkdocs.yml, overrides/, hand-written docs/, a link to
generator/), so the working tree is never touched. Goal ≤ 2 s.
"""

from __future__ import annotations

import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "framework" / "stavangerstandarden.yaml"
GENERATED = {"skjema", "data", "omrader", "generert"}


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
        time.sleep(0.05)
    return time.perf_counter()


def _project(tmp: Path) -> Path:
    project = tmp / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project)
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copytree(ROOT / "docs", project / "docs", ignore=lambda d, names: [
        n for n in names if Path(d) == ROOT / "docs" and n in GENERATED])
    (project / "generator").symlink_to(ROOT / "generator")
    (project / "framework").mkdir()
    shutil.copy(SOURCE, project / "framework")
    return project


def serve_round_trips(edits: int = 3) -> list[float]:
    """Seconds from each saved edit of the page's title to the served page showing it."""
    text = SOURCE.read_text("utf-8")
    with tempfile.TemporaryDirectory() as tmp, socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        s.close()
        project = _project(Path(tmp))
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            url = f"http://127.0.0.1:{port}/om-standarden/"
            _until("<h1", url, 120)
            times = []
            for n in range(edits):
                marker = f"Målt endring {n}"
                source = project / "framework" / SOURCE.name
                start = time.perf_counter()
                source.write_text(text.replace("title: Om Stavangerstandarden",
                                               f"title: {marker}", 1), "utf-8")
                times.append(_until(marker, url, 60) - start)
                time.sleep(1.5)  # let the follow-up rebuild (docs/ changed) settle
            return times
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def bench_serve() -> str:
    times = serve_round_trips()
    return (f"mkdocs serve: YAML saved → page regenerated: median {statistics.median(times):.2f} s"
            f" (of {', '.join(f'{t:.2f}' for t in times)}; goal ≤ 2 s)")


if __name__ == "__main__":
    print(bench_serve())
