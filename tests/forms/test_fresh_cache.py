"""A fresh machine has an empty user cache: threads rendering forms at once must all get the
field font, every time (they used to share one temporary file name and trip each other)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from stavangerstandarden.atomicfile import write_atomic
from stavangerstandarden.forms import fonts


@pytest.mark.parametrize("attempt", range(5))
def test_threads_on_an_empty_cache_all_get_the_field_font(
        attempt: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / f"cache-{attempt}"))
    fonts._field_font.cache_clear()
    start = threading.Barrier(8)
    results: list[object] = []
    errors: list[BaseException] = []

    def first_use() -> None:
        start.wait()
        try:
            results.append(fonts.field_font())
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=first_use) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    fonts._field_font.cache_clear()
    assert errors == []
    assert len({id(r) for r in results}) == 1
    cached = list((tmp_path / f"cache-{attempt}").rglob("*"))
    assert [p.suffix for p in cached if p.is_file()] == [".ttf"]


def test_concurrent_writers_of_one_file_leave_one_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "delt" / "fil.bin"
    start = threading.Barrier(8)
    errors: list[BaseException] = []

    def write(k: int) -> None:
        start.wait()
        try:
            for _ in range(20):
                write_atomic(target, bytes([k]) * 100_000)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=write, args=(k,)) for k in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    data = target.read_bytes()
    assert len(data) == 100_000 and len(set(data)) == 1
    assert [p.name for p in target.parent.iterdir()] == ["fil.bin"]


@pytest.mark.parametrize("attempt", range(3))
def test_forms_render_on_every_core_from_an_empty_cache(
        attempt: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The build's own path: every usable core renders forms at once into empty caches."""
    from standards import OTHER

    from stavangerstandarden.cores import usable_cores
    from stavangerstandarden.forms import form_files
    from stavangerstandarden.loader import load_file

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "bruker"))
    fonts._field_font.cache_clear()
    standard = load_file(OTHER)
    files = form_files(standard, tmp_path / "skjema-lager").pdfs
    fonts._field_font.cache_clear()
    pdfs = [name for name in files if name.endswith(".pdf")]
    assert len(pdfs) >= max(2, usable_cores())
    assert all(files[name].startswith(b"%PDF-") for name in pdfs)
    assert not [p for p in tmp_path.rglob("*.tmp")]
