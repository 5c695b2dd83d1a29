"""Problems found in a source file, and the exception that carries the fatal ones.

Policy (after pypdf): an *error* stops the build because its output would be wrong; a
*warning* is something a maintainer should look at, and never changes the output.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass


class Severity(enum.Enum):
    ERROR = "feil"
    WARNING = "advarsel"


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    path: str
    """Where in the document, e.g. `areas[2].statements[0].id`; empty for the whole file."""
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        text = visible(f"{self.file}:{self.line}: {self.severity.value}: {where}{self.message}")
        return f"{text}\n    tips: {visible(self.hint)}" if self.hint else text


def visible(text: str) -> str:
    """`text` with every unprintable character written as an escape (`\\n`, `\\x1b`), so a
    message quoting the source cannot break a line or drive the terminal."""
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


class InvalidSource(Exception):
    """The source has errors; `problems` holds all of them (and the warnings), sorted."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(sorted(problems, key=lambda p: (p.file, p.line, p.path)))
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)
