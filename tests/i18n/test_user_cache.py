"""What `check` and the build keep in the user's cache (issue 24: font code points, compiled
word catalogues, parsed translations, language names) gives the same answers as reading the
shipped files afresh, and an edited file is never answered from an older copy."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po
from fontTools.ttLib import TTFont

from stavangerstandarden.fonttable import FONT_DIR, code_points
from stavangerstandarden.i18n import catalog as po
from stavangerstandarden.i18n.layout import language_name
from stavangerstandarden.i18n.ui import LOCALES, catalogue_path, translations, ui_languages

from ..standards import STAVANGER


@pytest.fixture(autouse=True)
def empty_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.mark.parametrize("font", sorted(p.name for p in FONT_DIR.glob("*.ttf")))
def test_cached_code_points_are_the_fonts_own(font: str, empty_cache: Path) -> None:
    own = set(TTFont(FONT_DIR / font, lazy=True).getBestCmap())
    assert code_points(FONT_DIR / font) == own  # read from the font, then stored
    assert len(list(empty_cache.rglob("tegn-*.json"))) == 1
    assert code_points(FONT_DIR / font) == own  # read back


@pytest.mark.parametrize("language", ui_languages())
def test_cached_catalogue_translates_every_word_as_the_po_file(language: str) -> None:
    with catalogue_path(language).open("rb") as file:
        catalogue = read_po(file)
    expected = {m.id: m.string for m in catalogue
                if m.id and isinstance(m.id, str) and m.string and not m.fuzzy}
    for _ in range(2):  # compiled, then read back
        words = translations(language)
        assert {i: words.gettext(i) for i in expected} == expected


def test_an_edited_catalogue_is_compiled_again(tmp_path: Path) -> None:
    locales = tmp_path / "locales"
    shutil.copytree(LOCALES, locales)
    language = ui_languages()[0]
    path = catalogue_path(language, locales)
    with path.open("rb") as file:
        message = next(m for m in read_po(file)
                       if isinstance(m.id, str) and m.id and m.string and not m.fuzzy)
    assert translations(language, locales).gettext(message.id) == message.string
    text = path.read_text("utf-8")
    quoted = f'msgstr "{message.string}"'
    assert quoted in text
    path.write_text(text.replace(quoted, 'msgstr "Endret ord"', 1), "utf-8")
    assert translations(language, locales).gettext(message.id) == "Endret ord"


TRANSLATIONS = sorted((STAVANGER.parent / "oversettelser").rglob("*.po"))


def _messages(catalogue: Catalog) -> list[tuple[object, ...]]:
    return [(m.id, m.string, m.context, sorted(m.flags), m.user_comments, m.previous_id,
             m.lineno) for m in catalogue]


@pytest.mark.parametrize("path", TRANSLATIONS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_cached_translation_is_the_catalogue_babel_reads(path: Path, empty_cache: Path) -> None:
    fresh = po.parse(path.read_bytes())
    for _ in range(2):  # parsed and stored, then read back
        catalogue = po.read(path)
        assert _messages(catalogue) == _messages(fresh)
        assert (catalogue.locale, catalogue.project) == (fresh.locale, fresh.project)
    assert len(list(empty_cache.rglob("po-*.pickle"))) == 1


def test_a_damaged_cache_file_is_made_again(empty_cache: Path) -> None:
    path = TRANSLATIONS[0]
    fresh = _messages(po.read(path))
    (stored,) = empty_cache.rglob("po-*.pickle")
    stored.write_bytes(stored.read_bytes()[:40])  # e.g. a disk that filled up
    assert _messages(po.read(path)) == fresh
    assert _messages(po.read(path)) == fresh and stored.stat().st_size > 40


def test_an_edited_translation_is_read_afresh_and_a_broken_one_fails_each_time(
        tmp_path: Path) -> None:
    path = tmp_path / "nn.po"
    text = TRANSLATIONS[0].read_text("utf-8")
    path.write_text(text, "utf-8")
    message = next(m for m in po.read(path) if m.id and m.string)
    path.write_text(text.replace(f'msgstr "{message.string}"', 'msgstr "Endra"', 1), "utf-8")
    assert po.read(path).get(message.id, context=message.context).string == "Endra"
    lines = text.splitlines(keepends=True)
    path.write_text("".join([*lines[:30], 'msgstring "oops"\n', *lines[30:]]), "utf-8")
    for _ in range(2):
        with pytest.raises(PoFileError) as caught:
            po.read(path)
        assert caught.value.lineno + 1 == 31


@pytest.mark.parametrize("language", [*ui_languages(), "nb", "zz"])
def test_a_cached_language_name_is_babels(language: str) -> None:
    try:
        expected = Locale.parse(language).get_display_name("nb")
    except UnknownLocaleError:
        expected = language
    assert language_name(language) == expected
    assert language_name(language) == expected
