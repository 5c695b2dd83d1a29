"""A hostile corpus for `check`: each case a FILE:LINE message in Norwegian, exit 1, and
bounded time and memory, measured on the child process; never a traceback.

Each case is generated from the real source here (no committed files). The same corpus goes
through `loader.check_file` in-process, which `make serve` calls on every request: it must
return problems, never raise or hang.
"""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from stavangerstandarden.glyphs import check_glyphs
from stavangerstandarden.loader import check_file, load
from stavangerstandarden.problems import InvalidSource

from .conftest import FRAMEWORK as SOURCE

TEXT = SOURCE.read_text("utf-8")
CLI = Path(sys.executable).with_name("stavangerstandarden")
MAX_SECONDS = 5.0
MAX_MEGABYTES = 500.0
MEASURE = """
import json, resource, subprocess, sys
result = subprocess.run(sys.argv[1:], capture_output=True, text=True, check=False)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"status": result.returncode, "stderr": result.stderr,
                  "seconds": usage.ru_utime + usage.ru_stime, "megabytes": usage.ru_maxrss / 1024}))
"""
"""Runs `check` from a fresh process, so RUSAGE_CHILDREN holds that one child only."""

LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{name}: &{name} [{','.join([f'*{prev}'] * 9)}]\n"
    for name, prev in zip("bcdefghi", "abcdefgh", strict=True))
"""The 377-byte billion laughs: nine levels of nine aliases, 9⁹ strings once expanded."""


@dataclass(frozen=True)
class Case:
    text: str
    at: str
    """A snippet starting the line the message must name ("": the whole file, line 1)."""
    message: str
    hint: str
    errors: int = 1

    def expected(self, label: str) -> str:
        line = self.text[: self.text.index(self.at)].count("\n") + 1
        return f"{label}:{line}: feil: {self.message}\n    tips: {self.hint}\n"


def mutate(old: str, new: str) -> str:
    assert TEXT.count(old) == 1, old
    return TEXT.replace(old, new)


ROWS = "  rows: 4\n"
NFD = unicodedata.normalize("NFD", "Foreldrene våre har tett kontakt med skolen")
BIG = "\n" + "#" * 1_000_000 + "\n"

CASES = {
    "billion-laughs": Case(
        LAUGHS, "a: &a", "ugyldig YAML: ankere og aliaser (&navn, *navn) er ikke tillatt",
        "skriv verdien ut der den skal stå"),
    "self-reference": Case(
        mutate(ROWS, "  rows: &a [*a]\n"), "  rows: &a",
        "ugyldig YAML: ankere og aliaser (&navn, *navn) er ikke tillatt",
        "skriv verdien ut der den skal stå"),
    "merge-alias": Case(
        mutate("kinds:\n", "kinds: &b\n").replace(ROWS, "  <<: *b\n" + ROWS), "kinds: &b",
        "ugyldig YAML: ankere og aliaser (&navn, *navn) er ikke tillatt",
        "skriv verdien ut der den skal stå"),
    "merge-key": Case(
        mutate(ROWS, "  <<: {rows: 4}\n"), "  <<:",
        "ugyldig YAML: flettenøkkelen «<<» er ikke tillatt", "skriv nøklene ut i denne blokken"),
    "deep-nesting": Case(
        mutate(ROWS, "  rows: " + "[" * 100_000 + "]" * 100_000 + "\n"), "  rows: [",
        "ugyldig YAML: for mange nivåer inni hverandre (mer enn 20)",
        "sjekk innrykk og klammer på denne linja"),
    "huge-number": Case(
        mutate(ROWS, "  rows: " + "9" * 5000 + "\n"), "  rows: 99",
        "ugyldig YAML: tallet er 5000 tegn langt, høyst 100 er tillatt",
        "skriv et mindre tall, eller sett teksten i anførselstegn"),
    "python-tag": Case(
        mutate(ROWS, "  rows: !!python/object/apply:os.system ['true']\n"), "  rows: !!",
        "ugyldig YAML: merkelapper som «!!python/object/apply:os.system» er ikke tillatt",
        "fjern merkelappen; sett teksten i anførselstegn om den skal leses som tekst"),
    "impossible-date": Case(
        mutate("  adopted: høsten 2020\n", "  adopted: 2020-02-30\n"), "  adopted:",
        "ugyldig YAML: verdien «2020-02-30» kan ikke leses som dato",
        "sett teksten i anførselstegn om den er ment som tekst"),
    "too-many-values": Case(
        mutate("  references:\n", "  references:\n" + "    - x\n" * 25_000), "",
        "ugyldig YAML: filen har mer enn 20000 verdier", "del opp eller kort ned filen"),
    "too-big": Case(
        TEXT + BIG, "", "filen er større enn 1 MB", "sjekk at det er riktig fil"),
    "newline-in-id": Case(
        mutate("- id: relasjoner-matpakker\n", '- id: "relasjoner-matpakker\\n"\n'),
        '- id: "relasjoner-matpakker',
        "areas[0].statements[6].id: teksten har et linjeskift eller en tabulator (U+000A)",
        "skriv teksten på én linje", errors=2),
    "newline-in-colour": Case(
        mutate('    colour: "#c62828"\n', '    colour: "#c62828\\n"\n'), '    colour: "#c62828',
        "scale[0].colour: forventet en farge som #rrggbb, fant «#c62828\\n»", "f.eks. #2e7d32",
        errors=2),
    "escape-in-title": Case(
        mutate("    title: Gode relasjoner\n", '    title: "Gode \\e[31mrelasjoner"\n'),
        '    title: "Gode', "areas[0].title: teksten har et usynlig styretegn (U+001B)",
        "fjern tegnet (det kommer ofte med når tekst kopieres)"),
    "long-statement": Case(
        mutate("text: Foreldrene våre lager gode matpakker til oss\n",
               "text: " + ("Foreldrene våre lager gode matpakker til oss. " * 218)[:9999]
               + "x\n"),
        "        text: Foreldrene våre lager gode matpakker til oss. F",
        "areas[0].statements[6].text: teksten er 10000 tegn, høyst 400 er tillatt",
        "kort ned teksten: lengre tekst får ikke plass i skjemaet eller på siden"),
    "huge-text": Case(
        mutate("text: Foreldrene våre lager gode matpakker til oss\n",
               "text: " + "ord " * 240_000 + "\n"),
        "        text: ord ord",
        f"areas[0].statements[6].text: teksten er {len(('ord ' * 240_000).strip())} tegn, "
        "høyst 400 er tillatt",
        "kort ned teksten: lengre tekst får ikke plass i skjemaet eller på siden"),
    "nfd-duplicate": Case(
        mutate("text: Foreldrene våre lager gode matpakker til oss\n", f"text: {NFD}\n"),
        f"        text: {NFD}",
        "areas[0].statements[6].text: samme utsagn står allerede i areas[0].statements[1]",
        "slett det ene utsagnet, eller skriv det om"),
    "too-many-errors": Case(
        mutate("  references:\n", "  references:\n" + "    - {a: 1}\n" * 5_500), "",
        "mer enn 200 feil; de første er vist", "rett dem og kjør check igjen", errors=201),
}


def measured_check(path: Path) -> dict[str, object]:
    command = [str(CLI), "check", str(path)] if CLI.exists() else [
        sys.executable, "-m", "stavangerstandarden.cli", "check", str(path)]
    result = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True,
                            text=True, check=True, timeout=120)
    measured: dict[str, object] = json.loads(result.stdout)
    return measured


@pytest.mark.parametrize("name", CASES)
def test_hostile_source_is_a_message_at_its_line(name: str, tmp_path: Path) -> None:
    case = CASES[name]
    path = tmp_path / "k.yaml"
    path.write_text(case.text, "utf-8")
    run = measured_check(path)
    stderr = str(run["stderr"])
    assert run["status"] == 1
    assert "Traceback" not in stderr
    assert case.expected(str(path)) in stderr
    assert stderr.endswith(f"{case.errors} feil i {path}.\n")
    assert float(str(run["seconds"])) < MAX_SECONDS
    assert float(str(run["megabytes"])) < MAX_MEGABYTES


@pytest.mark.parametrize("name", CASES)
def test_loader_returns_problems_for_hostile_source(name: str, tmp_path: Path) -> None:
    """What `make serve` calls before every page: problems, never an exception."""
    path = tmp_path / "k.yaml"
    path.write_text(CASES[name].text, "utf-8")
    checked = check_file(path)
    assert checked.standard is None
    assert len(checked.errors) == CASES[name].errors
    assert CASES[name].expected(str(path)) in "".join(f"{p}\n" for p in checked.problems)


def test_font_problems_are_listed_with_schema_problems_each_at_its_line(tmp_path: Path) -> None:
    """A character the form font lacks under `standard:` and a schema error, in one run."""
    text = mutate("  title: Stavangerstandarden\n", "  title: Stavangerstandarden ☃\n")
    text = text.replace(ROWS, "  rows: fire\n")
    path = tmp_path / "k.yaml"
    path.write_text(text, "utf-8")
    stderr = str(measured_check(path)["stderr"])
    title = text[: text.index("  title: Stavangerstandarden ☃")].count("\n") + 1
    rows = text[: text.index("  rows: fire")].count("\n") + 1
    assert f"{path}:{title}: feil: standard.title: tegnet «☃» (U+2603) finnes ikke i " in stderr
    assert f'{path}:{rows}: feil: actions.rows: forventet et heltall, fant en tekst ("fire")' in (
        stderr)
    assert stderr.endswith(f"2 feil i {path}.\n")


def test_the_model_holds_nfc_text() -> None:
    """Forms, pages and data get one spelling of «å», whatever the editor saved."""
    nfd = unicodedata.normalize("NFD", "Foreldrene våre lager gode matpakker til oss")
    assert nfd != unicodedata.normalize("NFC", nfd)
    text = mutate("text: Foreldrene våre lager gode matpakker til oss\n", f"text: {nfd}\n")
    standard = load(text, "k.yaml")
    assert standard.areas[0].statements[6].text == unicodedata.normalize("NFC", nfd)


def test_the_form_renderer_names_the_line_of_a_standard_key() -> None:
    """The model keeps a line per `standard:` key, so the renderer's own font check (on a
    model built in code) points there too, not at line 1."""
    standard = load(TEXT, "k.yaml")
    broken = replace(standard, meta=replace(standard.meta, owner="Stavanger kommune ☃"))
    with pytest.raises(InvalidSource) as raised:
        check_glyphs(broken)
    line = TEXT[: TEXT.index("  owner: Stavanger kommune")].count("\n") + 1
    assert str(raised.value).startswith(
        f"k.yaml:{line}: feil: standard.owner: tegnet «☃» (U+2603) finnes ikke i skriften ")
