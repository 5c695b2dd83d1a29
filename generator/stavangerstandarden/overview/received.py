"""What happened to each file given to `kommune`: counted, or why not."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Received:
    number: int
    """Its place among the files given, from 1: several schools send a `sammendrag.json`."""
    label: str
    """The file's name without its folders."""
    reason: str = ""
    """Why it was not counted (Norwegian); empty when it was."""
    note: str = ""
    """A remark on a counted file, e.g. that its school is unknown."""
