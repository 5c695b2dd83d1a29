"""Short phrases built from model labels (lists, level ranges), in the page's language."""

from __future__ import annotations

from collections.abc import Sequence

from babel.lists import format_list

from stavangerstandarden.i18n.layout import SOURCE_LANGUAGE
from stavangerstandarden.i18n.ui import Localized
from stavangerstandarden.model import Level, Standard


def join_words(words: Sequence[str], loc: Localized | None = None) -> str:
    """`a`, `a og b`, `a, b og c` (Babel's list pattern of the language: `a, b, and c`)."""
    if len(words) <= 1:
        return "".join(words)
    return format_list(list(words), locale=loc.language if loc else SOURCE_LANGUAGE)


def level_span(standard: Standard, level_ids: Sequence[str],
               loc: Localized | None = None) -> str:
    """The levels a text applies to, as a reader would say it: `1.–4. trinn` when the labels
    of consecutive levels share their last words, else `A–D` or `A, B og C`."""
    order = [lv.id for lv in standard.levels]
    levels = sorted((standard.level(i) for i in level_ids), key=lambda lv: order.index(lv.id))
    if len(levels) < 3 or not _consecutive(order, levels):
        return join_words([lv.label for lv in levels], loc)
    first, last = levels[0].label, levels[-1].label
    heads_tails = [lv.label.partition(" ") for lv in levels]
    if all(sep and tail == heads_tails[0][2] for _, sep, tail in heads_tails):
        return f"{heads_tails[0][0]}–{heads_tails[-1][0]} {heads_tails[0][2]}"
    return f"{first}–{last}"


def _consecutive(order: list[str], levels: Sequence[Level]) -> bool:
    positions = [order.index(lv.id) for lv in levels]
    return positions == list(range(positions[0], positions[0] + len(positions)))
