"""What holds for the site of any standard: every statement on its area page with every
step, every form linked; and a generated 7-step standard builds into a site of its own."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from standards import source_text

from stavangerstandarden import contract as c
from stavangerstandarden.formspec import form_specs, manifest_json
from stavangerstandarden.loader import load
from stavangerstandarden.model import Standard
from stavangerstandarden.pages import page_files
from stavangerstandarden.markup import md

from project import build_project, copy_project


def pages(standard: Standard) -> dict[str, str]:
    forms = {c.MANIFEST: manifest_json(standard, form_specs(standard)).encode("utf-8")}
    return {path: data.decode("utf-8") for path, data in page_files(standard, forms).items()
            if path.endswith(".md")}


def test_every_statement_and_step_is_on_its_area_page(any_standard: Standard) -> None:
    files = pages(any_standard)
    for area in any_standard.areas:
        page = files[f"omrader/{area.id}.md"]
        assert f"## {md(area.statements_heading)}" in page
        for n, statement in enumerate(area.statements, start=1):
            assert f"{n}. {md(statement.text)}\n" in page, statement.id
        for step in any_standard.scale:
            assert f"</span> {md(step.label)}\n" in page, step.id


def test_every_form_is_linked_from_its_page(any_standard: Standard) -> None:
    files = pages(any_standard)
    everything = "".join(files.values())
    for spec in form_specs(any_standard):
        if spec.area:
            assert f'href="../../{spec.file}"' in files[f"omrader/{spec.area.id}.md"], spec.file
        else:
            assert spec.file.split("/")[-1] in everything, spec.file


@pytest.fixture(scope="module")
def seven_steps(tmp_path_factory: pytest.TempPathFactory) -> tuple[Standard, Path]:
    text = source_text("sju-steg")
    site = build_project(copy_project(tmp_path_factory.mktemp("sju") / "project", text))
    return load(text, "sju-steg.yaml"), site


def test_a_generated_standard_builds_a_site_with_every_statement(
        seven_steps: tuple[Standard, Path]) -> None:
    standard, site = seven_steps
    for area in standard.areas:
        page = (site / "omrader" / area.id / "index.html").read_text("utf-8")
        words = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))
        for statement in area.statements:
            assert statement.text in words, statement.id
        for step in standard.scale:
            assert step.label in words, step.id
    for spec in form_specs(standard):
        assert (site / spec.file).read_bytes().startswith(b"%PDF-"), spec.file


def test_the_field_contract_page_lists_every_header_field_of_any_level(
        any_standard: Standard) -> None:
    doc = pages(any_standard)["generert/feltkontrakt.md"]
    shown = {f.name for s in form_specs(any_standard) for f in s.fields
             if f.name.startswith(f"{c.META_PREFIX}.")}
    listed = set(re.findall(r"<code>(meta\.[a-z_]+)</code>", html.unescape(doc)))
    assert listed == shown
