"""Refuse to build a form or the booklet with a letter the shipped font cannot draw.

Typst would print an empty box (and only warn); a maintainer must instead learn which
statement holds the character, so every text that reaches a form or the booklet is checked
up front: in the parsed source by `check` (alongside every other problem, even when the
schema fails) and in the model by the form and booklet renderers, from one list of where
those texts are (below both, so `check` asks it without loading either). A translation is
checked against its own language's fonts (`fonts/skrifter.json`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from stavangerstandarden.fonttable import FONT_DIR, drawable, families
from stavangerstandarden.i18n.layout import SOURCE_LANGUAGE
from stavangerstandarden.model import Standard
from stavangerstandarden.problems import InvalidSource, Problem
from stavangerstandarden.rules import is_control
from stavangerstandarden.schema import format_path
from stavangerstandarden.yamlsource import Parsed, Path

FORM_TEXTS = (
    "standard.title", "standard.version", "standard.form_title", "standard.owner",
    "guidance.rating_hint", "scale[].label", "levels[].label", "kinds[].label",
    "actions.title", "actions.description",
    "areas[].title", "areas[].description", "areas[].statements_heading",
    "areas[].statements[].text", "areas[].statements[].level_texts[].text",
)
"""Every text of the source printed on a form, as document paths (`[]`: each item). The model
mirrors the document, except that `standard:` is `Standard.meta`."""
BOOKLET_TEXTS = (
    "standard.title", "standard.subtitle", "standard.owner", "standard.adopted",
    "standard.basis", "standard.version",
    "introduction.title", "introduction.paragraphs[]", "model.title", "model.paragraphs[]",
    "guidance.title", "guidance.paragraphs[]", "guidance.rating_hint", "guidance.submit_hint",
    "guidance.steps[].title", "guidance.steps[].text",
    "scale[].label", "kinds[].label", "kinds[].description", "levels[].label",
    "actions.title", "actions.description",
    "areas[].title", "areas[].description", "areas[].statements_heading",
    "areas[].statements[].text", "areas[].statements[].level_texts[].text",
    "legal.title", "legal.lead", "legal.source", "legal.rights[].title", "legal.rights[].text",
    "legal.sections[].title", "legal.sections[].paragraphs[]", "legal.references[]",
)
"""Every text of the source printed in the booklet, as document paths ."""
PRINTED_TEXTS = tuple(dict.fromkeys((*FORM_TEXTS, *BOOKLET_TEXTS)))
"""Every text printed in a form or the booklet."""
_PRINTED = frozenset(PRINTED_TEXTS)
_MODEL_NAMES = {"standard": "meta"}

Located = tuple[int, str, str]
"""(YAML line, document path, text)."""


def glyph_problems(parsed: Parsed, label: str,
                   patterns: tuple[str, ...] = FORM_TEXTS) -> list[Problem]:
    """Every character the form font lacks, in the parsed (not yet validated) source."""
    return _problems(label, SOURCE_LANGUAGE, ((parsed.line(path), format_path(path), text)
                             for pattern in patterns
                             for path, text in _data_texts(parsed.data, _segments(pattern), ())))


def printed_problems(label: str, language: str,
                     texts: Iterable[tuple[Path, str]]) -> list[Problem]:
    """Every character `language`'s fonts lack in those of `texts` (document path, text) a
    form or the booklet prints: a translation's texts, checked without building its model."""
    return _problems(label, language, ((1, format_path(path), text) for path, text in texts
                                       if _pattern(path) in _PRINTED))


def check_glyphs(standard: Standard, patterns: tuple[str, ...] = FORM_TEXTS,
                 language: str = SOURCE_LANGUAGE) -> None:
    """Raise InvalidSource listing every text (at `patterns`, document paths as in
    FORM_TEXTS) with a character `language`'s fonts lack."""
    problems = _problems(standard.source, language, (
        located for pattern in patterns
        for located in _model_texts(standard, _segments(pattern), (), 1)))
    if problems:
        raise InvalidSource(problems)


def _problems(source: str, language: str, texts: Iterable[Located]) -> list[Problem]:
    """Control characters are left to `rules`, which refuses them wherever they are."""
    can_draw = drawable(language)
    fonts = ", ".join(families(language))
    return [_problem(source, line, path, ch, fonts) for line, path, text in texts
            for ch in sorted({ch for ch in set(text) if ord(ch) not in can_draw
                              and not ch.isspace() and not is_control(ch)})]


def _problem(source: str, line: int, path: str, ch: str, fonts: str) -> Problem:
    return Problem(
        source, line, path,
        f"tegnet «{ch}» (U+{ord(ch):04X}) finnes ikke i skriften {fonts} "
        "og ville blitt en tom rute i skjemaet",
        hint="bytt ut tegnet i kilden, eller legg en skrift som har det i "
             f"stavangerstandarden/{FONT_DIR.name}/",
    )


@cache
def _pattern(path: Path) -> str:
    """A document path as the patterns above write it: `areas[].statements[].text`."""
    return format_path(tuple(part if isinstance(part, str) else "[]" for part in path)
                       ).replace(".[]", "[]")


def _segments(pattern: str) -> list[str]:
    return pattern.replace("[]", ".[]").split(".")


def _data_texts(data: Any, segments: list[str], path: Path) -> Iterator[tuple[Path, str]]:
    """The strings at a pattern in plain parsed data; whatever has the wrong shape is skipped
    (the schema reports it)."""
    if not segments:
        if isinstance(data, str):
            yield path, data
        return
    head, rest = segments[0], segments[1:]
    if head == "[]" and isinstance(data, list):
        for i, item in enumerate(data):
            yield from _data_texts(item, rest, (*path, i))
    elif isinstance(data, dict) and head in data:
        yield from _data_texts(data[head], rest, (*path, head))


def _model_texts(node: Any, segments: list[str], path: Path, line: int) -> Iterator[Located]:
    """The same in the model: each text at the line of its nearest node (or its own key)."""
    line = getattr(node, "line", line)
    if not segments:
        if isinstance(node, str):  # an optional text the source leaves out is None
            yield line, format_path(path), node
        return
    head, rest = segments[0], segments[1:]
    if head == "[]":
        for i, item in enumerate(node):
            yield from _model_texts(item, rest, (*path, i), line)
        return
    key_lines = getattr(node, "lines", {})
    yield from _model_texts(getattr(node, _MODEL_NAMES.get(head, head)), rest, (*path, head),
                            key_lines.get(head, line))
