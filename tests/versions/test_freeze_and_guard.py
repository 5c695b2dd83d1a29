"""`stavangerstandarden frys` keeps a version; `check` keeps a kept version from changing.

Messages are asserted as the maintainer sees them: FILE:LINE, the path, the words."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from stavangerstandarden.cli import main

from .conftest import TwoVersions


def _dump(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def _line_of(text: str, statement_id: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1)
                if line.strip() in (f"- id: {statement_id}", f"id: {statement_id}"))


def _copy(versions: TwoVersions, tmp_path: Path) -> Path:
    folder = tmp_path / "framework"
    shutil.copytree(versions.source.parent, folder)
    return folder / versions.source.name


def test_freeze_keeps_the_working_file_as_it_is(versions: TwoVersions) -> None:
    """Byte for byte but the editor's schema path, which still leads to the same schema."""
    assert versions.frozen.name == f"{versions.old.meta.version}.yaml"
    frozen, original = (versions.frozen.read_text("utf-8").split("\n", 1),
                        versions.original.split("\n", 1))
    assert frozen[1] == original[1]
    prefix = "# yaml-language-server: $schema="
    if not original[0].startswith(prefix):
        assert frozen[0] == original[0]
        return
    assert frozen[0].startswith(prefix)
    assert ((versions.frozen.parent / frozen[0].removeprefix(prefix)).resolve()
            == (versions.source.parent / original[0].removeprefix(prefix)).resolve())
    assert [p.name for p in versions.frozen.parent.iterdir()] == [versions.frozen.name]


def test_freezing_again_changes_nothing_and_other_content_is_refused(
        versions: TwoVersions, tmp_path: Path, capsys) -> None:
    source = tmp_path / "stavangerstandarden.yaml"
    (tmp_path / "versjoner").mkdir()
    shutil.copy(versions.frozen, tmp_path / "versjoner")
    original = versions.frozen.read_text("utf-8")
    source.write_text(original, "utf-8")
    assert main(["frys", str(source)]) == 0
    out = capsys.readouterr().out
    assert f"Versjon {versions.old.meta.version} er allerede fryst" in out
    assert "samme innhold" in out

    data = yaml.safe_load(original)
    data["areas"][0]["title"] = "Et annet navn på området"
    source.write_text(_dump(data), "utf-8")
    assert main(["frys", str(source)]) == 1
    err = capsys.readouterr().err
    assert (f"versjon {versions.old.meta.version} er allerede fryst i "
            f"{tmp_path / 'versjoner' / versions.frozen.name}, med annet innhold") in err
    assert "øk standard.version" in err and "Ingenting er fryst." in err
    assert (tmp_path / "versjoner" / versions.frozen.name).read_text("utf-8") == original


def test_check_reports_a_reworded_statement_of_the_frozen_version_at_its_line(
        versions: TwoVersions, tmp_path: Path, capsys) -> None:
    source = _copy(versions, tmp_path)
    data = yaml.safe_load(versions.frozen.read_text("utf-8"))
    statement = data["areas"][1]["statements"][0]
    before = statement["text"]
    statement["text"] = f"{before} (omskrevet)"
    text = _dump(data)
    source.write_text(text, "utf-8")
    assert main(["check", str(source)]) == 1
    err = capsys.readouterr().err
    line = _line_of(text, statement["id"])
    version = versions.old.meta.version
    assert (f"{source}:{line}: feil: areas[1].statements[0].text: ordlyden er endret i "
            f"versjon {version}, som allerede er fryst (før: «{before[:80].rstrip()}") in err
    assert f"tips: øk standard.version (versjon {version} er fryst i " in err
    # The same text under a new version is what a maintainer should do: no error.
    data["standard"]["version"] = "2099.2"
    source.write_text(_dump(data), "utf-8")
    assert main(["check", str(source)]) == 0


def test_check_reports_a_removed_id_given_to_another_statement(
        versions: TwoVersions, tmp_path: Path, capsys) -> None:
    source = _copy(versions, tmp_path)
    assert main(["frys", str(source)]) == 0  # the revised version is published too
    capsys.readouterr()
    removed = versions.revision.removed
    data = yaml.safe_load(source.read_text("utf-8"))
    data["standard"]["version"] = "2099.3"
    data["areas"][0]["statements"].append({"id": removed, "text": "Et helt annet utsagn"})
    text = _dump(data)
    source.write_text(text, "utf-8")
    assert main(["check", str(source)]) == 1
    err = capsys.readouterr().err
    line = _line_of(text, removed)
    index = len(data["areas"][0]["statements"]) - 1
    assert (f"{source}:{line}: feil: areas[0].statements[{index}].id: id-en «{removed}» "
            "tilhørte et annet utsagn, som ble fjernet etter versjon "
            f"{versions.old.meta.version}") in err
    assert "gi utsagnet en ny id" in err


@pytest.mark.parametrize("ref", ["finnes-ikke-noe-sted"])
def test_replaces_must_name_a_statement_of_a_kept_version(
        versions: TwoVersions, tmp_path: Path, capsys, ref: str) -> None:
    source = _copy(versions, tmp_path)
    data = yaml.safe_load(source.read_text("utf-8"))
    data["areas"][0]["statements"][0]["replaces"] = [ref]
    text = _dump(data)
    source.write_text(text, "utf-8")
    assert main(["check", str(source)]) == 1
    err = capsys.readouterr().err
    statement_id = data["areas"][0]["statements"][0]["id"]
    assert (f"{source}:{_line_of(text, statement_id)}: feil: areas[0].statements[0].replaces: "
            f"«{ref}» finnes ikke i noen fryst versjon") in err


def test_replaces_cannot_name_a_statement_that_is_still_there(
        versions: TwoVersions, tmp_path: Path, capsys) -> None:
    source = _copy(versions, tmp_path)
    data = yaml.safe_load(source.read_text("utf-8"))
    still = data["areas"][0]["statements"][1]["id"]
    data["areas"][0]["statements"][0]["replaces"] = [still]
    source.write_text(_dump(data), "utf-8")
    assert main(["check", str(source)]) == 1
    assert (f"areas[0].statements[0].replaces[0]: utsagnet «{still}» finnes fortsatt, så det "
            "kan ikke erstattes") in capsys.readouterr().err


def test_a_broken_kept_version_is_reported_at_its_own_line(
        versions: TwoVersions, tmp_path: Path, capsys) -> None:
    source = _copy(versions, tmp_path)
    kept = source.parent / "versjoner" / versions.frozen.name
    kept.write_text(kept.read_text("utf-8").replace("areas:", "omrader:", 1), "utf-8")
    assert main(["check", str(source)]) == 1
    err = capsys.readouterr().err
    line = _line_of_key(kept.read_text("utf-8"), "omrader:")
    assert f"{kept}:{line}: feil:" in err


def _line_of_key(text: str, key: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.startswith(key))


def test_replaced_ids_are_not_texts_to_translate(versions: TwoVersions) -> None:
    from stavangerstandarden.i18n.texts import yaml_texts
    from stavangerstandarden.yamlsource import parse

    parsed = parse(versions.source.read_text("utf-8"))
    assert parsed is not None
    sources = {t.source for t in yaml_texts(parsed, str(versions.source))}
    assert versions.revision.split not in sources
    assert f"Første del: {_text(versions)}" in sources


def _text(versions: TwoVersions) -> str:
    return next(s.text for s in versions.old.statements if s.id == versions.revision.split)
