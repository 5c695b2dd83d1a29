"""The benchmark's generated copies are distinct files with the same, readable answers."""

from __future__ import annotations

from collect_benchmark import answers, fill, unique_copy

from stavangerstandarden.collect.pdfform import read_form


def test_unique_copies_read_back_the_same(reader_engine, real_form, specs):
    spec = next(s for s in specs if s.area is not None)
    values = answers(spec, 3)
    filled = fill(real_form(spec.area.id, spec.level.id), values)
    copies = [unique_copy(filled, k) for k in (0, 1, 4095)]
    assert len({*copies, filled}) == 4
    assert {len(c) for c in copies} == {len(filled)}
    for copy in copies:
        form = read_form(copy, reader_engine)
        assert not form.repaired
        assert {k: v for k, v in form.choices.items() if v} == {
            k: v for k, v in values.items() if k in form.choices}
        assert form.texts["tiltak.1.tiltak"] == values["tiltak.1.tiltak"]
