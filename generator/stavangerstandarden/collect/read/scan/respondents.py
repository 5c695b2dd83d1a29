"""A scanned or photographed file → one Read per respondent, and one per page not read.

The pages of one printout are found by their identity and their order: walking the file,
a form's pages join the current respondent until a page number comes again, which starts
the next (a stack scanned face down, pages in reverse, still pairs up). Statements marked
twice or unclearly are left out of the answers (counted for neither) and listed with their
page.
"""

from __future__ import annotations

from collections.abc import Iterable

from stavangerstandarden import contract as c
from stavangerstandarden.collect.inputs import Read, Unclear
from stavangerstandarden.collect.pdfengine import Unreadable
from stavangerstandarden.collect.pdfform import RawForm
from stavangerstandarden.collect.read.scan import ScanSource, is_photo
from stavangerstandarden.collect.read.scan.images import Image, photo, scan_pages
from stavangerstandarden.collect.read.scan.locate import NO_MARKS
from stavangerstandarden.collect.read.scan.pages import Page, read_picture
from stavangerstandarden.collect.read.scan.writing import Handwriting, cut_out
from stavangerstandarden.collect.reasons import Reason
from stavangerstandarden.words import N_

NO_FIELDS = N_("PDF-filen har ingen skjemafelt, og sidene har ikke skjemaets hjørnemerker: den er "
             "ikke et skjema, eller et papirskjema skrevet ut før utskrifter kunne leses (tell "
             "det for hånd, eller skriv ut et nytt skjema fra nettstedet)")

def read_pictures(label: str, digest: str, data: bytes, where: ScanSource) -> Read:
    """The file read as pictures of printed pages: its respondents and its unreadable pages
    as `parts`; raises Unreadable when no page of it could be read."""
    via = "photo" if is_photo(data) else "scan"
    pictures: Iterable[Image] = [photo(data)] if via == "photo" else scan_pages(data)
    pages: list[Page] = []
    failed: list[tuple[int, str]] = []
    for sheet, image in enumerate(pictures, start=1):
        try:
            pages.append(read_picture(image, sheet, where))
        except Unreadable as exc:
            failed.append((sheet, exc.reason))
    if not pages:
        raise Unreadable(_no_page(via, [reason for _, reason in failed]))
    groups = _grouped(pages)
    alone = len(groups) == 1 and not failed
    parts = [_read(label if alone else _label(label, g), f"{digest}#{k}", g, via)
             for k, g in enumerate(groups)]
    parts += [Read(_label(label, [sheet]), "", None, reason) for sheet, reason in failed]
    return Read(label, digest, None, "", parts=tuple(parts))


def _no_page(via: str, reasons: list[str]) -> str:
    """Why nothing in the file could be read; a PDF without fields whose pages carry no
    markers is most likely no printout at all, and says so the way it always did."""
    if not reasons:
        return N_("filen har ingen sider")
    if via == "scan" and all(r == NO_MARKS for r in reasons):
        return NO_FIELDS
    if len(reasons) == 1:
        return reasons[0]
    return Reason(N_("ingen av sidene kunne leses: {reason}"), reason=Reason.of(reasons[0]))


def _grouped(pages: list[Page]) -> list[list[Page]]:
    groups: list[list[Page]] = []
    current: dict[tuple[object, ...], list[Page]] = {}
    for page in pages:
        assert page.identity is not None
        key = (*_form_key(page.identity),)
        group = current.get(key)
        if group is None or any(p.identity and p.identity.page == page.identity.page
                                for p in group):
            group = []
            current[key] = group
            groups.append(group)
        group.append(page)
    return groups


def _form_key(identity: c.PageIdentity) -> tuple[str, ...]:
    return (identity.standard, identity.version, identity.language, identity.area,
            identity.level, str(identity.pages))


def _label(label: str, pages: list[Page] | list[int]) -> str:
    sheets = sorted(p if isinstance(p, int) else p.sheet for p in pages)
    if len(sheets) > 1 and sheets == list(range(sheets[0], sheets[-1] + 1)):
        return f"{label}, side {sheets[0]}–{sheets[-1]}"
    return f"{label}, side {', '.join(map(str, sheets))}"


def _read(label: str, digest: str, group: list[Page], via: str) -> Read:
    identity = group[0].identity
    assert identity is not None
    values = {"standard": identity.standard, "versjon": identity.version,
              "omrade": identity.area, "niva": identity.level, "sprak": identity.language}
    texts = {c.identity_field(part): values[part] for part, _ in c.IDENTITY_FIELDS}
    choices: dict[str, str | None] = {}
    unclear: list[Unclear] = []
    writing: list[Handwriting] = []
    for page in sorted(group, key=lambda p: p.identity.page if p.identity else 0):
        if page.marks is None or page.identity is None:
            continue
        choices.update(page.marks.answers)
        unclear += [Unclear(s, page.identity.page, page.sheet) for s in page.marks.unclear]
        if page.image is not None:
            writing += cut_out(page.image, page.marks.written)
    missing = sorted(set(range(1, identity.pages + 1)) - {p.identity.page for p in group
                                                           if p.identity})
    return Read(label, digest, RawForm(texts, choices), "", via=via, unclear=tuple(unclear),
                missing=tuple(missing), writing=tuple(writing))
