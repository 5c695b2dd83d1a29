"""The page renderer on its own: escaping, the figure, the level wording, the contract docs."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import markdown
import pytest

from stavangerstandarden import contract as c
from stavangerstandarden.build import GENERATED_ROOTS
from stavangerstandarden.formspec import form_specs, manifest, manifest_json
from stavangerstandarden.i18n import Localized, Status, source_edition
from stavangerstandarden.loader import load
from stavangerstandarden.pages import RENDERERS, MissingManifest, Site, page_files
from stavangerstandarden.pages.contract_doc import MANIFEST_KEYS, manifest_keys
from stavangerstandarden.pages.downloads import read_downloads
from stavangerstandarden.pages.figure import model_figure
from stavangerstandarden.markup import md
from stavangerstandarden.pages.wording import level_span

from .conftest import SOURCE

STANDARD = load(SOURCE.read_text("utf-8"), str(SOURCE))
FORMS = {c.MANIFEST: manifest_json(STANDARD, form_specs(STANDARD)).encode("utf-8")}
SVG = "{http://www.w3.org/2000/svg}"


def as_html(text: str) -> str:
    return markdown.markdown(text, extensions=["attr_list", "tables"])


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script> & co",
    "*ikke uthevet* _heller ikke_ `ikke kode`",
    "[lenke](https://example.org) ![bilde](x.png)",
    "- ikke en liste",
    "1. ikke nummerert",
    "# ikke en overskrift",
    '--8<-- "/etc/passwd"',
    "{: .klasse } | ikke | tabell |",
    "a\\b ~~x~~ ^y^ $z$",
    "Foreldrenes \"egne\" ord, skolens tiltak &amp; &#39;",
])
def test_source_text_renders_as_the_same_text(text: str) -> None:
    html = as_html(str(md(text)))
    assert html.startswith("<p>") and html.endswith("</p>")
    assert html.count("<") == 2  # only <p> and </p>: nothing became markup
    body = ET.fromstring(html.replace("&nbsp;", " ")).text  # entities decode as a browser would
    assert body == text


def test_missing_manifest_is_a_programming_error() -> None:
    with pytest.raises(MissingManifest, match=r"skjema/skjema\.json"):
        page_files(STANDARD, {})


def test_every_renderer_writes_only_into_generated_folders() -> None:
    status = Status("nn", translated=1, reviewed=0, outdated=0, missing=0)
    site = Site(STANDARD, read_downloads(FORMS), source_edition(STANDARD),
                Localized.for_language("nb"), (status,))
    for renderer in RENDERERS:
        files = renderer(site)
        assert files, renderer.__name__
        assert {p.split("/", 1)[0] for p in files} <= set(GENERATED_ROOTS)


def test_pages_are_deterministic() -> None:
    assert page_files(STANDARD, FORMS) == page_files(STANDARD, FORMS)


def test_area_pages_link_every_form_of_their_area() -> None:
    files = page_files(STANDARD, FORMS)
    for spec in form_specs(STANDARD):
        if spec.area:
            page = files[f"omrader/{spec.area.id}.md"].decode("utf-8")
            assert f'href="../../{spec.file}"' in page
            assert f'href="../../{c.fill_page(spec.file)}"' in page


def test_level_texts_name_their_levels_from_the_model() -> None:
    sfo = [s for s in STANDARD.statements if s.level_texts]
    assert sfo
    files = page_files(STANDARD, FORMS)
    for area in STANDARD.areas:
        page = files[f"omrader/{area.id}.md"].decode("utf-8")
        for statement in (s for s in area.statements if s.level_texts):
            for extra in statement.level_texts:
                span = level_span(STANDARD, extra.levels)
                assert f"*{md('På ' + span + ' også:')}* {md(extra.text)}" in page


def test_level_span_wording() -> None:
    ids = [lv.id for lv in STANDARD.levels]
    labels = [lv.label for lv in STANDARD.levels]
    first, last = labels[1].split(" ", 1), labels[4].split(" ", 1)
    assert level_span(STANDARD, ids[1:5]) == f"{first[0]}–{last[0]} {first[1]}"
    assert level_span(STANDARD, [ids[1], ids[3]]) == f"{labels[1]} og {labels[3]}"
    assert level_span(STANDARD, [ids[0]]) == labels[0]


def test_model_figure_draws_every_area_as_a_labelled_link() -> None:
    svg = ET.fromstring(model_figure(STANDARD, "omrader/").decode("utf-8").split(">", 1)[1]
                        .rsplit("</figure>", 1)[0])
    assert svg.find(f"{SVG}title").text == STANDARD.model.title
    desc = svg.find(f"{SVG}desc").text
    links = svg.findall(f"{SVG}a")
    assert [a.get("href") for a in links] == [f"omrader/{a.id}/" for a in STANDARD.areas]
    for area, link in zip(STANDARD.areas, links, strict=True):
        assert area.title in desc
        assert " ".join(t.text for t in link.iter(f"{SVG}tspan")) == area.title
    shapes = {kind.id: {child.tag for a, link in zip(STANDARD.areas, links, strict=True)
                        if a.kind.id == kind.id for child in link if child.tag != f"{SVG}text"}
              for kind in STANDARD.kinds}
    assert list(shapes.values()) == [{f"{SVG}rect"}, {f"{SVG}circle"}]
    assert svg.findall(f".//{SVG}path") == []


def test_contract_docs_describe_every_manifest_key() -> None:
    keys = manifest_keys(manifest(STANDARD, form_specs(STANDARD)))
    assert keys == set(MANIFEST_KEYS)


def test_contract_docs_list_every_field_name_of_a_form() -> None:
    doc = page_files(STANDARD, FORMS)["generert/feltkontrakt.md"].decode("utf-8")
    spec = form_specs(STANDARD)[0]
    for field in spec.fields:
        if field.type == "text":
            assert f"<code>{md(field.name)}</code>" in doc
    for statement in STANDARD.statements:
        assert f"<code>{md(statement.id)}</code>" in doc
    data = json.loads(FORMS[c.MANIFEST])
    assert f"<code>{md(data['forms'][0]['file'])}</code>" in doc
