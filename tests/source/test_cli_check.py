"""`stavangerstandarden check` as a maintainer runs it: exit codes and what is printed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from stavangerstandarden.loader import load_file

ROOT = Path(__file__).resolve().parents[2]


def run_check(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "stavangerstandarden.cli", "check", *args],
                          cwd=ROOT, capture_output=True, text=True, check=False)


def test_default_source_passes_with_its_warning() -> None:
    standard = load_file(ROOT / "framework" / "stavangerstandarden.yaml")
    result = run_check()
    assert result.returncode == 0
    assert result.stdout.startswith(
        f"framework/stavangerstandarden.yaml: OK ({len(standard.statements)} utsagn i "
        f"{len(standard.areas)} områder, ")
    assert "\nOversettelse: norsk nynorsk (nn): " in result.stdout
    assert "advarsel: areas[5].description" in result.stderr


def test_errors_exit_one_and_are_all_listed(tmp_path: Path) -> None:
    source = (ROOT / "framework" / "stavangerstandarden.yaml").read_text("utf-8")
    broken = tmp_path / "k.yaml"
    broken.write_text(source.replace("  rows: 4\n", "  rows: 0\n").replace(
        "    colour: \"#c62828\"\n", "    colour: rød\n"), "utf-8")
    result = run_check(str(broken))
    assert result.returncode == 1
    assert result.stderr.count(": feil: ") == 2
    assert result.stderr.endswith(f"2 feil i {broken}.\n")
    assert "Traceback" not in result.stderr


def test_usage_error_exits_two_in_norwegian() -> None:
    result = subprocess.run([sys.executable, "-m", "stavangerstandarden.cli", "sjekk"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert "stavangerstandarden: feil: argument KOMMANDO: ugyldig valg: 'sjekk'" in result.stderr


def test_check_finds_characters_the_form_font_cannot_draw(tmp_path: Path) -> None:
    source = (ROOT / "framework" / "stavangerstandarden.yaml").read_text("utf-8")
    broken = tmp_path / "k.yaml"
    text = source.replace("lager gode matpakker til oss", "lager gode matpakker ☃ til oss")
    broken.write_text(text, "utf-8")
    result = run_check(str(broken))
    assert result.returncode == 1
    line = text[: text.index("        text: Foreldrene våre lager gode matpakker")].count("\n") + 1
    assert f"{broken}:{line}: feil: areas[0].statements[6].text: tegnet «☃» (U+2603)" in (
        result.stderr)
    assert result.stderr.endswith(f"1 feil i {broken}.\n")
