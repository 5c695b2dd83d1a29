"""The kept versions of a standard: `framework/versjoner/<version>.yaml` beside the source.

Each file is a frozen copy of the source as it was published (made by `stavangerstandarden
frys`). Together with the working file they are the standard's history, oldest first; the
working file stands for its own version when that version is frozen too, so the site shows
what it is built from. Versions are ordered by their version string compared part by part,
numbers as numbers ("2020.9" < "2020.10" < "2021.1").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from stavangerstandarden import yamlsource
from stavangerstandarden.loader import MAX_SOURCE_BYTES, load
from stavangerstandarden.model import Standard
from stavangerstandarden.problems import InvalidSource, Problem
from stavangerstandarden.usercache import cached_object
from stavangerstandarden.yamlsource import Parsed, parse

VERSIONS_DIR = "versjoner"
"""The folder beside the source that holds the frozen versions."""

Loader = Callable[[str, str], Standard]
"""YAML text and its label → the model: `load_kept` (checks) or `loader.load_checked`."""

_PARTS = re.compile(r"\d+|\D+")


def version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    """Sorts versions the way people read them: numbers as numbers, then text."""
    return tuple((0, int(part)) if part.isdigit() else (1, part)
                 for part in _PARTS.findall(version))


def versions_folder(source: Path) -> Path:
    return source.parent / VERSIONS_DIR


def version_file(source: Path, version: str) -> Path:
    return versions_folder(source) / f"{version}.yaml"


def same_content(a: Standard, b: Standard) -> bool:
    """Whether two models say the same (lines, comments and file names aside)."""
    return replace(a, source="") == replace(b, source="")


@dataclass(frozen=True)
class History:
    """Every version of one standard, oldest first; the last is the one the site shows."""

    versions: tuple[Standard, ...]
    kept: tuple[Standard, ...] = ()
    """The frozen files as they are on disk, oldest first."""

    @property
    def current(self) -> Standard:
        return self.versions[-1]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(v.meta.version for v in self.versions)

    def find(self, version: str) -> Standard | None:
        return next((v for v in self.versions if v.meta.version == version), None)

    def after(self, version: str) -> tuple[Standard, ...]:
        """The versions newer than `version`, oldest first."""
        key = version_key(version)
        return tuple(v for v in self.versions if version_key(v.meta.version) > key)


def alone(current: Standard) -> History:
    """The history of a standard with no kept versions."""
    return History((current,))


def load_kept(text: str, label: str) -> Standard:
    """`loader.load` for a frozen file: checked and built as any source, but parsed once
    (PyYAML's pure-Python parser is most of the time `check` spends on it); the parse is
    kept in the user's cache, named by the file's text and the parser's code."""
    return load(text, label, _parsed_once)


def _parsed_once(text: str) -> Parsed | None:
    return cached_object("yaml-{}.pickle", (text.encode("utf-8"), yaml.__version__.encode(),
                                            Path(yamlsource.__file__).read_bytes()),
                         lambda: parse(text))


def read_kept(source: Path, current: Standard, read: Loader = load_kept) -> History:
    """The history of `current`, loaded from `source`: its kept versions read with `read`.

    Raises InvalidSource with every problem of every kept file (a broken file, a file named
    after another version, a copy of another standard)."""
    folder = versions_folder(source)
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    kept: list[Standard] = []
    problems: list[Problem] = []
    for path in files:
        label = _label(source, path)
        try:
            data = path.read_bytes()
            if len(data) > MAX_SOURCE_BYTES:
                raise InvalidSource((Problem(label, 1, "", "filen er større enn 1 MB"),))
            standard = read(data.decode("utf-8"), label)
        except InvalidSource as exc:
            problems += exc.errors
            continue
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(label, 1, "", f"kan ikke lese den frosne versjonen ({exc})"))
            continue
        problems += _misplaced(standard, path, current)
        kept.append(standard)
    if problems:
        raise InvalidSource(problems)
    kept.sort(key=lambda s: version_key(s.meta.version))
    older = tuple(s for s in kept if s.meta.version != current.meta.version)
    shown = sorted((*older, current), key=lambda s: version_key(s.meta.version))
    return History(tuple(shown), tuple(kept))


def _label(source: Path, path: Path) -> str:
    """The kept file's name as messages show it, next to the source's own label."""
    return (Path(str(source)).parent / VERSIONS_DIR / path.name).as_posix()


def _misplaced(standard: Standard, path: Path, current: Standard) -> list[Problem]:
    meta = standard.meta
    line = meta.lines.get("version", 1)
    found = []
    if path.stem != meta.version:
        found.append(Problem(standard.source, line, "standard.version",
                             f"filen heter «{path.name}», men versjonen i den er «{meta.version}»",
                             f"en fryst versjon ligger i {VERSIONS_DIR}/<versjon>.yaml; lag "
                             "den med «stavangerstandarden frys»"))
    if meta.id != current.meta.id:
        found.append(Problem(standard.source, meta.lines.get("id", 1), "standard.id",
                             f"den frosne versjonen er av standarden «{meta.id}», ikke "
                             f"«{current.meta.id}»", "slett filen eller flytt den"))
    return found
