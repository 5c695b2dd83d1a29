"""The preview's quick passes render only what a saved edit changes: for one reworded statement,
the pages that show it, then the fill pages of the forms that hold it; the full build after
them re-renders only the forms that hold it. On both site engines: MkDocs rebuilds only those
pages; Zensical's serve process, kept between passes, rewrites every page from its cache, and
only those pages come out with new bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from stavangerstandarden import contract as c
from stavangerstandarden import engines
from stavangerstandarden.browserpage import page_source
from stavangerstandarden.build import FORM_CACHE, build
from stavangerstandarden.formspec import form_specs
from stavangerstandarden.loader import load
from stavangerstandarden.model import Standard
from stavangerstandarden.quickpass import FILL_BATCH, QuickPasses

from ..standards import OTHER, STAVANGER
from .conftest import copy_project

EDITED = "Et utsagn omskrevet i forhåndsvisningen"


def pdfs(folder: Path) -> set[str]:
    return {p.name for p in folder.glob("*.pdf")}


def fill_sources(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes()
            for p in (docs / c.FILL_DIR).rglob("*.md")}


@pytest.mark.parametrize("engine", engines.NAMES)
@pytest.mark.parametrize("source", [STAVANGER, OTHER], ids=["stavanger", "annen-kommune"])
def test_one_edited_statement_renders_only_what_shows_or_holds_it(
        tmp_path: Path, source: Path, engine: str) -> None:
    text = source.read_text("utf-8")
    project = copy_project(tmp_path / "project", text)
    yaml_file = project / "framework" / "stavangerstandarden.yaml"
    site = project / "site"
    build(yaml_file, project, site, engine=engine)
    passes = QuickPasses(yaml_file, project, site, engine)
    try:
        _edit_one_statement(passes, text, load(text, str(source)), engine)
    finally:
        passes.close()


def _edit_one_statement(passes: QuickPasses, text: str, standard: Standard,
                        engine: str) -> None:
    area = standard.areas[-1]
    statement = area.statements[0]
    yaml_file, project, site = passes.source, passes.project, passes.site_dir
    docs = project / "docs"
    cached = pdfs(project / FORM_CACHE)
    assert passes.pages() is not None  # the first pass after a build: the engine's folder
    unchanged = passes.fill_pages()
    assert unchanged is not None and not unchanged.generated and not unchanged.published

    yaml_file.write_text(text.replace(statement.text, EDITED, 1), "utf-8")
    done = passes.pages()
    assert done is not None

    # The edited area's page is on the published site; the engine rendered no fill page, and
    # every page it rendered and every page that changed shows the edited statement.
    page = f"omrader/{area.id}/index.html"
    assert EDITED in (site / page).read_text("utf-8")
    assert page in done.published and page in done.rendered
    assert not [p for p in done.rendered if p.startswith(c.FILL_DIR)]
    for rendered in done.rendered:
        assert EDITED in (site / rendered).read_text("utf-8"), rendered
    for published in done.published:
        if published.endswith(".html"):
            assert EDITED in (site / published).read_text("utf-8"), published
    assert any(p.startswith("omrader/") for p in done.generated)
    assert all(not p.endswith(".pdf") for p in done.generated)

    # Then exactly the fill pages of the forms holding the statement (its area's and the
    # complete forms, on every level) are made, rendered and published, and show it; a
    # newer save waiting stops them after one batch, the next pass makes the rest.
    holding = [s for s in form_specs(standard) if s.area is None or s.area.id == area.id]
    first = passes.fill_pages(lambda: True)
    rest = passes.fill_pages()
    assert first is not None and rest is not None
    assert len(first.filled) == min(FILL_BATCH.get(engine, len(holding)), len(holding))
    filled, rendered = first.filled + rest.filled, first.rendered + rest.rendered
    assert sorted(filled) == sorted(page_source(c.fill_page(s.file)) for s in holding)
    assert sorted(rendered) == sorted(c.fill_page(s.file) for s in holding)
    for page in rendered:
        assert EDITED in (site / page).read_text("utf-8"), page
    left = fill_sources(docs)

    # The full build renders the forms holding the statement: its area's and the complete
    # forms, on every level; every other form comes from the cache. Every fill page the quick
    # passes left is the one the full build makes.
    build(yaml_file, project, site, engine=engine)
    rendered_forms = pdfs(project / FORM_CACHE) - cached
    assert len(rendered_forms) == len(holding)
    assert fill_sources(docs) == left
