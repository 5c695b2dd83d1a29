"""Every user-facing word of the Kommune page and its script, in one place (message ids
marked `N_` for `pybabel extract`; `messages(loc)` gives them in a language). Words the
Sammendrag page says the same way are its own (`READER_WORDS`), so they are translated once."""

from __future__ import annotations

from stavangerstandarden.browserpage import Translator, translated
from stavangerstandarden.summary.messages import READER_WORDS
from stavangerstandarden.words import N_

MESSAGES: dict[str, str] = {
    "title": N_("Kommunens oversikt"),
    "intro": N_("Her setter kommunen sammen sammendragene skolene har sendt, til én oversikt: "
                "den samme som kommandoen «stavangerstandarden kommune» lager. Velg filene "
                "(til-kommunen.json eller sammendrag.json, én eller flere per skole), eller "
                "slipp dem i feltet under."),
    "privacy": READER_WORDS["privacy"],
    "noscript": N_("Oversikten lages i nettleseren og trenger JavaScript. Uten JavaScript kan "
                   "du lage den med kommandoen «stavangerstandarden kommune»."),
    "choose": N_("Velg skolenes sammendrag"),
    "drop": N_("Slipp JSON-filene her"),
    "files": N_("Velg filer"),
    "options": N_("Valg for oversikten"),
    "previous": N_("Sammenlign med fjorårets oversikt (kommune.json, valgfritt)"),
    "result": N_("Oversikten"),
    "not_counted": N_("Ikke talt med"),
    "notes": N_("Merknader"),
    "downloads": N_("Last ned"),
    "shareable": N_("Filene kan deles: de viser ingen navn, og der færre enn {k} har svart, "
                    "er tallene skjult, også der de kunne vært regnet ut av andre tall."),
    "preview": N_("Rapporten"),
    # Read by kommune.js.
    "js.loading": N_("Velg sammendragene. Leseren hentes når du har valgt dem (første gang "
                     "{mb} MB, deretter virker siden uten nett)."),
    "js.waiting": READER_WORDS["js.waiting"],
    "js.fetching": READER_WORDS["js.fetching"],
    "js.reading": READER_WORDS["js.reading"],
    "js.done": READER_WORDS["js.done"],
    "js.failed": N_("Kunne ikke lage oversikten: {error}"),
    "js.load_failed": READER_WORDS["js.load_failed"],
    "js.timeout": READER_WORDS["js.timeout"],
    "js.none": READER_WORDS["js.none"],
}


def messages(loc: Translator) -> dict[str, str]:
    """MESSAGES in `loc`'s language (an id without a translation stays bokmål)."""
    return translated(MESSAGES, loc)
