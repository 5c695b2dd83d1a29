"""`stavangerstandarden collect` end to end on real forms, with every kind of bad input.

Each bad file is listed with its Norwegian reason, never stops the good ones from being
counted, and is never counted twice; the exit status says whether anything was left out.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject
from standards import STAVANGER, counts, picks

from stavangerstandarden.cli import main
from stavangerstandarden.loader import load_file
from stavangerstandarden.versions.history import read_kept

SOURCE = STAVANGER
STANDARD = load_file(SOURCE)
HISTORY = read_kept(SOURCE, STANDARD)
UNKNOWN = (f" (versjon 2019.1 er ikke kjent her; kjente versjoner: {', '.join(HISTORY.names)})"
           if HISTORY.kept else "")
"""What a form of a version this program does not know adds when versions are kept."""
P = picks(STANDARD)
AREA, LEVEL, VERSION = P.area.id, P.level.id, STANDARD.meta.version
GOOD = {P.second.id: P.mid, P.third.id: P.low,
        "tiltak.1.tiltak": "Foreldrekaffe", "meta.klasse": "3B"}


def pdf_bytes(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def encrypted(data: bytes) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password="hemmelig", owner_password="eier", algorithm="RC4-128")
    return pdf_bytes(writer)


def letter() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_metadata({"/Title": "Referat fra foreldremøtet"})
    return pdf_bytes(writer)


def preview_saved(data: bytes) -> bytes:
    """A real filled form as macOS Preview saves it: every chosen radio button loses /Parent,
    gets /T, /V and /FT copied in, and stands alone in /Fields."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    fields = writer._root_object["/AcroForm"]["/Fields"]
    for ref in list(fields):
        group = ref.get_object()
        if group.get("/FT") != "/Btn":
            continue
        for kid in list(group["/Kids"]):
            button = kid.get_object()
            if button.get("/AS") not in (None, "/Off"):
                del button["/Parent"]
                for key in ("/T", "/V", "/FT"):
                    button[NameObject(key)] = group[key]
                group["/Kids"].remove(kid)
                fields.append(kid)
    return pdf_bytes(writer)


@pytest.fixture
def inbox(tmp_path, real_form, fill, old_standard):
    """A folder as a school gets it: good forms and every kind of bad file."""
    good = fill(real_form(AREA, LEVEL), GOOD)
    complete = fill(real_form(None, STANDARD.levels[-1].id), {P.elsewhere.id: P.high})
    old = fill(real_form(AREA, LEVEL, old_standard), {"relasjoner-gammel": P.low})
    old_known = fill(real_form(STANDARD.areas[-1].id, STANDARD.levels[0].id, old_standard),
                     {P.elsewhere.id: P.low})
    files = {
        "1-god.pdf": good,
        "2-alle-omrader.pdf": complete,
        "3-kopi-av-god.pdf": good,
        "4-ikke-pdf.pdf": "Hei! Her er skjemaet vårt.\n".encode(),
        "5-avkortet.pdf": good[: len(good) * 2 // 3],
        "6-kryptert.pdf": encrypted(good),
        "7-referat.pdf": letter(),
        "8-gammel.pdf": old,
        "9-gammel-kjente-utsagn.pdf": old_known,
        "10-preview.pdf": preview_saved(fill(real_form(AREA, STANDARD.levels[-1].id), GOOD)),
    }
    folder = tmp_path / "innboks"
    (folder / "klasse").mkdir(parents=True)
    for name, data in files.items():
        (folder / "klasse" / name).write_bytes(data)
    (folder / "klasse" / "._1-god.pdf").write_bytes(b"\x00\x05\x16\x07 AppleDouble")
    (folder / "klasse" / "notat.txt").write_text("ikke et skjema", encoding="utf-8")
    return folder


def test_every_bad_input_is_reported_and_the_rest_counted(inbox, collect):
    status, data, rows = collect(inbox)
    assert status == 1
    reported = {f["file"].rsplit("/", 1)[1]: (f["status"], f["reason"]) for f in data["files"]}
    assert reported == {
        "1-god.pdf": ("ok", ""),
        "2-alle-omrader.pdf": ("ok", ""),
        "3-kopi-av-god.pdf": ("duplicate", f"samme innhold som {inbox.name}/klasse/1-god.pdf; "
                                           "talt én gang"),
        "4-ikke-pdf.pdf": ("skipped", "filen er ikke en PDF"),
        "5-avkortet.pdf": ("skipped", "PDF-filen er ufullstendig (avkortet, f.eks. en avbrutt "
                                      "nedlasting eller et vedlegg som ikke ble lagret helt)"),
        "6-kryptert.pdf": ("skipped", "PDF-filen er kryptert eller passordbeskyttet; be om "
                                      "skjemaet lagret uten passord"),
        "7-referat.pdf": ("skipped", "PDF-filen har ingen skjemafelt og viser ingen skannede "
                                     "sider: den er ikke et skjema"),
        "8-gammel.pdf": ("skipped", "skjemaet er fra versjon 2019.1 av standarden og har 1 "
                                    f"utsagn som ikke finnes i versjon {VERSION} "
                                    "(relasjoner-gammel); fyll ut et nytt skjema" + UNKNOWN),
        "9-gammel-kjente-utsagn.pdf": ("ok", "skjema fra versjon 2019.1; alle utsagnene finnes "
                                             f"også i versjon {VERSION} og er talt med"),
        "10-preview.pdf": ("ok", ""),
        "notat.txt": ("skipped", "ikke en PDF-fil eller et bilde (filtypen «.txt»); bare "
                                 "PDF-filer og bilder (JPEG, PNG, HEIC) leses"),
    }
    got = data["statements"]
    assert got[P.second.id] == counts(STANDARD, {P.mid: 2, "ubesvart": 1})
    assert got[P.third.id] == counts(STANDARD, {P.low: 2, "ubesvart": 1})
    assert got[P.elsewhere.id] == counts(STANDARD, {P.low: 1, P.high: 1})
    assert len({r["fil"] for r in rows}) == 4
    assert [a["tiltak"] for a in data["tiltak"]] == ["Foreldrekaffe", "Foreldrekaffe"]


def test_all_good_exits_0_and_files_named_directly_are_read(tmp_path, real_form, fill, collect):
    form = tmp_path / "skjema med mellomrom.pdf"
    form.write_bytes(fill(real_form(AREA, LEVEL), GOOD))
    status, data, _ = collect(form)
    assert status == 0
    assert data["files"][0]["file"] == form.name  # given by its absolute path: no folders


def test_missing_path_is_reported(tmp_path, collect):
    status, data, _ = collect(tmp_path / "finnes-ikke.pdf")
    assert status == 1
    assert data["files"][0]["reason"] == "filen finnes ikke"


@pytest.mark.parametrize(("args", "message"), [
    (["collect", "x.pdf"], "disse argumentene mangler: --out"),
    (["collect", "--out", "ut"], "disse argumentene mangler: STI"),
])
def test_usage_errors_exit_2(args, message, capsys):
    with pytest.raises(SystemExit) as info:
        main(args)
    assert info.value.code == 2
    assert message in capsys.readouterr().err


def test_folder_without_pdfs_exits_2(tmp_path, capsys):
    (tmp_path / "tom").mkdir()
    assert main(["collect", str(tmp_path / "tom"), "--out", str(tmp_path / "ut")]) == 2
    assert capsys.readouterr().err == (
        f"stavangerstandarden collect: feil: fant ingen PDF-filer i {tmp_path / 'tom'}\n")
    assert not (tmp_path / "ut").exists()


@pytest.mark.parametrize(("content", "message"), [
    (None, "{path}: filen finnes ikke"),
    ("{", "{path}:1: ugyldig JSON (Expecting property name enclosed in double quotes)"),
    ('{"files": []}', "{path}: forventet et sammendrag fra «stavangerstandarden collect» med "
                      "nøkkelen «statements», fant ikke den"),
    ('{"statements": {"a": {"bedre": -1}}}', '{path}: statements.a: forventet antall (hele tall '
                                             'fra 0 til 1000000000) per svar, fant '
                                             '{{"bedre": -1}}'),
])
def test_unusable_previous_summary_exits_2(tmp_path, real_form, fill, capsys, content, message):
    form = tmp_path / "skjema.pdf"
    form.write_bytes(fill(real_form(AREA, LEVEL), GOOD))
    previous = tmp_path / "forrige.json"
    if content is not None:
        previous.write_text(content, encoding="utf-8")
    status = main(["collect", str(form), "--out", str(tmp_path / "ut"),
                   "--sammenlign", str(previous)])
    assert status == 2
    assert capsys.readouterr().err == (
        f"stavangerstandarden collect: feil: {message.format(path=previous)}\n")


def test_compare_with_last_year(tmp_path, real_form, fill, collect):
    last = tmp_path / "i-fjor" / "sammendrag.json"
    last.parent.mkdir()
    last.write_text(json.dumps({"statements": {P.second.id: counts(
        STANDARD, {P.low: 2, P.mid: 2})}}), encoding="utf-8")
    form = tmp_path / "skjema.pdf"
    form.write_bytes(fill(real_form(AREA, LEVEL), {P.second.id: P.high}))
    source = tmp_path / "k1.yaml"  # shares shown from one answer
    source.write_text(SOURCE.read_text(encoding="utf-8") + "report:\n  min_answers: 1\n",
                      encoding="utf-8")
    status, _, _ = collect(form, extra=("--sammenlign", str(last), "--source", str(source)))
    html = (tmp_path / "ut" / "rapport.html").read_text(encoding="utf-8")
    assert status == 0
    assert "Sammenlignet med forrige sammendrag: <strong>i-fjor/sammendrag.json</strong>" in html
    change = {P.low: "−50", P.mid: "−50", P.high: "+100"}
    assert ("Endring i prosentpoeng: " + ", ".join(
        f"{s.label} {change.get(s.id, '0')}" for s in STANDARD.scale) + ".") in html


def test_command_line_output_is_ours_alone(tmp_path, real_form, fill):
    """Run as a user does: pypdf's own log lines about repaired files stay out of the way."""
    inbox = tmp_path / "innboks"
    inbox.mkdir()
    good = fill(real_form(AREA, LEVEL), GOOD)
    start = good.rindex(b"startxref") + len(b"startxref\n")
    (inbox / "a-reparert.pdf").write_bytes(good[:start] + b"999"
                                           + good[good.index(b"\n", start):])
    (inbox / "b-tom.pdf").write_bytes(b"")
    run = subprocess.run([sys.executable, "-m", "stavangerstandarden.cli", "collect",
                          str(inbox), "--out", str(tmp_path / "ut"), "--source", str(SOURCE)],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 1
    assert run.stderr == "innboks/b-tom.pdf: ikke talt med: filen er ikke en PDF\n"
    assert run.stdout == (f"1 av 2 filer talt med. Skrev sammendrag.json, svar.csv, "
                          f"rapport.html, rapport-til-deling.html, til-kommunen.json i "
                          f"{tmp_path / 'ut'}/.\n")
    data = json.loads((tmp_path / "ut" / "sammendrag.json").read_text(encoding="utf-8"))
    assert data["files"][0]["reason"] == ("PDF-filen hadde feil som ble rettet under lesingen; "
                                          "se gjerne over svarene i skjemaet")


def test_out_that_cannot_be_written_exits_2(tmp_path, real_form, fill, capsys):
    form = tmp_path / "skjema.pdf"
    form.write_bytes(fill(real_form(AREA, LEVEL), GOOD))
    blocker = tmp_path / "ut"
    blocker.write_text("en fil, ikke en mappe", encoding="utf-8")
    assert main(["collect", str(form), "--out", str(blocker)]) == 2
    assert capsys.readouterr().err == (
        f"stavangerstandarden collect: feil: kan ikke skrive til {blocker} (File exists)\n")


def test_same_file_named_twice_counts_once(tmp_path, real_form, fill, collect):
    form = tmp_path / "skjema.pdf"
    form.write_bytes(fill(real_form(AREA, LEVEL), GOOD))
    status, data, rows = collect(form, form)
    assert status == 1
    assert [f["status"] for f in data["files"]] == ["ok", "duplicate"]
    assert data["statements"][P.third.id][P.low] == 1
    assert len(rows) == len({r["utsagn"] for r in rows})
