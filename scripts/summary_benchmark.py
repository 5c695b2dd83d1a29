"""Sammendrag page figures (issue 12): seconds from opening the page until it is ready (Pyodide
and the Python bundle loaded, cold), and from choosing 300 filled forms to "Ferdig." with the
report shown, in Debian's Chromium.

Builds the site in a temporary copy of the project (never in the working tree), fills the
forms as the `collect` benchmark does (distinct files, none a duplicate) and drives the page
with tests/summary/summary_browser.mjs. Figures for review, not a timed test.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from collect_benchmark import filled_forms, unique_copy
from fill_benchmark import build_copy

from stavangerstandarden import contract as c

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "framework" / "stavangerstandarden.yaml"
DRIVER = ROOT / "tests" / "summary" / "summary_browser.mjs"
FORMS = 300


def bench_summary(n: int = FORMS) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        site, _ = build_copy(Path(tmp))
        inbox = Path(tmp) / "innboks"
        inbox.mkdir()
        filled = filled_forms(SOURCE)
        for k in range(n):
            (inbox / f"skjema-{k:05}.pdf").write_bytes(unique_copy(filled[k % len(filled)], k))
        page = "/" + c.SUMMARY_PAGE.removesuffix("index.html")
        out = subprocess.run(["node", str(DRIVER), "bench", str(site), page, str(inbox)],
                             capture_output=True, text=True, check=True)
        r = json.loads(out.stdout)
    return (f"Sammendrag page: {n} forms to report in Chromium: {r['summary_ms'] / 1000:.1f} s "
            f"(goal ≤ 20 s; the page said «{r['line']}»); page ready "
            f"{r['ready_ms'] / 1000:.1f} s after opening it, cold")


if __name__ == "__main__":
    print(bench_summary(int(sys.argv[1]) if len(sys.argv) > 1 else FORMS))
