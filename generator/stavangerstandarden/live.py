"""Bring docs/ up to date with the source, for the live preview (`mkdocs serve`).

The same steps as `stavangerstandarden build` before it runs the site generator, but an
invalid source is reported, not raised: the preview keeps the last valid pages and shows why.
"""

from __future__ import annotations

from pathlib import Path

from stavangerstandarden.build import generated_files, sync_tree
from stavangerstandarden.loader import check_file
from stavangerstandarden.problems import InvalidSource, Problem


def regenerate(source: Path, docs_dir: Path) -> tuple[Problem, ...]:
    """Write the generated files that changed; return the errors (nothing is written then)."""
    checked = check_file(source)
    if checked.standard is None:
        return checked.errors
    try:
        files = generated_files(checked.standard)
    except InvalidSource as exc:
        return exc.errors
    sync_tree(docs_dir, files)
    return ()
