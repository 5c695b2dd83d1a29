"""Structural validation against schema.json, the one description of the YAML's shape.

The same JSON Schema drives a maintainer's editor (yaml-language-server) and `check`, so
the two never disagree. Here each jsonschema error becomes a Norwegian `Problem` at the
line of the node it concerns.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Iterator
from functools import cache
from importlib import resources
from typing import Any

import jsonschema

from stavangerstandarden.problems import Problem
from stavangerstandarden.yamlsource import Parsed, Path

TYPE_NAMES = {
    "object": "en samling nøkler (mapping)",
    "array": "en liste",
    "string": "en tekst",
    "integer": "et heltall",
    "number": "et tall",
    "boolean": "ja/nei (true/false)",
    "null": "ingenting",
}


@cache
def schema() -> dict[str, Any]:
    text = resources.files("stavangerstandarden").joinpath("schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def structural_problems(parsed: Parsed, label: str) -> list[Problem]:
    validator = jsonschema.Draft202012Validator(schema())
    problems: list[Problem] = []
    for error in validator.iter_errors(parsed.data):
        problems.extend(_translate(error, parsed, label))
    return problems


def format_path(path: Path) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def type_name(value: Any) -> str:
    for name, kinds in (("null", type(None)), ("boolean", bool), ("integer", int),
                        ("number", float), ("string", str), ("array", list), ("object", dict)):
        if isinstance(value, kinds):
            return TYPE_NAMES[name]
    return type(value).__name__


def _translate(
    error: jsonschema.ValidationError, parsed: Parsed, label: str
) -> Iterator[Problem]:
    path: Path = tuple(error.absolute_path)
    handler = _HANDLERS.get(str(error.validator), _generic)
    for sub_path, message, hint in handler(error, path):
        yield Problem(label, parsed.line(sub_path), format_path(sub_path), message, hint)


Found = Iterator[tuple[Path, str, str]]


def _required(error: jsonschema.ValidationError, path: Path) -> Found:
    present = error.instance if isinstance(error.instance, dict) else {}
    for key in error.validator_value:
        if key not in present:
            yield path, f"mangler den påkrevde nøkkelen «{key}»", f"legg til «{key}: …»"


def _additional(error: jsonschema.ValidationError, path: Path) -> Found:
    known = sorted(error.schema.get("properties", {}))
    for key in error.instance:
        if key in known:
            continue
        close = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
        hint = f"mente du «{close[0]}»?" if close else f"tillatte nøkler: {', '.join(known)}"
        yield (*path, key), f"ukjent nøkkel «{key}»", hint


def _type(error: jsonschema.ValidationError, path: Path) -> Found:
    expected = TYPE_NAMES.get(str(error.validator_value), str(error.validator_value))
    found = type_name(error.instance)
    hint = "sett teksten i anførselstegn" if expected == TYPE_NAMES["string"] else ""
    yield path, f"forventet {expected}, fant {found} ({_show(error.instance)})", hint


def _min_length(error: jsonschema.ValidationError, path: Path) -> Found:
    yield path, "forventet en tekst, fant en tom tekst", "skriv inn teksten eller fjern nøkkelen"


def _min_items(error: jsonschema.ValidationError, path: Path) -> Found:
    n = error.validator_value
    yield path, f"forventet minst {n} element i lista, fant {len(error.instance)}", ""


def _pattern(error: jsonschema.ValidationError, path: Path) -> Found:
    if str(error.schema.get("pattern", "")).startswith("^#"):
        yield path, f"forventet en farge som #rrggbb, fant «{error.instance}»", "f.eks. #2e7d32"
        return
    yield (
        path,
        f"forventet en id med små bokstaver a–z, tall og bindestrek, fant «{error.instance}»",
        "æ, ø, å og mellomrom er ikke lov i id-er: skriv f.eks. «laeringsmiljo-trygt»",
    )


def _bounds(error: jsonschema.ValidationError, path: Path) -> Found:
    word = "minst" if error.validator == "minimum" else "høyst"
    yield path, f"forventet {word} {error.validator_value}, fant {error.instance}", ""


def _generic(error: jsonschema.ValidationError, path: Path) -> Found:
    yield path, f"ugyldig verdi {_show(error.instance)}", ""


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "…"


_HANDLERS: dict[str, Callable[[jsonschema.ValidationError, Path], Found]] = {
    "required": _required,
    "additionalProperties": _additional,
    "type": _type,
    "minLength": _min_length,
    "minItems": _min_items,
    "pattern": _pattern,
    "minimum": _bounds,
    "maximum": _bounds,
}
