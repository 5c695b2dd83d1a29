"""Files in the given folders that are not PDFs: listed with a reason, never opened.

`inputs.find_inputs` picks the PDFs out of a folder; a leader who saved a note or a Word file
next to the forms should still see it in the report, said plainly, rather than wonder
whether it was counted. Hidden entries (macOS `._x.pdf`, `.DS_Store`) stay out of both lists.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from stavangerstandarden.collect.inputs import READ_SUFFIXES, Read, shown_name
from stavangerstandarden.collect.reasons import Reason
from stavangerstandarden.words import N_


def not_pdf_reason(path: Path) -> Reason:
    kind = (Reason(N_("filtypen «{suffix}»"), suffix=path.suffix) if path.suffix
            else Reason(N_("filen har ingen filtype")))
    return Reason(N_("ikke en PDF-fil eller et bilde ({kind}); bare PDF-filer og bilder (JPEG, "
                     "PNG, HEIC) leses"), kind=kind)


def other_files(paths: Sequence[Path]) -> list[Read]:
    """The visible files under the folders in `paths` whose names do not end in `.pdf`."""
    found = []
    for folder in (p for p in paths if p.is_dir()):
        for path in sorted(folder.rglob("*")):
            parts = path.relative_to(folder).parts
            if (path.is_file() and path.suffix.lower() not in READ_SUFFIXES
                    and not any(part.startswith(".") for part in parts)):
                found.append(Read(shown_name(path, paths), "", None, not_pdf_reason(path)))
    return found
