"""Fill patterns for the report's bars, so every answer reads without colour (greyscale print,
colour blindness): one texture per scale step, chosen by the step's position, any scale of
2 to 7 steps, and one more for "ikke besvart" that no step uses.

Each pattern is CSS gradients (no images, the report stays self-contained). The ink is black
on light fills and white on dark ones, so the texture shows on every colour the YAML picks.
"""

from __future__ import annotations

from dataclasses import dataclass


def _lines(angle: int, gap: float, width: float = 1.5) -> str:
    return (f"repeating-linear-gradient({angle}deg, {{ink}} 0 {width}px, "
            f"transparent {width}px {gap}px)")


_TEXTURES: tuple[tuple[str, str], ...] = (
    (_lines(45, 6), "auto"),
    ("radial-gradient({ink} 1.1px, transparent 1.6px)", "5px 5px"),
    (_lines(0, 5), "auto"),
    (f"{_lines(45, 7, 1)}, {_lines(-45, 7, 1)}", "auto"),
    (_lines(-45, 9, 2.5), "auto"),
    (f"{_lines(0, 7, 1)}, {_lines(90, 7, 1)}", "auto"),
)
"""Textures for every step but the top one, lowest step first: lines at 45°, dots, level
lines, cross-hatching, wide lines at −45°, a grid. The top step is plain."""
UNANSWERED_TEXTURE = (_lines(90, 5, 1), "auto")
"""Upright lines: used by no step, so "ikke besvart" never looks like an answer."""
MAX_STEPS = len(_TEXTURES) + 1
"""Steps with a texture of its own kind; the schema allows no more. Beyond (a source that
skipped `check`) further steps get lines at other angles rather than a crash."""


@dataclass(frozen=True)
class Pattern:
    image: str
    """CSS background-image; "none" for the plain top step."""
    size: str
    """CSS background-size."""


def patterns(colours: tuple[str, ...], unanswered_colour: str) -> tuple[Pattern, ...]:
    """One pattern per scale step (colours as #rrggbb, lowest step first), then one for
    "ikke besvart"."""
    textures = [_texture(i) for i in range(len(colours) - 1)] + [("none", "auto")]
    return tuple(Pattern(image.format(ink=_ink(colour)), size)
                 for (image, size), colour in zip((*textures, UNANSWERED_TEXTURE),
                                                  (*colours, unanswered_colour), strict=True))


def _texture(index: int) -> tuple[str, str]:
    if index < len(_TEXTURES):
        return _TEXTURES[index]
    extra = index - len(_TEXTURES)
    angles = (15, 75, 105, 165, 30, 60)
    return _lines(angles[extra % len(angles)], 6 + 2 * (extra // len(angles))), "auto"


def _ink(colour: str) -> str:
    """Black on light fills, white on dark: whichever contrasts more with the fill."""
    red, green, blue = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    light = 0.2126 * _linear(red) + 0.7152 * _linear(green) + 0.0722 * _linear(blue)
    return "rgba(0,0,0,.5)" if light > 0.18 else "rgba(255,255,255,.7)"


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4
