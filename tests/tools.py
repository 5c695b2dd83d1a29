"""The one skip-if-missing helper: skip locally when a program is missing, fail under CI.

CI means the environment variable CI is set to anything but "", "0" or "false" (GitHub sets
"true", others "1"); there a missing tool is a broken runner, never a reason to skip.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false")

def missing(what: str) -> None:
    """Skip the test because `what` is missing, or fail it under CI."""
    message = f"{what} is not installed (make test installs it)"
    if in_ci():
        pytest.fail(f"{message}; CI is set, so this is a failure, not a skip")
    pytest.skip(message)

def need(tool: str) -> str:
    """Path of a program on PATH, or `missing(tool)`."""
    path = shutil.which(tool)
    if path is None:
        missing(tool)
    return str(path)

def need_path(path: Path, what: str) -> Path:
    """A file or folder the test needs (Chromium, node_modules/…), or `missing(what)`."""
    if not path.exists():
        missing(what)
    return path
