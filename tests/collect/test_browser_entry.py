"""`collect.browser`, the Sammendrag page's entry, run from the page's own Python bundle in a
Python that has none of what the browser lacks (pikepdf, jsonschema, fontTools, `resource`):
it imports, reads with pypdf and gives the command line's three outputs, byte for byte.
(Chromium runs the same bundle under Pyodide in tests/summary/.)"""

from __future__ import annotations

import json
import posixpath
import re
import subprocess
import sys
import zipfile
from pathlib import Path

from standards import OTHER

from stavangerstandarden import contract as c
from stavangerstandarden.browserpage import page_source
from stavangerstandarden.cli import main
from stavangerstandarden.contract import language_root
from stavangerstandarden.i18n.ui import Localized
from stavangerstandarden.loader import load_file
from stavangerstandarden.summary.files import summary_files

from .conftest import SOURCE, answers_for, pypdf_fill, spec_for

BLOCKED = ("pikepdf", "jsonschema", "fontTools", "resource", "typst", "mkdocs")
RUN = """
import sys
for name in {blocked!r}:
    sys.modules[name] = None
sys.path.insert(0, {bundle!r})
from stavangerstandarden.collect import browser
assert browser.__file__.startswith({bundle!r}), browser.__file__
print(browser.summarise_folder({inbox!r}, names={names!r}, language={language!r}))
"""


def unpacked_bundle(tmp: Path, language: str) -> Path:
    """The site's python.zip (one for every language), unpacked; as `language`'s page
    loads it (the page names that file)."""
    files = summary_files(load_file(SOURCE), SOURCE, Localized.for_language(language))
    page = files[page_source(c.SUMMARY_PAGE)].decode("utf-8")
    address = re.search(r'"bundle": "([^"]+)"', page)[1]
    zipped = summary_files(load_file(SOURCE), SOURCE)[posixpath.normpath(posixpath.join(
        posixpath.dirname(language_root(language) + c.SUMMARY_PAGE), address))]
    (tmp / "python.zip").write_bytes(zipped)
    folder = tmp / f"bundle-{language}"
    with zipfile.ZipFile(tmp / "python.zip") as bundle:
        bundle.extractall(folder)
    return folder


def in_bundle(bundle: Path, inbox: Path, names: bool = False, language: str = "nb") -> dict:
    code = RUN.format(blocked=BLOCKED, bundle=str(bundle), inbox=str(inbox), names=names,
                      language=language)
    run = subprocess.run([sys.executable, "-I", "-c", code], capture_output=True, text=True,
                         check=False, cwd=bundle)
    assert run.returncode == 0, run.stderr[-3000:]
    result: dict = json.loads(run.stdout)
    return result


def test_bundle_gives_the_command_lines_outputs(tmp_path, real_form, specs, monkeypatch):
    inbox = tmp_path / "innboks"
    inbox.mkdir()
    for seed, (area, level) in enumerate([("gode-relasjoner", "trinn-3"), (None, "trinn-2"),
                                          ("aktiv-elevmedvirkning", "skole")]):
        spec = spec_for(specs, area, level)
        (inbox / f"skjema-{seed}.pdf").write_bytes(
            pypdf_fill(real_form(area, level), answers_for(spec, seed)))
    (inbox / "kopi.pdf").write_bytes((inbox / "skjema-1.pdf").read_bytes())
    (inbox / "notat.txt").write_text("ikke et skjema", "utf-8")
    (inbox / "avkortet.pdf").write_bytes((inbox / "skjema-0.pdf").read_bytes()[:4000])
    for language in ("nb", "nn"):
        bundle = unpacked_bundle(tmp_path, language)
        page = in_bundle(bundle, inbox, language=language)
        out = tmp_path / f"cli-{language}"
        files = sorted(p.name for p in inbox.iterdir())
        monkeypatch.chdir(inbox)
        status = main(["collect", *files, "--out", str(out), "--sprak", language])
        assert status == 1  # duplicate, non-PDF and damaged file
        for name, text in page["outputs"].items():
            assert text.encode("utf-8") == (out / name).read_bytes(), (language, name)
        assert page["counted"] == 3 and page["total"] == 6
        assert len(page["not_counted"]) == 3


def test_names_only_when_asked(tmp_path, real_form, specs):
    inbox = tmp_path / "innboks"
    inbox.mkdir()
    spec = spec_for(specs, "gode-relasjoner", "trinn-3")
    values = answers_for(spec, 7) | {"meta.utfylt_av": "Kari Nordmann"}
    (inbox / "skjema.pdf").write_bytes(pypdf_fill(real_form("gode-relasjoner", "trinn-3"), values))
    bundle = unpacked_bundle(tmp_path, "nb")
    hidden = in_bundle(bundle, inbox)["outputs"]
    shown = in_bundle(bundle, inbox, names=True)["outputs"]
    assert "Kari Nordmann" not in hidden["rapport.html"]
    assert "Kari Nordmann" in shown["rapport.html"]
    assert "Kari Nordmann" in hidden["sammendrag.json"] and "Kari Nordmann" in hidden["svar.csv"]



def test_forms_of_another_standard_are_listed_not_fatal(tmp_path, real_form, specs):
    other = load_file(OTHER)
    inbox = tmp_path / "innboks"
    inbox.mkdir()
    spec = spec_for(specs, "gode-relasjoner", "trinn-3")
    (inbox / "var.pdf").write_bytes(
        pypdf_fill(real_form("gode-relasjoner", "trinn-3"), answers_for(spec, 1)))
    area, level = other.areas[0].id, other.levels[0].id
    (inbox / "annen.pdf").write_bytes(real_form(area, level, of=other))
    page = in_bundle(unpacked_bundle(tmp_path, "nb"), inbox)
    assert page["counted"] == 1 and page["total"] == 2
    [line] = page["not_counted"]
    assert line.startswith("annen.pdf: ikke talt med: skjemaet hører til en annen standard")
