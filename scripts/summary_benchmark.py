"""Sammendrag page figures (issues 12, 24): seconds from opening the page, cold, and choosing
300 filled forms at once to "Ferdig." with the report shown (Pyodide and the Python bundle are
fetched on that first choice), and the bytes transferred until then, in Debian's Chromium.

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
    return (f"Sammendrag page: {n} forms chosen at once, cold, to report in Chromium: "
            f"{r['summary_ms'] / 1000:.1f} s, fetching the reader included (goal ≤ 20 s; the "
            f"page said «{r['line']}»); transferred to the first report "
            f"{r['sent_bytes'] / 1e6:.1f} MB as stored, {r['sent_gzip'] / 1e6:.1f} MB gzip "
            f"(goal ≤ 8 MB)")


if __name__ == "__main__":
    print(bench_summary(int(sys.argv[1]) if len(sys.argv) > 1 else FORMS))
