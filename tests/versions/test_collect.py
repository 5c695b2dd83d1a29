"""Forms of both versions counted together, as `stavangerstandarden collect` and the
Sammendrag page's Python bundle give them; and this year's summary compared with last year's,
made on the previous version."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from tools import need, need_path

from stavangerstandarden.cli import main
from stavangerstandarden.i18n.ui import Localized
from stavangerstandarden.loader import load_file
from stavangerstandarden.model import Standard
from stavangerstandarden.summary.files import summary_files

from .conftest import Filled, TwoVersions

FORMS = 5
"""Forms per version: the report's default privacy threshold, so every share is shown."""


def _text(standard: Standard, statement_id: str) -> str:
    return next(s.text for s in standard.statements if s.id == statement_id)


def _answered(row: dict[str, int]) -> dict[str, int]:
    return {k: n for k, n in row.items() if n and k != "ubesvart"}


def _add(*pairs: tuple[str, int]) -> dict[str, int]:
    out: dict[str, int] = {}
    for key, n in pairs:
        out[key] = out.get(key, 0) + n
    return out


@pytest.fixture(scope="module")
def inbox(versions: TwoVersions, filled: Filled,
          tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Folders of filled forms: `old` on the frozen version, `new` on the revised one."""
    rev, old, new = versions.revision, versions.old, versions.new
    low, mid, high = old.scale[0].id, old.scale[1].id, old.scale[-1].id
    root = tmp_path_factory.mktemp("innboks")
    folders = {"old": root / "gammel", "new": root / "ny"}
    for folder in folders.values():
        folder.mkdir()
    for i in range(FORMS):
        action = {"tiltak.1.tiltak": f"Foreldremøte nr. {i}"}  # five different forms
        (folders["old"] / f"gammel-{i}.pdf").write_bytes(filled(old, {
            rev.reworded: low, rev.removed: mid, rev.split: high, **action}))
        (folders["new"] / f"ny-{i}.pdf").write_bytes(filled(new, {
            rev.reworded: high, rev.added: low, rev.parts[0]: mid, rev.parts[1]: low,
            **action}))
    return folders


def _collect(*args: str | Path, out: Path) -> tuple[int, dict[str, Any], list[dict[str, str]],
                                                    str]:
    status = main(["collect", *map(str, args), "--out", str(out)])
    data = json.loads((out / "sammendrag.json").read_text("utf-8"))
    rows = list(csv.DictReader(io.StringIO((out / "svar.csv").read_text("utf-8-sig")),
                               delimiter=";"))
    return status, data, rows, (out / "rapport.html").read_text("utf-8")


def test_forms_of_both_versions_count_under_the_current_ids(
        versions: TwoVersions, inbox: dict[str, Path], tmp_path: Path) -> None:
    rev, old, new = versions.revision, versions.old, versions.new
    low, mid, high = new.scale[0].id, new.scale[1].id, new.scale[-1].id
    status, data, rows, report = _collect(inbox["old"], inbox["new"], "--source",
                                          versions.source, out=tmp_path / "ut")
    assert status == 0
    got = {i: _answered(row) for i, row in data["statements"].items()}
    assert got[rev.reworded] == _add((low, FORMS), (high, FORMS))
    assert got[rev.added] == {low: FORMS}
    assert got[rev.parts[0]] == _add((high, FORMS), (mid, FORMS))
    assert got[rev.parts[1]] == _add((high, FORMS), (low, FORMS))
    assert got[rev.removed] == {mid: FORMS}
    assert rev.split not in got
    assert list(data["statements"])[-1] == rev.removed  # after every current statement

    old_v, new_v = old.meta.version, new.meta.version
    notes = {f["file"].rsplit("/", 1)[1]: f["reason"] for f in data["files"]}
    assert notes["gammel-0.pdf"] == (
        f"skjema fra versjon {old_v}, talt etter versjon {new_v}; {rev.split} er talt under "
        f"{rev.parts[0]} og {rev.parts[1]}; {rev.removed} finnes ikke i versjon {new_v} og er "
        f"talt for seg, under versjon {old_v}")
    assert notes["ny-0.pdf"] == ""

    removed_rows = [r for r in rows if r["utsagn"] == rev.removed]
    assert len(removed_rows) == FORMS
    assert removed_rows[0]["utsagnstekst"].startswith(_text(old, rev.removed))
    title = f"Utsagn fra versjon {old_v} som ikke finnes i versjon {new_v}"
    assert title in report
    section = report.rsplit(title, 1)[1].split("</section>", 1)[0]  # its own section
    assert _text(old, rev.removed) in section


def _row(report: str, text: str) -> str:
    """The report's entry for one statement (its text through the end of its item)."""
    at = report.index(f'<span class="statement">{text}</span>')
    return re.sub(r"<[^>]+>", "", report[at:report.index("</li>", at)])


def test_last_years_summary_on_the_previous_version_is_compared_row_by_row(
        versions: TwoVersions, inbox: dict[str, Path], tmp_path: Path) -> None:
    rev, old, new = versions.revision, versions.old, versions.new
    last = tmp_path / "i-fjor"
    assert _collect(inbox["old"], "--source", versions.frozen, out=last)[0] == 0
    status, _, _, report = _collect(inbox["new"], "--source", versions.source,
                                    "--sammenlign", last / "sammendrag.json",
                                    out=tmp_path / "i-aar")
    assert status == 0
    old_v = old.meta.version
    reworded = _row(report, rev.new_text)
    assert "Sist:" in reworded and "Endring i prosentpoeng" in reworded
    added = _row(report, _text(new, rev.added))
    assert f"nytt etter versjon {old_v}; kan ikke sammenlignes" in added
    assert "Sist:" not in added
    for part in rev.parts:
        assert (f"erstatter {rev.split} fra versjon {old_v}; kan ikke sammenlignes"
                in _row(report, _text(new, part)))


def test_a_merge_counts_the_lowest_answer_once(
        versions: TwoVersions, filled: Filled, tmp_path: Path) -> None:
    """Two statements merged into one: an old form's two answers count as one, the lower."""
    folder = tmp_path / "framework"
    folder.mkdir()
    (folder / "versjoner").mkdir()
    shutil.copy(versions.frozen, folder / "versjoner")
    data = yaml.safe_load(versions.original)
    data["standard"]["version"] = "2099.5"
    statements = data["areas"][0]["statements"]
    a, b = statements[0]["id"], statements[1]["id"]
    statements[0:2] = [{"id": "sammenslatt", "text": "Et utsagn som slår sammen to",
                        "replaces": [a, b]}]
    source = folder / "stavangerstandarden.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    old = versions.old
    (tmp_path / "inn").mkdir()
    (tmp_path / "inn" / "a.pdf").write_bytes(filled(old, {a: old.scale[-1].id,
                                                         b: old.scale[0].id}))
    status, summary, _, _ = _collect(tmp_path / "inn", "--source", source, out=tmp_path / "ut")
    assert status == 0
    assert _answered(summary["statements"]["sammenslatt"]) == {old.scale[0].id: 1}


def test_a_form_of_a_version_not_known_gets_a_reason(
        versions: TwoVersions, filled: Filled, tmp_path: Path) -> None:
    rev, old, new = versions.revision, versions.old, versions.new
    (tmp_path / "inn").mkdir()
    form = filled(old, {rev.removed: old.scale[0].id, "skjema.versjon": "1999.1"})
    (tmp_path / "inn" / "ukjent.pdf").write_bytes(form)
    status, data, _, _ = _collect(tmp_path / "inn", "--source", versions.source,
                                  out=tmp_path / "ut")
    assert status == 1
    (only,) = data["files"]
    assert only["status"] == "skipped"
    assert only["reason"].startswith("skjemaet er fra versjon 1999.1 av standarden")
    assert only["reason"].endswith(f"(versjon 1999.1 er ikke kjent her; kjente versjoner: "
                                   f"{old.meta.version}, {new.meta.version})")


BLOCKED = ("pikepdf", "jsonschema", "fontTools", "resource", "typst", "mkdocs")
RUN = """
import sys
for name in {blocked!r}:
    sys.modules[name] = None
sys.path.insert(0, {bundle!r})
from stavangerstandarden.collect import browser
print(browser.summarise_folder({inbox!r}))
"""


def test_the_sammendrag_bundle_ships_the_kept_versions_and_counts_alike(
        versions: TwoVersions, inbox: dict[str, Path], tmp_path: Path, monkeypatch) -> None:
    """The page's Python (the site's python.zip, in a Python without what a browser lacks)
    counts forms of both versions exactly as the command line does."""
    files = summary_files(load_file(versions.source), versions.source,
                          Localized.for_language("nb"))
    zipped = next(data for path, data in files.items() if path.endswith("/python.zip"))
    bundle = tmp_path / "bundle"
    with zipfile.ZipFile(io.BytesIO(zipped)) as z:
        assert (f"stavangerstandarden/standards/versjoner/{versions.frozen.name}"
                in z.namelist())
        z.extractall(bundle)
    both = tmp_path / "begge"
    both.mkdir()
    for folder in inbox.values():
        for pdf in folder.iterdir():
            shutil.copy(pdf, both)
    code = RUN.format(blocked=BLOCKED, bundle=str(bundle), inbox=str(both))
    run = subprocess.run([sys.executable, "-I", "-c", code], capture_output=True, text=True,
                         check=False, cwd=bundle)
    assert run.returncode == 0, run.stderr[-3000:]
    page = json.loads(run.stdout)
    assert page["counted"] == 2 * FORMS
    monkeypatch.chdir(both)
    out = tmp_path / "cli"
    assert main(["collect", *sorted(p.name for p in both.iterdir()), "--out", str(out),
                 "--source", str(versions.source)]) == 0
    for name, text in page["outputs"].items():
        assert text.encode("utf-8") == (out / name).read_bytes(), name


DRIVER = Path(__file__).parents[1] / "summary" / "summary_browser.mjs"
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))


def test_the_sammendrag_page_counts_both_versions_as_collect_does(
        versions: TwoVersions, inbox: dict[str, Path], built_site: Path, tmp_path: Path,
        monkeypatch) -> None:
    """The built site's Sammendrag page in Chromium (Pyodide), files chosen with the picker:
    its three downloads are the command line's, byte for byte."""
    need_path(CHROMIUM, f"Chromium ({CHROMIUM})")
    need("node")
    both = tmp_path / "begge"
    both.mkdir()
    for folder in inbox.values():
        for pdf in folder.iterdir():
            shutil.copy(pdf, both)
    names = sorted(p.name for p in both.iterdir())
    plan = [{"site": str(built_site), "page": "/skjema/sammendrag/", "how": "files",
             "folder": str(both), "files": names, "offline": False, "names": False,
             "axe": False, "scheme": "light", "width": 1280, "out": str(tmp_path / "side")}]
    (tmp_path / "plan.json").write_text(json.dumps(plan), "utf-8")
    run = subprocess.run(["node", str(DRIVER), "summarise", str(tmp_path / "plan.json")],
                         capture_output=True, text=True, check=False, timeout=900,
                         env={**os.environ, "CHROMIUM": str(CHROMIUM)})
    assert run.returncode == 0, run.stderr[-3000:]
    monkeypatch.chdir(both)
    out = tmp_path / "cli"
    assert main(["collect", *names, "--out", str(out), "--source", str(versions.source)]) == 0
    for name in ("sammendrag.json", "svar.csv", "rapport.html"):
        assert (tmp_path / "side" / name).read_bytes() == (out / name).read_bytes(), name
    data = json.loads((out / "sammendrag.json").read_text("utf-8"))
    assert versions.revision.removed in data["statements"]
