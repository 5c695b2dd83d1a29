"""The paper goal (≤ 1 s a page on the command line, 2 cores) and the reader's accuracy, as a
function the project's benchmark script calls.

Builds the test suite's seeded corpus (tests/paper/corpus.py: the real forms printed by
PDFium, marked by a seeded pen, scanned and photographed badly) with a stack of 20 forms, times
`stavangerstandarden collect` on it from start to report, times each file's reading alone
(scans and photos apart) and compares every count with what the pen did.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from paper import corpus  # noqa: E402

from stavangerstandarden.collect.command import run  # noqa: E402
from stavangerstandarden.collect.inputs import read_path  # noqa: E402
from stavangerstandarden.collect.read.scan import ScanSource  # noqa: E402
from stavangerstandarden.loader import load_file  # noqa: E402

SOURCE = ROOT / "framework" / "stavangerstandarden.yaml"


def bench_paper(stack: int = 20) -> str:
    standard = load_file(SOURCE)
    with tempfile.TemporaryDirectory() as folder:
        inbox, out = Path(folder) / "innboks", Path(folder) / "ut"
        expected = corpus.build(standard, inbox, seed=20, stack=stack)
        scans = ScanSource(SOURCE)
        read_path(inbox / "blank.pdf", scans=scans)  # the blank form, rendered once
        per_page: dict[str, list[float]] = {"scan": [], "photo": []}
        cpu: dict[str, list[float]] = {"scan": [], "photo": []}
        for path in sorted(inbox.iterdir()):
            started, processor = time.perf_counter(), time.process_time()
            read = read_path(path, scans=scans)
            took, used = time.perf_counter() - started, time.process_time() - processor
            pages = _pages(path)
            kind = "scan" if path.suffix == ".pdf" else "photo"
            if read.parts:
                per_page[kind] += [took / pages] * pages
                cpu[kind] += [used / pages] * pages
        started = time.perf_counter()
        run([inbox], out, source=SOURCE)
        wall = time.perf_counter() - started
        summary = json.loads((out / "sammendrag.json").read_text("utf-8"))
    wrong = sum(1 for statement, counted in summary["statements"].items()
                if {k: v for k, v in counted.items() if v}
                != dict(+expected.counts.get(statement, Counter())))
    pages = sum(len(v) for v in per_page.values())
    return (f"paper: {pages} pages ({len(per_page['scan'])} scanned, {len(per_page['photo'])} "
            f"photographed, {stack}-form stack); median {_median(per_page['scan'])} s a scanned "
            f"page ({_median(cpu['scan'])} s CPU), {_median(per_page['photo'])} s a photo "
            f"({_median(cpu['photo'])} s CPU); `collect` {wall:.1f} s wall in all "
            f"(goal ≤ 1 s a page); {sum(expected.marks.values())} marks, "
            f"{sum(expected.unclear.values())} statements marked twice: "
            f"{len(summary['statements']) - wrong} of {len(summary['statements'])} statements "
            "counted exactly")


def _median(values: list[float]) -> str:
    return f"{statistics.median(values):.2f}" if values else "–"


def _pages(path: Path) -> int:
    if path.suffix != ".pdf":
        return 1
    import pypdfium2 as pdfium

    with pdfium.PdfDocument(path) as document:
        return len(document)


if __name__ == "__main__":
    print(bench_paper(int(sys.argv[1]) if len(sys.argv) > 1 else 20))
