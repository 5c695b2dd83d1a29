"""Lighthouse (mobile, its defaults) on every page type: performance and best practices (goal
≥ 95 and 100, no console error, no inspector issue). Figures for review, not a test.

Lighthouse is not a dependency of the project: set LIGHTHOUSE to its command (e.g. after
`npm install lighthouse@12` in a folder of your own, `…/node_modules/.bin/lighthouse`). It
drives Debian's Chromium (CHROME_PATH), downloads no browser. The site is served from
127.0.0.1 with gzip, as a web host serves it.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from fill_benchmark import build_copy

from stavangerstandarden import contract as c
from stavangerstandarden.overview.page import KOMMUNE_PAGE

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
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


def lighthouse(command: str, url: str, out: Path) -> dict[str, object]:
    subprocess.run([command, url, "--quiet", "--output=json", f"--output-path={out}",
                    "--only-categories=performance,best-practices",
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                   check=True, capture_output=True, env={**os.environ, "CHROME_PATH": CHROMIUM},
                   timeout=300)
    report = json.loads(out.read_text("utf-8"))
    audits = report["audits"]
    return {"performance": round(report["categories"]["performance"]["score"] * 100),
            "best": round(report["categories"]["best-practices"]["score"] * 100),
            "console": audits["errors-in-console"]["score"] == 1,
            "issues": audits["inspector-issues"]["score"] == 1}


def bench_lighthouse() -> str:
    command = os.environ.get("LIGHTHOUSE")
    if not command:
        return ("Lighthouse: not run (set LIGHTHOUSE to the lighthouse command; see "
                "scripts/lighthouse_benchmark.py)")
    with tempfile.TemporaryDirectory() as tmp:
        site, fill_pages = build_copy(Path(tmp), languages=True)
        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(GzipHandler, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        pages = ["/", "/omrader/", "/" + c.FORMS_DIR + "/", fill_pages[0],
                 "/" + c.SUMMARY_PAGE.removesuffix("index.html"),
                 "/" + KOMMUNE_PAGE.removesuffix("index.html"), "/nn/"]
        lines = []
        try:
            for n, page in enumerate(pages):
                r = lighthouse(command, f"http://127.0.0.1:{server.server_port}{page}",
                               Path(tmp) / f"lh-{n}.json")
                console = "clean" if r["console"] else "ERRORS"
                issues = "clean" if r["issues"] else "ISSUES"
                lines.append(f"Lighthouse mobile {page}: performance {r['performance']}, best "
                             f"practices {r['best']}, console {console}, inspector {issues} "
                             f"(goal ≥ 95, 100, clean)")
        finally:
            server.shutdown()
        return "\n".join(lines)


if __name__ == "__main__":
    print(bench_lighthouse())
    sys.exit(0)
