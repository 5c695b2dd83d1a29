"""Finding and reading the inputs: folders, hidden files, and the process pool for many."""

from __future__ import annotations

from stavangerstandarden.collect.inputs import PARALLEL_FROM, find_inputs, read_all


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
