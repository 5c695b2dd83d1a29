"""Every command of the table (`cli.COMMANDS`) is reachable: listed in the help with its line,
answering its own `-h`, and named among the choices when a command is mistyped."""

from __future__ import annotations

import pytest

from stavangerstandarden.cli import COMMANDS, main


def _exit(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    out, err = capsys.readouterr()
    return int(stopped.value.code or 0), out, err


def test_the_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _exit(["--help"], capsys)
    assert code == 0
    for name, command in COMMANDS.items():
        line = next(line for line in out.splitlines() if line.strip().startswith(name + " "))
        assert command.help.split()[0] in line


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_answers_its_help(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _exit([name, "-h"], capsys)
    assert (code, err) == (0, "")
    assert f"stavangerstandarden {name} [-h]" in out.splitlines()[0]


def test_a_mistyped_command_names_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _exit(["bygg"], capsys)
    assert code == 2
    assert "ugyldig valg" in err
    for name in COMMANDS:
        assert repr(name) in err
