"""The municipality's overview at scale: 60 schools × 10 summaries (goal ≤ 2 s on the command
line), as a function the project's benchmark script calls.

One real contribution is made the way a school makes it (every form of the standard rendered,
filled with pypdf and read by `collect`); a seeded generator then varies its form counts and
answers for each of the 600 files, keeping its shape (forms per area and level, tiltak) and
keeping its numbers adding up. `stavangerstandarden kommune` is timed as a separate process,
from starting Python to the three outputs written.
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from collect_benchmark import filled_forms

from stavangerstandarden.collect.contribution import Contribution, contribution_data
from stavangerstandarden.collect.inputs import read_all
from stavangerstandarden.collect.pipeline import collect
from stavangerstandarden.loader import load_file
from stavangerstandarden.model import Standard
from stavangerstandarden.overview.inputs import parse


def real_contribution(source: Path, folder: Path) -> Contribution:
    standard = load_file(source)
    for n, pdf in enumerate(filled_forms(source)):
        (folder / f"skjema-{n}.pdf").write_bytes(pdf)
    collected = collect(read_all(sorted(folder.glob("*.pdf"))), standard=standard)
    return parse(collected.outputs["til-kommunen.json"], standard)


def varied(base: Contribution, standard: Standard, rnd: random.Random, school: str) -> str:
    forms = [(area, level, rnd.randint(0, 2)) for area, level, _ in base.forms]
    forms = [f for f in forms if f[2]] or [base.forms[0]]
    keys = [*(s.id for s in standard.scale), "ubesvart"]
    counts = {}
    for area in standard.areas:
        asked = sum(n for a, _, n in forms if a in ("", area.id))
        for statement in area.statements:
            row = dict.fromkeys(keys, 0)
            for key in rnd.choices(keys, k=asked):
                row[key] += 1
            counts[statement.id] = row
    return json.dumps(contribution_data(Contribution(
        base.standard, base.version, (school,), tuple(forms), counts, base.tiltak)),
        ensure_ascii=False)


def time_kommune(source: Path, schools: int = 60, per_school: int = 10,
                 ) -> tuple[float, float, int]:
    """Wall and CPU seconds of `stavangerstandarden kommune` on the files, and how many forms
    they count (CPU too, because on a busy machine the wall time measures the others)."""
    standard = load_file(source)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "skjema").mkdir()
        base = real_contribution(source, root / "skjema")
        rnd = random.Random(60)
        paths = []
        for school in range(schools):
            for part in range(per_school):
                path = root / "inn" / f"skole-{school}" / f"klasse-{part}.json"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(varied(base, standard, rnd, f"Skole {school}"), "utf-8")
                paths.append(str(path))
        forms = sum(f["antall"] for p in paths
                    for f in json.loads(Path(p).read_text("utf-8"))["skjema"])
        command = [sys.executable, "-m", "stavangerstandarden.cli", "kommune", *paths,
                   "--out", str(root / "ut"), "--source", str(source)]
        cpu = _children_cpu()
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        return time.perf_counter() - start, _children_cpu() - cpu, forms


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime
