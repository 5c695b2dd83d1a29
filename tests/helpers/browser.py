"""Running the node drivers that open the site in Debian's Chromium (playwright-core)."""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from tools import need, need_path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))


def need_browser(*, pyodide: bool = False) -> None:
    """Chromium, node and playwright-core (and Pyodide for the pages that read files), or
    `tools.missing`."""
    need_path(CHROMIUM, f"Chromium ({CHROMIUM})")
    need("node")
    need_path(ROOT / "node_modules" / "playwright-core", "node_modules/playwright-core (npm ci)")
    if pyodide:
        need_path(ROOT / "node_modules" / "pyodide", "node_modules/pyodide (npm ci)")


def run_driver(script: Path, *args: str, timeout: int = 600, pyodide: bool = False) -> Any:
    """`node SCRIPT ARGS…` with this Chromium; the JSON it prints."""
    need_browser(pyodide=pyodide)
    result = subprocess.run(["node", str(script), *args], capture_output=True, text=True,
                            check=False, timeout=timeout,
                            env={**os.environ, "CHROMIUM": str(CHROMIUM)})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def address(page_file: str, language: str = "nb") -> str:
    """A page's address on the site from its file (`…/index.html`); another language's under
    its folder."""
    folder = "" if language == "nb" else f"{language}/"
    return f"/{folder}" + page_file.removesuffix("index.html")


@dataclass(frozen=True)
class Visit:
    """One visit, in a driver's plan, to a page that reads the files a visitor chooses (the
    Sammendrag and Kommune pages); a page's own kinds of visit add their fields."""

    standard: str
    how: str
    """How the files are chosen: "files" (the file picker), "folder" or "drop"."""
    language: str = "nb"
    offline: bool = False
    """The context goes offline once the page is ready."""
    axe: bool = False
    """axe-core before and after."""
    width: int = 1280

    @property
    def id(self) -> str:
        return "-".join((self.standard, self.language, self.how,
                         "offline" if self.offline else "online", f"{self.width}px",
                         *self.marks()))

    def marks(self) -> tuple[str, ...]:
        """What else tells this visit from the others, for its id."""
        return ()

    def plan(self, page_file: str, **more: object) -> dict[str, object]:
        """The visit's entry in the driver's plan: its fields, the page in its language, and
        `more` (site, folder, files, out…)."""
        return {**asdict(self), "page": address(page_file, self.language), **more}
