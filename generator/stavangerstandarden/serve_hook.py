"""MkDocs hook for `mkdocs serve` only: regenerate docs/ from the YAML before every rebuild.

A thin adapter over `live.LivePreview` (the library does the work; `stavangerstandarden build`
never needs this hook, and Zensical does not run it). Errors in the source are logged and
shown in a banner on every page (overrides/main.html) instead of stopping the server.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from stavangerstandarden.build import site_settings
from stavangerstandarden.cli import DEFAULT_SOURCE
from stavangerstandarden.live import LivePreview

log = logging.getLogger("mkdocs.hooks.stavangerstandarden")
_serving: dict[str, LivePreview | None] = {}
"""MkDocs passes the command only to on_startup, once per process; rebuilds look here."""


def on_startup(command: str, dirty: bool) -> None:
    if command == "serve":
        _serving["preview"] = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if "preview" not in _serving:
        return config
    preview = _serving["preview"]
    if preview is None:
        project = Path(config.config_file_path).parent
        preview = _serving["preview"] = LivePreview(project / DEFAULT_SOURCE,
                                                    Path(config.docs_dir))
    config.watch.append(str(preview.source.parent))
    errors = preview.refresh()
    for problem in errors:
        log.error("%s", problem)
    config.extra["kildefeil"] = [str(p) for p in errors]
    if preview.standard is not None:
        for key, value in site_settings(preview.standard).items():
            config[key] = value
    return config
