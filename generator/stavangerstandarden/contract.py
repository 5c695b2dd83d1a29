"""The public contract of the forms: field names, export values and file names.

Shared by the form renderer, the manifest, `collect` and the docs. Changing anything here
breaks every filled form already out there, so it changes only with a new major version.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import quote, unquote

from stavangerstandarden.model import Area, Level, Standard
from stavangerstandarden.words import N_

META_PREFIX = "meta"
ACTION_PREFIX = "tiltak"
FORM_PREFIX = "skjema"
RESERVED_IDS = frozenset({META_PREFIX, ACTION_PREFIX, FORM_PREFIX})
"""Statement ids that would clash with the parents of the dotted field names."""

META_FIELDS: tuple[tuple[str, str], ...] = (
    ("skole", N_("Skole")),
    ("klasse", N_("Klasse/gruppe")),
    ("dato", N_("Dato")),
    ("utfylt_av", N_("Utfylt av")),
)
"""Every header field a form may have, as (part, default label, a message id); the field
name is `meta.<part>`. Which of them a form shows, and their labels, come from the YAML
(`forms.header`); these labels are the defaults when it says nothing."""

ACTION_PARTS: tuple[tuple[str, str], ...] = (
    ("tiltak", N_("Tiltak")),
    ("ansvarlig", N_("Ansvarlig")),
    ("frist", N_("Frist")),
)
"""Parts of one action row and their column heads (message ids); field name is
`tiltak.<n>.<part>`, n counting from 1."""

IDENTITY_FIELDS: tuple[tuple[str, str], ...] = (
    ("standard", N_("Standard")),
    ("versjon", N_("Versjon")),
    ("omrade", N_("Område")),
    ("niva", N_("Nivå")),
    ("sprak", N_("Språk")),
)
"""Hidden read-only fields `skjema.<part>` saying which form this is; omrade is empty for
the complete form, sprak is the form's language code (`nb`, `nn`, `en`, …). Forms made
before sprak existed lack it and are bokmål."""

FORMS_DIR = "skjema"
MANIFEST = f"{FORMS_DIR}/skjema.json"


def meta_field(part: str) -> str:
    return f"{META_PREFIX}.{part}"


def action_field(row: int, part: str) -> str:
    return f"{ACTION_PREFIX}.{row}.{part}"


def identity_field(part: str) -> str:
    return f"{FORM_PREFIX}.{part}"


FieldKind = Literal["identity", "meta", "action", "statement"]
_FIELD_NAME = re.compile(
    rf"(?:({FORM_PREFIX}|{META_PREFIX})\.(\w+)|{ACTION_PREFIX}\.(\d{{1,9}})\.(\w+)|([^.]*))")
"""The names `identity_field`, `meta_field`, `action_field` make, and statement ids (no dot);
a row number has at most 9 digits, so it always converts to int."""


@dataclass(frozen=True)
class FieldName:
    """A field name taken apart: the one reading of the names the functions above write."""

    kind: FieldKind
    part: str
    """`skjema.<part>`, `meta.<part>`, `tiltak.<n>.<part>`; a statement's id."""
    row: int | None = None
    """n of an action field, counting from 1; None for the others."""


def parse_field(name: str) -> FieldName | None:
    """What the field `name` is; None for a name no form of this contract has (a filled form
    may carry any name, so readers of forms rely on this)."""
    match = _FIELD_NAME.fullmatch(name)
    if match is None:
        return None
    prefix, part, row, action_part, statement = match.groups()
    if prefix is not None:
        return FieldName("identity" if prefix == FORM_PREFIX else "meta", part)
    if row is not None:
        return FieldName("action", action_part, int(row))
    return FieldName("statement", statement)


def form_file(standard: Standard, level: Level, area: Area | None) -> str:
    """Path relative to the site root: `skjema/<area>-<level>.pdf`, or
    `skjema/<standard>-<level>.pdf` for the complete form with every area.

    The same in every language: each language's site is complete on its own under
    `language_root` (bokmål at the root, nynorsk under `nn/`), so the nynorsk form is
    `nn/skjema/<area>-<level>.pdf` on the published site."""
    stem = area.id if area else standard.meta.id
    return f"{FORMS_DIR}/{stem}-{level.id}.pdf"


def language_root(language: str, source_language: str = "nb") -> str:
    """Where a language's site (and so its forms) lives under the published site: "" for
    the source language, `<language>/` for the others."""
    return "" if language == source_language else f"{language}/"


FILL_DIR = f"{FORMS_DIR}/fyll"


def fill_page(form: str) -> str:
    """The HTML fill page of the form at `form` (a path from `form_file`), relative to the site
    root: `skjema/fyll/<stem>/index.html`, the same under any URL style of the site."""
    stem = form.rsplit("/", 1)[-1].removesuffix(".pdf")
    return f"{FILL_DIR}/{stem}/index.html"


SUMMARY_PAGE = f"{FORMS_DIR}/sammendrag/index.html"
"""The Sammendrag page (the summary of filled forms, made in the browser), relative to the
site root, with its scripts, Pyodide and the Python bundle beside it."""


def zip_file(standard: Standard) -> str:
    return f"{FORMS_DIR}/{standard.meta.id}-alle-skjema.zip"


def booklet_file(standard: Standard) -> str:
    """The booklet (the whole standard as one PDF), relative to the site root; the same in
    every language, like the forms."""
    return f"{FORMS_DIR}/{standard.meta.id}-hefte.pdf"


MULTILINE_ACTION_PARTS = frozenset({"tiltak", "ansvarlig", "frist"})
"""Action parts that wrap: the rows are tall, and a measure, who is responsible for it and
when it is due often take more than a line."""
META_MAX_LENGTH = 60
ACTION_MAX_LENGTHS: dict[str, int] = {"tiltak": 500, "ansvarlig": 60, "frist": 30}
"""Most characters a text field takes (its /MaxLen, the fill page's `maxlength`): as much as
its box shows at about 8 pt in pypdf, PDFium, pdf.js and poppler, which shrink typed text to
fit (measured by tests/forms/test_filled_appearance.py)."""


def max_length(name: str) -> int | None:
    """The most characters the text field `name` takes; None for fields nobody types in."""
    field = parse_field(name)
    if field is None:
        return None
    if field.kind == "meta":
        return META_MAX_LENGTH
    if field.kind == "action":
        return ACTION_MAX_LENGTHS.get(field.part)
    return None


PAGE_CODE_SCHEME = "SSK1"
"""First part of the QR code on every printed page: says the code is a page of a form of this
generator, in this format (a new format gets a new scheme, and readers keep the old one)."""
_PAGE_CODE_PARTS = 7


@dataclass(frozen=True)
class PageIdentity:
    """Which page of which form a printed sheet is: what its QR code carries, so a scan or a
    photo of it can be read back (`collect`)."""

    standard: str
    version: str
    language: str
    area: str
    """Area id, or "" for the complete form with every area."""
    level: str
    page: int
    """1-based."""
    pages: int


def page_code(identity: PageIdentity) -> str:
    """`SSK1|<standard>|<version>|<language>|<area>|<level>|<page>/<pages>`, each text part
    percent-encoded (so a `|` in a version cannot split it)."""
    parts = (identity.standard, identity.version, identity.language, identity.area,
             identity.level)
    return "|".join((PAGE_CODE_SCHEME, *(quote(p, safe="-_.") for p in parts),
                     f"{identity.page}/{identity.pages}"))


def parse_page_code(text: str) -> PageIdentity | None:
    """The identity in a page's QR code; None for any other text."""
    parts = text.split("|")
    if len(parts) != _PAGE_CODE_PARTS or parts[0] != PAGE_CODE_SCHEME:
        return None
    page, _, pages = parts[-1].partition("/")
    if not (page.isdigit() and pages.isdigit() and len(page) < 4 and len(pages) < 4
            and 1 <= int(page) <= int(pages)):
        return None
    standard, version, language, area, level = (unquote(p) for p in parts[1:-1])
    if not (standard and version and language and level):
        return None
    return PageIdentity(standard, version, language, area, level, int(page), int(pages))
