"""Helper modules of another test folder, loaded by path: with `--import-mode=importlib` the
test folders are no packages, so `from tests.site.conftest import …` cannot work."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType


def load_module(path: Path, prefix: str) -> ModuleType:
    """The module at `path`, under a name of its own (`prefix` keeps two loaders' copies of
    the same file apart)."""
    spec = importlib.util.spec_from_file_location(f"_{prefix}_{path.parent.name}_{path.stem}",
                                                  path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module
