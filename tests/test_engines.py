"""The site engines are named in one place: what the command line offers is what the build
runs."""

from __future__ import annotations

import subprocess
import sys

from stavangerstandarden import engines
from stavangerstandarden.publish import ENGINES


def test_the_build_runs_every_engine_the_list_names() -> None:
    assert tuple(ENGINES) == engines.NAMES
    assert engines.DEFAULT in engines.NAMES
    assert set(engines.NAMES) >= engines.SOURCE_LINK_ENGINES


def test_the_command_line_offers_the_engines_of_the_list() -> None:
    cli = "from stavangerstandarden.cli import main; main()"
    done = subprocess.run([sys.executable, "-c", cli, "build", "--engine", "ingen-motor"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert "velg blant " + ", ".join(f"'{name}'" for name in engines.NAMES) in done.stderr
