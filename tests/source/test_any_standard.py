"""What holds for any standard at the source: it checks clean, and the scale is bounded."""

from __future__ import annotations

import yaml
from standards import SHAPES, Shape, generated_yaml

from stavangerstandarden.loader import check
from stavangerstandarden.model import Standard


def test_generated_standards_cover_the_promised_edges() -> None:
    """The generator really makes the edges the README promises (2–7 steps, 1–15 statements
    an area, 1–12 levels); if someone shrinks SHAPES, this says so."""
    shapes = SHAPES.values()
    assert {2, 7} <= {s.steps for s in shapes}
    assert {1, 12} <= {s.levels for s in shapes}
    assert {1, 15} <= {n for s in shapes for n in s.statements}


def test_every_standard_checks_without_errors(any_standard: Standard) -> None:
    assert any_standard.statements
    assert 2 <= len(any_standard.scale) <= 7


def test_a_scale_beyond_seven_steps_is_refused_at_its_line() -> None:
    data = yaml.safe_load(generated_yaml(Shape(steps=7, levels=1, statements=(1,), seed=1)))
    data["scale"].append({"id": "steg-8", "label": "Åttende", "colour": "#000000"})
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    line = text.splitlines().index("scale:") + 1
    checked = check(text, "k.yaml")
    assert [str(p) for p in checked.errors] == [
        f"k.yaml:{line}: feil: scale: skalaen har 8 steg; skjemaene har plass til høyst 7\n"
        "    tips: slå sammen steg, så skalaen har 2 til 7 steg"]
