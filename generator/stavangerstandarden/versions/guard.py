"""`check` guards the published versions: a frozen version means what it meant.

While `standard.version` equals the newest frozen version, the forms printed from it are
out there: rewording one of its statements (or adding one) would silently change what those
forms answered. And an id that was removed stays retired: giving it to a different statement
would count last year's answers to the old one under the new one. Both are errors at the
statement's line; the fix is to bump the version, or to pick a new id.
"""

from __future__ import annotations

from pathlib import Path

from stavangerstandarden.loader import Checked, check_file
from stavangerstandarden.model import Standard, Statement
from stavangerstandarden.problems import InvalidSource, Problem
from stavangerstandarden.versions.history import (
    VERSIONS_DIR,
    History,
    read_kept,
    version_key,
)


def check_versions(source: Path) -> tuple[Checked, History | None]:
    """`loader.check_file` with the kept versions read and the guard's problems added; the
    history when there are no errors."""
    checked = check_file(source)
    if checked.standard is None:
        return checked, None
    try:
        history = read_kept(source, checked.standard)
    except InvalidSource as exc:
        return Checked(None, checked.problems + exc.problems), None
    found = guard_problems(checked.standard, history)
    if found:
        return Checked(None, tuple(sorted(checked.problems + tuple(found),
                                          key=lambda p: (p.file, p.line, p.path)))), None
    return checked, history


def guard_problems(current: Standard, history: History) -> list[Problem]:
    if not history.kept:
        return []
    newest = history.kept[-1]
    version = current.meta.version
    problems = []
    if version_key(version) < version_key(newest.meta.version):
        problems.append(Problem(
            current.source, current.meta.lines.get("version", 1), "standard.version",
            f"versjonen «{version}» er eldre enn den nyeste frosne versjonen "
            f"«{newest.meta.version}» ({newest.source})",
            "standard.version skal være den frosne versjonen eller en nyere"))
    frozen = {s.id: s for s in newest.statements} if version == newest.meta.version else None
    last_seen = _last_seen(history.kept)
    for path, statement in _statements(current):
        if frozen is not None:
            problems += _changed_in_frozen(current, frozen, path, statement, newest)
        earlier = last_seen.get(statement.id)
        if (earlier is not None and earlier[0] is not newest
                and earlier[1].text != statement.text):
            problems.append(Problem(
                current.source, statement.line, f"{path}.id",
                f"id-en «{statement.id}» tilhørte et annet utsagn, som ble fjernet etter "
                f"versjon {earlier[0].meta.version}: «{_short(earlier[1].text)}»",
                "skjema fra den versjonen ville blitt talt under feil utsagn: gi utsagnet en "
                "ny id"))
        problems += [Problem(current.source, statement.line, f"{path}.replaces",
                             f"«{ref}» finnes ikke i noen fryst versjon",
                             f"replaces nevner utsagn fra versjonene i {VERSIONS_DIR}/")
                     for ref in statement.replaces if ref not in last_seen]
    return problems


def _changed_in_frozen(current: Standard, frozen: dict[str, Statement], path: str,
                       statement: Statement, newest: Standard) -> list[Problem]:
    version = current.meta.version
    hint = (f"øk standard.version (versjon {version} er fryst i {newest.source}), så skjema "
            "fra før og etter endringen kan skilles")
    old = frozen.get(statement.id)
    if old is None:
        return [Problem(current.source, statement.line, f"{path}.id",
                        f"nytt utsagn «{statement.id}» i versjon {version}, som allerede er "
                        "fryst", hint)]
    if (old.text, old.level_texts) != (statement.text, statement.level_texts):
        return [Problem(current.source, statement.line, f"{path}.text",
                        f"ordlyden er endret i versjon {version}, som allerede er fryst "
                        f"(før: «{_short(old.text)}»)", hint)]
    return []


def _statements(standard: Standard) -> list[tuple[str, Statement]]:
    return [(f"areas[{i}].statements[{j}]", s) for i, a in enumerate(standard.areas)
            for j, s in enumerate(a.statements)]


def _last_seen(kept: tuple[Standard, ...]) -> dict[str, tuple[Standard, Statement]]:
    """Every id in a kept version → the newest kept version that has it, and its statement."""
    seen: dict[str, tuple[Standard, Statement]] = {}
    for version in kept:
        for statement in version.statements:
            seen[statement.id] = (version, statement)
    return seen


def _short(text: str, most: int = 80) -> str:
    return text if len(text) <= most else text[:most].rstrip() + " …"

