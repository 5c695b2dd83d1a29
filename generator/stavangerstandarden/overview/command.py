"""`stavangerstandarden kommune`: the one place that touches the file system for the overview.

Exit status: 0 when every file was counted, 1 when some were not (the overview of the rest is
still written), 2 when nothing could be counted or the command cannot run (no usable
standard, an unreadable --sammenlign file, an --out it cannot write).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from stavangerstandarden.collect import limits
from stavangerstandarden.collect.command import languages, write_outputs
from stavangerstandarden.collect.safetext import for_terminal
from stavangerstandarden.collect.standards import shipped, shipped_file
from stavangerstandarden.i18n.editions import edition_in
from stavangerstandarden.i18n.layout import SOURCE_LANGUAGE
from stavangerstandarden.loader import check_file
from stavangerstandarden.model import Standard
from stavangerstandarden.overview.compare import BadPrevious, PreviousOverview, parse_previous
from stavangerstandarden.overview.inputs import BadInput
from stavangerstandarden.overview.pipeline import OUTPUTS, combine

PROGRAM = "stavangerstandarden kommune"


class CannotRun(Exception):
    """The command cannot run; the message says why, in Norwegian."""


def run(paths: Sequence[Path], out: Path, source: Path | None = None,
        compare: Path | None = None, language: str = SOURCE_LANGUAGE) -> int:
    try:
        if language not in languages():
            raise CannotRun(f"ukjent språk «{language}» for rapporten; velg ett av "
                            f"{', '.join(languages())}")
        files = [(str(path), _read(path)) for path in paths]
        standard = _standard(source, [text for _, text in files])
        previous = _previous(compare) if compare else None
        edition = edition_in(standard, language, source or shipped_file(standard))
        combined = combine(files, standard, previous=previous, edition=edition,
                           language=language)
        if not combined.counted:
            for r in combined.received:
                _say(f"{paths[r.number - 1]}: ikke talt med: {r.reason}")
            raise CannotRun("ingen av filene kunne telles med; ingenting er skrevet")
        write_outputs(out, combined.outputs)
    except CannotRun as exc:
        _say(f"{PROGRAM}: feil: {exc}")
        return 2
    except OSError as exc:
        _say(f"{PROGRAM}: feil: kan ikke skrive til {out} ({exc.strerror or exc})")
        return 2
    for r in combined.received:
        if r.reason or r.note:
            _say(f"{paths[r.number - 1]}: {'ikke talt med: ' + r.reason if r.reason else r.note}")
    print(for_terminal(f"{combined.counted} av {len(files)} sammendrag talt med. Skrev "
                       f"{', '.join(OUTPUTS)} i {out}/."))
    return 0 if combined.counted == len(files) else 1


def _read(path: Path) -> str | BadInput:
    """The file's text, or why it is not a summary. Raises CannotRun for a file that cannot
    be read at all."""
    try:
        with path.open("rb") as file:
            raw = file.read(limits.MAX_PREVIOUS_BYTES + 1)
    except OSError as exc:
        raise CannotRun(f"{path}: kan ikke lese filen ({exc.strerror or exc})") from exc
    if len(raw) > limits.MAX_PREVIOUS_BYTES:
        shown = f"{limits.MAX_PREVIOUS_BYTES:_}".replace("_", " ")
        return BadInput(f"filen er større enn {shown} byte, for stor til å være et sammendrag")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return BadInput("filen er ikke tekst i UTF-8, så den er ikke et sammendrag")


def _standard(source: Path | None, texts: Sequence[str | BadInput]) -> Standard:
    """`--source`, or the shipped standard most of the files name."""
    if source is not None:
        checked = check_file(source)
        if checked.standard is None:
            for problem in checked.errors:
                _say(str(problem))
            raise CannotRun(f"kan ikke lese sammendragene uten en gyldig kilde: {source}")
        return checked.standard
    available = shipped()
    named = Counter(_named(text) for text in texts)
    wanted = next((name for name, _ in named.most_common() if name in available), None)
    if wanted is None and len(available) == 1:
        wanted = next(iter(available))
    if wanted is None:
        raise CannotRun("sammendragene hører ikke til en standard som følger med programmet; "
                        "oppgi standarden med --source FIL.yaml")
    return available[wanted]


def _named(text: str | BadInput) -> str | None:
    if isinstance(text, BadInput):
        return None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    name = data.get("standard") if isinstance(data, dict) else None
    return name if isinstance(name, str) else None


def _previous(path: Path) -> PreviousOverview:
    try:
        text = _read(path)
        if isinstance(text, BadInput):
            raise CannotRun(f"{path}: {text}")
        return parse_previous(text, path.name)
    except BadPrevious as exc:
        raise CannotRun(str(exc)) from exc


def _say(text: str) -> None:
    print(for_terminal(text), file=sys.stderr)
