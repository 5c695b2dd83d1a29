"""A bound on the memory one file's reading may take, so a small compressed file that
unpacks to gigabytes (a "zip bomb" in an object stream) fails alone instead of the run.

On Linux the soft address-space limit (RLIMIT_AS) is lowered to the current size plus the
bound while one file is read, then restored; qpdf and Python then fail their allocations
(qpdf reports the file as damaged, Python raises MemoryError). Elsewhere nothing is bounded.
"""

from __future__ import annotations

import resource
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_STATM = Path("/proc/self/statm")


@contextmanager
def bounded(extra: int) -> Iterator[None]:
    """Within: the address space may grow by at most `extra` bytes."""
    size = _address_space()
    if size is None:
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = size + extra
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    if soft != resource.RLIM_INFINITY and soft <= cap:
        yield
        return
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _address_space() -> int | None:
    """This process's virtual memory size in bytes, or None where it cannot be read."""
    try:
        pages = int(_STATM.read_text(encoding="ascii").split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return pages * resource.getpagesize()
