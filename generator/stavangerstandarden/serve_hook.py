"""MkDocs hook for `mkdocs serve` only: regenerate docs/ from the YAML before every rebuild.

A thin adapter over `live.regenerate` (the library does the work; `stavangerstandarden build`
never needs this hook, and Zensical does not run it). Errors in the source are logged and
shown in a banner on every page (overrides/main.html) instead of stopping the server.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from stavangerstandarden.cli import DEFAULT_SOURCE
from stavangerstandarden.live import regenerate

log = logging.getLogger("mkdocs.hooks.stavangerstandarden")
_serving = {"active": False}
"""MkDocs passes the command only to on_startup, once per process; later rebuilds ask here."""


def on_startup(command: str, dirty: bool) -> None:
    _serving["active"] = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not _serving["active"]:
        return config
    project = Path(config.config_file_path).parent
    source = project / DEFAULT_SOURCE
    config.watch.append(str(source.parent))
    errors = regenerate(source, Path(config.docs_dir))
    for problem in errors:
        log.error("%s", problem)
    config.extra["kildefeil"] = [str(p) for p in errors]
    return config
