"""Benchmarks for the speed and size goals (figures for the closing note, not tests).

Run with `make bench`. Each benchmark prints one line: what, the figure, and the goal.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from stavangerstandarden.loader import load_file

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "framework" / "stavangerstandarden.yaml"


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def bench_check() -> str:
    times = timed(lambda: load_file(SOURCE), 20)
    return f"check (load + validate): median {statistics.median(times) * 1000:.0f} ms"


def bench_build() -> str:
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "stavangerstandarden.cli", "build", "--site-dir",
               str(Path(tmp) / "site")]
        subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)  # warm: docs/ in place
        times = timed(lambda: subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True), 3)
    return (f"stavangerstandarden build (check, pages, 77 forms, data, site): "
            f"median {statistics.median(times):.2f} s wall (goal ≤ 5 s)")


BENCHMARKS: dict[str, Callable[[], str]] = {
    "check": bench_check,
    "build": bench_build,
}


def main(names: list[str]) -> None:
    for name in names or list(BENCHMARKS):
        print(BENCHMARKS[name](), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
