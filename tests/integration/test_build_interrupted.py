"""A build killed at any moment: site/ never goes missing, and the next build cleans up."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from project import copy_project
from standards import STAVANGER as SOURCE


def build(project: Path) -> subprocess.Popen[bytes]:
    """`stavangerstandarden build` in `project`, in a process group of its own."""
    return subprocess.Popen([sys.executable, "-m", "stavangerstandarden.cli", "build"],
                            cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)


def leftovers(project: Path) -> list[str]:
    """The versions, links and staging folders next to site/."""
    return sorted(p.name for p in project.iterdir()
                  if p.name.startswith((".site-", ".engine-site-")))


class Poller(threading.Thread):
    """Reads site/index.html every millisecond and records every failure."""

    def __init__(self, site: Path) -> None:
        super().__init__(daemon=True)
        self.index = site / "index.html"
        self.reads = 0
        self.failures: list[str] = []
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.wait(0.001):
            try:
                if b"</html>" not in self.index.read_bytes():
                    self.failures.append("incomplete index.html")
            except OSError as exc:
                self.failures.append(repr(exc))
            self.reads += 1


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("killed") / "project",
                           SOURCE.read_text("utf-8"))
    first = build(project)
    assert first.wait(timeout=300) == 0, first.stderr
    return project


def test_first_build_migrates_a_real_site_folder(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", SOURCE.read_text("utf-8"))
    (project / "site").mkdir()
    (project / "site" / "gammel.html").write_text("<html></html>")
    proc = build(project)
    assert proc.wait(timeout=300) == 0
    assert (project / "site").is_symlink()
    assert (project / "site" / "index.html").is_file()
    assert not (project / "site" / "gammel.html").exists()


@pytest.mark.parametrize("delay", [0.1, 0.8, 1.6, 2.6])
def test_killed_build_never_leaves_site_missing(project: Path, delay: float) -> None:
    site = project / "site"
    poller = Poller(site)
    poller.start()
    proc = build(project)
    time.sleep(delay)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    before = site.readlink().name
    after = build(project)  # the poller keeps reading through its swap
    assert after.wait(timeout=300) == 0
    poller.stop.set()
    poller.join()
    assert poller.reads > 100
    assert poller.failures == []
    # Only the new version and the one it replaced (a reader may still be inside it) remain:
    # the killed build's staging folder and engine output are gone.
    assert set(leftovers(project)) == {site.readlink().name, before}
