"""The preview's quick pass renders only what a saved edit changes: for one reworded statement,
the pages that show it; the full build after it re-renders only the forms that hold it."""

from __future__ import annotations

from pathlib import Path

import pytest

from stavangerstandarden.build import FORM_CACHE, build
from stavangerstandarden.formspec import form_specs
from stavangerstandarden.loader import load
from stavangerstandarden.quickpass import quick_pass

from ..standards import OTHER, STAVANGER
from .conftest import copy_project

EDITED = "Et utsagn omskrevet i forhåndsvisningen"


def pdfs(folder: Path) -> set[str]:
    return {p.name for p in folder.glob("*.pdf")}


@pytest.mark.parametrize("source", [STAVANGER, OTHER], ids=["stavanger", "annen-kommune"])
def test_one_edited_statement_renders_only_what_shows_or_holds_it(
        tmp_path: Path, source: Path) -> None:
    text = source.read_text("utf-8")
    standard = load(text, str(source))
    area = standard.areas[-1]
    statement = area.statements[0]
    project = copy_project(tmp_path / "project", text)
    yaml_file = project / "framework" / "stavangerstandarden.yaml"
    site = project / "site"
    build(yaml_file, project, site)
    cached = pdfs(project / FORM_CACHE)

    yaml_file.write_text(text.replace(statement.text, EDITED, 1), "utf-8")
    done = quick_pass(yaml_file, project, site)
    assert done is not None

    # The edited area's page is on the published site, and every page the engine rendered
    # and every page that changed shows the edited statement.
    page = f"omrader/{area.id}/index.html"
    assert EDITED in (site / page).read_text("utf-8")
    assert page in done.published
    assert done.rendered, "the engine rendered nothing"
    assert len(done.rendered) < 10 + len(form_specs(standard)) // 2
    for rendered in done.rendered:
        assert rendered == "404.html" or EDITED in (site / rendered).read_text("utf-8"), rendered
    for published in done.published:
        if published.endswith(".html"):
            assert EDITED in (site / published).read_text("utf-8"), published
    assert any(p.startswith("omrader/") for p in done.generated)
    assert all(not p.endswith(".pdf") for p in done.generated)

    # The full build renders the forms holding the statement: its area's and the complete
    # forms, on every level; every other form comes from the cache.
    build(yaml_file, project, site)
    rendered_forms = pdfs(project / FORM_CACHE) - cached
    holding = [s for s in form_specs(standard) if s.area is None or s.area.id == area.id]
    assert len(rendered_forms) == len(holding)
