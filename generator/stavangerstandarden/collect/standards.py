"""Which standard the forms belong to, when `collect` is given no `--source`.

The forms say so themselves: every form carries hidden fields `skjema.standard` and
`skjema.versjon`. The YAML of every standard is shipped inside the installed package
(`standards/`, a link to `framework/` in the source tree that the wheel turns into files),
so `collect` runs from any folder; the kept versions (`versjoner/`) come with it. (The
document keywords repeat the same identity; a form without the hidden fields cannot be
counted anyway, so they add nothing here.)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path

from stavangerstandarden import contract as c
from stavangerstandarden.collect.inputs import Read
from stavangerstandarden.loader import load
from stavangerstandarden.model import Standard
from stavangerstandarden.problems import InvalidSource
from stavangerstandarden.versions.history import History, alone, read_kept


class NoStandard(Exception):
    """No shipped standard fits the forms; the message says what to do, in Norwegian."""


Loader = Callable[[str, str], Standard]
"""YAML text and its label → the model: `loader.load` (checks) or `loader.load_checked`."""

SHIPPED_LABEL = "stavangerstandarden/standards/"
"""How a shipped standard's source is named in messages (its place inside the package)."""


def shipped_file(standard: Standard) -> Path | None:
    """The YAML file of a shipped standard (its translations lie beside it), when the
    package is installed as files, as pip installs it; None otherwise."""
    if not standard.source.startswith(SHIPPED_LABEL):
        return None
    entry = resources.files("stavangerstandarden").joinpath("standards").joinpath(
        standard.source.removeprefix(SHIPPED_LABEL))
    path = Path(str(entry))
    return path if path.is_file() else None


def history_for(standard: Standard, source: Path | None = None,
                read: Loader = load) -> History:
    """The kept versions of `standard` (beside `source`, or shipped with it), so forms of
    each are read against their own version; the standard alone when none are kept."""
    path = source or shipped_file(standard)
    try:
        return read_kept(path, standard, read) if path is not None else alone(standard)
    except InvalidSource as exc:
        raise NoStandard("en fryst versjon av standarden har feil:\n"
                         + "\n".join(map(str, exc.errors))) from None


def shipped(read: Loader = load) -> dict[str, Standard]:
    """Every standard shipped with the package, by id."""
    folder = resources.files("stavangerstandarden").joinpath("standards")
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            standard = read(entry.read_text("utf-8"), f"{SHIPPED_LABEL}{entry.name}")
            found[standard.meta.id] = standard
    return found


def claimed(reads: Sequence[Read]) -> str | None:
    """The standard most of the readable forms name (the first named, on a tie)."""
    ids = Counter(read.form.texts[c.identity_field("standard")] for read in reads
                  if read.form and read.form.texts.get(c.identity_field("standard")))
    return ids.most_common(1)[0][0] if ids else None


def standard_for(reads: Sequence[Read], read: Loader = load) -> Standard:
    """The shipped standard the forms belong to; forms of other standards are then listed
    as not counted. With no form naming one, the only shipped standard (so the report still
    lists every file and why it was not counted)."""
    available = shipped(read)
    wanted = claimed(reads)
    if wanted in available:
        return available[wanted]
    if wanted is None and len(available) == 1:
        return next(iter(available.values()))
    if wanted is None:
        raise NoStandard("ingen av filene er et utfylt skjema som sier hvilken standard det "
                         "hører til; oppgi standarden med --source FIL.yaml")
    raise NoStandard(f"skjemaene hører til «{wanted}», som ikke følger med programmet (det "
                     f"har {', '.join(sorted(available)) or 'ingen'}); oppgi standarden med "
                     "--source FIL.yaml")
