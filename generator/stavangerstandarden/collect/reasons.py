"""Why a file was not counted (or what to know about one that was), in the reader's language.

A reason is made where reading fails, from a message id marked `N_` (bokmål, with named
placeholders) and the values of those placeholders; it is shown later, in the language of the
report or page. Being a `str` — the bokmål text — it goes into `sammendrag.json`, onto the
command line and across the reader's process boundary as it always has; `shown` translates the
message id, and every value that is itself a reason, with the reader's catalogue (other values
— a file name, an id from the form — are shown as they are).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

Gettext = Callable[[str], str]


class Reason(str):
    """A message id with its values; the string itself is the bokmål text."""

    message: str
    values: Mapping[str, object]

    def __new__(cls, message: str, **values: object) -> Reason:
        self = super().__new__(cls, _format(message, values, str))
        self.message, self.values = message, values
        return self

    @classmethod
    def of(cls, reason: str) -> Reason:
        """`reason` as a Reason: a plain text is a message id without values."""
        return reason if isinstance(reason, Reason) else cls(reason)

    def __getnewargs_ex__(self) -> tuple[tuple[Any, ...], dict[str, Any]]:
        return (self.message,), dict(self.values)

    def text(self, gettext: Gettext) -> str:
        """The reason in the language of `gettext`; its bokmål text where a translation does
        not fit the values (a catalogue's mistake must not stop a report)."""
        try:
            return _format(gettext(self.message), self.values, gettext)
        except (KeyError, IndexError, ValueError):
            return str(self)


class Refused(Exception):
    """An error whose message is a reason, shown in the reader's language where it is
    caught (`reason`) and in bokmål where it is printed (`str`)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _format(message: str, values: Mapping[str, object], gettext: Gettext) -> str:
    if not values:
        return message
    return message.format(**{k: v.text(gettext) if isinstance(v, Reason) else v
                             for k, v in values.items()})


def shown(reason: str, gettext: Gettext) -> str:
    """`reason` in the reader's language: a `Reason` with its values, any other text as a
    message id (a reason read back from an earlier `sammendrag.json` is its bokmål text)."""
    if isinstance(reason, Reason):
        return reason.text(gettext)
    return gettext(reason) if reason else reason


def joined(*parts: str) -> str:
    """Several remarks about one file as one, each still translated where shown."""
    kept = [Reason.of(p) for p in parts if p]
    if len(kept) < 2:
        return kept[0] if kept else ""
    return Reason("; ".join(f"{{p{i}}}" for i in range(len(kept))),
                  **{f"p{i}": p for i, p in enumerate(kept)})
