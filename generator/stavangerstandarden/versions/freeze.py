"""`stavangerstandarden frys`: keep the current version as `versjoner/<version>.yaml`.

The frozen copy is the working file's bytes as they are (comments included), so it reads
exactly as the version was published; only the editor's schema reference on the first line is
made relative to the copy's folder, so editors still find the schema. Freezing again is
harmless when nothing changed, and refused when the version says the same but the content does
not: then the version must be bumped first, or forms of the two would be taken for one.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from stavangerstandarden.atomicfile import write_atomic
from stavangerstandarden.loader import load
from stavangerstandarden.problems import InvalidSource, Problem
from stavangerstandarden.versions.guard import check_versions
from stavangerstandarden.versions.history import same_content, version_file, version_key

_FILE_SAFE = re.compile(r"[0-9A-Za-z][0-9A-Za-z._-]*")
"""A version that can be a file name on every system (no `/`, no leading dot)."""
_SCHEMA_COMMENT = re.compile(rb"\A(# yaml-language-server: \$schema=)([^\s:]+)")
"""The first line editors read the schema from; a relative path (no URL scheme)."""


class CannotFreeze(Exception):
    """Freezing would lose or confuse a published version; the message says why."""


@dataclass(frozen=True)
class Frozen:
    version: str
    file: Path
    new: bool
    """False when the same version was already frozen with the same content."""


def freeze(source: Path) -> Frozen:
    """Raises InvalidSource (the source or a kept version has errors) or CannotFreeze."""
    checked, history = check_versions(source)
    if checked.standard is None or history is None:
        raise InvalidSource(checked.problems)
    standard = checked.standard
    version = standard.meta.version
    line = standard.meta.lines.get("version", 1)
    if not _FILE_SAFE.fullmatch(version):
        raise InvalidSource((Problem(
            str(source), line, "standard.version",
            f"versjonen «{version}» kan ikke brukes som filnavn",
            "bruk bare bokstaver a–z, tall, punktum, bindestrek og understrek, f.eks. 2026.1"),))
    target = version_file(source, version)
    newer = [k.meta.version for k in history.kept
             if version_key(k.meta.version) > version_key(version)]
    if newer:
        raise CannotFreeze(f"{source}:{line}: versjon {version} er eldre enn den frosne "
                           f"versjonen {newer[-1]}; en eldre versjon kan ikke fryses etterpå")
    data = source.read_bytes()
    if target.is_file():
        if same_content(load(target.read_text("utf-8"), str(target)), standard):
            return Frozen(version, target, new=False)
        raise CannotFreeze(f"{source}:{line}: versjon {version} er allerede fryst i {target}, "
                           "med annet innhold enn kilden har nå\n    tips: øk standard.version "
                           "(f.eks. til en ny årstall- eller løpenummerversjon) og frys den")
    write_atomic(target, _schema_relative_to(data, source.parent, target.parent))
    return Frozen(version, target, new=True)


def _schema_relative_to(data: bytes, old: Path, new: Path) -> bytes:
    """The working file's bytes with its schema path pointing at the same schema from `new`."""
    match = _SCHEMA_COMMENT.match(data)
    if match is None:
        return data
    schema = os.path.normpath(old / os.fsdecode(match[2]))
    moved = Path(os.path.relpath(schema, new)).as_posix()
    return match[1] + os.fsencode(moved) + data[match.end():]
