"""How many workers a pool may start: one answer for rendering forms and for `collect`."""

from __future__ import annotations

import os


def usable_cores() -> int:
    """The cores this process may run on (a container's or CI runner's CPU set), not the
    machine's total, so a pool never starts more workers than can run at once."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1
