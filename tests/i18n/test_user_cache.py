"""What `check` and the build keep in the user's cache (issue 24: font code points, compiled
word catalogues) gives the same answers as reading the shipped files afresh, and an edited
file is never answered from an older copy."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from fontTools.ttLib import TTFont

from stavangerstandarden.fonttable import FONT_DIR, code_points
from stavangerstandarden.i18n.ui import LOCALES, catalogue_path, translations, ui_languages


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
