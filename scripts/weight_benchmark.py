"""Site weight figures (issue 24): bytes stored more than once across the built site, the
size of each language's share of it, and what a first visit to the fill, Sammendrag and
Kommune pages transfers before the visitor does anything (Debian's Chromium, cache empty,
gzip as a web server sends it; tests/site/first_visit.mjs). Figures for review, not a test.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from stavangerstandarden.sharedfiles import duplicate_bytes

ROOT = Path(__file__).resolve().parents[1]
DRIVER = ROOT / "tests" / "site" / "first_visit.mjs"
MB = 1_000_000
GOAL_DUPLICATE = 1 * MB
GOAL_BASE, GOAL_PER_LANGUAGE = 20 * MB, 8 * MB
GOAL_FIRST_VISIT = 600_000


def language_sizes(site: Path, roots: list[str]) -> dict[str, int]:
    """Bytes under each translated language's root; the source language ("") the rest."""
    def size(folder: Path) -> int:
        return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    sizes = {root: size(site / root) for root in roots}
    return {"": size(site) - sum(sizes.values()), **sizes}


KINDS = {".pdf": "forms and booklet (PDF)", ".zip": "ZIP archives", ".html": "pages (HTML)",
         ".json": "JSON", ".js": "scripts", ".wasm": "WebAssembly"}
"""File suffix → what the figure by kind calls it; the rest is "other"."""


def kind_sizes(site: Path) -> dict[str, int]:
    """Bytes of the whole site by kind of file, largest first: where a saving can come from."""
    sizes: dict[str, int] = {}
    for p in site.rglob("*"):
        if p.is_file():
            kind = KINDS.get(p.suffix, "other")
            sizes[kind] = sizes.get(kind, 0) + p.stat().st_size
    return dict(sorted(sizes.items(), key=lambda item: -item[1]))


def site_weight(site: Path) -> str:
    roots = sorted(p.name for p in site.iterdir()
                   if p.is_dir() and (p / "index.html").is_file() and (p / "sitemap.xml").is_file())
    sizes = language_sizes(site, roots)
    total, duplicate = sum(sizes.values()), duplicate_bytes(site)
    goal = GOAL_BASE + GOAL_PER_LANGUAGE * len(sizes)
    per = ", ".join(f"{root or 'nb (root)'} {n / MB:.1f} MB" for root, n in sizes.items())
    return (f"site: {total / MB:.1f} MB for {len(sizes)} languages (goal ≤ {goal / MB:.0f} MB: "
            f"20 MB + 8 MB per language); per language: {per}; stored more than once: "
            f"{duplicate / MB:.2f} MB (goal ≤ 1 MB)\nsite by kind of file: "
            + ", ".join(f"{kind} {n / MB:.1f} MB" for kind, n in kind_sizes(site).items()))


def first_visits(site: Path, pages: list[str]) -> str:
    out = subprocess.run(["node", str(DRIVER), str(site), *pages], capture_output=True,
                         text=True, check=True)
    lines = []
    for page, r in zip(pages, json.loads(out.stdout), strict=True):
        lines.append(f"first visit {page}: {r['gzip'] / 1000:.0f} KB gzip "
                     f"({r['bytes'] / 1000:.0f} KB as stored, {len(r['files'])} files) before "
                     f"the visitor does anything (goal ≤ {GOAL_FIRST_VISIT // 1000} KB)")
    return "\n".join(lines)


def bench_weight() -> str:
    from fill_benchmark import build_copy

    from stavangerstandarden import contract as c
    from stavangerstandarden.overview.page import KOMMUNE_PAGE

    with tempfile.TemporaryDirectory() as tmp:
        site, fill_pages = build_copy(Path(tmp), languages=True)
        pages = [fill_pages[0], "/" + c.SUMMARY_PAGE.removesuffix("index.html"),
                 "/" + KOMMUNE_PAGE.removesuffix("index.html")]
        return site_weight(site) + "\n" + first_visits(site, pages)


if __name__ == "__main__":
    if len(sys.argv) > 1:
        print(site_weight(Path(sys.argv[1])))
    else:
        print(bench_weight())
    sys.exit(0)
