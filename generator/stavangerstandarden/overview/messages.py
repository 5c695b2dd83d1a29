"""Every user-facing word of the Kommune page and its script, in one place (message ids
marked `N_` for `pybabel extract`; `messages(loc)` gives them in a language). Words the
Sammendrag page says the same way keep its message id, so they are translated once."""

from __future__ import annotations

from stavangerstandarden.browserpage import Translator, translated
from stavangerstandarden.words import N_

MESSAGES: dict[str, str] = {
    "title": N_("Kommunens oversikt"),
    "intro": N_("Her setter kommunen sammen sammendragene skolene har sendt, til én oversikt: "
                "den samme som kommandoen «stavangerstandarden kommune» lager. Velg filene "
                "(til-kommunen.json eller sammendrag.json, én eller flere per skole), eller "
                "slipp dem i feltet under."),
    "privacy": N_("Alt skjer på denne enheten. Filene lastes ikke opp og sendes ingen steder: "
                  "siden kan bare hente sine egne programfiler fra nettstedet, og når den er "
                  "lastet, virker den også uten nett."),
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
    "js.waiting": N_("{n} filer valgt. De leses så snart leseren er klar …"),
    "js.fetching": N_("{n} filer valgt. Henter leseren, steg {step} av {steps} …"),
    "js.reading": N_("Leser {n} filer …"),
    "js.done": N_("Ferdig."),
    "js.failed": N_("Kunne ikke lage oversikten: {error}"),
    "js.load_failed": N_("Kunne ikke gjøre klar leseren: {error}. Last siden på nytt med nett."),
    "js.timeout": N_("Lesingen tok for lang tid og ble stanset; en av filene kan være skadet. "
                     "Prøv med færre filer om gangen."),
    "js.none": N_("Fant ingen filer i det du valgte."),
}


def messages(loc: Translator) -> dict[str, str]:
    """MESSAGES in `loc`'s language (an id without a translation stays bokmål)."""
    return translated(MESSAGES, loc)
