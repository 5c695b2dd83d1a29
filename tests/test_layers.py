"""The browser pages' packages import each other only downwards, never in a cycle.

The site pages link to the fill pages, the Kommune page runs the Sammendrag page's program,
and all of them share `browserpage` and `markup`; an import the other way (fill needing
pages, summary needing the Kommune page) would tie them into one knot again. Every import
counts, also those inside functions (they run as soon as the function does).
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


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "stavangerstandarden" and len(parts) > 1 \
        and parts[1] in LAYERS else None


def _edges() -> set[tuple[str, str, str]]:
    """(importing layer, imported layer, importing file) across layers."""
    edges = set()
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        here = _layer(".".join(relative.parts))
        for module in _imports(path) if here else ():
            there = _layer(module)
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
