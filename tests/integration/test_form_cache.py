"""Forms are cached by a hash of their inputs: an edit re-renders exactly the forms it changes,
and a cached form is byte-identical to a freshly rendered one."""

from __future__ import annotations

from pathlib import Path

from stavangerstandarden.forms import form_files, render_form
from stavangerstandarden.formspec import form_specs
from stavangerstandarden.loader import load

SOURCE = Path(__file__).resolve().parents[2] / "framework" / "stavangerstandarden.yaml"
TEXT = SOURCE.read_text("utf-8")


def test_a_statement_edit_re_renders_only_the_forms_that_contain_it(tmp_path: Path) -> None:
    cache = tmp_path / "skjema"
    standard = load(TEXT, str(SOURCE))
    first = form_files(standard, cache).pdfs
    before = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    assert len(before) == len(form_specs(standard))

    statement = standard.areas[1].statements[0]
    edited = load(TEXT.replace(statement.text, statement.text + " (endret)", 1), str(SOURCE))
    second = form_files(edited, cache).pdfs

    after = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    new = set(after) - set(before)
    containing = [s for s in form_specs(edited)
                  if any(st.id == statement.id for _, pairs in s.statements for st, _ in pairs)]
    assert len(new) == len(containing) == 2 * len(edited.levels)
    assert {k: after[k] for k in set(before) & set(after)} == {
        k: before[k] for k in set(before) & set(after)}  # the rest were not rewritten
    assert {f for f in second if second[f] != first.get(f)} >= {s.file for s in containing}
    unchanged = [s for s in form_specs(edited) if s not in containing]
    assert all(second[s.file] == first[s.file] for s in unchanged)
    for spec in (containing[0], unchanged[0]):
        assert second[spec.file] == render_form(edited, spec)  # cached == fresh, byte for byte
