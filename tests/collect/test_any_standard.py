"""What holds for collect with any standard: every answer, every step and every tiltak
written into the renderer's forms comes back from `collect`, counted under its own step."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

from standards import STANDARDS, source_text

from stavangerstandarden import contract as c
from stavangerstandarden.cli import main
from stavangerstandarden.forms import render_form
from stavangerstandarden.formspec import FormSpec, form_specs
from stavangerstandarden.loader import load

from .conftest import pypdf_fill


def answers(spec: FormSpec, steps: list[str], start: int) -> dict[str, str]:
    """The steps in turn from `start`, the last statement left blank, every text filled."""
    values: dict[str, str] = {}
    radios = [f for f in spec.fields if f.type == "radio"]
    for i, f in enumerate(radios[:-1]):
        values[f.name] = steps[(start + i) % len(steps)]
    for f in spec.fields:
        if f.type == "text" and not f.hidden:
            values[f.name] = f"{f.name} – æøå {len(values)}"
    return values


def test_every_answer_is_read_back(tmp_path: Path) -> None:
    for name in STANDARDS:
        text = source_text(name)
        source = tmp_path / f"{name}.yaml"
        source.write_text(text, "utf-8")
        standard = load(text, str(source))
        specs = form_specs(standard)
        chosen = [specs[0], next(s for s in reversed(specs) if s.area is None)]
        steps = [s.id for s in standard.scale]
        inbox = tmp_path / name / "inn"
        inbox.mkdir(parents=True)
        filled = {}
        start = 0
        for spec in chosen:
            values = answers(spec, steps, start)
            start += sum(f.type == "radio" for f in spec.fields) - 1
            path = inbox / spec.file.split("/")[-1]
            path.write_bytes(pypdf_fill(render_form(standard, spec), values))
            filled[path.name] = (spec, values)
        out = tmp_path / name / "ut"

        assert main(["collect", str(inbox), "--out", str(out), "--source", str(source)]) == 0

        data = json.loads((out / "sammendrag.json").read_text("utf-8"))
        rows = list(csv.DictReader(io.StringIO((out / "svar.csv").read_text("utf-8-sig")),
                                   delimiter=";"))
        counts = {s.id: Counter() for s in standard.statements}
        for file, (spec, values) in filled.items():
            radios = [f.name for f in spec.fields if f.type == "radio"]
            got = {r["utsagn"]: r["svar"] for r in rows if r["fil"].endswith(file)}
            assert got == {n: values.get(n, "ubesvart") for n in radios}, (name, file)
            for n in radios:
                counts[n][values.get(n, "ubesvart")] += 1
            meta = next(f["meta"] for f in data["files"] if f["file"].endswith(file))
            assert meta == {part: values.get(c.meta_field(part), "")
                            for part, _ in c.META_FIELDS}
            actions = [(a["rad"], a["tiltak"], a["ansvarlig"], a["frist"])
                       for a in data["tiltak"] if a["file"].endswith(file)]
            assert actions == [
                (n, *(values[c.action_field(n, part)] for part, _ in c.ACTION_PARTS))
                for n, _ in spec.action_rows], (name, file)
        keys = [*steps, "ubesvart"]
        assert data["statements"] == {sid: {k: n[k] for k in keys}
                                      for sid, n in counts.items()}, name
        used = {k for n in counts.values() for k, v in n.items() if v}
        assert used == set(keys) or len(standard.statements) < len(steps), name
