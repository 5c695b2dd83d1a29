"""One broken copy of the real source per error class: exact Norwegian message and line."""

from __future__ import annotations

import pytest

from stavangerstandarden.loader import check
from stavangerstandarden.problems import Severity

LABEL = "framework/stavangerstandarden.yaml"


def mutate(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"snippet must be unique: {old!r}"
    return text.replace(old, new)


def line_of(text: str, snippet: str) -> int:
    return text[: text.index(snippet)].count("\n") + 1


def only_error(text: str) -> str:
    checked = check(text, LABEL)
    assert checked.standard is None
    assert len(checked.errors) == 1, [str(p) for p in checked.errors]
    return str(checked.errors[0])


CASES = [
    pytest.param(
        "  title: Stavangerstandarden\n", "  title: [Stavangerstandarden\n", "  title: [Stav",
        "ugyldig YAML: while parsing a flow sequence; expected ',' or ']', but got ':' "
        "(oppdaget på linje 15)",
        "", "sjekk innrykk, kolon og anførselstegn på denne linja", id="yaml-syntax",
    ),
    pytest.param(
        "  rows: 4\n", "  rows: fire\n", "  rows: fire",
        'forventet et heltall, fant en tekst ("fire")', "actions.rows", "", id="wrong-type",
    ),
    pytest.param(
        "    label: Praksis må endres\n", "    label:\n", "    label:\n",
        "forventet en tekst, fant ingenting (null)", "scale[0].label",
        "sett teksten i anførselstegn", id="empty-value",
    ),
    pytest.param(
        "  - id: gode-relasjoner\n    kind: prinsipp\n    title: Gode relasjoner\n",
        "  - id: gode-relasjoner\n    kind: prinsipp\n",
        "  - id: gode-relasjoner",
        "mangler den påkrevde nøkkelen «title»", "areas[0]", "legg til «title: …»",
        id="missing-key",
    ),
    pytest.param(
        "  rows: 4\n", "  rows: 4\n  rader: 4\n", "  rader:",
        "ukjent nøkkel «rader»", "actions.rader",
        "tillatte nøkler: description, rows, rows_per_area, title", id="unknown-key",
    ),
    pytest.param(
        "    title: Gode relasjoner\n", "    titel: Gode relasjoner\n", "    titel:",
        "ukjent nøkkel «titel»", "areas[0].titel", "mente du «title»?",
        id="unknown-key-close",
    ),
    pytest.param(
        "      - id: relasjoner-matpakker\n", "      - id: relasjoner-tett-kontakt\n",
        "      - id: relasjoner-tett-kontakt\n        text: Foreldrene våre lager",
        "id-en «relasjoner-tett-kontakt» er brukt før (areas[0].statements[1])",
        "areas[0].statements[6].id", "hver id må være unik: gi denne en ny id",
        id="duplicate-id",
    ),
    pytest.param(
        "text: Foreldrene våre lager gode matpakker til oss\n",
        "text: Foreldrene  våre har TETT kontakt med skolen\n",
        "        text: Foreldrene  våre har TETT",
        "samme utsagn står allerede i areas[0].statements[1]",
        "areas[0].statements[6].text", "slett det ene utsagnet, eller skriv det om",
        id="duplicate-text",
    ),
    pytest.param(
        "  sfo: [trinn-1, trinn-2, trinn-3, trinn-4]\n",
        "  sfo: [trinn-1, trinn-2, trinn-3, trinn-4, trinn-11]\n",
        "  sfo: [trinn-1",
        "nivået «trinn-11» finnes ikke", "level_groups.sfo[4]",
        "kjente nivåer og grupper: skole, trinn-1, trinn-10, trinn-2, trinn-3, trinn-4, "
        "trinn-5, trinn-6, trinn-7, trinn-8, trinn-9",
        id="unknown-level",
    ),
    pytest.param(
        "      - id: digital-kontakt\n        text: Foreldre opplever at det er enkelt å få "
        "kontakt med skolen\n",
        "      - id: digital-kontakt\n        text: Foreldre opplever at det er enkelt å få "
        "kontakt med skolen\n        level_texts:\n          - levels: [ungdomstrinn]\n"
        "            text: Noe\n",
        "          - levels: [ungdomstrinn]",
        "nivået «ungdomstrinn» finnes ikke",
        "areas[5].statements[3].level_texts[0].levels[0]",
        "kjente nivåer og grupper: sfo, skole, trinn-1, trinn-10, trinn-2, trinn-3, trinn-4, "
        "trinn-5, trinn-6, trinn-7, trinn-8, trinn-9",
        id="unknown-level-reference",
    ),
    pytest.param(
        "    kind: prinsipp\n    title: Tilpasset", "    kind: prinsip\n    title: Tilpasset",
        "    kind: prinsip\n",
        "ukjent type område «prinsip»", "areas[1].kind",
        "kjente typer (kinds): prinsipp, satsingsomrade", id="unknown-kind",
    ),
    pytest.param(
        "  - id: skole\n", "  - id: hele skolen\n", "  - id: hele skolen",
        "forventet en id med små bokstaver a–z, tall og bindestrek, fant «hele skolen»",
        "levels[0].id",
        "æ, ø, å og mellomrom er ikke lov i id-er: skriv f.eks. «laeringsmiljo-trygt»",
        id="bad-id",
    ),
    pytest.param(
        "    colour: \"#c62828\"\n", "    colour: red\n", "    colour: red",
        "forventet en farge som #rrggbb, fant «red»", "scale[0].colour", "f.eks. #2e7d32",
        id="bad-colour",
    ),
    pytest.param(
        "  rows: 4\n", "  rows: 4\n  rows: 5\n", "  rows: 5",
        "nøkkelen er skrevet to ganger i samme blokk", "actions.rows", "slett den ene",
        id="duplicate-key",
    ),
]


@pytest.mark.parametrize(("old", "new", "at", "message", "path", "hint"), CASES)
def test_error_message_and_line(
    source_text: str, old: str, new: str, at: str, message: str, path: str, hint: str
) -> None:
    text = mutate(source_text, old, new)
    where = f"{path}: " if path else ""
    expected = f"{LABEL}:{line_of(text, at)}: feil: {where}{message}"
    if hint:
        expected += f"\n    tips: {hint}"
    assert only_error(text) == expected


def test_area_without_statements(source_text: str) -> None:
    start = source_text.index("    statements:\n      - id: medborgerskap-skolemiljo")
    end = source_text.index("  - id: laeringsfellesskap\n")
    text = source_text[:start] + "    statements: []\n\n" + source_text[end:]
    line = line_of(text, "    statements: []")
    assert only_error(text) == (
        f"{LABEL}:{line}: feil: areas[3].statements: området har ingen utsagn\n"
        "    tips: legg til minst ett utsagn under «statements»"
    )


@pytest.mark.parametrize("text", ["", "\n", "# bare en kommentar\n"])
def test_empty_file(text: str) -> None:
    assert only_error(text) == (
        f"{LABEL}:1: feil: filen er tom\n    tips: filen må inneholde standarden (se README.md)"
    )


def test_missing_file(tmp_path) -> None:
    from stavangerstandarden.loader import check_file

    checked = check_file(tmp_path / "finnes-ikke.yaml")
    assert [str(p) for p in checked.problems] == [
        f"{tmp_path / 'finnes-ikke.yaml'}:1: feil: filen finnes ikke\n"
        "    tips: sjekk stien, f.eks. framework/stavangerstandarden.yaml"
    ]


def test_identical_descriptions_are_a_warning_not_an_error(source_text: str) -> None:
    checked = check(source_text, LABEL)
    assert checked.standard is not None
    assert [p.severity for p in checked.problems] == [Severity.WARNING]
    line = line_of(source_text, "    title: Digital kompetanse\n") + 3
    assert str(checked.problems[0]) == (
        f"{LABEL}:{line}: advarsel: areas[5].description: beskrivelsen er lik beskrivelsen av "
        "«Tilpasset opplæring» (areas[1])\n"
        "    tips: sjekk at det er riktig beskrivelse for dette området"
    )


def test_all_problems_in_one_run(source_text: str) -> None:
    text = mutate(source_text, "  rows: 4\n", "  rows: fire\n")
    text = mutate(text, "- id: relasjoner-matpakker\n", "- id: relasjoner-tett-kontakt\n")
    text = mutate(text, "    title: Gode relasjoner\n", "    titel: Gode relasjoner\n")
    checked = check(text, LABEL)
    assert len(checked.errors) == 3  # titel unknown, duplicate id, rows type
    lines = [p.line for p in checked.problems]
    assert lines == sorted(lines)
