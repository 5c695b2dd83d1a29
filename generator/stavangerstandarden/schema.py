"""Structural validation against schema.json, the one description of the YAML's shape.

The same JSON Schema drives a maintainer's editor (yaml-language-server) and `check`, so
the two never disagree. Here each jsonschema error becomes a Norwegian `Problem` at the
line of the node it concerns.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import islice
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


MAX_ERRORS = 200
"""Schema errors reported at most: a file of thousands of wrong entries gets the first ones
quickly instead of a million lines."""


def structural_problems(parsed: Parsed, label: str) -> list[Problem]:
    validator = _Validator(schema())
    problems: list[Problem] = []
    errors = list(islice(validator.iter_errors(parsed.data), MAX_ERRORS + 1))
    for error in errors[:MAX_ERRORS]:
        problems.extend(_translate(error, parsed, label))
    if len(errors) > MAX_ERRORS:
        problems.append(Problem(label, 1, "", f"mer enn {MAX_ERRORS} feil; de første er vist",
                                "rett dem og kjør check igjen"))
    return problems


@cache
def _anchored(pattern: str) -> re.Pattern[str]:
    r"""An ECMA 262 `pattern` (JSON Schema's dialect) as Python reads it.

    In ECMA `$` is the end of the text; in Python it also matches before a final newline,
    so `^[a-z]+$` would accept "id\n". `$` becomes `\Z` (outside character classes and
    escapes), and `\d`, `\w` stay ASCII as in ECMA.
    """
    return re.compile(re.sub(r"(\\.|\[(?:\\.|[^\]])*\])|\$", lambda m: m.group(1) or r"\Z",
                             pattern), re.ASCII)


def _pattern_keyword(validator: Any, pattern: str, instance: Any,
                     schema: Mapping[str, Any]) -> Iterator[jsonschema.ValidationError]:
    if validator.is_type(instance, "string") and not _anchored(pattern).search(instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


_Validator = jsonschema.validators.extend(  # type: ignore[no-untyped-call]
    jsonschema.Draft202012Validator, {"pattern": _pattern_keyword})


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


@dataclass(frozen=True)
class _Failure:
    """The parts of a jsonschema error the messages need, with plain types."""

    path: Path
    keyword: str
    instance: Any
    expected: Any
    """The failed keyword's value in the schema (e.g. the required keys, the minimum)."""
    schema: Mapping[str, Any]


def _translate(
    error: jsonschema.ValidationError, parsed: Parsed, label: str
) -> Iterator[Problem]:
    schema = error.schema if isinstance(error.schema, Mapping) else {}
    failure = _Failure(tuple(error.absolute_path), str(error.validator), error.instance,
                       error.validator_value, schema)
    handler = _HANDLERS.get(failure.keyword, _generic)
    for sub_path, message, hint in handler(failure):
        yield Problem(label, parsed.line(sub_path), format_path(sub_path), message, hint)


Found = Iterator[tuple[Path, str, str]]


def _required(f: _Failure) -> Found:
    present = [str(k) for k in f.instance] if isinstance(f.instance, dict) else []
    unknown = [k for k in present if k not in f.schema.get("properties", {})]
    for key in f.expected:
        # A misspelt key is reported as unknown with «mente du …?»; saying it is missing too
        # would only add noise.
        if key not in present and not difflib.get_close_matches(key, unknown, cutoff=0.6):
            yield f.path, f"mangler den påkrevde nøkkelen «{key}»", f"legg til «{key}: …»"


def _additional(f: _Failure) -> Found:
    known = sorted(f.schema.get("properties", {}))
    for key in f.instance:
        if key in known:
            continue
        close = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
        hint = f"mente du «{close[0]}»?" if close else f"tillatte nøkler: {', '.join(known)}"
        yield (*f.path, key), f"ukjent nøkkel «{key}»", hint


def _type(f: _Failure) -> Found:
    expected = TYPE_NAMES.get(str(f.expected), str(f.expected))
    found = type_name(f.instance)
    hint = "sett teksten i anførselstegn" if expected == TYPE_NAMES["string"] else ""
    yield f.path, f"forventet {expected}, fant {found} ({_show(f.instance)})", hint


def _min_length(f: _Failure) -> Found:
    yield f.path, "forventet en tekst, fant en tom tekst", "skriv inn teksten eller fjern nøkkelen"


def _min_items(f: _Failure) -> Found:
    if f.path and f.path[-1] == "statements":
        yield f.path, "området har ingen utsagn", "legg til minst ett utsagn under «statements»"
        return
    n = f.expected
    yield f.path, f"forventet minst {n} element i lista, fant {len(f.instance)}", ""


def _max_length(f: _Failure) -> Found:
    yield (f.path, f"teksten er {len(f.instance)} tegn, høyst {f.expected} er tillatt",
           "kort ned teksten: lengre tekst får ikke plass i skjemaet eller på siden")
def _max_items(f: _Failure) -> Found:
    n = f.expected
    if f.path == ("scale",):
        yield (f.path, f"skalaen har {len(f.instance)} steg; skjemaene har plass til høyst {n}",
               f"slå sammen steg, så skalaen har 2 til {n} steg")
        return
    yield f.path, f"forventet høyst {n} element i lista, fant {len(f.instance)}", ""


def _enum(f: _Failure) -> Found:
    allowed = ", ".join(str(v) for v in f.expected)
    yield f.path, f"forventet ett av {allowed}, fant {_show(f.instance)}", ""


def _pattern(f: _Failure) -> Found:
    found = _shorten(str(f.instance))
    if str(f.schema.get("pattern", "")).startswith("^#"):
        yield f.path, f"forventet en farge som #rrggbb, fant «{found}»", "f.eks. #2e7d32"
        return
    yield (
        f.path,
        f"forventet en id med små bokstaver a–z, tall og bindestrek, fant «{found}»",
        "æ, ø, å og mellomrom er ikke lov i id-er: skriv f.eks. «laeringsmiljo-trygt»",
    )


def _bounds(f: _Failure) -> Found:
    word = "minst" if f.keyword == "minimum" else "høyst"
    yield f.path, f"forventet {word} {f.expected}, fant {_show(f.instance)}", ""


def _generic(f: _Failure) -> Found:
    yield f.path, f"ugyldig verdi {_show(f.instance)}", ""


def _show(value: Any) -> str:
    return _shorten(json.dumps(value, ensure_ascii=False, default=str))


def _shorten(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "…"


_HANDLERS: dict[str, Callable[[_Failure], Found]] = {
    "required": _required,
    "additionalProperties": _additional,
    "type": _type,
    "minLength": _min_length,
    "maxLength": _max_length,
    "minItems": _min_items,
    "maxItems": _max_items,
    "enum": _enum,
    "pattern": _pattern,
    "minimum": _bounds,
    "maximum": _bounds,
}
