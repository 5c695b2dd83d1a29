"""One site per language: bokmål at the root, nynorsk and English under nn/ and en/, each
complete, in its own language, with a switcher and hreflang links to the same page."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
import shared
from project import TRANSLATIONS, build_project, copy_project
from standards import OTHER

from stavangerstandarden.i18n.layout import Layout
from stavangerstandarden.i18n.status import parsed_source, translation_report
from stavangerstandarden.i18n.ui import Localized
from stavangerstandarden.languages import NOTE, THEME_WORDS

from .conftest import ROOT, SOURCE

TRANSLATED = Layout(SOURCE).languages()
"""Every language the source ships a translation for (its PO files)."""
LANGUAGES = {"nb": "", **{lang: f"{lang}/" for lang in TRANSLATED}}
KNOWN_NOTES = {"nn": "Denne omsetjinga er ikkje kvalitetssikra.",
               "en": "This translation has not been reviewed."}


def note(language: str) -> str:
    """The «not reviewed» note: written out for nn and en, else the language's catalogue's."""
    return KNOWN_NOTES.get(language) or Localized.for_language(language).gettext(NOTE)


def pages_of(site: Path, language: str) -> set[str]:
    """Every HTML page of one language's site, relative to its root."""
    root = site / LANGUAGES[language]
    others = tuple(r for r in LANGUAGES.values() if r) if language == "nb" else ()
    return {rel for p in root.rglob("*.html")
            if not (rel := p.relative_to(root).as_posix()).startswith(others)}


def switcher_links(html: str) -> dict[str, str]:
    nav = re.search(r'<nav class="sprakvelger".*?</nav>', html, re.DOTALL)
    assert nav, "no language switcher"
    return {lang: href for href, lang in re.findall(r'<a href="([^"]*)" hreflang="([^"]+)"',
                                                     nav.group(0))}


def hreflang_links(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate ?" hreflang="([^"]+)" href="([^"]*)"', html))


def resolve(page: str, href: str) -> str:
    """The file a relative link on `page` (a path under the site) leads to."""
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), href))
    if href.endswith("/"):
        return "index.html" if target == "." else f"{target}/index.html"
    return target


def test_every_language_has_every_page(site: Path) -> None:
    nb = pages_of(site, "nb")
    assert {"index.html", "sprak/index.html", "404.html", "om-standarden/index.html"} <= nb
    assert {"nn", "en"} <= set(TRANSLATED)
    for language in TRANSLATED:
        assert pages_of(site, language) == nb, language


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_html_lang_is_the_sites_language(site: Path, language: str) -> None:
    wrong = {page: re.search(r'<html lang="([^"]*)"', text).group(1)  # type: ignore[union-attr]
             for page in pages_of(site, language)
             if (text := (site / LANGUAGES[language] / page).read_text("utf-8"))
             and f'<html lang="{language}"' not in text}
    assert wrong == {}


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_every_page_runs_in_its_languages_direction(site: Path, language: str) -> None:
    """`dir` on <body> (where Material writes it) is CLDR's direction of the language:
    `rtl` for Arabic, `ltr` for the others; the fill pages and Sammendrag page too."""
    direction = Localized.for_language(language).direction
    pages = pages_of(site, language)
    assert "skjema/sammendrag/index.html" in pages
    assert any(p.startswith("skjema/fyll/") for p in pages)
    wrong = [page for page in pages
             if f'<body dir="{direction}"' not in (site / LANGUAGES[language] / page).read_text(
                 "utf-8")]
    assert wrong == []


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_switcher_and_hreflang_lead_to_the_same_page(site: Path, language: str) -> None:
    wrong = []
    for page in sorted(pages_of(site, language) - {"404.html"}):
        path = f"{LANGUAGES[language]}{page}"
        html = (site / path).read_text("utf-8")
        for kind, links in (("switcher", switcher_links(html)), ("hreflang", hreflang_links(html))):
            expected = {lang: f"{root}{page}" for lang, root in LANGUAGES.items()}
            got = {lang: resolve(path, href) for lang, href in links.items()}
            if got != expected:
                wrong.append((path, kind, got))
    assert wrong == []
    assert all((site / f"{root}{page}").is_file()
               for root in LANGUAGES.values() for page in pages_of(site, language))


@pytest.mark.parametrize("language", TRANSLATED)
def test_unreviewed_translations_carry_the_note(site: Path, language: str) -> None:
    root = site / LANGUAGES[language]
    for page in ("index.html", "om-standarden/index.html", "omrader/index.html",
                 "regelverket/index.html"):
        html = (root / page).read_text("utf-8")
        assert f'<p class="oversettelse-merknad">{note(language)}</p>' in html, page
    assert "oversettelse-merknad\"" not in (site / "index.html").read_text("utf-8")


def test_pages_are_in_their_language(site: Path) -> None:
    assert "<h1" in (site / "en/omrader/index.html").read_text("utf-8")
    assert "The areas</h1>" in (site / "en/omrader/index.html").read_text("utf-8")
    assert "Områda</h1>" in (site / "nn/omrader/index.html").read_text("utf-8")
    assert "Områdene</h1>" in (site / "omrader/index.html").read_text("utf-8")
    assert "Fann ikkje sida" in (site / "nn/404.html").read_text("utf-8")
    nn_fill = next((site / "nn/skjema/fyll").glob("*/index.html")).read_text("utf-8")
    assert "Fyll ut skjemaet her, og trykk «Lag PDF». Svara blir berre" in nn_fill


def test_status_page_shows_each_languages_counts(site: Path, project: Path) -> None:
    source = project / "framework" / "stavangerstandarden.yaml"
    report = translation_report(Layout(source, project / "docs"), parsed_source(source))
    assert [s.language for s in report.statuses] == list(TRANSLATED)
    for root in LANGUAGES.values():
        html = (site / root / "sprak/index.html").read_text("utf-8")
        cells = re.findall(r"<tr>\s*<td>([^<]*)</td>\s*<td[^>]*>([^<]*)</td>\s*<td[^>]*>(\d+)"
                           r"</td>\s*<td[^>]*>(\d+)</td>\s*<td[^>]*>(\d+)</td>", html)
        assert [(re.findall(r"\d+", t), int(r), int(o), int(m)) for _, t, r, o, m in cells] == [
            ([str(s.translated), str(s.total)], s.reviewed, s.outdated, s.missing)
            for s in report.statuses], root


def test_every_word_of_mkdocs_yml_is_a_message_id() -> None:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))
    words = {title for item in config["nav"] for title in item}
    words |= {p["toggle"]["name"] for p in config["theme"]["palette"]}
    words |= set(config["extra"]["ord"].values())
    assert words - set(THEME_WORDS) == set()
    templates = "".join(p.read_text("utf-8") for p in (ROOT / "overrides").rglob("*.html"))
    assert set(re.findall(r"config\.extra\.ord\.(\w+)", templates)) == set(config["extra"]["ord"])


@pytest.fixture(scope="module")
def partial(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Nynorsk only, one block of a page and one statement without a translation."""
    project = copy_project(tmp_path_factory.mktemp("partial") / "project",
                           SOURCE.read_text("utf-8"))
    folder = project / "framework" / "oversettelser"
    (folder / "sider").mkdir(parents=True)
    pages = (TRANSLATIONS / "sider" / "nn.po").read_text("utf-8")
    block = re.search(r'msgctxt "apne-data.md"\nmsgid "([^"]+)"\nmsgstr "[^"]+"', pages)
    assert block
    (folder / "sider" / "nn.po").write_text(pages.replace(block.group(0), block.group(0).rsplit(
        "\n", 1)[0] + '\nmsgstr ""'), "utf-8")
    content = (TRANSLATIONS / "nn.po").read_text("utf-8")
    statement = re.search(r'msgctxt "areas/[^"]+/statements/[^"]+/text"\nmsgid "([^"]+)"\n'
                          r'msgstr "[^"]+"', content)
    assert statement
    (folder / "nn.po").write_text(content.replace(statement.group(0), statement.group(0).rsplit(
        "\n", 1)[0] + '\nmsgstr ""'), "utf-8")
    build_project(project)
    (project / "missing.txt").write_text(f"{block.group(1)}\n{statement.group(1)}", "utf-8")
    return project


def test_a_missing_translation_shows_the_bokmal_marked(partial: Path) -> None:
    paragraph, statement = (partial / "missing.txt").read_text("utf-8").split("\n")
    site = partial / "site"
    assert not (site / "en").exists()
    page = (site / "nn/apne-data/index.html").read_text("utf-8")
    assert re.search(rf'<(p|li|h\d)[^>]* lang="nb"[^>]*>{re.escape(paragraph)}<', page)
    areas = "".join(p.read_text("utf-8") for p in (site / "nn/omrader").glob("*/index.html"))
    assert f'<span lang="nb">{statement}</span>' in areas
    assert set(switcher_links((site / "nn/index.html").read_text("utf-8"))) == {"nb", "nn"}


def test_a_standard_without_translations_has_one_language_and_no_switcher(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    site = shared.site(tmp_path_factory, OTHER.read_text("utf-8"))
    assert sorted(p.name for p in site.iterdir() if p.is_dir() and len(p.name) == 2) == []
    assert not (site / "sprak").exists()
    for page in site.rglob("*.html"):
        html = page.read_text("utf-8")
        assert "sprakvelger" not in html and "hreflang" not in html, page


@pytest.mark.parametrize("site", ["mkdocs"], indirect=True)
def test_search_in_nynorsk_finds_the_nynorsk_page(site: Path, browser: Any) -> None:
    """Typing a nynorsk word (the statement «Foreldra våre lagar gode matpakkar til oss") into
    the nynorsk site's search finds its area page, and only nynorsk pages."""
    hits = browser("search", str(site), "/nn/", "matpakkar")["hits"]
    assert "/nn/omrader/gode-relasjoner/" in hits
    assert [h for h in hits if not h.startswith("/nn/")] == []
