"""Benchmarks for the speed and size goals (figures for the closing note, not tests).

Run with `make bench`. Each benchmark prints one line: what, the figure, and the goal.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml
from collect_benchmark import time_collect, time_reader
from fill_benchmark import bench_fill
from kommune_benchmark import time_kommune
from lighthouse_benchmark import bench_lighthouse
from paper_benchmark import bench_paper
from serve_benchmark import ENGINES, bench_serve, project_copy
from summary_benchmark import bench_summary
from weight_benchmark import bench_weight

from stavangerstandarden.forms import render_form, render_forms
from stavangerstandarden.formspec import form_specs
from stavangerstandarden.loader import load_file

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "framework" / "stavangerstandarden.yaml"


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def bench_check() -> str:
    """`check` against the bare import of what it cannot do without (PyYAML, jsonschema):
    both as fresh processes, interleaved, so the machine's load hits them alike."""
    times = timed(lambda: load_file(SOURCE), 20)
    check = [sys.executable, "-m", "stavangerstandarden.cli", "check", str(SOURCE)]
    bare = [sys.executable, "-c", "import yaml, jsonschema"]
    walls: dict[str, list[float]] = {"check": [], "bare": []}
    for _ in range(5):
        for name, cmd in (("check", check), ("bare", bare)):
            walls[name] += timed(lambda c=cmd: subprocess.run(c, check=True,
                                                              capture_output=True), 1)
    ratio = statistics.median(walls["check"]) / statistics.median(walls["bare"])
    return (f"check (load + validate): median {statistics.median(times) * 1000:.0f} ms in "
            f"process; `stavangerstandarden check` median {statistics.median(walls['check']):.2f}"
            f" s wall, bare import of PyYAML and jsonschema {statistics.median(walls['bare']):.2f}"
            f" s (median of 5): {ratio:.1f} × (goal ≤ 2 ×)")


def bench_forms() -> str:
    standard = load_file(SOURCE)
    specs = form_specs(standard)
    area_specs = [spec for spec in specs if spec.area is not None]
    render_form(standard, area_specs[0])  # warm-up: fonts and the Typst compiler load once
    times, sizes = [], []
    for spec in area_specs:
        start = time.perf_counter()
        pdf = render_form(standard, spec)
        times.append(time.perf_counter() - start)
        sizes.append(len(pdf))
    complete = [len(render_form(standard, spec)) for spec in specs if spec.area is None]
    walls = timed(lambda: render_forms(standard, specs), 3)
    return "\n".join((
        f"area form: median {statistics.median(times) * 1000:.0f} ms, "
        f"max {max(times) * 1000:.0f} ms (goal ≤ 40 ms)",
        f"area form size: median {statistics.median(sizes) / 1000:.1f} KB, "
        f"max {max(sizes) / 1000:.1f} KB (goal ≤ 60 KB); complete form max "
        f"{max(complete) / 1000:.1f} KB",
        f"all {len(specs)} forms, both cores: median {statistics.median(walls):.2f} s wall "
        "(goal ≤ 2 s)",
    ))


def bench_collect() -> str:
    ours, on_pypdf, get_fields = time_reader(SOURCE)
    wall, cpu = time_collect(SOURCE, 1000)
    return (f"collect reader: {ours:.1f} ms CPU a form on pikepdf, {on_pypdf:.1f} ms on pypdf "
            f"(pypdf get_fields(): {get_fields:.1f} ms)\n"
            f"stavangerstandarden collect, 1000 filled forms: {wall:.2f} s wall, {cpu:.2f} s "
            "CPU (goal ≤ 3 s wall on 2 cores)")


def bench_kommune() -> str:
    runs = [time_kommune(SOURCE) for _ in range(3)]
    return (f"stavangerstandarden kommune, 60 schools × 10 summaries ({runs[0][2]} forms): "
            f"median {statistics.median(r[0] for r in runs):.2f} s wall, "
            f"{statistics.median(r[1] for r in runs):.2f} s CPU (goal ≤ 2 s)")


def bench_build() -> str:
    lines = []
    for engine in ENGINES:
        with tempfile.TemporaryDirectory() as tmp:
            project = project_copy(Path(tmp))
            cmd = [sys.executable, "-m", "stavangerstandarden.cli", "build", "--engine", engine]
            cold = timed(lambda c=cmd, p=project: subprocess.run(c, cwd=p, check=True,
                                                                capture_output=True), 1)
            warm = timed(lambda c=cmd, p=project: subprocess.run(c, cwd=p, check=True,
                                                                capture_output=True), 3)
        lines.append(f"stavangerstandarden build --engine {engine}: {cold[0]:.2f} s wall with "
                     f"no form cache, median {statistics.median(warm):.2f} s with it (goal ≤ 5 s)")
    return "\n".join(lines)


THREE_LANGUAGES = ("nn", "en")
"""The translations of issue 24's three-language build (with bokmål)."""


def _language_project(tmp: Path, languages: int) -> Path:
    """A project copy with bokmål only (1), bokmål with THREE_LANGUAGES (3) or with every
    shipped translation."""
    project = project_copy(tmp, translations=languages > 1)
    if languages == 1 + len(THREE_LANGUAGES):
        folder = project / "framework" / "oversettelser"
        for po in [*folder.glob("*.po"), *folder.glob("sider/*.po")]:
            if po.stem not in THREE_LANGUAGES:
                po.unlink()
    return project


def _language_counts() -> tuple[int, int]:
    from stavangerstandarden.i18n.layout import Layout

    return 1, 1 + len(Layout(SOURCE).languages())


def bench_languages() -> str:
    """A build with every shipped language against a bokmål-only one, both warm (form cache
    filled), default engine."""
    counts = _language_counts()
    medians = {}
    for languages in counts:
        with tempfile.TemporaryDirectory() as tmp:
            project = _language_project(Path(tmp), languages)
            cmd = [sys.executable, "-m", "stavangerstandarden.cli", "build"]
            subprocess.run(cmd, cwd=project, check=True, capture_output=True)
            medians[languages] = statistics.median(timed(
                lambda c=cmd, p=project: subprocess.run(c, cwd=p, check=True,
                                                       capture_output=True), 3))
    one, every = counts
    return (f"build, {every} languages: {medians[every]:.2f} s, 1 language: {medians[one]:.2f} s "
            f"median (warm), ratio {medians[every] / medians[one]:.2f} (goal ≤ 4)")


def _cold_build(languages: int) -> float:
    """Wall seconds of a full cold build (a fresh project copy with no form cache, and an
    empty user cache folder, so the field font is subset again), default engine: what a new
    clone or CI pays."""
    with tempfile.TemporaryDirectory() as tmp:
        project = _language_project(Path(tmp), languages)
        env = {**os.environ, "XDG_CACHE_HOME": str(Path(tmp) / "usercache")}
        cmd = [sys.executable, "-m", "stavangerstandarden.cli", "build"]
        return timed(lambda: subprocess.run(cmd, cwd=project, env=env, check=True,
                                            capture_output=True), 1)[0]


def bench_languages_cold() -> str:
    """Issue 21's build cost: every shipped language against bokmål only, each cold, once."""
    one, every = _language_counts()
    walls = {languages: _cold_build(languages) for languages in (one, every)}
    return (f"build, cold (no form cache, empty user cache): {every} languages "
            f"{walls[every]:.2f} s, 1 language {walls[one]:.2f} s wall, ratio "
            f"{walls[every] / walls[one]:.2f} (goal ≤ 4)")


def bench_languages_three() -> str:
    """Issue 24's build cost: bokmål, nynorsk and English against bokmål only, each cold,
    interleaved, median of 3."""
    three = 1 + len(THREE_LANGUAGES)
    walls: dict[int, list[float]] = {1: [], three: []}
    for _ in range(3):
        for languages in walls:
            walls[languages].append(_cold_build(languages))
    one_wall, three_wall = (statistics.median(walls[n]) for n in (1, three))
    return (f"build, cold (no form cache, empty user cache): 3 languages (nb, "
            f"{', '.join(THREE_LANGUAGES)}) {three_wall:.2f} s, 1 language {one_wall:.2f} s "
            f"wall (median of 3), ratio {three_wall / one_wall:.2f} (goal ≤ 1.5)")


def _revised(text: str, version: str, statement: int) -> str:
    """`text` under `version` with one statement reworded: the next published version."""
    data = yaml.safe_load(text)
    data["standard"]["version"] = version
    target = [s for a in data["areas"] for s in a["statements"]][statement]
    target["text"] = f"{target['text'].rstrip('.')} hver måned"
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def _build_times(project: Path, runs: int = 3) -> tuple[float, float]:
    """Median wall seconds and median CPU seconds (the build's processes) of warm builds."""
    cmd = [sys.executable, "-m", "stavangerstandarden.cli", "build"]
    subprocess.run(cmd, cwd=project, check=True, capture_output=True)
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(cmd, cwd=project, check=True, capture_output=True)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def bench_versions() -> str:
    """A build with two kept versions (and a changelog of two versions' changes) against the
    same build with none, bokmål only, warm."""
    figures = {}
    for kept in (0, 2):
        with tempfile.TemporaryDirectory() as tmp:
            project = project_copy(Path(tmp))
            text = SOURCE.read_text("utf-8")
            if kept:
                folder = project / "framework" / "versjoner"
                folder.mkdir()
                version = load_file(SOURCE).meta.version
                (folder / f"{version}.yaml").write_text(text, "utf-8")
                second = _revised(text, "2098.1", 0)
                (folder / "2098.1.yaml").write_text(second, "utf-8")
                (project / "framework" / SOURCE.name).write_text(
                    _revised(second, "2099.1", 1), "utf-8")
            figures[kept] = _build_times(project)
    (wall0, cpu0), (wall2, cpu2) = figures[0], figures[2]
    return (f"build with 2 kept versions: {wall2:.2f} s wall, {cpu2:.2f} s CPU; with none: "
            f"{wall0:.2f} s, {cpu0:.2f} s (median of 3, warm); ratio {wall2 / wall0:.2f} wall, "
            f"{cpu2 / cpu0:.2f} CPU (goal ≤ 1.2)")


BENCHMARKS: dict[str, Callable[[], str]] = {
    "check": bench_check,
    "forms": bench_forms,
    "build": bench_build,
    "languages": bench_languages,
    "languages-cold": bench_languages_cold,
    "languages-three": bench_languages_three,
    "serve": bench_serve,
    "collect": bench_collect,
    "kommune": bench_kommune,
    "fill": bench_fill,
    "summary": bench_summary,
    "versions": bench_versions,
    "paper": bench_paper,
    "weight": bench_weight,
    "lighthouse": bench_lighthouse,
}


def main(names: list[str]) -> None:
    for name in names or list(BENCHMARKS):
        print(BENCHMARKS[name](), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
