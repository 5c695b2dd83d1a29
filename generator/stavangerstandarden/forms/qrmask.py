"""The QR code segno makes for a text, with its mask chosen in a fraction of segno's time.

segno scores all eight data masks in pure Python (ISO/IEC 18004 7.8.3: runs, blocks, finder
look-alikes, dark share), a sixth of a form's rendering time. Here the same scores are
counted with numpy on the same matrices, the first lowest-scoring mask is chosen as segno
chooses it, and segno makes the code with that mask: the very code `segno.make` gives (a
test compares them on every page code of the forms), without the evaluation.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import segno
from segno import consts
from segno import encoder as segno_encoder

encoder: Any = segno_encoder
"""segno's encoder steps (untyped): the same function patterns and masks it uses itself."""

_FINDER_LIKE = bytes((1, 0, 1, 1, 1, 0, 1))
"""Dark, light, dark ×3, light, dark: what a reader takes for a finder pattern."""


def qr_matrix(text: str) -> tuple[bytes, ...]:
    """The modules (1 dark) of segno's QR code of `text` at error correction level M (no
    Micro QR, no boost), row by row, without quiet zone."""
    first = segno.make(text, error="m", micro=False, boost_error=False, mask=0)
    final = np.array(first.matrix, dtype=np.uint8)
    function, masks = _function_and_masks(len(final))
    region = function > 1
    best = _best_mask(np.where(region, final ^ masks[0], function), region, masks)
    if best == 0:
        return tuple(bytes(row) for row in first.matrix)
    rows = [bytearray(row) for row in np.where(region, final ^ masks[0] ^ masks[best], final)]
    encoder.add_format_info(rows, first.version, consts.ERROR_LEVEL_M, best)
    return tuple(bytes(row) for row in rows)


def _function_and_masks(size: int) -> tuple[np.ndarray, np.ndarray]:
    """The function patterns with the format and version areas light and 2 where the data
    lies, and the eight masks' modules, in segno's order."""
    function = [bytearray(row) for row in encoder.make_matrix(size, size)]
    encoder.add_finder_patterns(function, size, size)
    encoder.add_alignment_patterns(function, size, size)
    i, j = np.indices((size, size))
    masks = np.array([fn(i, j) for fn in encoder.get_data_mask_functions(False)],
                     dtype=np.uint8)
    return np.array(function, dtype=np.uint8), masks


def _best_mask(data: np.ndarray, region: np.ndarray, masks: np.ndarray) -> int:
    """The mask segno chooses: the first with the lowest score of the matrix it scores,
    the data masked and the format and version areas still light (as `data` holds
    them)."""
    masked = np.where(region, data ^ masks, data)
    scores = [_runs(m) + _runs(m.T) + _blocks(m) + _finder_like(m) + _dark_share(m)
              for m in masked]
    return scores.index(min(scores))


def _runs(m: np.ndarray) -> int:
    """N1: each run of five or more same-coloured modules along a row, length − 2."""
    rows, size = m.shape
    edges = np.ones((rows, size + 1), dtype=bool)
    edges[:, 1:size] = m[:, 1:] != m[:, :-1]
    # Between rows the distance from one row's end to the next row's start is 1: no run.
    lengths = np.diff(np.flatnonzero(edges))
    long = lengths[lengths >= 5]
    return int((long - 2).sum())


def _blocks(m: np.ndarray) -> int:
    """N2: 3 for every 2 × 2 block of one colour."""
    corner = m[:-1, :-1]
    same = (corner == m[:-1, 1:]) & (corner == m[1:, :-1]) & (corner == m[1:, 1:])
    return 3 * int(same.sum())


def _finder_like(m: np.ndarray) -> int:
    """N3: 40 for each 1:1:3:1:1 pattern in a row or column with four light modules on a
    side, found left to right as segno finds them."""
    size = len(m)
    total = 0
    for lines in (m, m.T):
        flat = np.ascontiguousarray(lines).tobytes()
        total += sum(_finder_like_in(flat[k:k + size]) for k in range(0, size * size, size))
    return total


def _finder_like_in(line: bytes) -> int:
    size, count = len(line), 0
    at = line.find(_FINDER_LIKE)
    while at != -1:
        after = at + 7
        if at in (0, size - 7) or not any(line[max(at - 4, 0):at]) \
                or not any(line[after:after + 4]):
            count += 40
        else:
            after = at + 4
        at = line.find(_FINDER_LIKE, after)
    return count


def _dark_share(m: np.ndarray) -> int:
    """N4: 10 for every 5 % the dark share is away from half."""
    share = float(int(m.sum())) / (len(m) ** 2)
    return 10 * int(abs(share * 100 - 50) / 5)
