"""Checks the JSON Schema cannot express: uniqueness, references, suspicious repeats.

They run on the plain parsed data, defensively, so that a type error elsewhere in the file
does not hide a duplicate id here: the maintainer gets every problem in one run.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any

from stavangerstandarden.contract import RESERVED_IDS
from stavangerstandarden.problems import Problem, Severity
from stavangerstandarden.schema import format_path
from stavangerstandarden.yamlsource import Parsed, Path


def semantic_problems(parsed: Parsed, label: str) -> list[Problem]:
    def problem(path: Path, message: str, hint: str = "", warn: bool = False) -> Problem:
        severity = Severity.WARNING if warn else Severity.ERROR
        return Problem(label, parsed.line(path), format_path(path), message, hint, severity)

    data = parsed.data if isinstance(parsed.data, dict) else {}
    found: list[Problem] = [
        Problem(label, line, format_path(path), "nøkkelen er skrevet to ganger i samme blokk",
                "slett den ene")
        for path, line in parsed.duplicate_keys
    ]
    for list_key in ("scale", "kinds", "levels", "areas"):
        found += [problem(p, m, h) for p, m, h in _duplicate_ids(_entries(data, (list_key,)))]
    statements = [
        (path, item)
        for area_path, area in _entries(data, ("areas",))
        for path, item in _entries(area, ("statements",), area_path)
    ]
    found += [problem(p, m, h) for p, m, h in _duplicate_ids(statements)]
    found += [problem(p, m, h) for p, m, h in _duplicate_texts(statements)]
    found += [problem(p, m, h) for p, m, h in _reserved_ids(data, statements)]
    found += [problem(p, m, h) for p, m, h in _references(data, statements)]
    found += [problem(p, m, h) for p, m, h in _replaced_still_here(statements)]
    found += [problem(p, m, h) for p, m, h in _lengths_on_a_level(data, statements)]
    found += [problem(p, m, h, warn=True) for p, m, h in _same_descriptions(data)]
    found += [problem(p, m, h) for p, m, h in _control_characters(data, ())]
    return found


Finding = Iterator[tuple[Path, str, str]]


def _entries(data: Any, path: Path, prefix: Path = ()) -> list[tuple[Path, dict[str, Any]]]:
    """The mappings in the list at `path`, with their full document paths."""
    value = data.get(path[0]) if isinstance(data, dict) else None
    if not isinstance(value, list):
        return []
    return [((*prefix, *path, i), item) for i, item in enumerate(value) if isinstance(item, dict)]


def _normalise(text: str) -> str:
    """What makes two texts the same to a reader (the reader already gives NFC)."""
    return unicodedata.normalize("NFC", re.sub(r"\s+", " ", text).strip().casefold())


MULTI_LINE_KEYS = frozenset({"paragraphs", "description", "text", "lead"})
"""Prose, where a line break or tab (from a `|` block, or pasted) is whitespace like any other;
everywhere else (ids, titles, labels) a text is one line."""
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
                      "\ud800-\udfff]")
"""Control codes (Unicode Cc) but line feed and tab, line and paragraph separators, lone
surrogates, and the direction overrides that reorder what a reader sees."""
_CONTROL_OR_LINE_BREAK = re.compile(f"{_CONTROL.pattern}|[\n\t]")


def _control_characters(data: Any, path: Path) -> Finding:
    """Characters no text should hold: control codes, lone surrogates, line separators."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _control_characters(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _control_characters(value, (*path, i))
    elif isinstance(data, str):
        prose = any(part in MULTI_LINE_KEYS for part in path[-2:] if isinstance(part, str))
        found = (_CONTROL if prose else _CONTROL_OR_LINE_BREAK).search(data)
        bad = found.group() if found else None
        if bad in ("\n", "\t"):
            yield (path, f"teksten har et linjeskift eller en tabulator (U+{ord(bad):04X})",
                   "skriv teksten på én linje")
        elif bad is not None:
            yield (path, f"teksten har et usynlig styretegn (U+{ord(bad):04X})",
                   "fjern tegnet (det kommer ofte med når tekst kopieres)")


def is_control(ch: str) -> bool:
    """A character no text may hold (line breaks and tabs aside)."""
    return _CONTROL.match(ch) is not None


def _duplicate_ids(entries: list[tuple[Path, dict[str, Any]]]) -> Finding:
    first: dict[str, Path] = {}
    for path, item in entries:
        value = item.get("id")
        if not isinstance(value, str):
            continue
        if value in first:
            yield (
                (*path, "id"),
                f"id-en «{value}» er brukt før ({format_path(first[value])})",
                "hver id må være unik: gi denne en ny id",
            )
        else:
            first[value] = path


def _duplicate_texts(entries: list[tuple[Path, dict[str, Any]]]) -> Finding:
    first: dict[str, Path] = {}
    for path, item in entries:
        text = item.get("text")
        if not isinstance(text, str):
            continue
        key = _normalise(text)
        if key in first:
            yield (
                (*path, "text"),
                f"samme utsagn står allerede i {format_path(first[key])}",
                "slett det ene utsagnet, eller skriv det om",
            )
        else:
            first[key] = path


def _reserved_ids(data: dict[str, Any], statements: list[tuple[Path, dict[str, Any]]]) -> Finding:
    for path, item in statements:
        if _ids([item]) & RESERVED_IDS:
            reserved = ", ".join(sorted(RESERVED_IDS))
            message = f"id-en «{item['id']}» er reservert ({reserved})"
            yield (*path, "id"), message, "velg en annen id"
    standard = data.get("standard")
    standard_id = standard.get("id") if isinstance(standard, dict) else None
    for path, item in _entries(data, ("areas",)):
        if standard_id is not None and item.get("id") == standard_id:
            yield (
                (*path, "id"),
                f"området kan ikke ha samme id som standarden («{standard_id}»)",
                "filnavnet til det samlede skjemaet bruker standardens id: velg en annen id",
            )


def _references(data: dict[str, Any], statements: list[tuple[Path, dict[str, Any]]]) -> Finding:
    levels = _ids(item for _, item in _entries(data, ("levels",)))
    groups = data.get("level_groups")
    groups = groups if isinstance(groups, dict) else {}
    for name, members in groups.items():
        for i, member in enumerate(members if isinstance(members, list) else []):
            if isinstance(member, str) and member not in levels:
                yield ("level_groups", name, i), *_unknown_level(member, levels)
    for path, item in statements:
        for lt_path, level_text in _entries(item, ("level_texts",), path):
            wanted = level_text.get("levels")
            for i, ref in enumerate(wanted if isinstance(wanted, list) else []):
                if isinstance(ref, str) and ref not in levels and ref not in groups:
                    yield (*lt_path, "levels", i), *_unknown_level(ref, levels | set(groups))
    yield from _header_fields(data, levels | set(groups))
    kinds = _ids(item for _, item in _entries(data, ("kinds",)))
    for path, item in _entries(data, ("areas",)):
        kind = item.get("kind")
        if isinstance(kind, str) and kind not in kinds:
            known = ", ".join(sorted(str(k) for k in kinds))
            yield (*path, "kind"), f"ukjent type område «{kind}»", f"kjente typer (kinds): {known}"


def _replaced_still_here(statements: list[tuple[Path, dict[str, Any]]]) -> Finding:
    """`replaces` names statements of an earlier version that are gone: a statement that is
    still here is not replaced (its forms count under its own id)."""
    present = _ids(item for _, item in statements)
    for path, item in statements:
        replaced = item.get("replaces")
        for i, ref in enumerate(replaced if isinstance(replaced, list) else []):
            if isinstance(ref, str) and ref in present:
                yield ((*path, "replaces", i),
                       f"utsagnet «{ref}» finnes fortsatt, så det kan ikke erstattes",
                       "replaces skal bare nevne utsagn fra en tidligere versjon som er "
                       "fjernet; gi de nye utsagnene nye id-er")


MAX_STATEMENT_ON_A_LEVEL = 800
"""Longest statement with its level texts: its row on a form must fit one page with room to
spare (a row of 4,500 characters fills an A4 page at three scale steps)."""


def _lengths_on_a_level(data: dict[str, Any],
                        statements: list[tuple[Path, dict[str, Any]]]) -> Finding:
    groups = data.get("level_groups")
    groups = groups if isinstance(groups, dict) else {}
    for path, item in statements:
        text = item.get("text")
        added: dict[str, int] = {}
        for _, level_text in _entries(item, ("level_texts",)):
            extra, refs = level_text.get("text"), level_text.get("levels")
            if not isinstance(extra, str) or not isinstance(refs, list):
                continue
            members = {str(level) for ref in refs if isinstance(ref, str)
                       for level in (groups[ref] if isinstance(groups.get(ref), list) else [ref])}
            for level in members:
                added[level] = added.get(level, 0) + 1 + len(extra)
        if not isinstance(text, str) or not added:
            continue
        level, extra_length = max(added.items(), key=lambda entry: (entry[1], entry[0]))
        if len(text) + extra_length > MAX_STATEMENT_ON_A_LEVEL:
            yield (
                (*path, "text"),
                f"utsagnet er {len(text) + extra_length} tegn på nivået «{level}» (med "
                f"level_texts), høyst {MAX_STATEMENT_ON_A_LEVEL} er tillatt",
                "kort ned utsagnet eller tekstene under level_texts",
            )


def _ids(items: Iterable[dict[str, Any]]) -> set[str]:
    """The ids that are texts (any other value is the schema's to report)."""
    return {value for item in items if isinstance(value := item.get("id"), str)}


def _header_fields(data: dict[str, Any], known: set[Any]) -> Finding:
    """`forms.header`: each field once, on levels (or groups) that exist."""
    seen: set[str] = set()
    for path, item in _entries(data.get("forms"), ("header",), ("forms",)):
        wanted = item.get("levels")
        for i, ref in enumerate(wanted if isinstance(wanted, list) else []):
            if ref not in known:
                yield (*path, "levels", i), *_unknown_level(ref, known)
        part = item.get("field")
        if isinstance(part, str) and part in seen:
            yield (*path, "field"), f"feltet «{part}» står to ganger", "slett det ene"
        seen.add(part if isinstance(part, str) else "")


def _unknown_level(ref: Any, known: set[Any]) -> tuple[str, str]:
    names = sorted(str(k) for k in known if k is not None)
    return f"nivået «{ref}» finnes ikke", f"kjente nivåer og grupper: {', '.join(names)}"


def _same_descriptions(data: dict[str, Any]) -> Finding:
    first: dict[str, tuple[Path, str]] = {}
    for path, item in _entries(data, ("areas",)):
        text = item.get("description")
        if not isinstance(text, str):
            continue
        key = _normalise(text)
        if key in first:
            other_path, other_title = first[key]
            yield (
                (*path, "description"),
                f"beskrivelsen er lik beskrivelsen av «{other_title}» ({format_path(other_path)})",
                "sjekk at det er riktig beskrivelse for dette området",
            )
        else:
            first[key] = (path, str(item.get("title", "")))
