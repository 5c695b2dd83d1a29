"""Hand-written pages as PO entries, and a translated page with its bokmål fallback."""

from __future__ import annotations

from pathlib import Path

from stavangerstandarden.i18n import catalog as po
from stavangerstandarden.i18n.pages import page_texts, translate_page
from stavangerstandarden.i18n.texts import Text

ROOT = Path(__file__).resolve().parents[2]
PAGE = """---
hide:
  - toc
---

--8<-- "generert/forside.md"

## Hvem er nettstedet for?

Nettstedet er for foreldre
og for lærere.

1. Les [siden](egenvurdering.md).
2. Finn skjemaet under
   [Skjema](skjema/index.md).
"""


def test_blocks_are_headings_paragraphs_and_list_items_with_lines(tmp_path: Path) -> None:
    page = tmp_path / "index.md"
    page.write_text(PAGE, "utf-8")
    assert [(t.source, t.line) for t in page_texts(page, "docs/index.md")] == [
        ("Hvem er nettstedet for?", 8),
        ("Nettstedet er for foreldre og for lærere.", 10),
        ("Les [siden](egenvurdering.md).", 13),
        ("Finn skjemaet under [Skjema](skjema/index.md).", 14),
    ]


def test_translated_page_keeps_markup_and_marks_missing_text_as_bokmal() -> None:
    words = {"Hvem er nettstedet for?": "Who is this website for?",
             "Les [siden](egenvurdering.md).": "Read [the page](egenvurdering.md)."}
    assert translate_page(PAGE, words.get) == """---
hide:
  - toc
---

--8<-- "generert/forside.md"

## Who is this website for?

Nettstedet er for foreldre og for lærere. {: lang="nb" }

1. Read [the page](egenvurdering.md).
2. Finn skjemaet under [Skjema](skjema/index.md). {: lang="nb" }
"""


def test_reworded_paragraph_keeps_its_translation_as_outdated() -> None:
    old = (Text("index.md", "Nettstedet er for foreldre og FAU.", "docs/index.md", 3),
           Text("index.md", "Fyll ut skjemaet sammen.", "docs/index.md", 5))
    catalog = po.merge(po.new_catalog("en", "x"), old).catalog
    catalog.get(old[0].source, context="index.md").string = "The website is for parents."
    catalog.get(old[1].source, context="index.md").string = "Fill in the form together."
    new = (old[0], Text("index.md", "Fyll ut skjemaet sammen, på papir.", "docs/index.md", 5))
    merged = po.merge(catalog, new)
    entry = merged.catalog.get(new[1].source, context="index.md")
    assert entry.fuzzy and entry.string == "Fill in the form together."
    assert merged.dropped == ()


def test_every_hand_written_page_has_an_entry_in_each_language() -> None:
    for language in ("nn", "en"):
        catalog = po.read(ROOT / "framework" / "oversettelser" / "sider" / f"{language}.po")
        pages = {m.context for m in catalog if m.id}
        assert pages >= {"index.md", "apne-data.md", "egenvurdering.md", "regelverket.md"}
