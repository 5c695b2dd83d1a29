"""A language's site on its own: its hand-written pages, the note, its engine config."""

from __future__ import annotations

from pathlib import Path

import yaml
from babel.messages.catalog import Catalog

from stavangerstandarden.i18n import Localized, source_edition
from stavangerstandarden.languages import (
    Languages,
    SiteLanguage,
    engine_config,
    translated_page,
    with_note,
)
from stavangerstandarden.loader import load_file

ROOT = Path(__file__).resolve().parents[2]
STANDARD = load_file(ROOT / "framework" / "stavangerstandarden.yaml")
PAGE = "# Tittel\n\nFørste avsnitt.\n\nAndre avsnitt.\n"
NOTE = "Denne omsetjinga er ikkje kvalitetssikra."


def nynorsk(reviewed: bool, *translated: tuple[str, str]) -> SiteLanguage:
    pages = Catalog(locale="nn")
    for source, text in translated:
        pages.add(source, text, context="side.md",
                  user_comments=["reviewed"] if reviewed else [])
    edition = source_edition(STANDARD)
    return SiteLanguage(type(edition)("nn", STANDARD), Localized.for_language("nn"), pages)


def test_untranslated_block_stays_bokmal_marked_and_the_page_gets_the_note() -> None:
    page = translated_page(PAGE, "side.md", nynorsk(False, ("Tittel", "Tittel"),
                                                    ("Første avsnitt.", "Fyrste avsnitt.")), {})
    assert page == (f"# Tittel\n\n{NOTE}\n{{: .oversettelse-merknad }}\n\n\nFyrste avsnitt.\n\n"
                    'Andre avsnitt. {: lang="nb" }\n')


def test_a_reviewed_page_has_no_note() -> None:
    language = nynorsk(True, ("Tittel", "Tittel"), ("Første avsnitt.", "Fyrste avsnitt."),
                       ("Andre avsnitt.", "Andre avsnittet."))
    assert translated_page(PAGE, "side.md", language, {}) == (
        "# Tittel\n\nFyrste avsnitt.\n\nAndre avsnittet.\n")


def test_the_note_follows_front_matter_and_heading() -> None:
    assert with_note("---\nhide: [toc]\n---\n\n# T\n\nx\n", "N") == (
        "---\nhide: [toc]\n---\n\n# T\n\nN\n{: .oversettelse-merknad }\n\n\nx\n")


def test_engine_config_speaks_the_language_and_links_every_root() -> None:
    base = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))
    nb = SiteLanguage(source_edition(STANDARD), Localized.for_language("nb"))
    nn = nynorsk(False)
    config = engine_config(base, {"site_name": "S"}, nn, Languages((nb, nn), ()), ".docs-nn")
    assert config["theme"]["language"] == "nn"
    assert config["docs_dir"] == ".docs-nn"
    assert {"pymdownx.snippets": {"base_path": [".docs-nn"], "check_paths": True}} in config[
        "markdown_extensions"]
    assert [next(iter(item)) for item in config["nav"]][:3] == ["Framside", "Om standarden",
                                                                 "Områda"]
    assert config["nav"][-1] == {"Språk og omsetjingar": "sprak/index.md"}
    assert [p["toggle"]["name"] for p in config["theme"]["palette"]] == [
        "Byt til mørk modus", "Byt til lys modus"]
    assert config["extra"]["sprak"]["languages"] == [
        {"lang": "nb", "name": "norsk bokmål", "root": "../"},
        {"lang": "nn", "name": "norsk nynorsk", "root": "./"}]
    assert config["extra"]["ord"]["not_found"] == "Fann ikkje sida"
    alone = engine_config(base, {}, nb, Languages((nb,), ()), "docs")
    assert "sprak" not in alone["extra"]
    areas = {"Områdene": ["omrader/index.md", *(f"omrader/{a.id}.md" for a in STANDARD.areas)]}
    assert alone["nav"] == [areas if "Områdene" in item else item for item in base["nav"]]
    assert {"Områda": areas["Områdene"]} in config["nav"]
