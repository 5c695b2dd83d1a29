"""Short Norwegian phrases built from model labels (lists, level ranges, links between pages)."""

from __future__ import annotations

from collections.abc import Sequence

from stavangerstandarden.model import Level, Standard


def join_words(words: Sequence[str]) -> str:
    """`a`, `a og b`, `a, b og c`."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} og {words[-1]}"


def level_span(standard: Standard, level_ids: Sequence[str]) -> str:
    """The levels a text applies to, as a reader would say it: `1.–4. trinn` when the labels
    of consecutive levels share their last words, else `A–D` or `A, B og C`."""
    order = [lv.id for lv in standard.levels]
    levels = sorted((standard.level(i) for i in level_ids), key=lambda lv: order.index(lv.id))
    if len(levels) < 3 or not _consecutive(order, levels):
        return join_words([lv.label for lv in levels])
    first, last = levels[0].label, levels[-1].label
    heads_tails = [lv.label.partition(" ") for lv in levels]
    if all(sep and tail == heads_tails[0][2] for _, sep, tail in heads_tails):
        return f"{heads_tails[0][0]}–{heads_tails[-1][0]} {heads_tails[0][2]}"
    return f"{first}–{last}"


def _consecutive(order: list[str], levels: Sequence[Level]) -> bool:
    positions = [order.index(lv.id) for lv in levels]
    return positions == list(range(positions[0], positions[0] + len(positions)))
