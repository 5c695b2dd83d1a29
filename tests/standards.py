"""The standards every suite runs on: Stavanger's, another municipality's, and generated ones.

Tests that hold for any standard take the `any_standard` fixture (tests/conftest.py), which
runs them once per entry of `STANDARDS`. The generated standards are valid YAML made from a
seed, so they are the same on every run, and small, so the suite stays fast; together they
cover the edges the README promises: 2 to 7 scale steps, 1 to 15 statements an area, 1 to 12
levels, several areas and kinds, level texts and level groups.

`STAVANGER` is read from the environment variable STANDARD_SOURCE when set: point it at an
edited copy of the YAML and every test except the transcription tests must stay green.
"""

from __future__ import annotations

import os
import random
from dataclasses import dataclass
from pathlib import Path

import yaml

from stavangerstandarden.model import Area, Level, Standard, Statement

ROOT = Path(__file__).resolve().parents[1]
STAVANGER = Path(os.environ.get("STANDARD_SOURCE")
                 or ROOT / "framework" / "stavangerstandarden.yaml")
"""The standard the Stavanger-named tests run on; STANDARD_SOURCE overrides it."""
OTHER = ROOT / "tests" / "fixtures" / "annen-kommune.yaml"

WORDS = ("foreldre", "skolen", "elevene", "samarbeid", "møter", "trivsel", "læring", "kontakt",
         "informasjon", "tillit", "dialog", "oppfølging", "rutiner", "å", "og", "i", "med",
         "gjennomføres", "årlig", "tydelig", "godt", "øvrige", "ærlig", "ansvar", "klassen")
STEP_LABELS = ("Ikke startet", "Praksis må endres", "Godt i gang", "Praksis kan bli bedre",
               "Tilfredsstillende", "Svært god praksis", "Fremragende og delt")


@dataclass(frozen=True)
class Shape:
    """The dimensions of one generated standard."""

    steps: int
    levels: int
    statements: tuple[int, ...]
    """Statements per area, one entry per area."""
    seed: int


SHAPES: dict[str, Shape] = {
    "to-steg": Shape(steps=2, levels=1, statements=(15, 1), seed=2),
    "sju-steg": Shape(steps=7, levels=12, statements=(3, 1, 2), seed=7),
    "tilfeldig": Shape(steps=4, levels=3, statements=(2, 5, 1, 3), seed=11),
}


def _sentence(rng: random.Random, low: int, high: int) -> str:
    words = rng.choices(WORDS, k=rng.randint(low, high))
    return " ".join(words).capitalize()


def generated_yaml(shape: Shape) -> str:
    """A valid standard with `shape`'s dimensions; the same text for the same shape."""
    rng = random.Random(shape.seed)
    levels = [{"id": f"niva-{n}", "label": f"{n}. nivå"} for n in range(1, shape.levels + 1)]
    group = [lv["id"] for lv in levels[: max(1, shape.levels // 2)]]
    kinds = [{"id": "tema", "label": "Tema", "description": "tema for året"},
             {"id": "prinsipp", "label": "Prinsipp", "description": "prinsipp for alt arbeid"}]
    labels = STEP_LABELS[-shape.steps:] if shape.steps > 2 else ("Nei", "Ja")
    areas = []
    for a, count in enumerate(shape.statements, start=1):
        statements: list[dict[str, object]] = []
        for s in range(1, count + 1):
            statement: dict[str, object] = {"id": f"omrade-{a}-utsagn-{s}",
                                            "text": _sentence(rng, 3, 16)}
            if s % 3 == 1:
                statement["level_texts"] = [{"levels": ["gruppe"], "text": _sentence(rng, 2, 8)}]
            statements.append(statement)
        area: dict[str, object] = {"id": f"omrade-{a}", "kind": kinds[a % 2]["id"],
                                   "title": f"Område {a}: {_sentence(rng, 1, 3)}",
                                   "description": _sentence(rng, 5, 20),
                                   "statements": statements}
        if a % 2:
            area["statements_heading"] = _sentence(rng, 2, 5)
        areas.append(area)
    data = {
        "standard": {"id": f"generert-{shape.seed}", "title": f"Generert standard {shape.seed}",
                     "subtitle": "Laget av testene", "owner": "Testkommune", "adopted": "2026",
                     "basis": "Ingen", "version": f"{shape.seed}.0",
                     "form_title": f"Generert standard {shape.seed} – egenvurdering"},
        "introduction": {"title": "Om standarden", "paragraphs": [_sentence(rng, 8, 20)]},
        "model": {"title": "Modellen", "paragraphs": [_sentence(rng, 8, 20)]},
        "guidance": {"title": "Veiledning", "paragraphs": [_sentence(rng, 8, 20)],
                     "rating_hint": "Velg ett svar per utsagn.",
                     "submit_hint": "Send skjemaet til skolen.",
                     "steps": [{"title": "Start", "text": _sentence(rng, 4, 10)}]},
        "scale": [{"id": f"steg-{n}", "label": label, "colour": f"#{rng.randrange(1 << 24):06x}"}
                  for n, label in enumerate(labels, start=1)],
        "kinds": kinds,
        "levels": levels,
        "level_groups": {"gruppe": group},
        "areas": areas,
        "actions": {"title": "Tiltak", "description": _sentence(rng, 4, 10),
                    "rows": 1 + shape.seed % 4},
        "legal": {"title": "Regelverk", "lead": _sentence(rng, 4, 10), "source": "Ingen",
                  "sections": [{"title": "Møter", "paragraphs": [_sentence(rng, 4, 10)]}],
                  "rights": [{"title": "Samtale", "text": _sentence(rng, 4, 10)}],
                  "references": []},
    }
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def source_text(name: str) -> str:
    """The YAML of one entry of `STANDARDS`."""
    if name == "stavanger":
        return STAVANGER.read_text("utf-8")
    if name == "annen-kommune":
        return OTHER.read_text("utf-8")
    return generated_yaml(SHAPES[name])


STANDARDS = ("stavanger", "annen-kommune", *SHAPES)
"""Every standard the any-standard tests run on, by name (the pytest ids)."""


@dataclass(frozen=True)
class Picks:
    """Parts of a standard the unit tests use by role, so they hold for any standard."""

    area: Area
    """The first area; its first three statements are `first`, `second`, `third`."""
    level: Level
    """A level in the middle of the list."""
    elsewhere: Statement
    """The first statement of the last area."""
    varied: Statement
    """A statement with level texts (the first), shown on `varied_level`, in `varied_area`."""
    varied_area: Area
    varied_level: str
    low: str
    mid: str
    high: str
    """Scale ids: the first, the second and the last step."""

    @property
    def first(self) -> Statement:
        return self.area.statements[0]

    @property
    def second(self) -> Statement:
        return self.area.statements[1]

    @property
    def third(self) -> Statement:
        return self.area.statements[2]


def picks(standard: Standard) -> Picks:
    varied_area, varied = next((a, s) for a in standard.areas for s in a.statements
                               if s.level_texts)
    return Picks(
        area=standard.areas[0], level=standard.levels[len(standard.levels) // 2],
        elsewhere=standard.areas[-1].statements[0], varied=varied, varied_area=varied_area,
        varied_level=varied.level_texts[0].levels[0], low=standard.scale[0].id,
        mid=standard.scale[1].id, high=standard.scale[-1].id)


def counts(standard: Standard, given: dict[str, int]) -> dict[str, int]:
    """A row of `collect`'s counts: every step and `ubesvart`, zero unless given; a step
    given twice (when `mid` is `high` on a two-step scale) adds up."""
    row = {**{s.id: 0 for s in standard.scale}, "ubesvart": 0}
    for key, n in given.items():
        row[key] += n
    return row
