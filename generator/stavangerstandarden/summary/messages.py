"""Every user-facing word of the Sammendrag page and its scripts, in one place (message ids
marked `N_` for `pybabel extract`; `messages(loc)` gives them in a language)."""

from __future__ import annotations

from stavangerstandarden.browserpage import Translator, translated
from stavangerstandarden.words import N_

MESSAGES: dict[str, str] = {
    "title": N_("Sammendrag av utfylte skjema"),
    "intro": N_("Her lager du skolens sammendrag av skjemaene dere har fått inn: en rapport "
                "til deg med alle tall, en rapport du kan dele, og svarene som regneark. Velg "
                "PDF-filene med en gang; de leses så snart siden er klar."),
    "privacy": N_("Alt skjer på denne enheten. Filene lastes ikke opp og sendes ingen steder: "
                  "siden kan bare hente sine egne programfiler fra nettstedet, og når den er "
                  "lastet, virker den også uten nett."),
    "noscript": N_("Sammendraget lages i nettleseren og trenger JavaScript. Slå på JavaScript "
                   "i nettleseren og last inn siden på nytt."),
    "choose": N_("Velg skjemaene"),
    "drop": N_("Slipp PDF-filene eller en mappe her"),
    "files": N_("Velg filer"),
    "folder": N_("Velg en mappe"),
    "options": N_("Valg for rapporten"),
    "names": N_("Vis navnene fra «Utfylt av» i rapporten til deg"),
    "names_hint": N_("Rapporten til deling viser aldri navn."),
    "previous": N_("Sammenlign med et tidligere sammendrag (valgfritt)"),
    "previous_button": N_("Velg sammendrag.json"),
    "previous_clear": N_("Fjern"),
    "progress": N_("Fremdrift"),
    "result": N_("Sammendraget"),
    "downloads": N_("Last ned"),
    "leader_report": N_("til deg: alle tall, også der få har svart"),
    "shared_report": N_("kan deles"),
    "answers_file": N_("alle svar, som regneark"),
    "summary_file": N_("alle tall, til å sammenligne med neste gang"),
    "contribution_file": N_("til kommunen: bare tallene, uten navn og filnavn"),
    "working_files": N_("rapport-til-deling.html kan deles: den viser filnavn, ikke navn eller "
                        "mapper, og skjuler andeler der færre enn {k} har svart. rapport.html, "
                        "svar.csv og sammendrag.json er arbeidsfilene dine: de viser alle tall, "
                        "og svar.csv og sammendrag.json alt som er skrevet i skjemaene. Ikke del "
                        "dem."),
    "preview": N_("Rapporten"),
    # Read by sammendrag.js.
    "js.loading": N_("Velg skjemaene. Leseren hentes når du har valgt dem (første gang "
                     "{mb} MB, deretter virker siden uten nett)."),
    "js.waiting": N_("{n} filer valgt. De leses så snart leseren er klar …"),
    "js.fetching": N_("{n} filer valgt. Henter leseren, steg {step} av {steps} …"),
    "js.reading": N_("Leser {n} filer …"),
    "js.read": N_("Leser fil {done} av {n} …"),
    "js.done": N_("Ferdig."),
    "js.no_previous": N_("Ingen fil valgt."),
    "js.failed": N_("Kunne ikke lage sammendraget: {error}"),
    "js.load_failed": N_("Kunne ikke gjøre klar leseren: {error}. Last siden på nytt med nett."),
    "js.timeout": N_("Lesingen tok for lang tid og ble stanset; en av filene kan være skadet. "
                     "Prøv med færre filer om gangen."),
    "js.none": N_("Fant ingen filer i det du valgte."),
}


def messages(loc: Translator) -> dict[str, str]:
    """MESSAGES in `loc`'s language (an id without a translation stays bokmål)."""
    return translated(MESSAGES, loc)
