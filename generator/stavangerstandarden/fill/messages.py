"""Every user-facing word of the fill pages, the chooser and their scripts, in one place.

Keys are message ids; values are the bokmål text. The renderer hands the whole dict to the
templates and the scripts' share of it to the browser as JSON, so moving to gettext
catalogues means replacing this one dict.
"""

from __future__ import annotations

from stavangerstandarden.formspec import ALL_AREAS

MESSAGES: dict[str, str] = {
    "fill.heading": "Fyll ut: {place}, {level}",
    "fill.intro": "Fyll ut skjemaet her, og trykk «Lag PDF». Svarene blir bare på denne "
                  "enheten: ingenting sendes over nettet, og du kan fylle ut uten nett når "
                  "siden er lastet.",
    "fill.all_areas": "alle områder",
    "fill.header": "Om utfyllingen",
    "fill.scale": "Vurderingsskala",
    "fill.statement": "Utsagn {n}",
    "fill.row": "Tiltak {n}",
    "fill.maxlength": "Høyst {n} tegn (det som får plass i PDF-en).",
    "fill.actions": "Lag PDF-en",
    "fill.make": "Lag PDF",
    "fill.clear": "Tøm skjemaet",
    "fill.blank": "Tomt skjema (PDF)",
    "fill.noscript": "Utfylling på nett trenger JavaScript. Last ned det tomme skjemaet og "
                     "fyll det ut i en PDF-leser, eller skriv det ut.",
    "fill.receiver": "Når PDF-en er laget:",
    # Read by fyll.js.
    "js.loading": "Lager PDF …",
    "js.done": "PDF-en er laget og lastet ned: {file}",
    "js.failed": "Kunne ikke lage PDF-en: {error}",
    "js.share": "Del PDF-en",
    "js.confirm_clear": "Vil du tømme skjemaet? Alt du har fylt ut, blir borte.",
    "js.cleared": "Skjemaet er tømt.",
    "js.restored": "Svarene du hadde fylt ut i denne fanen, er hentet fram igjen.",
    # Skjema page and area pages.
    "choose.heading": "Velg skjema",
    "choose.level": "Trinn",
    "choose.area": "Område",
    "choose.all_areas": ALL_AREAS,
    "choose.fill": "Fyll ut på nett",
    "choose.pdf": "Last ned PDF",
    "choose.receiver": "Når skjemaet er fylt ut:",
    "choose.list": "Alle skjemaene",
    "choose.list_intro": "Hvert trinn har ett skjema per område og ett med alle områdene.",
    "choose.zip": "Last ned alle skjemaene (ZIP)",
    "area.heading": "Fyll ut eller last ned skjemaet",
    "area.intro": "Skjemaet for {area} finnes for hvert trinn:",
    "area.more": "Alle områdene samlet i ett skjema, og alle skjemaene i én ZIP-fil, finner du "
                 "under",
}


def js_messages() -> dict[str, str]:
    """The share of MESSAGES the browser scripts need (ids without the `js.` prefix)."""
    return {k.removeprefix("js."): v for k, v in MESSAGES.items() if k.startswith("js.")}
