"""The changelog a reader gets: the built `endringer/` page and `data/endringer.json`, derived
from the frozen version and the revised working file (one language's site: the changes are
the same in every language; the nynorsk and English words are checked on the page renderer).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from stavangerstandarden.formspec import form_specs
from stavangerstandarden.i18n.ui import Localized
from stavangerstandarden.pages import page_files
from stavangerstandarden.versions.diff import changelog
from stavangerstandarden.versions.history import alone, read_kept

from .conftest import TwoVersions


@pytest.fixture
def site(built_site: Path) -> Path:
    return built_site


def _text(page: str) -> str:
    """What a reader sees of the page's article, tags removed, entities decoded."""
    article = page.split("<article", 1)[1].split("</article>", 1)[0]
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", article)))


def test_the_page_lists_every_change_with_the_changed_words_marked(
        site: Path, versions: TwoVersions) -> None:
    page = (site / "endringer" / "index.html").read_text("utf-8")
    seen = _text(page)
    rev, old, new = versions.revision, versions.old, versions.new
    assert f"Versjon {rev.version}" in seen and f"Endret fra versjon {old.meta.version}." in seen
    assert "Denne versjonen er ikke fryst ennå." in seen
    added = next(s for s in new.statements if s.id == rev.added)
    removed = next(s for s in old.statements if s.id == rev.removed)
    assert f"Nye utsagn {added.text}" in seen
    assert f"Fjernede utsagn {removed.text}" in seen
    assert f"Før: {rev.old_text}" in seen and f"Nå: {rev.new_text}" in seen
    assert "<ins>hver måned</ins>" in page
    split = next(s for s in old.statements if s.id == rev.split)
    assert f"Delt: {split.text} ( {rev.split} ) → Første del: {split.text}" in seen
    assert f"Versjon {old.meta.version} Den eldste versjonen som er tatt vare på." in seen


def test_the_page_is_linked_from_om_standarden_and_every_footer(site: Path) -> None:
    about = (site / "om-standarden" / "index.html").read_text("utf-8")
    assert 'href="../endringer/"' in about
    for page in ("index.html", "skjema/index.html", "endringer/index.html"):
        footer = (site / page).read_text("utf-8").split('class="md-copyright"', 1)[1]
        link = re.search(r'<a href="([^"]+)">Endringer i standarden</a>', footer)
        assert link, page
        target = (site / page).parent / link[1] / "index.html"
        assert target.resolve() == (site / "endringer" / "index.html").resolve(), page


def test_the_json_holds_the_same_changes(site: Path, versions: TwoVersions) -> None:
    data = json.loads((site / "data" / "endringer.json").read_text("utf-8"))
    rev, old = versions.revision, versions.old
    assert data["version"] == rev.version
    assert data["versions"] == [{"version": rev.version, "frozen": False},
                                {"version": old.meta.version, "frozen": True}]
    (change,) = data["changes"]
    statements = change["statements"]
    assert change["previous"] == old.meta.version
    assert [s["id"] for s in statements["added"]] == [rev.added]
    assert [s["id"] for s in statements["removed"]] == [rev.removed]
    (reworded,) = statements["reworded"]
    assert (reworded["id"], reworded["old"], reworded["new"]) == (
        rev.reworded, rev.old_text, rev.new_text)
    assert {"op": "insert", "text": "hver måned"} in reworded["words"]
    assert " ".join(w["text"] for w in reworded["words"] if w["op"] != "insert") \
        == " ".join(rev.old_text.split())
    (replaced,) = statements["replaced"]
    assert replaced["kind"] == "split"
    assert [s["id"] for s in replaced["old"]] == [rev.split]
    assert [s["id"] for s in replaced["new"]] == list(rev.parts)
    assert statements["moved"] == []
    assert not change["areas"]["added"] and not change["scale"]["changed"]


def test_the_open_data_page_documents_the_json(site: Path) -> None:
    seen = _text((site / "apne-data" / "index.html").read_text("utf-8"))
    for key in ("«version»", "«versions»", "«changes»", "«previous»", "«reworded»", "«words»",
                "«replaced»", "«reordered»"):
        assert key in seen


@pytest.mark.parametrize("language", ["nn", "en", "ar", "ti"])
def test_other_languages_get_their_words_and_the_texts_marked_bokmal(
        versions: TwoVersions, language: str) -> None:
    new = versions.new
    loc = Localized.for_language(language)
    log = changelog(read_kept(versions.source, new))
    page = page_files(new, form_specs(new), loc=loc, log=log)["endringer/index.md"].decode("utf-8")
    heading = loc.gettext("Endringer i standarden")
    assert heading != "Endringer i standarden"
    assert page.startswith(f"# {heading}\n")
    assert loc.gettext("Omformulerte utsagn") in page and loc.gettext("Nye utsagn") in page
    assert '<span lang="nb"><del>' not in page
    assert '<span lang="nb">' + versions.revision.old_text.split()[0] in page


def test_without_kept_versions_the_page_says_so(versions: TwoVersions) -> None:
    new = versions.new
    pages = page_files(new, form_specs(new), log=changelog(alone(new)))
    page = pages["endringer/index.md"].decode()
    assert (f"Ingen tidligere versjoner er tatt vare på ennå. Dette er versjon "
            f"{new.meta.version}.") in page
    assert "## " not in page
