"""YAML text → validated, immutable `Standard`. The only place that reads the source format.

`check` lists every problem in one run: the schema's, the rules', and the form font's (a
renderer's resource, but a maintainer needs it with the rest, at its line).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from stavangerstandarden import model as m
from stavangerstandarden.contract import META_FIELDS
from stavangerstandarden.problems import InvalidSource, Problem, Severity
from stavangerstandarden.words import N_
from stavangerstandarden.yamlsource import Parsed, YamlSyntaxError, parse

DEFAULT_STATEMENTS_HEADING = N_("Tegn på god praksis")
"""Heading over an area's statements unless `forms.statements_heading` or the area says
(a message id: another language's edition shows it translated)."""
MAX_SOURCE_BYTES = 1_000_000
"""Largest source read (the standard is about 20 kB); bounds memory before parsing."""
TOO_BIG = "filen er større enn 1 MB"


@dataclass(frozen=True)
class Checked:
    """Outcome of `check`: the model when there are no errors, and every problem found."""

    standard: m.Standard | None
    problems: tuple[Problem, ...]
    parsed: Parsed | None = None
    """The source's parsed YAML (paths and lines) when it has a model: handed on to the
    translation checks, so one run reads the YAML once."""

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)


def check(text: str, label: str, read: Callable[[str], Parsed | None] = parse) -> Checked:
    """Every problem of the source `text`, and its model when none is an error; `read`
    parses it (`yamlsource.parse`, or a kept copy of its outcome)."""
    # Imported here, not above: the browser's copy of the package (under Pyodide) builds the
    # model with `load_checked` and has neither jsonschema nor the form font.
    from stavangerstandarden.glyphs import PRINTED_TEXTS, glyph_problems
    from stavangerstandarden.rules import semantic_problems
    from stavangerstandarden.schema import structural_problems

    try:
        parsed = read(text)
    except YamlSyntaxError as exc:
        hint = exc.hint or "sjekk innrykk, kolon og anførselstegn på denne linja"
        return Checked(None, (Problem(label, exc.line, "", f"ugyldig YAML: {exc}", hint),))
    if parsed is None:
        return Checked(None, (Problem(label, 1, "", "filen er tom",
                                      "filen må inneholde standarden (se README.md)"),))
    problems = (structural_problems(parsed, label) + semantic_problems(parsed, label)
                + glyph_problems(parsed, label, PRINTED_TEXTS))
    problems.sort(key=lambda p: (p.line, p.path, p.message))
    if any(p.severity is Severity.ERROR for p in problems):
        return Checked(None, tuple(problems))
    return Checked(_build(parsed, label), tuple(problems), parsed)


def check_file(path: Path) -> Checked:
    label = str(path)
    try:
        with path.open("rb") as file:
            data = file.read(MAX_SOURCE_BYTES + 1)
        if len(data) > MAX_SOURCE_BYTES:
            return Checked(None, (Problem(label, 1, "", TOO_BIG, "sjekk at det er riktig fil"),))
        text = data.decode("utf-8")
    except FileNotFoundError:
        return Checked(None, (Problem(label, 1, "", "filen finnes ikke",
                                      "sjekk stien, f.eks. framework/stavangerstandarden.yaml"),))
    except UnicodeDecodeError as exc:
        line = exc.object[: exc.start].count(b"\n") + 1
        return Checked(None, (Problem(label, line, "", "filen er ikke lagret som UTF-8",
                                      "lagre filen som UTF-8 i redigeringsprogrammet"),))
    except OSError as exc:
        return Checked(None, (Problem(label, 1, "", f"kan ikke lese filen ({exc.strerror})"),))
    return check(text, label)


def load(text: str, label: str, read: Callable[[str], Parsed | None] = parse) -> m.Standard:
    """The model, or InvalidSource carrying every problem (`read`: as for `check`)."""
    checked = check(text, label, read)
    if checked.standard is None:
        raise InvalidSource(checked.problems)
    return checked.standard


def load_checked(text: str, label: str) -> m.Standard:
    """The model of a source a build has already checked (the YAML inside the site's Python
    bundle, which the same build checked before it made the site): not checked again."""
    parsed = parse(text)
    if parsed is None:
        raise InvalidSource((Problem(label, 1, "", "filen er tom"),))
    return _build(parsed, label)


def load_file(path: Path) -> m.Standard:
    checked = check_file(path)
    if checked.standard is None:
        raise InvalidSource(checked.problems)
    return checked.standard


Words = Callable[[str], str]
"""Translates a default word (a message id) the YAML left out; bokmål keeps it as it is."""


def _same(word: str) -> str:
    return word


def build(parsed: Parsed, label: str, words: Words = _same) -> m.Standard:
    """The model of a source `check` has accepted (or of its translation, which has the same
    shape): for `i18n`, which swaps the texts and builds the same model, with `words` giving
    the defaults (header labels, statements heading) in its language."""
    return _build(parsed, label, words)


def _build(parsed: Parsed, label: str, words: Words = _same) -> m.Standard:
    d = parsed.data

    def line(*path: str | int) -> int:
        return parsed.line(path)

    kinds = tuple(m.Kind(k["id"], k["label"], k["description"], line("kinds", i))
                  for i, k in enumerate(d["kinds"]))
    groups: dict[str, list[str]] = d.get("level_groups", {})
    forms = d.get("forms", {})
    heading = forms.get("statements_heading", words(DEFAULT_STATEMENTS_HEADING))
    areas = tuple(_area(a, ("areas", i), kinds, groups, heading, parsed)
                  for i, a in enumerate(d["areas"]))
    return m.Standard(
        source=label,
        meta=m.Meta(**d["standard"], lines=MappingProxyType(
            {key: line("standard", key) for key in d["standard"]})),
        introduction=_section(d["introduction"], line("introduction")),
        model=_section(d["model"], line("model")),
        guidance=m.Guidance(
            title=d["guidance"]["title"],
            paragraphs=tuple(d["guidance"]["paragraphs"]),
            rating_hint=d["guidance"]["rating_hint"],
            submit_hint=d["guidance"].get("submit_hint"),
            steps=tuple(m.Step(s["title"], s["text"], line("guidance", "steps", i))
                        for i, s in enumerate(d["guidance"]["steps"])),
            contact=d["guidance"].get("contact", ""),
            line=line("guidance"),
        ),
        scale=tuple(m.ScaleStep(s["id"], s["label"], s["colour"].lower(), line("scale", i))
                    for i, s in enumerate(d["scale"])),
        kinds=kinds,
        levels=tuple(m.Level(lv["id"], lv["label"], line("levels", i))
                     for i, lv in enumerate(d["levels"])),
        areas=areas,
        actions=m.Actions(d["actions"]["title"], d["actions"]["description"],
                          d["actions"]["rows"], line("actions"),
                          rows_per_area=d["actions"].get("rows_per_area", 2)),
        legal=_legal(d["legal"], parsed),
        report=m.ReportSettings(**d["report"], line=line("report")) if "report" in d
        else m.ReportSettings(),
        header=_header(forms.get("header"), groups, parsed, words),
    )


def _header(items: list[dict[str, Any]] | None, groups: dict[str, list[str]],
            parsed: Parsed, words: Words) -> tuple[m.HeaderField, ...]:
    """The forms' header fields: as the YAML lists them, or every field with its default."""
    if items is None:
        return tuple(m.HeaderField(part, words(label)) for part, label in META_FIELDS)
    return tuple(
        m.HeaderField(h["field"], h["label"],
                      tuple(lv for ref in h.get("levels", []) for lv in groups.get(ref, [ref])),
                      parsed.line(("forms", "header", i)))
        for i, h in enumerate(items))


def _legal(legal: dict[str, Any], parsed: Parsed) -> m.Legal:
    return m.Legal(
        title=legal["title"],
        lead=legal["lead"],
        source=legal["source"],
        sections=tuple(_section(s, parsed.line(("legal", "sections", i)))
                       for i, s in enumerate(legal["sections"])),
        rights=tuple(m.Right(r["title"], r["text"], parsed.line(("legal", "rights", i)))
                     for i, r in enumerate(legal["rights"])),
        references=tuple(legal["references"]),
        line=parsed.line(("legal",)),
    )


def _section(data: dict[str, Any], line: int) -> m.Section:
    return m.Section(data["title"], tuple(data["paragraphs"]), line)


def _area(
    data: dict[str, Any],
    path: tuple[str | int, ...],
    kinds: tuple[m.Kind, ...],
    groups: dict[str, list[str]],
    heading: str,
    parsed: Parsed,
) -> m.Area:
    statements = tuple(
        m.Statement(
            id=s["id"],
            text=s["text"],
            level_texts=tuple(
                m.LevelText(
                    levels=tuple(lv for ref in lt["levels"] for lv in groups.get(ref, [ref])),
                    text=lt["text"],
                    line=parsed.line((*path, "statements", i, "level_texts", j)),
                )
                for j, lt in enumerate(s.get("level_texts", []))
            ),
            line=parsed.line((*path, "statements", i)),
            replaces=tuple(s.get("replaces", ())),
        )
        for i, s in enumerate(data["statements"])
    )
    return m.Area(
        id=data["id"],
        kind=next(k for k in kinds if k.id == data["kind"]),
        title=data["title"],
        description=data["description"],
        statements_heading=data.get("statements_heading", heading),
        statements=statements,
        line=parsed.line(path),
    )
