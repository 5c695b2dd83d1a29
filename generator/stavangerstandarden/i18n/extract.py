"""Message ids in code: what `pybabel extract` finds, and which of them a catalogue lacks.

Python and Jinja2 use Babel's and Jinja2's own extractors (`_()`, `gettext()`, `ngettext()`);
Typst templates get their words from Python as a dictionary and look them up with
`tr("…")`, which `extract_typst` finds.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from babel.messages.catalog import Catalog

from stavangerstandarden.i18n import catalog as po

PACKAGE = Path(__file__).resolve().parent.parent
LOCALES = PACKAGE / "locales"
MAPPING = LOCALES / "babel.cfg"
FORM_TEMPLATE = PACKAGE / "forms" / "template.typ"
DOMAIN = "messages"


def catalogue_path(language: str, locales: Path = LOCALES) -> Path:
    """Where `language`'s catalogue of the code's words is (`ui` reads it)."""
    return locales / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def ui_languages(locales: Path = LOCALES) -> tuple[str, ...]:
    """Languages with a catalogue of the code's words (bokmål needs none: it is the source)."""
    return tuple(sorted(p.parent.parent.name for p in locales.glob(f"*/LC_MESSAGES/{DOMAIN}.po")))


_TYPST_CALL = re.compile(rb'\btr\("((?:[^"\\]|\\.)*)"\)')


def extract_typst(fileobj: IO[bytes], keywords: Collection[str], comment_tags: Collection[str],
                  options: Mapping[str, Any]) -> Iterator[tuple[int, str | None, str, list[str]]]:
    """Babel extractor for `tr("…")` in Typst templates."""
    text = fileobj.read()
    for match in _TYPST_CALL.finditer(text):
        line = text.count(b"\n", 0, match.start()) + 1
        msgid = match.group(1).decode("utf-8").replace('\\"', '"').replace("\\\\", "\\")
        yield line, None, msgid, []  # no funcname: babel takes the string as it is


def typst_ids(template: Path = FORM_TEMPLATE) -> tuple[str, ...]:
    """The ids a Typst template looks up with `tr("…")`, in order, each once: the renderer
    hands the template exactly these words, translated."""
    with template.open("rb") as file:
        found = (msgid for _line, _func, msgid, _comments in extract_typst(file, (), (), {}))
        return tuple(dict.fromkeys(found))


def extracted(folder: Path = PACKAGE) -> Catalog:
    """The template (POT) of the code's words under `folder`, as `pybabel extract -F
    babel.cfg` makes it; locations are relative to the folder above the package."""
    # Here, not at the top: Babel's command-line front end (logging, optparse, configparser)
    # is for `oversett --kodeord`; `check` and the build only read catalogues.
    from babel.messages.extract import extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg

    with MAPPING.open(encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)  # type: ignore[no-untyped-call]
    pot = Catalog(fuzzy=False, charset="utf-8")
    base = folder.parent.parent
    for file, line, message, comments, context in extract_from_dir(
            folder, method_map, options_map):
        where = (folder / file).relative_to(base).as_posix() if folder.is_relative_to(base) \
            else file
        pot.add(message, None, [(where, line)], auto_comments=comments, context=context)
    return pot


def extracted_ids(folder: Path) -> set[str]:
    """Every message id the code under `folder` uses, as `pybabel extract` with babel.cfg."""
    return {m.id if isinstance(m.id, str) else m.id[0] for m in extracted(folder) if m.id}


def uncovered(ids: Collection[str], catalogue: Path) -> set[str]:
    """Ids without a usable (non-empty, non-fuzzy) translation in `catalogue`."""
    found = {m.id if isinstance(m.id, str) else m.id[0]: m for m in po.read(catalogue) if m.id}
    return {i for i in ids if i not in found or po.state(found[i]) != "translated"}
