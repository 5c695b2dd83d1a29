"""Content translations: extraction, PO round trip, merge, and the status `check` reports."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from stavangerstandarden.i18n import Layout, translation_report
from stavangerstandarden.i18n import catalog as po
from stavangerstandarden.i18n.texts import yaml_texts
from stavangerstandarden.loader import load_file
from stavangerstandarden.yamlsource import parse

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "framework" / "stavangerstandarden.yaml"
OTHER = ROOT / "tests" / "fixtures" / "annen-kommune.yaml"
MATPAKKER = "Foreldrene våre lager gode matpakker til oss"


def reworded(source: str, new: str) -> str:
    """`source` with MATPAKKER reworded for the next version: the current one is frozen
    (framework/versjoner/), and `check` refuses a reworded statement in a frozen version."""
    match = re.search(r'^  version: "([^"]+)"$', source, re.M)
    assert match is not None
    return (source.replace(MATPAKKER, new)
            .replace(match.group(0), f'  version: "{match.group(1)}.1"'))

def run(command: str, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "stavangerstandarden.cli", command, *args],
                          cwd=cwd, capture_output=True, text=True, check=False)


def texts(path: Path) -> dict[str, po.Text]:
    parsed = parse(path.read_text("utf-8"))
    assert parsed is not None
    return {t.context: t for t in yaml_texts(parsed, str(path))}


TOTAL = len(texts(SOURCE))
"""Every text of the shipped YAML (what a complete translation covers)."""


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_extraction_keys_texts_by_ids_with_their_lines() -> None:
    found = texts(SOURCE)
    source = SOURCE.read_text("utf-8")
    statement = found["areas/gode-relasjoner/statements/relasjoner-matpakker/text"]
    assert statement.source == MATPAKKER
    assert statement.line == line_of(source, f"text: {MATPAKKER}")
    assert statement.path == "areas[0].statements[6].text"
    assert found["levels/trinn-3/label"].source == "3. trinn"
    assert found["scale/endres/label"].source == "Praksis må endres"
    assert "standard/id" not in found and "scale/endres/colour" not in found
    assert not any("level_groups" in c or c.endswith("/levels/0") for c in found)
    standard = load_file(SOURCE)
    shown = {s.text for s in standard.statements} | {a.title for a in standard.areas} | {
        lv.label for lv in standard.levels} | {st.label for st in standard.scale}
    assert shown <= {t.source for t in found.values()}
    assert found["forms/header/skole/label"].source == "Skole"
    assert "forms/header/skole/field" not in found, "a field name is the forms' contract"


def test_po_round_trip_keeps_every_entry(tmp_path: Path) -> None:
    entries = tuple(texts(SOURCE).values())
    merged = po.merge(po.new_catalog("nn", "Stavangerstandarden"), entries)
    path = tmp_path / "nn.po"
    path.write_bytes(po.dumps(merged.catalog))
    back = po.read(path)
    assert {(m.context, m.id) for m in back if m.id} == {(t.context, t.source) for t in entries}
    assert all(m.locations == [(t.file, t.line)] for t in entries
               for m in [back.get(t.source, context=t.context)])
    assert path.read_bytes() == po.dumps(po.merge(back, entries).catalog)


def test_shipped_translations_cover_the_whole_yaml() -> None:
    layout = Layout(SOURCE)
    report = translation_report(layout, parse(SOURCE.read_text("utf-8")))  # type: ignore[arg-type]
    assert {s.language for s in report.statuses} == set(layout.languages()) >= {"en", "nn"}
    for status in report.statuses:
        assert (status.translated, status.outdated, status.missing) == (TOTAL, 0, 0)
        assert status.reviewed == 0
    assert report.problems == ()


def test_changed_statement_is_outdated_in_every_language_at_its_line(copy: Path) -> None:
    source = reworded(copy.read_text("utf-8"), "Foreldrene våre lager sunne matpakker")
    copy.write_text(source, "utf-8")
    result = run("check", str(copy), "--project", str(copy.parent))
    assert result.returncode == 0, result.stderr
    line = line_of(source, "text: Foreldrene våre lager sunne matpakker")
    for name in ("norsk nynorsk (nn)", "engelsk (en)"):
        assert (f"{copy}:{line}: advarsel: areas[0].statements[6].text: oversettelsen til "
                f"{name} er utdatert: teksten er endret etter at den ble oversatt") in result.stderr
    assert (f"Oversettelse: norsk nynorsk (nn): {TOTAL - 1} av {TOTAL} oversatt "
            "(0 kvalitetssikret), 1 utdatert, 0 mangler.") in result.stdout


def test_translation_of_a_removed_id_is_an_error_at_the_po_line(copy: Path) -> None:
    source = copy.read_text("utf-8").replace(
        "      - id: relasjoner-matpakker\n        text: " + MATPAKKER + "\n", "")
    copy.write_text(source, "utf-8")
    result = run("check", str(copy), "--project", str(copy.parent))
    assert result.returncode == 1
    languages = Layout(copy).languages()
    for language in languages:
        po_file = copy.parent / "oversettelser" / f"{language}.po"
        line = line_of(po_file.read_text("utf-8"), f'msgid "{MATPAKKER}"')
        assert (f"{po_file}:{line}: feil: areas/gode-relasjoner/statements/relasjoner-matpakker"
                "/text: oversettelse av en tekst som ikke finnes i kilden") in result.stderr
    assert result.stderr.endswith(f"{len(languages)} feil i {copy}.\n")


def test_oversett_keeps_translations_and_marks_changed_ones_fuzzy(copy: Path) -> None:
    nn = copy.parent / "oversettelser" / "nn.po"
    nn.write_text(nn.read_text("utf-8").replace(
        'msgctxt "areas/gode-relasjoner/statements/relasjoner-matpakker/text"',
        '# reviewed\nmsgctxt "areas/gode-relasjoner/statements/relasjoner-matpakker/text"'),
        "utf-8")
    before = {(m.context, m.string) for m in po.read(nn) if m.id}
    copy.write_text(reworded(copy.read_text("utf-8"), "Foreldrene lager matpakker"), "utf-8")
    result = run("oversett", str(copy), "--project", str(copy.parent))
    assert result.returncode == 0, result.stderr
    assert f"{nn}: 1 utdatert, 0 fjernet." in result.stdout
    after = po.read(nn)
    assert {(m.context, m.string) for m in after if m.id} == before
    entry = after.get("Foreldrene lager matpakker",
                      context="areas/gode-relasjoner/statements/relasjoner-matpakker/text")
    assert entry is not None and entry.fuzzy
    assert entry.string == "Foreldra våre lagar gode matpakkar til oss"
    assert entry.previous_id == [MATPAKKER]
    assert not po.is_reviewed(entry)
    assert f'#| msgid "{MATPAKKER}"' in nn.read_text("utf-8")
    once = nn.read_bytes()
    run("oversett", str(copy), "--project", str(copy.parent))
    assert nn.read_bytes() == once


def test_partial_translation_counts(tmp_path: Path) -> None:
    source = tmp_path / "annen-kommune.yaml"
    source.write_text(OTHER.read_text("utf-8"), "utf-8")
    entries = tuple(texts(source).values())
    catalog = po.merge(po.new_catalog("pl", "Annen"), entries).catalog
    first, second, third = (catalog.get(t.source, context=t.context) for t in entries[:3])
    first.string, second.string, third.string = "Tłumaczenie", "Drugie", "Stare"
    second.user_comments = ["reviewed: Anna, 2026-11-24"]
    third.flags.add("fuzzy")
    (tmp_path / "oversettelser").mkdir()
    (tmp_path / "oversettelser" / "pl.po").write_bytes(po.dumps(catalog))
    report = translation_report(Layout(source), parse(source.read_text("utf-8")))  # type: ignore[arg-type]
    (status,) = report.statuses
    assert (status.language, status.translated, status.reviewed, status.outdated,
            status.missing) == ("pl", 2, 1, 1, len(entries) - 3)
    assert sum("mangler oversettelse til polsk (pl)" in p.message
               for p in report.problems) == len(entries) - 3


def test_a_standard_without_translations_checks_clean() -> None:
    result = run("check", str(OTHER))
    assert result.returncode == 0, result.stderr
    assert "Oversettelse" not in result.stdout and "oversett" not in result.stderr


def test_unknown_language_code_is_an_error(copy: Path) -> None:
    (copy.parent / "oversettelser" / "xx-nope.po").write_text("", "utf-8")
    result = run("check", str(copy), "--project", str(copy.parent))
    assert result.returncode == 1
    assert f"{copy.parent}/oversettelser/xx-nope.po:1: feil: ukjent språkkode «xx-nope»" in (
        result.stderr)


def test_oversett_starts_a_new_language_with_every_text(copy: Path) -> None:
    assert "fi" not in Layout(copy).languages()
    result = run("oversett", str(copy), "--project", str(copy.parent), "--nytt-sprak", "fi")
    assert result.returncode == 0, result.stderr
    catalog = po.read(copy.parent / "oversettelser" / "fi.po")
    assert str(catalog.locale) == "fi" and catalog.num_plurals == 2
    assert len([m for m in catalog if m.id]) == TOTAL
    pot = po.read(copy.parent / "oversettelser" / "stavangerstandarden.pot")
    assert {(m.context, m.id, m.string) for m in pot if m.id} == {
        (m.context, m.id, "") for m in catalog if m.id}
    assert f"{copy.parent}/oversettelser/stavangerstandarden.pot: mal med {TOTAL} tekster." in (
        result.stdout)
    check = run("check", str(copy), "--project", str(copy.parent))
    assert f"Oversettelse: finsk (fi): 0 av {TOTAL} oversatt" in check.stdout
    assert (f"{copy.parent}/oversettelser/fi.po:1: advarsel: ingen katalog over ordene i koden "
            "på finsk (fi)") in check.stderr
    assert run("oversett", str(copy), "--nytt-sprak", "xx-nope").returncode == 2


def test_malformed_po_is_an_error_at_its_line(copy: Path) -> None:
    nn = copy.parent / "oversettelser" / "nn.po"
    lines = nn.read_text("utf-8").splitlines(keepends=True)
    lines.insert(30, "msgstring \"oops\"\n")
    nn.write_text("".join(lines), "utf-8")
    result = run("check", str(copy), "--project", str(copy.parent))
    assert result.returncode == 1
    assert f'{nn}:31: feil: ugyldig PO-fil: kan ikke lese «msgstring "oops"»' in result.stderr
    assert "Traceback" not in result.stderr
    before = nn.read_bytes()
    result = run("oversett", str(copy), "--project", str(copy.parent))
    assert result.returncode == 1
    assert result.stderr.endswith("1 feil. Ingen filer er endret.\n")
    assert nn.read_bytes() == before


def test_a_character_the_form_font_lacks_is_an_error_at_the_translation(copy: Path) -> None:
    en = copy.parent / "oversettelser" / "en.po"
    text = en.read_text("utf-8").replace(
        'msgstr "Our parents make good packed lunches for us"',
        'msgstr "Our parents make good packed lunches ☃ for us"')
    en.write_text(text, "utf-8")
    result = run("check", str(copy), "--project", str(copy.parent))
    assert result.returncode == 1
    line = line_of(text, 'msgid "Foreldrene våre lager gode matpakker til oss"')
    assert (f"{en}:{line}: feil: areas/gode-relasjoner/statements/relasjoner-matpakker/text: "
            "i oversettelsen til engelsk: tegnet «☃» (U+2603)") in result.stderr
