"""The municipality's rapport.html in Chromium: axe-core finds no WCAG 2.1 A/AA violation,
and nothing overflows the page from 320 px (wide tables scroll inside their own region).
Reuses collect's driver, tests/collect/report_layout.mjs."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import tools
from overview.corpus import Corpus, Run

from stavangerstandarden.cli import main

LAYOUT = Path(__file__).parents[1] / "collect" / "report_layout.mjs"


def test_report_reads_everywhere(corpus: Corpus, kommune: Callable[..., Run],
                                 tmp_path: Path) -> None:
    last = tmp_path / "fjor"
    main(["kommune", *map(str, corpus.contributions.values()), "--out", str(last),
          "--source", str(corpus.source)])
    _, _, _, html = kommune(corpus, *corpus.contributions.values(),
                            extra=("--sammenlign", str(last / "kommune.json")))
    node, _ = tools.need("node"), tools.need("chromium")
    report = tmp_path / "rapport.html"
    report.write_text(html, "utf-8")
    run = subprocess.run([node, str(LAYOUT), str(report), str(tmp_path)], capture_output=True,
                         text=True, check=False, cwd=LAYOUT.parents[2], timeout=300)
    assert run.returncode == 0, run.stderr
    seen = json.loads(run.stdout)
    assert seen["violations"] == []
    for width, size in seen["widths"].items():
        assert size["scrollWidth"] <= size["clientWidth"], (width, size)
