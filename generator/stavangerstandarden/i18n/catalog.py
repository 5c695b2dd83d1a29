"""PO files of content translations: build from texts, merge (like `msgmerge --previous`), read.

Babel reads and writes the files; the merge is ours because it must match by msgctxt (the
YAML path) first: Babel's `Catalog.update` fuzzy-matches on msgid alone, across contexts,
which would hand one statement's translation to another.
"""

from __future__ import annotations

import datetime
import difflib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import babel
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import denormalize, read_po, write_po

from stavangerstandarden.i18n.texts import Text
from stavangerstandarden.usercache import cached_object

REVIEWED = "reviewed"
"""Translator comment (`# reviewed`) marking a translation a person has checked. PO has no
reviewed state of its own; every PO editor keeps translator comments."""
FUZZY = "fuzzy"
_CLOSE_ENOUGH = 0.5


@dataclass(frozen=True)
class Merged:
    catalog: Catalog
    outdated: tuple[str, ...]
    """Contexts whose source changed: kept fuzzy with the old msgid as previous."""
    dropped: tuple[Message, ...]
    """Translations whose context no longer exists in the source."""


def is_reviewed(message: Message) -> bool:
    return any(c.strip().split(":")[0] == REVIEWED for c in message.user_comments)


def state(message: Message | None) -> str:
    """`translated`, `outdated` (fuzzy) or `missing`."""
    strings = message.string if message is not None else ""
    if not (all(strings) if isinstance(strings, tuple) else strings):
        return "missing"
    return "outdated" if message is not None and message.fuzzy else "translated"


HEADER = ("Translation of {project}; the bokmål source is msgid, its path in the source msgctxt.\n"
          "Edit with Poedit, Weblate or any PO editor; see TRANSLATING.md.")


def new_catalog(language: str, project: str) -> Catalog:
    return Catalog(locale=language, project=project, version=None, fuzzy=False,
                   charset="utf-8", header_comment="", language_team="", last_translator="")


def template(texts: Iterable[Text], project: str,
             creation_date: datetime.datetime | str | None = None) -> Catalog:
    """The POT: every text with an empty translation. Keeping the old creation date keeps
    the file byte-identical while the source is unchanged."""
    pot = Catalog(project=project, version=None, fuzzy=False, charset="utf-8",
                  header_comment=_header(project), language_team="", last_translator="",
                  creation_date=creation_date)
    for text in texts:
        pot.add(text.source, "", [(text.file, text.line)], context=text.context)
    return pot


def merge(old: Catalog, texts: Iterable[Text]) -> Merged:
    """`old` brought up to date with `texts`: translations kept, changed sources fuzzy."""
    new = Catalog(locale=old.locale, project=old.project, version=None, fuzzy=False,
                  creation_date=old.creation_date, revision_date=old.revision_date,
                  last_translator=old.last_translator, language_team=old.language_team,
                  charset="utf-8", header_comment=_header(old.project))
    unused = {(m.context, _msgid(m)): m for m in old if m.id}
    outdated: list[str] = []
    texts = tuple(texts)
    contexts = Counter(t.context for t in texts)
    for text in texts:
        previous = _match(unused, text, unique=contexts[text.context] == 1)
        message = Message(text.source, "", [(text.file, text.line)], context=text.context)
        if previous is not None:
            del unused[(previous.context, _msgid(previous))]
            message.string = previous.string
            message.user_comments = list(previous.user_comments)
            if previous.id != text.source or previous.fuzzy:
                message.flags.add(FUZZY)
                message.previous_id = list(previous.previous_id or [_msgid(previous)])
                message.user_comments = [c for c in message.user_comments
                                         if c.strip().split(":")[0] != REVIEWED]
                outdated.append(text.context)
        new[text.source] = message
    dropped = tuple(m for m in unused.values() if state(m) != "missing")
    return Merged(new, tuple(outdated), dropped)


def _msgid(message: Message) -> str:
    """The msgid; the singular of a plural entry."""
    return message.id if isinstance(message.id, str) else message.id[0]


def _header(project: str) -> str:
    return "\n".join(f"# {line}" for line in HEADER.format(project=project).splitlines())


def _match(unused: dict[tuple[str | None, str], Message], text: Text,
           unique: bool) -> Message | None:
    """Same context and source; else the same source elsewhere (a moved text); else the one
    entry with that context, or the closest of several (a reworded paragraph of a page)."""
    exact = unused.get((text.context, text.source))
    if exact is not None:
        return exact
    same_text = [m for (_, msgid), m in unused.items() if msgid == text.source and m.string]
    if same_text:
        return same_text[0]
    same_place = [m for (ctxt, _), m in unused.items() if ctxt == text.context]
    if unique and len(same_place) == 1:
        return same_place[0]
    ids = [m.id for m in same_place]
    closest = difflib.get_close_matches(text.source, ids, n=1, cutoff=_CLOSE_ENOUGH)
    return next((m for m in same_place if closest and m.id == closest[0]), None)


def read(path: Path) -> Catalog:
    """The catalogue in `path`; babel's PoFileError (with `lineno`) when it is malformed.
    Babel takes ~15 ms a file and `check` reads every language's two, so the parsed
    catalogue is kept in the user's cache (named by the file's bytes and the parser's code)."""
    data = path.read_bytes()
    return cached_object("po-{}.pickle", (data, babel.__version__.encode(),
                                          Path(__file__).read_bytes()), lambda: parse(data))


def parse(data: bytes) -> Catalog:
    """The catalogue in a PO file's bytes (see `read`)."""
    catalog = read_po(BytesIO(data), abort_invalid=True)
    for message in catalog:
        _restore_previous(message)
    return catalog


def _restore_previous(message: Message) -> None:
    """Babel reads `#| msgid "…"` lines as translator comments; turn them back into the
    previous msgid, so a second merge neither loses nor doubles them."""
    previous = [c[1:].strip() for c in message.user_comments if c.startswith("|")]
    if not previous:
        return
    message.user_comments = [c for c in message.user_comments if not c.startswith("|")]
    quoted = "\n".join(previous).removeprefix("msgid").strip()
    message.previous_id = [denormalize(quoted)]


def dumps(catalog: Catalog, *, line_numbers: bool = True) -> bytes:
    """PO text with the previous msgid of every fuzzy entry, as Weblate and Poedit show.
    Without line numbers a catalogue stays in step when code above a message moves."""
    buffer = BytesIO()
    write_po(buffer, catalog, width=100, include_previous=True, ignore_obsolete=True,
             include_lineno=line_numbers)
    return buffer.getvalue()
