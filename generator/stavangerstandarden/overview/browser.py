"""The Kommune page's way into `kommune`, called by the Sammendrag page's worker under Pyodide.

The worker writes the files chosen into a folder of the browser's in-memory file system and
calls `summarise_folder`, as it does for the Sammendrag page; `overview_files` is the same on
(name, content) pairs. From there on it is the command line's code: the same checks of each
file (`inputs.decoded`, `pipeline.combine`), the same standard (the one shipped in the page's
bundle, which is the one its site was built from) and the same words, so the page and
`stavangerstandarden kommune <the same files in name order>` write the same `kommune.json`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from stavangerstandarden.collect.reasons import shown
from stavangerstandarden.collect.standards import shipped, shipped_file
from stavangerstandarden.i18n.editions import edition_in
from stavangerstandarden.i18n.layout import SOURCE_LANGUAGE
from stavangerstandarden.i18n.ui import Localized
from stavangerstandarden.loader import load_checked
from stavangerstandarden.overview.compare import BadPrevious, parse_previous
from stavangerstandarden.overview.inputs import decoded
from stavangerstandarden.overview.pipeline import combine

PREVIOUS_LABEL = "kommune.json"
"""How last year's overview is named in the report (the page is not told the file's name)."""
NOTHING_COUNTED = "ingen av filene kunne telles med; ingenting er skrevet"
"""The command's words when no file could be counted."""


def overview_files(files: Sequence[tuple[str, bytes | str]], language: str = SOURCE_LANGUAGE,
                   previous: str | None = None) -> dict[str, Any]:
    """For the page: `outputs` (file name → text, as `kommune` writes them; empty when
    nothing could be counted), `not_counted` and `notes` (one line per file, with its
    reason), `counted`, `total` and `line` (the count in words); `error` when there is
    nothing to show, in Norwegian like the command's messages."""
    standard = next(iter(shipped(load_checked).values()))
    try:
        earlier = parse_previous(previous, PREVIOUS_LABEL) if previous is not None else None
    except BadPrevious as exc:
        return {"error": str(exc)}
    texts = [(name, decoded(data) if isinstance(data, bytes) else data) for name, data in files]
    combined = combine(texts, standard, previous=earlier, language=language,
                       edition=edition_in(standard, language, shipped_file(standard)))
    loc = Localized.for_language(language)
    names = [name for name, _ in files]
    out: dict[str, Any] = {
        "outputs": combined.outputs if combined.counted else {},
        "not_counted": [f"{names[r.number - 1]}: {shown(r.reason, loc.gettext)}"
                        for r in combined.received if r.reason],
        "notes": [f"{names[r.number - 1]}: {shown(r.note, loc.gettext)}"
                  for r in combined.received if r.note],
        "counted": combined.counted, "total": len(files),
        "line": loc.ngettext("{counted} av {n} sammendrag talt med.",
                             "{counted} av {n} sammendrag talt med.", len(files)).format(
            counted=combined.counted, n=len(files)),
    }
    if not combined.counted:
        out["error"] = NOTHING_COUNTED
    return out


def summarise_folder(folder: str, names: bool = False, language: str = SOURCE_LANGUAGE,
                     previous: str | None = None,
                     progress: Callable[[int, int], None] | None = None) -> str:
    """The worker's entry (the signature of `collect.browser.summarise_folder`): every file
    below `folder`, in name order, as JSON. `names` is the Sammendrag page's option and means
    nothing here: the overview never shows a name."""
    os.chdir(folder)
    paths = sorted((p for p in Path().rglob("*") if p.is_file()), key=Path.as_posix)
    files = [(p.as_posix(), p.read_bytes()) for p in paths]
    result = overview_files(files, language=language, previous=previous)
    if progress is not None:
        progress(len(files), len(files))
    return json.dumps(result, ensure_ascii=False)
