"""Every text from the YAML stays text on every page, the MkDocs config included.

A copy of the other-standard fixture gets markup, entities and quotes appended to every text
(ids, colours and level references excepted: the schema refuses markup there), is built like
`stavangerstandarden build`, and every page is loaded in Chromium.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import CHROMIUM, ROOT, build_project, copy_project

FIXTURE = ROOT / "tests" / "fixtures" / "annen-kommune.yaml"
MARKER = "u-x"
HOSTILE = f"</title><script>__injected=1</script><{MARKER}>&amp;\"'"
"""Closes a <title>, runs a script, makes an element, and breaks out of either quote."""
SHORT = f"<{MARKER}>&\"'"
"""For the texts the layout keeps short (scale labels, the version)."""
NOT_TEXT = {"id", "kind", "colour", "levels", "level_groups", "rows"}
SHORT_TEXT = {"label", "version"}


def hostile(data: Any, key: str = "") -> Any:
    if key in NOT_TEXT:
        return data
    if isinstance(data, dict):
        return {k: hostile(v, k) for k, v in data.items()}
    if isinstance(data, list):
        return [hostile(v, key) for v in data]
    if not isinstance(data, str):
        return data
    return f"{data} {SHORT if key in SHORT_TEXT else HOSTILE}"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory,
           browser: Callable[..., Any]) -> list[dict[str, Any]]:
    source = hostile(yaml.safe_load(FIXTURE.read_text("utf-8")))
    text = yaml.safe_dump(source, allow_unicode=True, sort_keys=False)
    site = build_project(copy_project(tmp_path_factory.mktemp("hostile") / "project", text))
    result = subprocess.run(["node", str(Path(__file__).with_name("hostile.mjs")), str(site),
                             MARKER], capture_output=True, text=True, check=False, timeout=600,
                            env={**os.environ, "CHROMIUM": str(CHROMIUM)})
    assert result.returncode == 0, result.stderr
    pages: list[dict[str, Any]] = json.loads(result.stdout)
    return pages


def test_every_page_was_loaded(report: list[dict[str, Any]]) -> None:
    paths = {page["path"] for page in report}
    assert {"/index.html", "/omrader/trivsel/index.html", "/skjema/index.html"} <= paths


def test_no_page_runs_or_creates_anything(report: list[dict[str, Any]]) -> None:
    assert [p["path"] for p in report if p["injected"] or p["markers"]] == []
    odd = {name for p in report for name in p["attributes"]
           if not name.replace("-", "").replace(":", "").isalnum()}
    assert odd == set()


def test_standard_texts_show_as_text_on_every_page(report: list[dict[str, Any]]) -> None:
    title, subtitle, owner = (f"{word} {HOSTILE}" for word in (
        "Fjordbystandarden", "Kvalitet i samarbeidet mellom hjem og videregående skole",
        "Fjordby fylkeskommune"))
    for page in report:
        if page["path"] == "/404.html":
            continue
        assert page["copyright"] == owner, page["path"]
        assert page["description"] == subtitle, page["path"]
        assert page["title"].endswith(title), page["path"]


def test_area_title_shows_as_text_in_the_window_title(report: list[dict[str, Any]]) -> None:
    page = next(p for p in report if p["path"] == "/omrader/trivsel/index.html")
    assert page["h1"] == f"Trivsel & trygghet {HOSTILE}"
    assert page["title"] == (f"Trivsel & trygghet {HOSTILE} - Fjordbystandarden {HOSTILE}")
