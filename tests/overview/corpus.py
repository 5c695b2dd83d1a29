"""Schools' summaries for the overview, made the way schools make them: real forms rendered by
the form renderer, filled with pypdf as a viewer saves them, read by `stavangerstandarden
collect` (one run per summary). Then a seeded generator varies them for scale.

conftest.py makes them once a session per standard (Stavanger's and
tests/fixtures/annen-kommune.yaml).
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from helpers.fillers import pypdf_fill
from standards import OTHER, STAVANGER

from stavangerstandarden import contract as c
from stavangerstandarden.cli import main
from stavangerstandarden.collect.contribution import Contribution, contribution_data
from stavangerstandarden.forms import render_form
from stavangerstandarden.formspec import FormSpec, form_specs
from stavangerstandarden.loader import load_file
from stavangerstandarden.model import Standard

SOURCES = {"stavanger": STAVANGER, "annen-kommune": OTHER}
NAMES = ("Kari Nordmann", "Ola Hansen", "Åse Bjørkli", "Per Øvrebø")
SHARED_TILTAK = ("Foreldrekaffe før jul", "Felles   foreldremøte om nettvett",
                 "foreldrekaffe FØR jul")
IDENTIFYING = "{surname} ringer alle nye foreldre i august"
"""A tiltak naming the person who filled in the form: must reach no output."""
SMALL_SCHOOL_TILTAK = "Eget tiltak bare fra Lillevik"


@dataclass(frozen=True)
class Plan:
    """One summary: the school its forms name ("" none), how many forms, and its folder."""

    school: str
    forms: int
    folder: str


def plans(k: int) -> tuple[Plan, ...]:
    """Schools of every size around k: k−1 forms (hidden), exactly k (shown), one school in
    two summaries (two classes), a small partner, a summary with no school named."""
    return (
        Plan("Eiganes skole", 12, "eiganes"),
        Plan("Hundvåg skole", k, "hundvag"),
        Plan("Lillevik skole", k - 1, "lillevik"),
        Plan("Tasta skole", 4, "tasta-5a"),
        Plan("  tasta   SKOLE ", 5, "tasta-fau"),
        Plan("Kvaleberg skole", 2, "kvaleberg"),
        Plan("Madla skole", 9, "madla"),
        Plan("", 3, "uten-skole"),
    )


Run = tuple[int, dict[str, Any], str, str]
"""Exit status, kommune.json, kommune.csv and rapport.html."""


@dataclass
class Corpus:
    """Every summary of one standard: the folders collect wrote, and what it wrote."""

    name: str
    source: Path
    standard: Standard
    root: Path
    plans: tuple[Plan, ...]
    summaries: dict[str, Path] = field(default_factory=dict)
    """Folder name → its sammendrag.json."""
    contributions: dict[str, Path] = field(default_factory=dict)
    """Folder name → its til-kommunen.json."""
    secrets: set[str] = field(default_factory=set)
    """Every name, path and file name that must reach no output of the overview."""

    @property
    def k(self) -> int:
        return self.standard.report.min_answers


def answers(spec: FormSpec, plan: Plan, seed: int) -> dict[str, str]:
    rnd = random.Random(seed)
    values = {f.name: rnd.choice([v for v, _ in f.options]) for f in spec.fields
              if f.type == "radio" and rnd.random() < 0.9}
    values[c.meta_field("skole")] = plan.school
    values[c.meta_field("utfylt_av")] = NAMES[seed % len(NAMES)]
    values[c.meta_field("klasse")] = plan.folder
    rows = sorted({row for row, _ in spec.action_rows})
    surname = NAMES[seed % len(NAMES)].split()[1]
    texts = [rnd.choice(SHARED_TILTAK), IDENTIFYING.format(surname=surname) if seed % 3 == 0
             else ""]
    if plan.folder == "lillevik":
        texts.append(SMALL_SCHOOL_TILTAK)
    for row, text in zip(rows, texts, strict=False):
        if text:
            values[c.action_field(row, "tiltak")] = text
            values[c.action_field(row, "ansvarlig")] = NAMES[(seed + 1) % len(NAMES)]
    names = {f.name for f in spec.fields}
    return {n: v for n, v in values.items() if n in names}


def make_corpus(name: str, root: Path) -> Corpus:
    source = SOURCES[name]
    standard = load_file(source)
    specs = form_specs(standard)
    complete = next(s for s in specs if s.area is None and s.level.id == standard.levels[-1].id)
    chosen = [*[s for s in specs if s.level.id == standard.levels[0].id][:2], complete]
    blank = {id(s): render_form(standard, s) for s in chosen}
    corpus = Corpus(name, source, standard, root, plans(standard.report.min_answers))
    seed = 0
    for plan in corpus.plans:
        inbox = root / "innboks" / plan.folder
        inbox.mkdir(parents=True)
        for n in range(plan.forms):
            seed += 1
            spec = chosen[seed % len(chosen)]
            form = inbox / f"skjema-{NAMES[seed % len(NAMES)].split()[0].lower()}-{n}.pdf"
            form.write_bytes(pypdf_fill(blank[id(spec)], answers(spec, plan, seed)))
            corpus.secrets.add(form.name)
        out = root / "ut" / plan.folder
        status = main(["collect", str(inbox), "--out", str(out), "--source", str(source)])
        assert status == 0
        corpus.summaries[plan.folder] = out / "sammendrag.json"
        corpus.contributions[plan.folder] = out / "til-kommunen.json"
    corpus.secrets |= {*NAMES, *(IDENTIFYING.format(surname=n.split()[1]) for n in NAMES),
                       *(n.split()[1] for n in NAMES), str(root), "innboks", "skjema-",
                       SMALL_SCHOOL_TILTAK}
    return corpus


def varied(base: Contribution, standard: Standard, rnd: random.Random, school: str,
           ) -> dict[str, Any]:
    """A contribution shaped like a real one (its forms per area and level, its tiltak) with
    a new school, new form counts and answers drawn from `rnd`; its numbers add up."""
    shape = rnd.sample(base.forms, rnd.randint(1, len(base.forms)))
    forms = [(area, level, rnd.randint(1, 6)) for area, level, _ in shape]
    keys = [*(s.id for s in standard.scale), "ubesvart"]
    counts: dict[str, dict[str, int]] = {}
    for area in standard.areas:
        asked = sum(n for a, _, n in forms if a in ("", area.id))
        for statement in area.statements:
            row = dict.fromkeys(keys, 0)
            for _ in range(asked):
                row[rnd.choices(keys, weights=[*([4] * len(standard.scale)), 1])[0]] += 1
            counts[statement.id] = row
    data = contribution_data(Contribution(base.standard, base.version, (school,),
                                          tuple(forms), counts, base.tiltak))
    return data


def generated(corpus: Corpus, folder: Path, schools: int, per_school: int, seed: int,
              ) -> list[Path]:
    """`schools` × `per_school` contributions varied from the corpus's real ones."""
    from stavangerstandarden.overview.inputs import parse

    bases = [parse(p.read_text("utf-8"), corpus.standard)
             for p in corpus.contributions.values()]
    rnd = random.Random(seed)
    paths = []
    folder.mkdir(parents=True, exist_ok=True)
    for school in range(schools):
        for part in range(per_school):
            data = varied(rnd.choice(bases), corpus.standard, rnd, f"Skole nr. {school}")
            path = folder / f"skole-{school}-{part}.json"
            path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
            paths.append(path)
    return paths
