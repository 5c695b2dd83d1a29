"""A language's edition: the same model with translated texts, bokmål where none exists."""

from __future__ import annotations

from pathlib import Path

from stavangerstandarden.i18n import catalog as po
from stavangerstandarden.i18n.edition import edition
from stavangerstandarden.i18n.texts import yaml_texts
from stavangerstandarden.loader import build, load_file
from stavangerstandarden.yamlsource import Parsed, parse

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "framework" / "stavangerstandarden.yaml"
OTHER = ROOT / "tests" / "fixtures" / "annen-kommune.yaml"


def parsed(path: Path) -> Parsed:
    result = parse(path.read_text("utf-8"))
    assert result is not None
    return result


def test_nynorsk_edition_has_translated_texts_and_the_same_ids() -> None:
    bokmal = load_file(SOURCE)
    catalog = po.read(ROOT / "framework" / "oversettelser" / "nn.po")
    nn = edition(parsed(SOURCE), str(SOURCE), "nn", catalog)
    area = nn.standard.area("gode-relasjoner")
    assert area.title == "Gode relasjonar"
    assert area.statements[6].text == "Foreldra våre lagar gode matpakkar til oss"
    assert nn.standard.level("trinn-3").label == "3. trinn"
    assert nn.standard.scale[0].label == "Praksis må endrast"
    assert [s.id for s in nn.standard.statements] == [s.id for s in bokmal.statements]
    assert [s.id for s in nn.standard.scale] == [s.id for s in bokmal.scale]
    assert [lt.levels for s in nn.standard.statements for lt in s.level_texts] == [
        lt.levels for s in bokmal.statements for lt in s.level_texts]
    assert nn.standard.statements[6].line == bokmal.statements[6].line
    assert nn.fallback == frozenset()  # every text of the YAML is translated
    assert nn.needs_note(area.title) and not nn.is_source_language(area.title)


def test_partial_edition_falls_back_to_bokmal_and_says_which_texts() -> None:
    source = parsed(OTHER)
    texts = yaml_texts(source, str(OTHER))
    catalog = po.merge(po.new_catalog("en", "x"), texts).catalog
    first = texts[0]
    catalog.get(first.source, context=first.context).string = "Translated title"
    en = edition(source, str(OTHER), "en", catalog)
    bokmal = load_file(OTHER)
    assert en.standard.meta.title == "Translated title"
    assert en.standard.areas[0].title == bokmal.areas[0].title
    assert en.is_source_language(bokmal.areas[0].title)
    assert len(en.fallback) == len({t.source for t in texts[1:]})


def test_default_words_the_yaml_leaves_out_come_in_the_editions_language() -> None:
    """Without `forms:` the loader's defaults (header labels, statements heading) are message
    ids: an edition shows them from the code's catalogue; bokmål keeps them as they are."""
    data = parsed(SOURCE)
    without = Parsed({k: v for k, v in data.data.items() if k != "forms"}, data.value_lines,
                     data.key_lines, data.duplicate_keys)
    catalog = po.read(ROOT / "framework" / "oversettelser" / "en.po")
    english = edition(without, str(SOURCE), "en", catalog).standard
    assert [h.label for h in english.header] == ["School", "Class/group", "Date",
                                                 "Completed by"]
    heading = next(a for a in english.areas if a.id != "gode-relasjoner").statements_heading
    assert heading == "Signs of good practice"
    assert [h.label for h in build(without, str(SOURCE)).header] == [
        "Skole", "Klasse/gruppe", "Dato", "Utfylt av"]
