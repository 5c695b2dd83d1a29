"""Every user-facing word of the fill pages, the chooser and their scripts, in one place.

Keys name each word's place; values are its gettext message id (the bokmål text, marked
`N_` for `pybabel extract`). `messages(loc)` gives the words in a language; the renderer
hands them to the templates and the scripts' share to the browser as JSON.
"""

from __future__ import annotations

from stavangerstandarden.browserpage import Translator, translated
from stavangerstandarden.formspec import ALL_AREAS
from stavangerstandarden.words import N_

MESSAGES: dict[str, str] = {
    "fill.heading": N_("Fyll ut: {place}, {level}"),
    "fill.intro": N_("Fyll ut skjemaet her, og trykk «Lag PDF». Svarene blir bare på denne "
                  "enheten: ingenting sendes over nettet, og du kan fylle ut uten nett når "
                  "siden er lastet."),
    "fill.all_areas": N_("alle områder"),
    "fill.header": N_("Om utfyllingen"),
    "fill.scale": N_("Vurderingsskala"),
    "fill.statement": N_("Utsagn {n}"),
    "fill.row": N_("Tiltak {n}"),
    "fill.maxlength": N_("Høyst {n} tegn (det som får plass i PDF-en)."),
    "fill.actions": N_("Lag PDF-en"),
    "fill.make": N_("Lag PDF"),
    "fill.clear": N_("Tøm skjemaet"),
    "fill.blank": N_("Tomt skjema (PDF)"),
    "fill.noscript": N_("Utfylling på nett trenger JavaScript. Last ned det tomme skjemaet og "
                     "fyll det ut i en PDF-leser, eller skriv det ut."),
    "fill.receiver": N_("Når PDF-en er laget:"),
    "fill.add_row": N_("Legg til tiltak"),
    "fill.missing_title": N_("Du har ikke svart på alle utsagnene"),
    "fill.missing_choice": N_("Svar på dem nå, eller lag PDF-en likevel: et utsagn uten svar "
                              "står tomt i skjemaet."),
    "fill.make_anyway": N_("Lag PDF likevel"),
    "fill.next": N_("Neste steg"),
    "fill.contact": N_("Spørsmål om skjemaet:"),
    # Read by fyll.js.
    "js.fetching": N_("Henter verktøyet som lager PDF-en (bare første gang) …"),
    "js.loading": N_("Lager PDF …"),
    "js.done": N_("PDF-en er laget: {file}"),
    "js.missing_some": N_("{n} av {total} utsagn har ikke svar:"),
    "js.missing_all": N_("Du har ikke svart på noen av de {total} utsagnene:"),
    "js.share_hint": N_("Trykk «Del PDF-en» for å sende den, for eksempel i e-post eller en "
                        "meldingsapp."),
    "js.saved": N_("Filen er lastet ned: du finner den blant nedlastingene i nettleseren eller "
                   "i mappen «Nedlastinger»."),
    "js.failed": N_("Kunne ikke lage PDF-en: {error}"),
    "js.share": N_("Del PDF-en"),
    "js.confirm_clear": N_("Vil du tømme skjemaet? Alt du har fylt ut, blir borte."),
    "js.cleared": N_("Skjemaet er tømt."),
    "js.restored": N_("Svarene du hadde fylt ut i denne fanen, er hentet fram igjen."),
    # Skjema page and area pages.
    "choose.heading": N_("Velg skjema"),
    "choose.level": N_("Trinn"),
    "choose.area": N_("Område"),
    "choose.all_areas": ALL_AREAS,
    "choose.fill": N_("Fyll ut på nett"),
    "choose.pdf": N_("Last ned PDF"),
    "choose.receiver": N_("Når skjemaet er fylt ut:"),
    "choose.list": N_("Alle skjemaene"),
    "choose.list_intro": N_("Hvert trinn har ett skjema per område og ett med alle områdene."),
    "choose.zip": N_("Last ned alle skjemaene (ZIP)"),
    "choose.summary_heading": N_("Når skjemaene er kommet inn"),
    "choose.summary": N_("Skolen lager sammendraget av de utfylte skjemaene i nettleseren, uten "
                         "å laste dem opp, på siden"),
    "area.heading": N_("Fyll ut eller last ned skjemaet"),
    "area.intro": N_("Skjemaet for {area} finnes for hvert trinn:"),
    "area.more": N_("Alle områdene samlet i ett skjema, og alle skjemaene i én ZIP-fil, finner du "
                 "under"),
}


def messages(loc: Translator) -> dict[str, str]:
    """MESSAGES in `loc`'s language (an id without a translation stays bokmål)."""
    return translated(MESSAGES, loc)
