"""The words of the code in one language: a gettext translator plus Babel's formatting.

Renderers get a `Localized` and call `loc.gettext("Dato")`, `loc.ngettext(...)`,
`loc.date(d)`; they never look at files. Catalogues are read from the PO files with Babel and
compiled in memory (a few milliseconds), so no .mo file is committed or built. Fuzzy (outdated)
entries are left out, so an outdated word shows in bokmål, never wrongly.
"""

from __future__ import annotations

import datetime
import gettext
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import babel
from babel import Locale
from babel.dates import format_date
from babel.messages.mofile import write_mo

from stavangerstandarden.i18n import catalog as po
from stavangerstandarden.i18n.extract import LOCALES, PACKAGE, extracted
from stavangerstandarden.i18n.extract import catalogue_path as catalogue_path
from stavangerstandarden.i18n.extract import ui_languages as ui_languages
from stavangerstandarden.i18n.layout import SOURCE_LANGUAGE, SOURCE_REGION
from stavangerstandarden.usercache import cached


def translations(language: str, locales: Path = LOCALES) -> gettext.NullTranslations:
    """gettext translations for `language`; the identity (bokmål) when it has no catalogue."""
    path = catalogue_path(language, locales)
    if language == SOURCE_LANGUAGE or not path.exists():
        return gettext.NullTranslations()
    data = path.read_bytes()
    compiler = (babel.__version__.encode(), Path(__file__).read_bytes(),
                Path(po.__file__).read_bytes())
    return gettext.GNUTranslations(BytesIO(cached("ord-{}.mo", (data, *compiler),
                                                  lambda: _mo(data))))


def _mo(data: bytes) -> bytes:
    """The catalogue compiled (~30 ms with Babel; the build and `check` ask for each language
    in every run, so the result is cached)."""
    compiled = BytesIO()
    write_mo(compiled, po.parse(data), use_fuzzy=False)
    return compiled.getvalue()


def refreshed(package: Path = PACKAGE, locales: Path = LOCALES) -> dict[Path, bytes]:
    """Every catalogue of the code's words in step with the code, as `pybabel extract` then
    `pybabel update` would make it: new ids arrive empty, an id close to a removed one
    arrives fuzzy with its old translation, ids the code no longer has are dropped."""
    template = extracted(package)
    result = {}
    for language in ui_languages(locales):
        path = catalogue_path(language, locales)
        catalogue = po.read(path)
        catalogue.update(template, update_creation_date=False)
        catalogue.obsolete.clear()
        result[path] = po.dumps(catalogue, line_numbers=False)
    return result


@dataclass(frozen=True)
class Localized:
    """Everything a renderer needs to speak one language."""

    language: str
    translations: gettext.NullTranslations

    @classmethod
    def for_language(cls, language: str, locales: Path = LOCALES) -> Localized:
        return cls(language, translations(language, locales))

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """Plural forms follow the catalogue's Plural-Forms (bokmål: one/other)."""
        return self.translations.ngettext(singular, plural, n)

    def date(self, day: datetime.date) -> str:
        """A date as the language writes it, e.g. «24. november 2026», «24 November 2026»."""
        return format_date(day, format="long", locale=self.language)

    def date_words(self) -> dict[str, object]:
        """What a browser needs to write a date exactly as `date` does: the long pattern
        (Unicode LDML, e.g. «d. MMMM y») and the twelve month names it uses."""
        return {"pattern": self.locale.date_formats["long"].pattern,
                "months": [self.locale.months["format"]["wide"][m] for m in range(1, 13)]}

    @property
    def locale(self) -> Locale:
        return Locale.parse(self.language)

    @property
    def direction(self) -> str:
        """`ltr` or `rtl`: the language's writing direction, from CLDR's data (Babel)."""
        return str(self.locale.text_direction)

    @property
    def region(self) -> str | None:
        """The country the catalogue's `Language` header names (`nn_NO` → `NO`); None when
        it names none (`en`): the PDF's /Lang is then `nn-NO` or plain `en`."""
        if self.language == SOURCE_LANGUAGE:
            return SOURCE_REGION
        header = self.translations.info().get("language", "")
        return str(Locale.parse(header).territory or "") or None if header else None
