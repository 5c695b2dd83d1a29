"""Hostile input never hurts: each attack of issue 9 on `collect`, generated here.

Every case runs `stavangerstandarden collect` as a child process under an address-space
limit, next to a good form, and asserts the exit status, the Norwegian reason, that the good
form is still counted, and the child's CPU time and peak memory from
`getrusage(RUSAGE_CHILDREN)` of a small wrapper process (so no other child of the test run
counts). The attacks on reading run with either reader engine (pikepdf, the command line's;
pypdf, the browser's); both give the same reasons: the bounds of `limits` are applied by the
one walk, and a stream that unpacks to hundreds of megabytes stops pikepdf at the memory bound
of `memory` and pypdf at its own decompression limit (≈ 75 MB), both reported as too much
memory.
"""

from __future__ import annotations

import csv
import fcntl
import io
import json
import os
import struct
import subprocess
import sys
import threading
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pikepdf
import pypdf
import pytest
import tools
from helpers.hostile_pictures import CASES
from pikepdf import Array, Dictionary, Name, String

from stavangerstandarden.collect.command import LOCK
from stavangerstandarden.collect.limits import over_limit
from stavangerstandarden.collect.pdfform import Engine

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "framework" / "stavangerstandarden.yaml"
GOOD = {"relasjoner-tett-kontakt": "bedre", "relasjoner-matpakker": "endres",
        "tiltak.1.tiltak": "Foreldrekaffe", "meta.klasse": "3B"}
MAX_CPU_SECONDS = 5
"""A run that reads one good form costs ≈ 1.2 s of CPU; a hostile file may cost a few times
that, never minutes."""
MAX_CPU_UNPACKING = 15
"""qpdf unpacks 144 MB of object streams in C++ (≈ 4.5 s here, more on a slower machine):
bounded, but not within the general bound."""
MAX_MEMORY_MB = 500
ADDRESS_SPACE = 1 << 30
"""The memory limit every case runs under (1 GiB of address space; a run needs ≈ 300 MB)."""

MEASURE = """
import json, resource, signal, subprocess, sys
usage_file, limit, file_size, *command = sys.argv[1:]
def cap():
    resource.setrlimit(resource.RLIMIT_AS, (int(limit), int(limit)))
    if int(file_size):
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (int(file_size), int(file_size)))
status = subprocess.call(command, preexec_fn=cap)
use = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(usage_file, "w") as f:
    json.dump({"status": status, "cpu": use.ru_utime + use.ru_stime,
               "memory_mb": use.ru_maxrss / 1024}, f)
"""
"""Runs one command under the limits (address space; file size when not 0) and writes its
exit status and resource use."""

ON_PYPDF = """
import sys
from functools import partial
from stavangerstandarden.collect import command, inputs
command.read_all = partial(inputs.read_all, engine="pypdf")
from stavangerstandarden.cli import main
sys.exit(main(sys.argv[1:]))
"""
"""`stavangerstandarden` with the forms read by pypdf (the command line has no option for
it: the browser is where pypdf reads)."""
RUN: dict[Engine, list[str]] = {"pikepdf": ["-m", "stavangerstandarden.cli"],
                                "pypdf": ["-c", ON_PYPDF]}


@dataclass(frozen=True)
class Outcome:
    status: int
    stdout: bytes
    stderr: bytes
    cpu: float
    memory_mb: float
    out: Path

    def summary(self) -> dict[str, Any]:
        return json.loads((self.out / "sammendrag.json").read_text(encoding="utf-8"))

    def files(self) -> dict[str, tuple[str, str]]:
        """Base name → (status, reason)."""
        return {f["file"].rsplit("/", 1)[-1]: (f["status"], f["reason"])
                for f in self.summary()["files"]}

    def csv_rows(self) -> list[list[str]]:
        text = (self.out / "svar.csv").read_text(encoding="utf-8-sig")
        return list(csv.reader(io.StringIO(text), delimiter=";"))


def collect(tmp_path: Path, *args: str | bytes | Path, out: Path | None = None,
            cwd: Path | None = None, limit: int = ADDRESS_SPACE, file_size: int = 0,
            engine: Engine = "pikepdf", max_cpu: float = MAX_CPU_SECONDS) -> Outcome:
    """`stavangerstandarden collect ARGS --out OUT` as a measured child process, reading the
    forms with `engine`, within `max_cpu` seconds of CPU time."""
    out = out or tmp_path / "ut"
    usage = tmp_path / "bruk.json"
    command = [sys.executable, *RUN[engine], "collect",
               *(os.fsencode(a) if isinstance(a, Path) else a for a in args),
               "--out", str(out), "--source", str(SOURCE)]
    run = subprocess.run([sys.executable, "-c", MEASURE, str(usage), str(limit),
                          str(file_size), *command],
                         capture_output=True, timeout=120, check=False, cwd=cwd)
    assert run.returncode == 0, run.stderr
    used = json.loads(usage.read_text(encoding="utf-8"))
    outcome = Outcome(used["status"], run.stdout, run.stderr, used["cpu"], used["memory_mb"],
                      out)
    assert b"Traceback" not in run.stderr, run.stderr.decode(errors="replace")
    assert outcome.cpu < max_cpu
    assert outcome.memory_mb < MAX_MEMORY_MB
    return outcome


@pytest.fixture
def good(real_form, fill) -> bytes:
    return fill(real_form("gode-relasjoner", "trinn-3"), GOOD)


def inbox(tmp_path: Path, good: bytes, files: dict[str, bytes]) -> Path:
    folder = tmp_path / "innboks"
    folder.mkdir()
    (folder / "god.pdf").write_bytes(good)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def assert_good_counted(outcome: Outcome, forms: int = 1) -> None:
    """god.pdf (and `forms` - 1 more with its answers) counted."""
    assert outcome.files()["god.pdf"] == ("ok", "")
    counts = outcome.summary()["statements"]
    assert counts["relasjoner-tett-kontakt"]["bedre"] == forms
    assert counts["relasjoner-matpakker"]["endres"] == forms


def save(pdf: pikepdf.Pdf) -> bytes:
    out = io.BytesIO()
    pdf.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()


def blank_pdf() -> pikepdf.Pdf:
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    return pdf


def nested_names(depth: int = 400, length: int = 2000) -> bytes:
    """A chain of nested fields that all share one long name (a full name of 800,000
    characters at the bottom; a reader that joins first builds each of them)."""
    pdf = blank_pdf()
    name = pdf.make_indirect(String("n" * length))
    node = pdf.make_indirect(Dictionary(T=name, FT=Name.Tx, V=String("x")))
    for _ in range(depth):
        parent = pdf.make_indirect(Dictionary(T=name, Kids=Array([node])))
        node.Parent = parent
        node = parent
    pdf.Root.AcroForm = Dictionary(Fields=Array([node]))
    return save(pdf)


def deep_widgets(widgets: int = 2000, levels: int = 32, *, in_tree: bool) -> bytes:
    """`widgets` radio buttons under a `levels`-deep chain of parent fields, in the field
    tree or only on the page (as Preview leaves them)."""
    pdf = blank_pdf()
    parent = None
    top = None
    for level in range(levels):
        node = pdf.make_indirect(Dictionary(T=String(f"n{level}"), Kids=Array()))
        if parent is None:
            top = node
        else:
            node.Parent = parent
            parent.Kids.append(node)
        parent = node
    annots = Array()
    for k in range(widgets):
        widget = pdf.make_indirect(Dictionary(
            Type=Name.Annot, Subtype=Name.Widget, Parent=parent, FT=Name.Btn,
            AS=Name(f"/v{k}"), Rect=Array([0, 0, 1, 1])))
        annots.append(widget)
        if in_tree:
            parent.Kids.append(widget)  # type: ignore[union-attr]
    pdf.pages[0].Annots = annots
    pdf.Root.AcroForm = Dictionary(Fields=Array([top]))
    return save(pdf)


def object_stream_bomb(unpacked: int = 400 << 20) -> bytes:
    """A PDF of < 1 MB whose form dictionary sits in an object stream that unpacks to
    `unpacked` bytes (a string of spaces), written by hand with a cross-reference stream."""
    return with_object_streams([b"5 0 << /Fields [] /Fyll (", b") >>"], [(5, unpacked)],
                               acroform=5)


def many_object_streams(count: int = 12, each: int = 12 << 20) -> bytes:
    """A form of `count` text fields, each alone in an object stream that unpacks to `each`
    bytes (its value, a string of spaces): every stream below pypdf's limit of 75 MB."""
    numbers = list(range(4 + count, 4 + 2 * count))  # after the object streams
    fields = b" ".join(b"%d 0 R" % n for n in numbers)
    return with_object_streams([b"<< /FT /Tx /T (f%d) /V (" % n for n in numbers]
                               + [b") >>"], [(n, each) for n in numbers],
                               acroform=fields)


def with_object_streams(parts: list[bytes], streams: list[tuple[int, int]],
                        acroform: int | bytes) -> bytes:
    """A one-page PDF with a cross-reference stream and one object stream per (number,
    spaces) in `streams`: object `number` is `parts[k]`, that many spaces, `parts[-1]`
    (k counts the streams; one prefix serves all). `acroform` is the number of the form
    dictionary, or the references to put in a /Fields array of its own."""
    form = (b"%d 0 R" % acroform if isinstance(acroform, int)
            else b"<< /Fields [" + acroform + b"] >>")
    objects = [b"<< /Type /Catalog /Pages 2 0 R /AcroForm " + form + b" >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]
    chunk = b" " * (1 << 20)
    for k, (number, spaces) in enumerate(streams):
        packer = zlib.compressobj(1)
        head = parts[min(k, len(parts) - 2)]
        body = [packer.compress(b"%d 0 " % number + head)]
        body += [packer.compress(chunk) for _ in range(spaces >> 20)]
        data = b"".join(body) + packer.compress(parts[-1]) + packer.flush()
        first = len(b"%d 0 " % number)
        objects.append(b"<< /Type /ObjStm /N 1 /First %d /Filter /FlateDecode /Length %d >>\n"
                       b"stream\n" % (first, len(data)) + data + b"\nendstream")
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, content in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + content + b"\nendobj\n"
    xref_at, size = len(out), 4 + 2 * len(streams)
    packed = {number: 4 + k for k, (number, _) in enumerate(streams)}
    rows = [(0, 0, 65535), *((1, o, 0) for o in offsets),
            *((2, packed[n], 0) if n in packed else (0, 0, 0)
              for n in range(len(objects) + 1, size)),
            (1, xref_at, 0)]
    table = b"".join(struct.pack(">BIH", *row) for row in rows)
    out += (b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n"
            % (size, size + 1, len(table)) + table
            + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % xref_at)
    return bytes(out)


def edited(data: bytes, texts: dict[str, str | bytes] | None = None,
           new: dict[str, str] | None = None) -> bytes:
    """A real form with text values replaced (bytes: a raw PDF string) and top-level text
    fields added."""
    pdf = pikepdf.open(io.BytesIO(data))
    fields = pdf.Root.AcroForm.Fields
    by_name: dict[str, pikepdf.Object] = {}

    def walk(node: pikepdf.Object, prefix: str) -> None:
        name = f"{prefix}.{node.T}" if prefix and "/T" in node else str(node.get("/T", prefix))
        by_name[name] = node
        for kid in node.get("/Kids", []):
            walk(kid, name)

    for node in fields:
        walk(node, "")
    for name, value in (texts or {}).items():
        by_name[name].V = String(value)
    for name, value in (new or {}).items():
        fields.append(pdf.make_indirect(Dictionary(T=String(name), FT=Name.Tx,
                                                   V=String(value))))
    return save(pdf)


def utf16(text: str) -> bytes:
    """A PDF text string in UTF-16 (the only way to put ESC and C1 controls in one)."""
    return b"\xfe\xff" + text.encode("utf-16-be")


NAME_CHARS = over_limit("tegn i et feltnavn", 200)
NAME_DEPTH = over_limit("ledd i et feltnavn", 8)
MEMORY = over_limit("MB minne til å lese filen", 256)


@pytest.mark.parametrize(("make", "reason"), [
    (nested_names, NAME_CHARS),
    (lambda: deep_widgets(in_tree=True), NAME_DEPTH),
    (lambda: deep_widgets(in_tree=False), NAME_DEPTH),
], ids=["nested-long-names", "2000-widgets-32-levels", "2000-widgets-32-levels-on-page"])
def test_field_trees_that_explode_are_bounded(reader_engine, tmp_path, good, make, reason):
    data = make()
    assert len(data) < 64_000
    outcome = collect(tmp_path, inbox(tmp_path, good, {"fiendtlig.pdf": data}),
                      engine=reader_engine)
    assert outcome.status == 1
    assert outcome.files()["fiendtlig.pdf"] == ("skipped", reason)
    assert_good_counted(outcome)


def test_object_stream_that_unpacks_to_hundreds_of_megabytes_is_bounded(reader_engine, tmp_path,
                                                                        good):
    data = object_stream_bomb()
    assert len(data) < 2_000_000
    outcome = collect(tmp_path, inbox(tmp_path, good, {"bombe.pdf": data}), engine=reader_engine)
    assert outcome.status == 1
    assert outcome.files()["bombe.pdf"] == ("skipped", MEMORY)
    assert_good_counted(outcome)


def test_many_object_streams_under_pypdfs_limit_are_bounded(reader_engine, tmp_path, good):
    """Twelve streams of 12 MB each (a 660 KB file): pypdf would parse them in Python for
    minutes, so its engine stops at the bound on unpacked object streams. The engines differ
    here: qpdf parses 144 MB in C++ well within its memory bound and finds twelve empty text
    fields, which are no form of the standard; either way the file is not counted."""
    data = many_object_streams()
    assert len(data) < 1_000_000
    outcome = collect(tmp_path, inbox(tmp_path, good, {"strommer.pdf": data}),
                      engine=reader_engine, max_cpu=MAX_CPU_UNPACKING)
    assert outcome.status == 1
    status, reason = outcome.files()["strommer.pdf"]
    assert status == "skipped"
    if reader_engine == "pypdf":
        assert reason == over_limit("MB utpakkede objektstrømmer", 8)
    else:
        assert reason.startswith("PDF-filen er ikke et egenvurderingsskjema")
    assert_good_counted(outcome)


@pytest.mark.parametrize(("opening", "closing"), [(b"[", b"]"), (b"<< /A ", b" >>")],
                         ids=["arrays", "dictionaries"])
def test_values_nested_a_hundred_thousand_deep_are_bounded(reader_engine, tmp_path, good,
                                                           opening, closing):
    """A field value nested 100,000 levels deep (a parser that recurses runs out of stack).
    The engines differ: qpdf drops the object past its nesting limit, pypdf raises
    RecursionError on arrays (a damaged file) and reads dictionaries iteratively; either way
    the file is not counted, with a reason."""
    depth = 100_000
    data = with_object_streams([b"<< /FT /Tx /T (f) /V " + opening * depth,
                                closing * depth + b" >>"], [(5, 0)], acroform=b"5 0 R")
    outcome = collect(tmp_path, inbox(tmp_path, good, {"dyp.pdf": data}), engine=reader_engine)
    assert outcome.status == 1
    status, reason = outcome.files()["dyp.pdf"]
    assert status == "skipped"
    assert reason.startswith(("PDF-filen er ", "PDF-filen har ingen skjemafelt"))
    assert_good_counted(outcome)


def test_file_over_the_size_limit_is_not_read(tmp_path, good):
    huge = b"%PDF-1.7\n" + b" " * 30_000_000 + b"\n%%EOF\n"
    outcome = collect(tmp_path, inbox(tmp_path, good, {"stor.pdf": huge}))
    assert outcome.status == 1
    assert outcome.files()["stor.pdf"] == ("skipped", over_limit("byte i filen", 20_000_000))
    assert_good_counted(outcome)


def test_megabytes_of_meta_are_not_repeated_into_the_csv(reader_engine, tmp_path, good):
    files = {"megabyte.pdf": edited(good, {"meta.skole": "Skole " * 500_000}),
             "lang-skole.pdf": edited(good, {"meta.utfylt_av": "FAU " * 300})}
    outcome = collect(tmp_path, inbox(tmp_path, good, files), engine=reader_engine)
    assert outcome.status == 1
    assert outcome.files()["megabyte.pdf"] == (
        "skipped", over_limit("tegn i feltet meta.skole", 5000))
    assert outcome.files()["lang-skole.pdf"] == (
        "skipped", over_limit("tegn i feltet meta.utfylt_av", 500))
    assert_good_counted(outcome)
    assert (outcome.out / "svar.csv").stat().st_size < 50_000


FORMULAS = {"meta.skole": '=HYPERLINK("http://angriper.example/","klikk")',
            "meta.klasse": "=cmd|' /C calc'!A0", "meta.dato": "+1+1",
            "meta.utfylt_av": "-2+3"}


def test_csv_cells_are_never_formulas(tmp_path, good):
    files = {"formler.pdf": edited(good, FORMULAS),
             "tab.pdf": edited(good, {"meta.skole": "\t=1+1", "meta.klasse": "@SUM(1)"}),
             '=HYPERLINK("http:angriper.example","klikk").pdf': good + b"\n"}
    folder = inbox(tmp_path, good, files)
    outcome = collect(tmp_path, *sorted(p.name for p in folder.iterdir()), cwd=folder)
    assert outcome.status == 0
    rows = outcome.csv_rows()[1:]
    assert {r[0] for r in rows} == {"formler.pdf", "god.pdf", "tab.pdf",
                                    '\'=HYPERLINK("http:angriper.example","klikk").pdf'}
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    first = next(r for r in rows if r[0].endswith("formler.pdf"))
    assert first[-4:] == ["'" + FORMULAS[f"meta.{part}"]
                          for part in ("skole", "klasse", "dato", "utfylt_av")]
    tab = next(r for r in rows if r[0].endswith("tab.pdf"))
    assert tab[-4:-2] == ["'=1+1", "'@SUM(1)"]
    assert outcome.files()["formler.pdf"] == ("ok", "")
    json_meta = next(f["meta"] for f in outcome.summary()["files"] if f["file"] == "formler.pdf")
    assert json_meta["skole"] == FORMULAS["meta.skole"]


def test_file_name_that_is_not_utf8_is_read(tmp_path, good):
    folder = inbox(tmp_path, good, {})
    latin1 = folder / os.fsdecode(b"Skj\xe6ring.pdf")
    latin1.write_bytes(edited(good, {"meta.klasse": "4C"}))
    assert os.fsencode(latin1).endswith(b"/Skj\xe6ring.pdf")
    outcome = collect(tmp_path, folder)
    assert outcome.status == 0
    assert outcome.files()["Skjæring.pdf"] == ("ok", "")
    assert_good_counted(outcome, forms=2)
    assert any(row[0].endswith("Skjæring.pdf") for row in outcome.csv_rows())


def test_action_row_with_thousands_of_digits_is_bounded(reader_engine, tmp_path, good):
    files = {"tiltak.pdf": edited(good, new={f"tiltak.{'9' * 5000}.tiltak": "Tiltak"})}
    outcome = collect(tmp_path, inbox(tmp_path, good, files), engine=reader_engine)
    assert outcome.status == 1
    assert outcome.files()["tiltak.pdf"] == ("skipped", NAME_CHARS)
    assert_good_counted(outcome)


def test_control_characters_never_reach_the_terminal(reader_engine, tmp_path, good):
    fake = "\x1b]0;hacket\x07\x1b[2J\u009b31m\u202eLIF\rAlle 30 filer er talt med"
    files = {"kontroll.pdf": edited(good, {"skjema.niva": utf16(fake)}),
             "\x1b[31mrødt\x1b[0m.pdf": b"ikke en pdf"}
    outcome = collect(tmp_path, inbox(tmp_path, good, files), engine=reader_engine)
    assert outcome.status == 1
    err = outcome.stderr.decode("utf-8")
    lines = err.splitlines()
    assert len(lines) == 2
    assert not [c for c in err if c in "\x1b\x07\r\u009b\u202e"]
    assert ("kontroll.pdf: ikke talt med: skjemaet gjelder et nivå som ikke finnes i "
            "standarden: «]0;hacket[2J31mLIF Alle 30 filer er talt med»") in err
    assert "innboks/[31mrødt[0m.pdf: ikke talt med: filen er ikke en PDF" in lines
    assert outcome.files()["kontroll.pdf"][1].endswith(fake.replace("\r", "\n") + "»")
    assert_good_counted(outcome)


@pytest.mark.parametrize(("content", "message"), [
    (b"[" * 100_000 + b"]" * 100_000, "{path}: ugyldig sammendrag (nøstet for dypt)"),
    (b'{"statements": {"a": {"bedre": ' + b"9" * 5000 + b"}}}",
     "{path}: ugyldig sammendrag (et tall med for mange sifre)"),
    (b'{"statements": {"a": {"bedre": 1' + b"0" * 4000 + b"}}}",
     '{path}: statements.a: forventet antall (hele tall fra 0 til 1000000000) per svar, fant '
     '{{"bedre": 1' + "0" * 69 + " …"),
    (b'{"statements": [1, 2]}', "{path}: forventet et sammendrag fra «stavangerstandarden "
                                "collect» med nøkkelen «statements», fant ikke den"),
    (b"\xff\xfe{}", "{path}: kan ikke lese filen (ikke UTF-8)"),
    (b"", "{path}:1: ugyldig JSON (Expecting value)"),
], ids=["deep", "5000-digits", "4000-digits", "not-a-summary", "not-utf8", "empty"])
def test_unusable_previous_summary_is_a_message(tmp_path, good, content, message):
    previous = tmp_path / "forrige.json"
    previous.write_bytes(content)
    outcome = collect(tmp_path, inbox(tmp_path, good, {}), "--sammenlign", previous)
    assert outcome.status == 2
    assert outcome.stderr.decode() == (
        f"stavangerstandarden collect: feil: {message.format(path=previous)}\n")
    assert not (tmp_path / "ut").exists()


def hostile_corpus(good: bytes) -> dict[str, tuple[bytes, str]]:
    """Every hostile file above: name → (content, reason)."""
    return {
        "navn.pdf": (nested_names(), NAME_CHARS),
        "knapper.pdf": (deep_widgets(in_tree=True), NAME_DEPTH),
        "knapper-side.pdf": (deep_widgets(in_tree=False), NAME_DEPTH),
        "meta.pdf": (edited(good, {"meta.skole": "Skole " * 500_000}),
                     over_limit("tegn i feltet meta.skole", 5000)),
        "tiltak.pdf": (edited(good, new={f"tiltak.{'9' * 5000}.tiltak": "Tiltak"}), NAME_CHARS),
        "bombe.pdf": (object_stream_bomb(), MEMORY),
    }


def test_whole_corpus_in_one_run_under_a_tight_memory_limit(reader_engine, tmp_path, good):
    """Many files (read by a process pool), every hostile one among them, 512 MiB of address
    space: each hostile file gets its reason and every good copy is counted."""
    corpus = hostile_corpus(good)
    copies = {f"kopi-{k:02}.pdf": good + b"\n" * k for k in range(1, 45)}
    folder = inbox(tmp_path, good, {**copies, **{n: d for n, (d, _) in corpus.items()}})
    outcome = collect(tmp_path, folder, limit=512 << 20, engine=reader_engine)
    assert outcome.status == 1
    files = outcome.files()
    assert {name: files[name] for name in corpus} == {
        name: ("skipped", reason) for name, (_, reason) in corpus.items()}
    assert all(files[name] == ("ok", "") for name in copies)
    assert_good_counted(outcome, forms=45)


def test_hostile_files_in_pyodide_get_the_same_reasons(tmp_path, good):
    """The browser's reader (pypdf in Pyodide, on WebAssembly's smaller stack, no `resource`)
    gives every hostile file the command line's reason, and a value nested 100,000 deep is a
    damaged file, not a crash of the page."""
    node = tools.need("node")
    tools.need_path(ROOT / "node_modules" / "pyodide" / "pyodide.mjs", "Pyodide (npm: pyodide)")
    forms = tmp_path / "skjemaer"
    forms.mkdir()
    depth = 100_000
    deep = with_object_streams([b"<< /FT /Tx /T (f) /V " + b"[" * depth, b"]" * depth + b" >>"],
                               [(5, 0)], acroform=b"5 0 R")
    expected = {"dyp.pdf": "PDF-filen er skadet og kan ikke leses", "god.pdf": ""}
    for name, (data, reason) in {**hostile_corpus(good), "dyp.pdf": (deep, ""),
                                 "god.pdf": (good, "")}.items():
        (forms / name).write_bytes(data)
        expected.setdefault(name, reason)
    run = subprocess.run([node, str(ROOT / "tests" / "collect" / "pyodide_read.mjs"),
                          str(Path(pypdf.__file__).parent), str(ROOT / "generator"), str(forms)],
                         capture_output=True, text=True, timeout=300, check=False, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    files = json.loads(run.stdout)["files"]
    assert {name: reason for name, (reason, _) in files.items()} == expected
    assert files["god.pdf"][1][1]["relasjoner-tett-kontakt"] == "bedre"


def test_failed_run_keeps_the_previous_outputs(tmp_path, good, real_form, fill):
    """A run that cannot write (here: a file-size limit below the report's size) exits 2 and
    leaves last time's outputs byte for byte, with no temporary files."""
    first = collect(tmp_path, inbox(tmp_path, good, {}))
    assert first.status == 0
    before = {p.name: p.read_bytes() for p in first.out.iterdir()}
    assert len(before["rapport.html"]) > 6000 > len(before["sammendrag.json"])
    other = tmp_path / "annen"
    other.mkdir()
    (other / "skjema.pdf").write_bytes(fill(real_form("digital-kompetanse", "trinn-1"),
                                            {"digital-kontakt": "endres"}))
    failed = collect(tmp_path, other, file_size=6000)
    assert failed.status == 2
    assert failed.stderr.decode() == (f"stavangerstandarden collect: feil: kan ikke skrive til "
                                      f"{first.out} (File too large)\n")
    assert {p.name: p.read_bytes() for p in first.out.iterdir()} == before


def outputs_agree(out: Path) -> frozenset[str]:
    """The base names the outputs list, after checking that they list the same ones and that
    each is whole."""
    names = {f["file"].rsplit("/", 1)[-1]
             for f in json.loads((out / "sammendrag.json").read_text("utf-8"))["files"]}
    rows = list(csv.reader(io.StringIO((out / "svar.csv").read_text(encoding="utf-8-sig")),
                           delimiter=";"))
    assert {len(row) for row in rows} == {len(rows[0])}
    assert {r[0].rsplit("/", 1)[-1] for r in rows[1:]} == names
    for report in ("rapport.html", "rapport-til-deling.html"):
        html = (out / report).read_text(encoding="utf-8")
        assert html.count("</html>") == 1
        assert html.endswith("</html>\n")
        assert all(f"{name}</" in html for name in names)
    return frozenset(names)


def test_concurrent_runs_into_one_folder_never_mix(tmp_path, good):
    """Two runs into the same --out, again and again, while a reader holding a shared lock
    on `.collect.lock` reads the outputs: it always finds three whole files from one run."""
    one, two = tmp_path / "en", tmp_path / "to"
    (one / "a").mkdir(parents=True)
    (two / "b").mkdir(parents=True)
    (one / "a" / "en-skjema.pdf").write_bytes(good)
    for k in range(30):
        (two / "b" / f"to-{k:02}.pdf").write_bytes(good + b"\n" * k)
    expected = {frozenset({"en-skjema.pdf"}), frozenset(f"to-{k:02}.pdf" for k in range(30))}
    out = tmp_path / "ut"
    command = [sys.executable, "-m", "stavangerstandarden.cli", "collect", "--out", str(out),
               "--source", str(SOURCE)]
    seen: list[frozenset[str]] = []
    failures: list[BaseException] = []
    done = threading.Event()

    def reader() -> None:
        while not done.is_set():
            if (out / LOCK).exists():
                with (out / LOCK).open() as lock:
                    fcntl.flock(lock, fcntl.LOCK_SH)
                    try:
                        if (out / "sammendrag.json").exists():  # not before the first write
                            seen.append(outputs_agree(out))
                    except (AssertionError, ValueError, OSError) as exc:
                        failures.append(exc)
                    finally:
                        fcntl.flock(lock, fcntl.LOCK_UN)
            done.wait(0.01)  # let the writers take the lock (flock favours no one)

    polling = threading.Thread(target=reader)
    polling.start()
    try:
        for _ in range(4):
            runs = [subprocess.Popen([*command, str(folder)], stdout=subprocess.DEVNULL)
                    for folder in (one, two)]
            assert [run.wait(60) for run in runs] == [0, 0]
            assert sorted(p.name for p in out.iterdir()) == [
                LOCK, "rapport-til-deling.html", "rapport.html", "sammendrag.json", "svar.csv",
                "til-kommunen.json"]
            assert outputs_agree(out) in expected
    finally:
        done.set()
        polling.join()
    assert failures == []
    assert set(seen) <= expected
    assert seen


def test_hostile_pictures_next_to_a_good_form_are_bounded(tmp_path, good):
    """Issue 20's hostile pictures (a decompression bomb, a 30,000-pixel JPEG, a truncated
    JPEG, a 500-page scan, an image in a PDF with a lying size) in one folder with a good
    form, under the same bounds of CPU time, memory and address space: each gets its reason
    and the good form is counted."""
    folder = inbox(tmp_path, good, {name: make() for name, (make, _) in CASES.items()})
    outcome = collect(tmp_path, folder)
    assert outcome.status == 1
    files = outcome.files()
    assert {name: files[name] for name in CASES} == {
        name: ("skipped", reason) for name, (_, reason) in CASES.items()}
    assert_good_counted(outcome)
