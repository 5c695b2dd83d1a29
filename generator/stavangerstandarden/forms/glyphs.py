"""Refuse to build a form with a letter the shipped font cannot draw.

Typst would print an empty box (and only warn); a maintainer must instead learn which
statement holds the character, so every text that reaches a form is checked up front.
"""

from __future__ import annotations

from collections.abc import Iterator

from stavangerstandarden.forms.fonts import FONT_DIR, FONT_FAMILY, drawable
from stavangerstandarden.model import Standard
from stavangerstandarden.problems import InvalidSource, Problem

Located = tuple[int, str, str]
"""(YAML line, document path, text)."""


def check_glyphs(standard: Standard) -> None:
    """Raise InvalidSource listing every text with a character the form font lacks."""
    can_draw = drawable()
    problems: list[Problem] = []
    for line, path, text in _texts(standard):
        missing = sorted({ch for ch in text if ord(ch) not in can_draw and not ch.isspace()})
        problems.extend(_problem(standard.source, line, path, ch) for ch in missing)
    if problems:
        raise InvalidSource(problems)


def _problem(source: str, line: int, path: str, ch: str) -> Problem:
    return Problem(
        source, line, path,
        f"tegnet «{ch}» (U+{ord(ch):04X}) finnes ikke i skriften {FONT_FAMILY} "
        "og ville blitt en tom rute i skjemaet",
        hint="bytt ut tegnet i kilden, eller legg en skrift som har det i "
             f"stavangerstandarden/{FONT_DIR.name}/",
    )


def _texts(standard: Standard) -> Iterator[Located]:
    meta = standard.meta
    for name in ("title", "version", "form_title", "owner"):
        yield 1, f"standard.{name}", getattr(meta, name)
    yield standard.guidance.line, "guidance.rating_hint", standard.guidance.rating_hint
    for i, step in enumerate(standard.scale):
        yield step.line, f"scale[{i}].label", step.label
    for i, level in enumerate(standard.levels):
        yield level.line, f"levels[{i}].label", level.label
    for i, kind in enumerate(standard.kinds):
        yield kind.line, f"kinds[{i}].label", kind.label
    actions = standard.actions
    yield actions.line, "actions.title", actions.title
    yield actions.line, "actions.description", actions.description
    yield from _area_texts(standard)


def _area_texts(standard: Standard) -> Iterator[Located]:
    for i, area in enumerate(standard.areas):
        where = f"areas[{i}]"
        for name in ("title", "description", "statements_heading"):
            yield area.line, f"{where}.{name}", getattr(area, name)
        for j, statement in enumerate(area.statements):
            yield statement.line, f"{where}.statements[{j}].text", statement.text
            for k, extra in enumerate(statement.level_texts):
                yield extra.line, f"{where}.statements[{j}].level_texts[{k}].text", extra.text
