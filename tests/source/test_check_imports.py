"""`stavangerstandarden check` loads only what checking needs: no renderer, site engine or PDF
library, so a maintainer's check is about as quick as reading the YAML (issue 24)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from stavangerstandarden.loader import load_file

from ..standards import OTHER, STAVANGER

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("jinja2", "markdown", "mkdocs", "pikepdf", "pypdf", "typst", "pypdfium2", "PIL")
"""Renderers and PDF libraries: the build needs them, checking does not."""

PROBE = """
import json, sys
from stavangerstandarden.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def check_modules(*args: str) -> tuple[dict[str, object], str]:
    result = subprocess.run([sys.executable, "-c", PROBE, "check", *args], cwd=ROOT,
                            capture_output=True, text=True, check=False, timeout=60)
    return json.loads(result.stdout.splitlines()[-1]), result.stderr


@pytest.mark.parametrize("source", [STAVANGER, OTHER], ids=["stavanger", "annen-kommune"])
def test_check_imports_no_renderer(source: Path) -> None:
    report, _ = check_modules(str(source))
    assert report["code"] == 0
    loaded = {str(name).split(".")[0] for name in report["modules"]}  # type: ignore[attr-defined]
    assert loaded.isdisjoint(HEAVY), sorted(loaded.intersection(HEAVY))


def test_check_without_renderers_still_finds_what_the_forms_cannot_print(
        tmp_path: Path) -> None:
    """The font check needs the form font, not the renderer: it still runs, with FILE:LINE,
    beside the other problems of the same run."""
    text = STAVANGER.read_text("utf-8")
    first = load_file(STAVANGER).areas[0].statements[0].text
    broken = tmp_path / "k.yaml"
    broken.write_text(text.replace(first, first + " 学校", 1).replace(
        "    colour: \"#c62828\"\n", "    colour: rød\n"), "utf-8")
    report, stderr = check_modules(str(broken))
    assert report["code"] == 1
    line = text[: text.index(first)].count("\n") + 1
    assert f"{broken}:{line}: feil: areas[0].statements[0].text: tegnet «学»" in stderr
    assert ": feil: scale[0].colour: " in stderr
    loaded = {str(name).split(".")[0] for name in report["modules"]}  # type: ignore[attr-defined]
    assert loaded.isdisjoint(HEAVY)
