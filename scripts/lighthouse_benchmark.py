"""Lighthouse (mobile, its defaults) on every page type: performance and best practices (goal
≥ 95 and 100, no console error, no inspector issue). Figures for review, not a test.

Lighthouse is not a dependency of the project: set LIGHTHOUSE to its command (e.g. after
`npm install lighthouse@12` in a folder of your own, `…/node_modules/.bin/lighthouse`). It
drives Debian's Chromium (CHROME_PATH), downloads no browser. The site is served from
127.0.0.1 with gzip, as a web host serves it.

One run of a page swings by up to ±30 points on a shared machine (Lighthouse scales the main
thread's observed time by 4, and a starved compositor delays the first paint), so each page is
run LIGHTHOUSE_RUNS times (default 3) and the medians are reported, with the metrics behind
the score: largest contentful paint, total blocking time, cumulative layout shift.
"""

from __future__ import annotations

import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from fill_benchmark import build_copy

from stavangerstandarden import contract as c
from stavangerstandarden.overview.page import KOMMUNE_PAGE

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
RUNS = int(os.environ.get("LIGHTHOUSE_RUNS", "3"))
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".map", ".xml", "/")


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files, text gzipped when the browser accepts it."""

    def send_head(self) -> Any:
        if ("gzip" not in self.headers.get("Accept-Encoding", "")
                or not self.path.split("?")[0].endswith(COMPRESSED)):
            return super().send_head()
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)

    def log_message(self, *args: object) -> None:
        pass


class _Body:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *_: object) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


@dataclass(frozen=True)
class Run:
    """One Lighthouse run of one page: scores 0–100, LCP and TBT in ms."""

    performance: float
    best: float
    lcp: float
    tbt: float
    cls: float
    console_clean: bool
    issues_clean: bool


def lighthouse(command: str, url: str, out: Path) -> Run:
    subprocess.run([command, url, "--quiet", "--output=json", f"--output-path={out}",
                    "--only-categories=performance,best-practices",
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                   check=True, capture_output=True, env={**os.environ, "CHROME_PATH": CHROMIUM},
                   timeout=300)
    report = json.loads(out.read_text("utf-8"))
    audits = report["audits"]
    return Run(performance=report["categories"]["performance"]["score"] * 100,
               best=report["categories"]["best-practices"]["score"] * 100,
               lcp=audits["largest-contentful-paint"]["numericValue"],
               tbt=audits["total-blocking-time"]["numericValue"],
               cls=audits["cumulative-layout-shift"]["numericValue"],
               console_clean=audits["errors-in-console"]["score"] == 1,
               issues_clean=audits["inspector-issues"]["score"] == 1)


def median_line(page: str, runs: list[Run]) -> str:
    """One page's medians over its runs; console and inspector are clean only if every run
    was."""
    console = "clean" if all(r.console_clean for r in runs) else "ERRORS"
    issues = "clean" if all(r.issues_clean for r in runs) else "ISSUES"
    scores = ", ".join(f"{r.performance:.0f}" for r in runs)
    med = statistics.median
    return (f"Lighthouse mobile {page}: performance {med(r.performance for r in runs):.0f} "
            f"({scores}), best practices {med(r.best for r in runs):.0f}, LCP "
            f"{med(r.lcp for r in runs) / 1000:.1f} s, TBT {med(r.tbt for r in runs):.0f} ms, "
            f"CLS {med(r.cls for r in runs):.3f}, console {console}, inspector {issues} "
            f"(median of {len(runs)}; goal ≥ 95, 100, clean)")


def page_types(site: Path, fill_page: str) -> list[str]:
    """One page of each type: every top-level page of bokmål's site (front page, content
    pages, overviews, Skjema, changelog, languages…), an area page, a fill page, the Sammendrag
    and Kommune pages, and the front page of each other language's direction (the first
    written left to right, the first right to left)."""
    top = sorted(f"/{p.name}/" for p in site.iterdir()
                 if (p / "index.html").is_file() and not (p / "sitemap.xml").is_file())
    areas = sorted(p for p in (site / "omrader").iterdir() if (p / "index.html").is_file())
    languages = sorted(p for p in site.iterdir() if (p / "sitemap.xml").is_file())
    rtl = [p for p in languages if 'dir="rtl"' in (p / "index.html").read_text("utf-8")]
    ltr = [p for p in languages if p not in rtl]
    return ["/", *top, f"/omrader/{areas[0].name}/", fill_page,
            "/" + c.SUMMARY_PAGE.removesuffix("index.html"),
            "/" + KOMMUNE_PAGE.removesuffix("index.html"),
            *(f"/{p.name}/" for p in (*ltr[:1], *rtl[:1]))]


def bench_lighthouse() -> str:
    command = os.environ.get("LIGHTHOUSE")
    if not command:
        return ("Lighthouse: not run (set LIGHTHOUSE to the lighthouse command; see "
                "scripts/lighthouse_benchmark.py)")
    with tempfile.TemporaryDirectory() as tmp:
        site, fill_pages = build_copy(Path(tmp), languages=True)
        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(GzipHandler, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        pages = page_types(site, fill_pages[0])
        lines = []
        try:
            for n, page in enumerate(pages):
                runs = [lighthouse(command, f"http://127.0.0.1:{server.server_port}{page}",
                                   Path(tmp) / f"lh-{n}-{i}.json") for i in range(RUNS)]
                lines.append(median_line(page, runs))
        finally:
            server.shutdown()
        return "\n".join(lines)


if __name__ == "__main__":
    print(bench_lighthouse())
    sys.exit(0)
