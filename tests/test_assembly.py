"""The producers of one language's site, walked one by one on more than one standard: each
writes only into the build's folders, and the forms' manifest comes from one of them."""

from __future__ import annotations

from pathlib import Path

import pytest
from standards import OTHER, STAVANGER

from stavangerstandarden import contract as c
from stavangerstandarden.assembly import PRODUCERS, Assembly, assemble
from stavangerstandarden.build import GENERATED_ROOTS
from stavangerstandarden.formset import FormSet
from stavangerstandarden.formspec import form_specs
from stavangerstandarden.loader import load_file
from stavangerstandarden.versions.diff import changelog
from stavangerstandarden.versions.history import alone


def _assembly(source: Path) -> Assembly:
    """Bokmål, as the preview's first pass has it: every spec, no PDF rendered yet."""
    standard = load_file(source)
    return Assembly(standard, standard, FormSet(standard, form_specs(standard)), {}, None,
                    None, (), changelog(alone(standard)), False)


@pytest.mark.parametrize("source", [STAVANGER, OTHER], ids=["stavanger", "annen-kommune"])
def test_each_producer_writes_only_into_generated_folders(source: Path) -> None:
    assembly = _assembly(source)
    made = {produce.__name__: produce(assembly) for produce in PRODUCERS}
    for name, files in made.items():
        assert {p.split("/", 1)[0] for p in files} <= set(GENERATED_ROOTS), name
    assert [name for name, files in made.items() if not files] == ["_booklet", "_fill"]
    assert [name for name, files in made.items() if c.MANIFEST in files] == ["_forms"]
    whole = assemble(assembly)
    assert set(whole) == {p for files in made.values() for p in files}
    assert whole[c.MANIFEST].startswith(b"{")
