"""The catalogues of the code's words: every one covers every message id the code uses."""

from __future__ import annotations

import datetime
import io
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from standards import STAVANGER

from stavangerstandarden.i18n.extract import LOCALES, extracted_ids, uncovered
from stavangerstandarden.i18n.layout import Layout
from stavangerstandarden.i18n.ui import Localized, catalogue_path, refreshed, ui_languages

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "generator" / "stavangerstandarden"


def test_every_translated_language_has_a_catalogue_of_the_code_words() -> None:
    languages = Layout(STAVANGER).languages()
    assert {"en", "nn"} <= set(languages)
    assert set(languages) <= set(ui_languages())


@pytest.mark.parametrize("language", ui_languages())
def test_every_catalogue_covers_every_message_id(language: str) -> None:
    assert uncovered(extracted_ids(PACKAGE), catalogue_path(language)) == set()


def test_a_new_message_id_in_code_is_reported_missing(tmp_path: Path) -> None:
    (tmp_path / "words.py").write_text('label = _("Dato")\nnew = _("Et nytt ord")\n', "utf-8")
    (tmp_path / "form.typ").write_text('#text(tr("Side"))\n', "utf-8")
    (tmp_path / "page.html.j2").write_text('<p>{{ _("Skole") }}</p>\n', "utf-8")
    ids = extracted_ids(tmp_path)
    assert ids == {"Dato", "Et nytt ord", "Side", "Skole"}
    for language in ("nn", "en"):
        assert uncovered(ids, catalogue_path(language)) == {"Et nytt ord", "Side"}


def test_fuzzy_entry_counts_as_uncovered_and_falls_back_to_bokmal(tmp_path: Path) -> None:
    po = catalogue_path("en", tmp_path)
    po.parent.mkdir(parents=True)
    po.write_text(catalogue_path("en").read_text("utf-8").replace(
        'msgid "Dato"', '#, fuzzy\nmsgid "Dato"'), "utf-8")
    assert uncovered({"Dato", "Skole"}, po) == {"Dato"}
    loc = Localized.for_language("en", tmp_path)
    assert (loc.gettext("Dato"), loc.gettext("Skole")) == ("Dato", "School")


@pytest.mark.parametrize(("language", "school", "files", "date"), [
    ("nb", "Skole", "2 filer ikke talt med", "24. november 2026"),
    ("nn", "Skule", "2 filer ikkje talde med", "24. november 2026"),
    ("en", "School", "2 files not counted", "November 24, 2026"),
    ("pl", "Szkoła", "2 pliki nieuwzględnione", "24 listopada 2026"),
    ("ar", "المدرسة", "2 ملفان غير محتسبين", "24 نوفمبر 2026"),
])
def test_words_plurals_and_dates_follow_the_language(language: str, school: str, files: str,
                                                     date: str) -> None:
    loc = Localized.for_language(language)
    assert loc.gettext("Skole") == school
    one, many = "%(num)d fil ikke talt med", "%(num)d filer ikke talt med"
    assert loc.ngettext(one, many, 2) % {"num": 2} == files
    assert (loc.ngettext(one, many, 1) % {"num": 1}).split()[:2] in (
        ["1", "fil"], ["1", "file"], ["1", "plik"], ["1", "ملف"])
    assert loc.date(datetime.date(2026, 11, 24)) == date


def test_catalogues_live_in_the_package() -> None:
    assert LOCALES == PACKAGE / "locales"


def test_catalogues_are_in_step_with_the_code() -> None:
    """What `oversett --kodeord` would write is what is committed (run it after changing
    a message in code)."""
    for path, data in refreshed().items():
        assert _messages(data) == _messages(path.read_bytes()), (
            f"run `stavangerstandarden oversett --kodeord`: {path}")


def _messages(data: bytes) -> list[tuple[object, ...]]:
    """What a catalogue says, without the header a Babel release writes its name into."""
    catalogue = read_po(io.BytesIO(data))
    return [(m.id, m.string, sorted(m.flags), m.locations, m.auto_comments)
            for m in catalogue if m.id]


def test_refresh_brings_a_new_id_empty_and_drops_a_removed_one(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "words.py").write_text('a = _("Dato")\nb = _("Et nytt ord")\n', "utf-8")
    locales = tmp_path / "locales"
    catalogue_path("en", locales).parent.mkdir(parents=True)
    shutil.copy(catalogue_path("en"), catalogue_path("en", locales))
    (path, data), = refreshed(tmp_path / "pkg", locales).items()
    path.write_bytes(data)
    loc = Localized.for_language("en", locales)
    assert (loc.gettext("Dato"), loc.gettext("Skole")) == ("Date", "Skole")
    assert uncovered({"Dato", "Et nytt ord"}, path) == {"Et nytt ord"}
    assert 'msgid "Et nytt ord"\nmsgstr ""' in data.decode("utf-8")
