"""`stavangerstandarden kommune` on real schools' summaries: the totals are the sums, small
schools are hidden, nothing personal reaches an output, bad files are named and left out."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html import unescape
from pathlib import Path

import pytest
from overview.corpus import Corpus, Run, generated
from overview.truth import Truth

from stavangerstandarden.cli import main


def test_totals_are_the_sums(corpus: Corpus, kommune: Callable[..., Run], tmp_path: Path) -> None:
    for paths in (list(corpus.contributions.values()),
                  generated(corpus, tmp_path / "inn", schools=15, per_school=3, seed=5)):
        _, data, csv, _ = kommune(corpus, *paths, out=tmp_path / f"ut-{len(paths)}")
        truth = Truth.of(paths)
        keys = [*(s.id for s in corpus.standard.scale), "ubesvart"]
        for area in corpus.standard.areas:
            area_total = dict.fromkeys(keys[:-1], 0)
            for s in area.statements:
                expected = {key: sum(truth.answers[school][s.id][key] for school in truth.answers)
                            for key in keys}
                assert data["utsagn"][s.id]["totalt"] == expected
                for key in keys[:-1]:
                    area_total[key] += expected[key]
                    assert f"utsagn;{s.id};;{key};{expected[key]};" in csv
            assert data["omrader"][area.id]["totalt"] == area_total
        assert data["skjema"]["totalt"] == sum(truth.forms.values())
        assert [s["skjema"] for s in data["skoler"] if s["skjema"] is not None] == [
            truth.forms[" ".join(s["skole"].split()).casefold()]
            for s in data["skoler"] if s["skjema"] is not None]


def test_k_minus_one_forms_hidden_k_shown(corpus: Corpus, kommune: Callable[..., Run]) -> None:
    status, data, csv, html = kommune(corpus, *corpus.contributions.values())
    assert status == 0
    schools = {s["skole"]: s for s in data["skoler"]}
    assert schools["Lillevik skole"] == {"skole": "Lillevik skole", "skjema": None,
                                         "omrader": None}
    assert schools["Hundvåg skole"]["skjema"] == corpus.k
    assert schools["Tasta skole"]["skjema"] == 9  # two classes' summaries, one school
    assert "Skole ikke oppgitt eller uklar" in schools
    for table in (*data["omrader"].values(), *data["utsagn"].values()):
        assert {"skole": "Lillevik skole", "svar": None} in table["skoler"]
    assert "skjema;;Lillevik skole;skjema;;1" in csv
    row = re.search(r"<th scope=\"row\">Lillevik skole</th>(.*?)</tr>", html, re.S)
    assert row and "Skjult" in row[1] and not re.search(r"\d", re.sub(r"<[^>]*>", "", row[1]))
    assert f"<td class=\"num\">{corpus.k}</td>" in html


def outputs(out: Path) -> str:
    return "\n".join(unescape(p.read_text("utf-8-sig")) for p in out.iterdir()
                     if not p.name.startswith("."))


def test_nothing_personal_in_any_output(corpus: Corpus, tmp_path: Path) -> None:
    """Names from «Utfylt av», the form files, the folders, the tiltak naming a person and the
    tiltak of the school under k: in no output, whichever file the schools sent."""
    for name, paths in (("bidrag", corpus.contributions), ("sammendrag", corpus.summaries)):
        out = tmp_path / name
        main(["kommune", *map(str, paths.values()), "--out", str(out),
              "--source", str(corpus.source)])
        text = outputs(out)
        assert [s for s in corpus.secrets if s in text] == []
        assert "Foreldrekaffe før jul".casefold() in text.casefold()


BAD = {
    "ødelagt.json": ('{"standard": "x", "statements": {', "ugyldig JSON på linje 1"),
    "fremmed.json": ('{"name": "package", "version": "1.0"}', "mangler nøkkelen «statements»"),
    "tekst.json": (b"\xff\xfe\x00binary", "ikke tekst i UTF-8"),
}


def edited(corpus: Corpus, change: Callable[[dict], None], folder: str = "madla") -> str:
    data = json.loads(corpus.contributions[folder].read_text("utf-8"))
    change(data)
    return json.dumps(data, ensure_ascii=False)


def bump(data: dict) -> None:
    first = next(iter(data["statements"].values()))
    first[next(iter(first))] += 1


@pytest.fixture
def bad_files(corpus: Corpus, tmp_path: Path) -> dict[str, tuple[Path, str]]:
    files = {name: (text, reason) for name, (text, reason) in BAD.items()}
    files["annen-standard.json"] = (edited(corpus, lambda d: d.update(standard="bergen")),
                                    "hører til en annen standard («bergen»)")
    files["gammel-versjon.json"] = (edited(corpus, lambda d: d.update(versjon="1999.1")),
                                    "versjon av standarden programmet ikke kjenner («1999.1»")
    files["endret.json"] = (edited(corpus, bump), "tallene stemmer ikke")
    summary = json.loads(corpus.summaries["eiganes"].read_text("utf-8"))
    bump(summary)
    files["endret-sammendrag.json"] = (json.dumps(summary), "tallene stemmer ikke")
    made = {}
    for name, (text, reason) in files.items():
        path = tmp_path / "inn" / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode())
        made[name] = (path, reason)
    return made


def test_bad_inputs_named_and_left_out(corpus: Corpus, kommune: Callable[..., Run],
                                       bad_files: dict[str, tuple[Path, str]],
                                       capsys: pytest.CaptureFixture[str]) -> None:
    good = list(corpus.contributions.values())
    paths = [*good, good[0], *(p for p, _ in bad_files.values())]
    status, data, _, html = kommune(corpus, *paths)
    assert status == 1
    files = data["filer"]
    assert sum(f["talt"] for f in files) == len(good)
    assert files[len(good)]["grunn"] == (f"samme innhold som nr. 1 ({good[0].name}); talt én "
                                         "gang")
    for f, (name, (_, reason)) in zip(files[len(good) + 1:], bad_files.items(), strict=True):
        assert f["fil"] == name and not f["talt"] and reason in f["grunn"], f
        assert reason in unescape(html)
    err = capsys.readouterr().err
    assert all(str(p) in err for p, _ in bad_files.values())
    truth = Truth.of(good)
    assert data["skjema"]["totalt"] == sum(truth.forms.values())


def test_nothing_counted_is_an_error(corpus: Corpus, kommune: Callable[..., Run],
                                     bad_files: dict[str, tuple[Path, str]], tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    status, data, _, _ = kommune(corpus, *(p for p, _ in bad_files.values()))
    assert status == 2 and data == {}
    err = capsys.readouterr().err
    assert "ingen av filene kunne telles med" in err
    assert "tallene stemmer ikke" in err


def test_compared_with_last_year(corpus: Corpus, kommune: Callable[..., Run],
                                 tmp_path: Path) -> None:
    last = tmp_path / "fjor"
    kommune(corpus, *generated(corpus, tmp_path / "a", 10, 2, seed=1), out=last)
    paths = generated(corpus, tmp_path / "b", 10, 2, seed=2)
    status, data, _, html = kommune(corpus, *paths,
                                    extra=("--sammenlign", str(last / "kommune.json")))
    before = json.loads((last / "kommune.json").read_text("utf-8"))
    assert status == 0
    steps = [s.id for s in corpus.standard.scale]
    statement = corpus.standard.statements[0].id

    def shares(totals: dict[str, int]) -> list[float]:
        n = sum(totals[s] for s in steps)
        return [100 * totals[s] / n for s in steps]

    expected = [a - b for a, b in zip(shares(data["utsagn"][statement]["totalt"]),
                                      shares(before["utsagn"][statement]["totalt"]),
                                      strict=True)]
    got = [data["endring"][statement][s] for s in steps]
    assert all(abs(g - e) <= 1 for g, e in zip(got, expected, strict=True)), (got, expected)
    assert "Endring i prosentpoeng" in html and "kommune.json" in html


def test_bad_comparison_file(corpus: Corpus, kommune: Callable[..., Run], tmp_path: Path,
                             capsys: pytest.CaptureFixture[str]) -> None:
    wrong = corpus.contributions["madla"]
    status, data, _, _ = kommune(corpus, wrong, extra=("--sammenlign", str(wrong)))
    assert status == 2 and data == {}
    assert "forventet kommune.json" in capsys.readouterr().err


@pytest.mark.parametrize(("language", "word", "direction"), [
    ("nn", "Skulane", "ltr"), ("en", "Schools", "ltr"), ("ar", "المدارس", "rtl")])
def test_report_in_another_language(corpus: Corpus, kommune: Callable[..., Run],
                                    tmp_path: Path, language: str, word: str,
                                    direction: str) -> None:
    """The report's words and the reasons files were not counted (with their values: the
    line of the bad JSON, the file counted first) are in its language; kommune.json keeps
    the bokmål reason."""
    broken = tmp_path / "ødelagt.json"
    broken.write_text('{"statements": {}', "utf-8")
    first = next(iter(corpus.contributions.values()))
    files = (*corpus.contributions.values(), broken, first)
    _, data, _, html = kommune(corpus, *files, extra=("--sprak", language))
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert f">{word}</h2>" in html
    _, same, _, nb = kommune(corpus, *files)
    assert same == data and '<html lang="nb" dir="ltr">' in nb
    reasons = [f["grunn"] for f in data["filer"] if f["grunn"]]
    assert len(reasons) == 2 and "linje 1" in reasons[0] and first.name in reasons[1]
    assert all(reason in unescape(nb) for reason in reasons)
    assert reasons[1] not in unescape(html)  # «samme innhold som nr. …» in every language
    assert "(Expecting ',' delimiter)" in unescape(html)  # the values are shown as they are


def test_help_and_unknown_language(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["kommune", "--help"])
    assert exit_.value.code == 0
    help_text = capsys.readouterr().out
    assert "--sammenlign" in help_text and "argumenter:" in help_text
    assert "vis denne hjelpen" in help_text and "show this help" not in help_text
    assert main(["kommune", "x.json", "--out", "ut", "--sprak", "xx"]) == 2
    assert "ukjent språk «xx»" in capsys.readouterr().err
