"""Fill page figures (issue 11): transfer before the page is usable beyond what every page
loads, "Lag PDF" to file with the CPU throttled 4×, and the total for one filled form.

Builds the site in a temporary copy of the project (never in the working tree) and drives it
with tests/fill/fill_browser.mjs in Debian's Chromium. Figures for review, not a timed test.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from stavangerstandarden import contract as c
from stavangerstandarden.build import GENERATED_ROOTS, build
from stavangerstandarden.formspec import form_specs

ROOT = Path(__file__).resolve().parents[1]
DRIVER = ROOT / "tests" / "fill" / "fill_browser.mjs"


def build_copy(tmp: Path, languages: bool = False) -> tuple[Path, list[str]]:
    """A built copy of the project (`languages`: with the translations) and its fill pages."""
    project = tmp / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project)
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copytree(ROOT / "docs", project / "docs",
                    ignore=lambda d, n: [x for x in n if Path(d) == ROOT / "docs"
                                         and x in GENERATED_ROOTS])
    (project / "generator").symlink_to(ROOT / "generator")
    (project / "framework").mkdir()
    source = shutil.copy(ROOT / "framework" / "stavangerstandarden.yaml", project / "framework")
    if languages:
        translations = ROOT / "framework" / "oversettelser"
        shutil.copytree(translations, project / "framework" / translations.name)
    standard = build(Path(source), project, project / "site").standard
    pages = ["/" + c.fill_page(s.file).removesuffix("index.html") for s in form_specs(standard)]
    return project / "site", pages


def bench_fill() -> str:
    with tempfile.TemporaryDirectory() as tmp:
        site, pages = build_copy(Path(tmp))
        lines = []
        for page in (pages[0], pages[len(pages) // 11 - 1]):  # an area form, a complete form
            out = subprocess.run(["node", str(DRIVER), "bench", str(site), page, "/"],
                                 capture_output=True, text=True, check=True)
            r = json.loads(out.stdout)
            lines.append(
                f"fill page {page}: before usable {r['usable_gzip'] / 1024:.0f} KB gzip beyond "
                f"the home page's files (goal ≤ 150 KB); 'Lag PDF' with CPU 4× slower: "
                f"{', '.join(f'{t} ms' for t in r['make_ms'])} (goal ≤ 1 s); total "
                f"{r['total_gzip'] / 1024:.0f} KB gzip (goal ≤ 700 KB); first visit "
                f"{r['first_visit_gzip'] / 1024:.0f} KB gzip before anything is typed")
        return "\n".join(lines)


if __name__ == "__main__":
    print(bench_fill())
    sys.exit(0)
