"""The packages import each other only downwards, never in a cycle.

The site pages link to the fill pages, the Kommune page runs the Sammendrag page's program,
and all of them share `browserpage` and `markup`; an import the other way (fill needing
pages, summary needing the Kommune page) would tie them into one knot again. Below every
renderer lie the modules they share (the loader, the model, the glyph check, the font table,
the model figure's wording): those import no renderer, and the two printed renderers (forms,
booklet) do not import each other or the site's pages. Every import counts, also those
inside functions (they run as soon as the function does).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "generator" / "stavangerstandarden"
LAYERS = ("pages", "overview", "summary", "fill", "browserpage", "markup")
"""Top to bottom: each may import only the ones below it."""


def _imports(path: Path) -> Iterator[str]:
    """The stavangerstandarden modules `path` imports, anywhere in it."""
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)


RENDERERS = ("pages", "overview", "summary", "fill", "forms", "booklet", "collect")
"""The packages that turn the model into output; nothing they share may import one."""
EDGE = ("build", "assembly", "cli", "live", "languages")
"""The top (the build and its list of producers, the command line, the preview, the site
engines' configuration): the only top-level modules that may import a renderer."""
PRINTED = ("forms", "booklet")


def _unit(module: str, units: tuple[str, ...] | None = None) -> str | None:
    """The package or top-level module (of `units`; None: any) `module` belongs to."""
    parts = module.split(".")
    found = parts[1] if parts[0] == "stavangerstandarden" and len(parts) > 1 else None
    return found if units is None or found in units else None


def _edges(units: tuple[str, ...] | None = LAYERS) -> set[tuple[str, str, str]]:
    """(importing unit, imported unit, importing file) across `units` (None: every package
    and top-level module)."""
    edges = set()
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        here = _unit(".".join(relative.parts), units)
        for module in _imports(path) if here else ():
            there = _unit(module, units)
            if there and there != here:
                edges.add((here, there, str(path.relative_to(PACKAGE))))
    return edges


def test_layers_exist() -> None:
    """A renamed package would make the rule below hold vacuously."""
    for layer in LAYERS:
        assert (PACKAGE / layer).is_dir() or (PACKAGE / f"{layer}.py").is_file(), layer


def test_the_walk_sees_imports() -> None:
    """The pages import the fill pages' words, the Kommune page the Sammendrag page's program
    and every page the shared module: if the walk found none of these it would prove nothing."""
    found = {(a, b) for a, b, _ in _edges()}
    assert {("pages", "fill"), ("overview", "summary"), ("fill", "browserpage"),
            ("summary", "browserpage"), ("overview", "browserpage")} <= found


@pytest.mark.parametrize("layer", LAYERS)
def test_imports_point_down(layer: str) -> None:
    above = set(LAYERS[:LAYERS.index(layer) + 1])
    upward = sorted(f"{file} imports {there}" for here, there, file in _edges()
                    if here == layer and there in above)
    assert not upward, f"{layer} imports a layer above it or beside it: {upward}"


def test_shared_modules_import_no_renderer() -> None:
    """The loader, the model and what the renderers share sit below all of them: the loader
    checking glyphs through `forms`, or the booklet wording its figure through `pages`,
    would point an arrow up."""
    edges = _edges(None)
    assert ("build", "forms", "build.py") in edges  # the walk sees them
    upward = sorted(f"{file} imports {there}" for here, there, file in edges
                    if here not in (*RENDERERS, *EDGE) and there in RENDERERS)
    assert not upward, upward


def test_printed_renderers_import_no_other_renderer() -> None:
    sideways = sorted(f"{file} imports {there}" for here, there, file in _edges(None)
                      if here in PRINTED and there in RENDERERS)
    assert not sideways, sideways
