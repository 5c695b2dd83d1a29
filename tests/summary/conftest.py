"""The Sammendrag page's shared fixtures: two built sites (this standard, with its languages,
and another municipality's), a corpus of real filled forms for each, one browser run that
visits the page several ways, and the command line's outputs for the same files.

Everything is made once a session: the sites in temporary copies of the project (as
tests/site and tests/fill do), the forms with the real engines of tests/collect (pypdf,
pdf.js, PDFium) and the site's own fill pages in Chromium.
"""

from __future__ import annotations

import contextlib
import io
import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import shared
from helpers import browser
from helpers.browser import address, need_browser, run_driver
from helpers.fillers import ENGINES as FILLERS
from helpers.fillers import answers_for
from project import TRANSLATIONS
from standards import OTHER, STAVANGER

from stavangerstandarden import contract as c
from stavangerstandarden.cli import main
from stavangerstandarden.fill.fields import max_length
from stavangerstandarden.formspec import FormSpec, form_specs
from stavangerstandarden.loader import load
from stavangerstandarden.model import Standard

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).with_name("summary_browser.mjs")
SHIPPED = ROOT / "framework" / "stavangerstandarden.yaml"
OUTPUTS = ("sammendrag.json", "svar.csv", "rapport.html", "rapport-til-deling.html",
           "til-kommunen.json")
INBOX = "innboks"
"""The corpus folder's name: the folder picker and `collect innboks` show it in every path."""


ENGINES = ("pypdf", "pdfjs", "pdfium", "chromium")
FILLED = 25
"""Filled forms in each corpus; every fourth (and the last) is filled in Chromium, the rest
in turn by pypdf, pdf.js and PDFium."""
FIRST_NAMES = ("Åse", "Øystein", "Ærle", "Bjørn", "Kåre", "Sølvi", "Håkon")
LAST_NAMES = ("Ødegård", "Åsheim", "Sæther", "Bråten")
TILTAK = ("Foreldrekaffe med tolk før høstferien", "Øve på «nettvett» på foreldremøtet",
          "Åpen skole på lørdag for nye familier", "Lærer og FAU går gjennom ordensreglene",
          "Bærekraftig skolevei: gåbuss fra Ålgård")


@dataclass(frozen=True)
class Source:
    name: str
    path: Path
    translations: Path | None


SOURCES = {"stavanger": Source("stavanger", STAVANGER, TRANSLATIONS),
           "annen": Source("annen", OTHER, None)}


@dataclass
class Built:
    source: Source
    standard: Standard
    site: Path
    specs: tuple[FormSpec, ...] = field(init=False)

    def __post_init__(self) -> None:
        self.specs = form_specs(self.standard)

    @property
    def source_args(self) -> list[str]:
        """`--source` unless the forms' standard is the one the package ships."""
        return [] if self.source.path.resolve() == SHIPPED else ["--source", str(self.source.path)]


@dataclass
class Corpus:
    """A folder of received files: `filled` (file name → the values typed, all counted) and
    one file of each kind that is not counted."""

    folder: Path
    filled: dict[str, dict[str, str]]
    engine: dict[str, str]
    blank: str
    duplicate: str
    original: str
    not_pdf: str
    damaged: str

    @property
    def names(self) -> list[str]:
        return sorted(p.name for p in self.folder.iterdir())


def drive(*args: str) -> Any:
    return run_driver(DRIVER, *args, timeout=900, pyodide=True)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Built]:
    out = {}
    for name, source in SOURCES.items():
        text = source.path.read_text("utf-8")
        out[name] = Built(source, load(text, str(source.path)),
                          shared.site(tmp_path_factory, text, source.translations))
    return out


def values_for(spec: FormSpec, seed: int) -> dict[str, str]:
    """tests/collect's plausible answers, with a name of its own in "Utfylt av" and tiltak
    texts with æøå (one shared by every form, one by some, one unique), each cut to its
    field's length as a visitor's typing would be."""
    rnd = random.Random(seed)
    values = answers_for(spec, seed)
    values[c.meta_field("utfylt_av")] = (f"{rnd.choice(FIRST_NAMES)} {rnd.choice(LAST_NAMES)}-"
                                        f"{seed:02}")
    values[c.action_field(2, "tiltak")] = rnd.choice(TILTAK)
    values[c.action_field(4, "tiltak")] = f"Tiltak nr. {seed} på Ølberg: «{rnd.random():.4f}»"
    fields = {f.name: f for f in spec.fields}
    return {n: v[: max_length(fields[n])] if fields[n].type == "text" else v
            for n, v in values.items() if n in fields}


def corpus_plan(b: Built) -> list[tuple[str, FormSpec, int]]:
    """(engine, form, seed) for each filled form: areas and levels spread over the standard,
    the complete form among them."""
    rnd = random.Random(b.source.name)
    specs = list(b.specs)
    rnd.shuffle(specs)
    complete = next(s for s in specs if s.area is None)
    chosen = [complete, *[s for s in specs if s is not complete]][:FILLED]
    while len(chosen) < FILLED:
        chosen.append(rnd.choice(specs))
    return [(ENGINES[3] if i % 4 == 3 or i == FILLED - 1 else ENGINES[i % 3], spec, i)
            for i, spec in enumerate(chosen)]


def make_corpus(b: Built, folder: Path, scratch: Path) -> tuple[Corpus, list[dict[str, Any]]]:
    """The forms the PDF libraries fill, written now; the fill-page jobs for Chromium
    returned, to be run for every site in one browser."""
    folder.mkdir(parents=True)
    filled, engine, jobs = {}, {}, []
    for engine_name, spec, seed in corpus_plan(b):
        name = f"{seed + 1:02}-{engine_name}-{Path(spec.file).stem}.pdf"
        values = values_for(spec, seed)
        filled[name], engine[name] = values, engine_name
        blank = (b.site / spec.file).read_bytes()
        if engine_name == "chromium":
            jobs.append({"site": str(b.site), "page": address(c.fill_page(spec.file)),
                         "values": values, "out": str(folder / name)})
            continue
        tmp = scratch / name
        tmp.mkdir(parents=True)
        (folder / name).write_bytes(FILLERS[engine_name](blank, values, tmp))
    original = sorted(n for n, e in engine.items() if e == "pdfium")[0]
    blank_spec = b.specs[len(b.specs) // 2]
    corpus = Corpus(folder, filled, engine, blank="tomt-skjema.pdf",
                    duplicate="kopi av Åses skjema.pdf", original=original,
                    not_pdf="notat.txt", damaged="skadet.pdf")
    (folder / corpus.blank).write_bytes((b.site / blank_spec.file).read_bytes())
    (folder / corpus.duplicate).write_bytes((folder / original).read_bytes())
    (folder / corpus.not_pdf).write_text("Husk å purre på 3B før fristen.\n", "utf-8")
    whole = (folder / original).read_bytes()
    (folder / corpus.damaged).write_bytes(whole[: len(whole) * 3 // 5])
    return corpus, jobs


@pytest.fixture(scope="session")
def corpora(built: dict[str, Built], tmp_path_factory: pytest.TempPathFactory
            ) -> dict[str, Corpus]:
    need_browser(pyodide=True)
    out, jobs = {}, []
    for name, b in built.items():
        root = tmp_path_factory.mktemp(f"korpus-{name}")
        out[name], more = make_corpus(b, root / INBOX, root / "kladd")
        jobs += more
    plan = tmp_path_factory.mktemp("fyll") / "jobs.json"
    plan.write_text(json.dumps(jobs, ensure_ascii=False), "utf-8")
    done = drive("fill", str(plan))
    assert [d["out"] for d in done["done"]] == [j["out"] for j in jobs]
    # The damaged copy is made of a PDFium form, written before the browser ran.
    return out


# --- The command line on the same files ----------------------------------------------------

def run_cli(cwd: Path, paths: list[str], out: Path, *extra: str) -> dict[str, bytes]:
    """`stavangerstandarden collect PATHS --out OUT EXTRA`, run from `cwd`; the outputs. Exit
    status 1: the corpus has files that are not counted, on purpose."""
    err = io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(io.StringIO()), \
            contextlib.redirect_stderr(err):
        status = main(["collect", *paths, "--out", str(out), *extra])
    assert status == 1, err.getvalue()
    return {name: (out / name).read_bytes() for name in OUTPUTS}


# --- The browser visits ---------------------------------------------------------------------

@dataclass(frozen=True)
class Visit(browser.Visit):
    """One visit to the Sammendrag page, and how the command line makes the same summary."""

    names: bool = False
    """Then tick the names box and save the reports it makes."""
    scheme: str = "light"
    early: bool = False
    """Choose the files as soon as the page has loaded, before its reader is ready."""
    touch: bool = False
    """A touch-only phone: no mouse, no hover."""

    def marks(self) -> tuple[str, ...]:
        return (self.scheme, *(["early"] if self.early else []),
                *(["touch"] if self.touch else []))


VISITS = (
    Visit("stavanger", "files", names=True, axe=True),
    Visit("stavanger", "folder", scheme="dark", width=320, axe=True),
    Visit("stavanger", "drop", offline=True),
    Visit("stavanger", "files", language="nn", width=390),
    Visit("annen", "files", offline=True),
    Visit("stavanger", "files", width=390, early=True, touch=True),
    Visit("annen", "drop", early=True),
)
"""Every way of choosing files, online and offline (context offline once the page is ready),
both standards, nynorsk, axe-core in light and dark, the narrowest phone, a touch-only
phone, and files chosen before the page's reader is ready."""


@dataclass
class Seen:
    """A visit's result: what the driver reported, the page's downloads and the CLI's."""

    visit: Visit
    built: Built
    corpus: Corpus
    result: dict[str, Any]
    page: dict[str, bytes]
    cli: dict[str, bytes]
    named_page: bytes | None = None
    named_cli: bytes | None = None
    named_shared_page: bytes | None = None

    @property
    def prefix(self) -> str:
        """How the outputs name a file of the corpus: with the folder for the folder picker."""
        return f"{INBOX}/" if self.visit.how == "folder" else ""


@pytest.fixture(scope="session")
def seen(built: dict[str, Built], corpora: dict[str, Corpus],
         tmp_path_factory: pytest.TempPathFactory) -> dict[str, Seen]:
    """Every visit of VISITS in one browser, and the command line's outputs for each."""
    tmp = tmp_path_factory.mktemp("visits")
    plan = []
    for n, v in enumerate(VISITS):
        b, corpus = built[v.standard], corpora[v.standard]
        plan.append(v.plan(c.SUMMARY_PAGE, site=str(b.site), folder=str(corpus.folder),
                           files=corpus.names, out=str(tmp / f"side-{n}")))
    (tmp / "plan.json").write_text(json.dumps(plan, ensure_ascii=False), "utf-8")
    results = drive("summarise", str(tmp / "plan.json"))
    out = {}
    for n, (v, result) in enumerate(zip(VISITS, results, strict=True)):
        b, corpus = built[v.standard], corpora[v.standard]
        extra = [*b.source_args, *(["--sprak", v.language] if v.language != "nb" else [])]
        if v.how == "folder":
            cli = run_cli(corpus.folder.parent, [INBOX], tmp / f"cli-{n}", *extra)
        else:
            cli = run_cli(corpus.folder, corpus.names, tmp / f"cli-{n}", *extra)
        page_out = tmp / f"side-{n}"
        s = Seen(v, b, corpus, result, {k: (page_out / k).read_bytes() for k in OUTPUTS}, cli)
        if v.names:
            s.named_page = (page_out / "navn" / "rapport.html").read_bytes()
            s.named_shared_page = (page_out / "navn" / "rapport-til-deling.html").read_bytes()
            s.named_cli = run_cli(corpus.folder, corpus.names, tmp / f"cli-{n}-navn", *extra,
                                  "--med-navn")["rapport.html"]
        out[v.id] = s
    return out


@pytest.fixture(params=[v.id for v in VISITS])
def visit(request: pytest.FixtureRequest, seen: dict[str, Seen]) -> Seen:
    return seen[request.param]
