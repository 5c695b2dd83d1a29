"""Every user-facing word of the Sammendrag page and its scripts, in one place (message ids
marked `N_` for `pybabel extract`; `messages(loc)` gives them in a language)."""

from __future__ import annotations

from stavangerstandarden.fill.messages import Translator
from stavangerstandarden.words import N_

MESSAGES: dict[str, str] = {
    "title": N_("Sammendrag av utfylte skjema"),
    "intro": N_("Her lager du skolens sammendrag av skjemaene dere har fått inn: den samme "
                "rapporten som kommandoen «stavangerstandarden collect» lager. Velg PDF-filene, "
                "eller en mappe med dem, eller slipp dem i feltet under."),
    "privacy": N_("Alt skjer på denne enheten. Filene lastes ikke opp og sendes ingen steder: "
                  "siden kan bare hente sine egne programfiler fra nettstedet, og når den er "
                  "lastet, virker den også uten nett."),
    "noscript": N_("Sammendraget lages i nettleseren og trenger JavaScript. Uten JavaScript kan "
                   "du lage det med kommandoen «stavangerstandarden collect»."),
    "choose": N_("Velg skjemaene"),
    "drop": N_("Slipp PDF-filene eller en mappe her"),
    "files": N_("Velg filer"),
    "folder": N_("Velg en mappe"),
    "options": N_("Valg for rapporten"),
    "names": N_("Vis navnene fra «Utfylt av» i rapporten"),
    "names_hint": N_("Uten dette står ingen navn i rapporten, så den kan deles."),
    "previous": N_("Sammenlign med et tidligere sammendrag (sammendrag.json, valgfritt)"),
    "result": N_("Sammendraget"),
    "downloads": N_("Last ned"),
    "working_files": N_("rapport.html kan deles: den viser filnavn, ikke navn eller mapper, og "
                        "skjuler andeler der færre enn {k} har svart. sammendrag.json og svar.csv "
                        "er arbeidsfilene dine: de er fullstendige, med alt som er skrevet i "
                        "skjemaene. Ikke del dem."),
    "preview": N_("Rapporten"),
    # Read by sammendrag.js.
    "js.loading": N_("Gjør klar leseren … (første gang lastes {mb} MB, deretter virker siden "
                     "uten nett)"),
    "js.ready": N_("Klar. Velg skjemaene."),
    "js.reading": N_("Leser {n} filer …"),
    "js.done": N_("Ferdig."),
    "js.failed": N_("Kunne ikke lage sammendraget: {error}"),
    "js.load_failed": N_("Kunne ikke gjøre klar leseren: {error}. Last siden på nytt med nett."),
    "js.timeout": N_("Lesingen tok for lang tid og ble stanset; en av filene kan være skadet. "
                     "Prøv med færre filer om gangen."),
    "js.none": N_("Fant ingen filer i det du valgte."),
}


def messages(loc: Translator) -> dict[str, str]:
    """MESSAGES in `loc`'s language (an id without a translation stays bokmål)."""
    return {key: loc.gettext(message) for key, message in MESSAGES.items()}
