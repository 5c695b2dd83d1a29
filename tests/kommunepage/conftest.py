"""The Kommune page's fixtures: each standard's site, built once a session in a copy of the
project (Stavanger's with its languages, and another municipality's), the schools' summaries
of tests/overview (real forms read by the real `collect`), one browser run that visits the
page several ways, and the command line's outputs for the same files.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import shared
from helpers import browser
from helpers.browser import run_driver
from overview.corpus import SOURCES, Corpus, make_corpus
from project import TRANSLATIONS
from standards import STAVANGER

from stavangerstandarden.cli import main
from stavangerstandarden.overview.page import KOMMUNE_PAGE
from stavangerstandarden.overview.pipeline import OUTPUTS

DRIVER = Path(__file__).with_name("kommune_browser.mjs")
BROKEN = "notat.json"
DUPLICATE = "kopi-eiganes.json"
AS_SUMMARY = "madla-sammendrag.json"


@dataclass(frozen=True)
class Visit(browser.Visit):
    """One visit to the page, and how the command line makes the same overview."""

    previous: bool = False
    """Compare with an overview of some of the same files (made by the command)."""

    def marks(self) -> tuple[str, ...]:
        return ("fjor",) if self.previous else ()


VISITS = (
    Visit("stavanger", "files", axe=True),
    Visit("stavanger", "drop", language="en", offline=True, axe=True, width=390),
    Visit("annen-kommune", "files", offline=True, previous=True),
)
"""File picker and drop, online and offline, both standards, bokmål and English, axe-core,
the narrowest phone, and last year's overview."""


@dataclass
class Seen:
    visit: Visit
    corpus: Corpus
    site: Path
    inbox: Path
    result: dict[str, Any]
    page: dict[str, bytes]
    cli: dict[str, bytes]

    @property
    def overview(self) -> dict[str, Any]:
        """The command's kommune.json."""
        return json.loads(self.cli["kommune.json"])


def inbox(corpus: Corpus, folder: Path) -> list[str]:
    """What the school owner received: each school's contribution, one as its leader's
    sammendrag.json, a second copy of one school's summary, and a file that is no summary.
    Returns the names in name order (the order the page and the command take them in)."""
    folder.mkdir(parents=True)
    for name, path in corpus.contributions.items():
        if name != "madla":
            shutil.copy(path, folder / f"{name}.json")
    shutil.copy(corpus.summaries["madla"], folder / AS_SUMMARY)
    shutil.copy(corpus.summaries["eiganes"], folder / DUPLICATE)
    (folder / BROKEN).write_text("Husk å purre på Tasta før fristen.\n", "utf-8")
    return sorted(p.name for p in folder.iterdir())


def run_cli(corpus: Corpus, paths: list[Path], out: Path, *extra: str) -> dict[str, bytes]:
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        status = main(["kommune", *map(str, paths), "--out", str(out), "--source",
                       str(corpus.source), *extra])
    assert status in (0, 1), err.getvalue()
    return {name: (out / name).read_bytes() for name in OUTPUTS}


@pytest.fixture(scope="session")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = {}
    for name, source in SOURCES.items():
        translations = TRANSLATIONS if source == STAVANGER else None
        out[name] = shared.site(tmp_path_factory, source.read_text("utf-8"), translations)
    return out


@pytest.fixture(scope="session")
def seen(sites: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Seen]:
    """Every visit of VISITS in one browser, and the command line's outputs for each."""
    tmp = tmp_path_factory.mktemp("besok")
    corpora = {name: make_corpus(name, tmp_path_factory.mktemp(f"korpus-{name}"))
               for name in {v.standard for v in VISITS}}
    inboxes = {name: (tmp / f"innboks-{name}", inbox(c, tmp / f"innboks-{name}"))
               for name, c in corpora.items()}
    plan, clis = [], []
    for n, v in enumerate(VISITS):
        corpus, (folder, names) = corpora[v.standard], inboxes[v.standard]
        extra = ["--sprak", v.language]
        previous = None
        if v.previous:
            previous = tmp / f"fjor-{n}" / "kommune.json"
            run_cli(corpus, [folder / name for name in names[:4]], previous.parent)
            extra += ["--sammenlign", str(previous)]
        clis.append(run_cli(corpus, [folder / name for name in names], tmp / f"cli-{n}", *extra))
        plan.append(v.plan(KOMMUNE_PAGE, site=str(sites[v.standard]), folder=str(folder),
                           files=names, previous=str(previous) if previous else None,
                           out=str(tmp / f"side-{n}"), shot=str(tmp / f"side-{n}.png")))
    (tmp / "plan.json").write_text(json.dumps(plan, ensure_ascii=False), "utf-8")
    results = run_driver(DRIVER, str(tmp / "plan.json"), timeout=1200, pyodide=True)
    return {v.id: Seen(v, corpora[v.standard], sites[v.standard], inboxes[v.standard][0],
                       result, {k: (tmp / f"side-{n}" / k).read_bytes() for k in OUTPUTS}, cli)
            for n, (v, result, cli) in enumerate(zip(VISITS, results, clis, strict=True))}


@pytest.fixture(params=[v.id for v in VISITS])
def visit(request: pytest.FixtureRequest, seen: dict[str, Seen]) -> Seen:
    return seen[request.param]
