"""Finding and reading the inputs: folders, hidden files, and the process pool for many."""

from __future__ import annotations

import os
from pathlib import Path

from stavangerstandarden.collect import inputs
from stavangerstandarden.collect.inputs import (
    PARALLEL_FROM,
    READER_DIED,
    find_inputs,
    read_all,
    read_data,
)
from stavangerstandarden.collect.inputs import read_path as real_read_path
from stavangerstandarden.collect.others import other_files
from stavangerstandarden.collect.safetext import file_label


def test_folders_are_searched_and_hidden_entries_skipped(tmp_path):
    for name in ("b.pdf", "a.PDF", "notat.txt", "._a.pdf", ".skjult/c.pdf", "under/d.pdf"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"")
    named = tmp_path / "notat.txt"
    assert [p.relative_to(tmp_path).as_posix() for p in find_inputs([tmp_path, named])] == [
        "a.PDF", "b.pdf", "under/d.pdf", "notat.txt"]


def test_pool_reads_like_one_process(tmp_path, make_form):
    files = []
    for k in range(PARALLEL_FROM):
        path = tmp_path / f"{k:02}.pdf"
        path.write_bytes(make_form(texts={"meta.klasse": f"{k}A"}) if k % 7 else b"ikke pdf")
        files.append(path)
    pooled, alone = read_all(files, workers=2), read_all(files, workers=1)
    assert pooled == alone
    assert [r.form.texts["meta.klasse"] if r.form else r.reason for r in pooled][:8] == [
        "filen er ikke en PDF", "1A", "2A", "3A", "4A", "5A", "6A", "filen er ikke en PDF"]


def dies_on_one(path, engine="pikepdf", scans=None):
    """read_path, but the process dies on a file named `…drept…`."""
    if "drept" in path.name:
        os._exit(9)
    return real_read_path(path, engine, scans)


def test_a_reader_that_dies_loses_only_its_file(tmp_path, make_form, monkeypatch):
    """A reader process killed mid-file (as the system's out-of-memory killer does) costs
    that file alone; the others are read again, each in a process of its own."""
    files = []
    for k in range(PARALLEL_FROM):
        path = tmp_path / (f"{k:02}-drept.pdf" if k == 7 else f"{k:02}.pdf")
        path.write_bytes(make_form(texts={"meta.klasse": f"{k}A"}))
        files.append(path)
    monkeypatch.setattr(inputs, "read_path", dies_on_one)
    reads = read_all(files, workers=2)
    assert [r.reason for r in reads if r.form is None] == [READER_DIED]
    assert reads[7].file.endswith("07-drept.pdf")
    assert [r.form.texts["meta.klasse"] for r in reads if r.form] == [
        f"{k}A" for k in range(PARALLEL_FROM) if k != 7]


def test_bytes_read_like_the_file(tmp_path, make_form, reader_engine):
    """The browser reads the bytes of a dropped file: the same result as from its path."""
    path = tmp_path / "skjema.pdf"
    path.write_bytes(make_form(texts={"meta.klasse": "5A"}))
    read = read_data(file_label(path), path.read_bytes(), reader_engine)
    assert read == real_read_path(path, reader_engine)
    assert read.form is not None
    assert read.form.texts["meta.klasse"] == "5A"
    assert read_data("notat.pdf", b"hei", reader_engine).reason == "filen er ikke en PDF"


def test_files_are_named_from_the_folder_given_never_above_it(tmp_path, monkeypatch):
    """`collect /home/<user>/innboks` names `innboks/…` (as the browser's folder picker
    does), not the leader's home; a file given by an absolute path by its name alone."""
    inbox = tmp_path / "hjemme" / "rektor" / "innboks"
    (inbox / "3B").mkdir(parents=True)
    for name in ("a.pdf", "3B/b.pdf", "notat.txt"):
        (inbox / name).write_bytes(b"")
    monkeypatch.chdir(tmp_path / "hjemme")
    relative = Path("rektor/innboks")
    alone = tmp_path / "hjemme" / "løs.pdf"
    alone.write_bytes(b"")
    cases = {(inbox,): ["innboks/3B/b.pdf", "innboks/a.pdf"],
             (relative,): ["innboks/3B/b.pdf", "innboks/a.pdf"],
             (inbox / "3B",): ["3B/b.pdf"],
             (alone,): ["løs.pdf"],
             (Path("løs.pdf"),): ["løs.pdf"],
             (Path("rektor/innboks/a.pdf"),): ["rektor/innboks/a.pdf"]}
    for given, expected in cases.items():
        files = find_inputs(list(given))
        reads = read_all(files, workers=1, given=given)
        assert [r.file for r in reads] == expected, given
    monkeypatch.chdir(inbox)
    assert [r.file for r in other_files([Path()])] == ["notat.txt"]
    assert [r.file for r in other_files([inbox])] == ["innboks/notat.txt"]
