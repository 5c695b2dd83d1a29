"""Parse YAML into plain data while remembering the line of every key and value.

PyYAML's composer keeps marks on nodes; we walk the nodes once, building plain Python data
and a map from document path to line, so validation can say `FILE:LINE:` for any value.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Parsed:
    data: Any
    value_lines: dict[Path, int]
    """1-based line where the value at a path starts."""
    key_lines: dict[Path, int]
    """1-based line of the mapping key that leads to a path."""
    duplicate_keys: tuple[tuple[Path, int], ...]
    """Keys given twice in one mapping (YAML would silently keep the last)."""

    def line(self, path: Path) -> int:
        """Line of the closest node that exists on `path` (a missing key points at its parent)."""
        for cut in range(len(path), -1, -1):
            sub = path[:cut]
            if sub in self.key_lines:
                return self.key_lines[sub]
            if sub in self.value_lines:
                return self.value_lines[sub]
        return 1


class YamlSyntaxError(Exception):
    def __init__(self, line: int, message: str) -> None:
        self.line = line
        super().__init__(message)


def parse(text: str) -> Parsed | None:
    """None for an empty document; YamlSyntaxError for malformed YAML."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        # The context mark (where the broken construct starts) is what the maintainer must fix.
        mark = exc.context_mark or exc.problem_mark
        line = mark.line + 1 if mark else 1
        message = _describe(exc)
        if exc.problem_mark and exc.problem_mark.line + 1 != line:
            message += f" (oppdaget på linje {exc.problem_mark.line + 1})"
        raise YamlSyntaxError(line, message) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        raise YamlSyntaxError(line, f"tegn som ikke er tillatt i YAML: {exc.character!r}") from None
    if root is None:
        return None
    walker = _Walker()
    data = walker.walk(root, ())
    return Parsed(data, walker.value_lines, walker.key_lines, tuple(walker.duplicates))


def _describe(exc: yaml.MarkedYAMLError) -> str:
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    return "; ".join(part for part in (context, problem) if part) or "ugyldig YAML"


class _Walker:
    def __init__(self) -> None:
        self.value_lines: dict[Path, int] = {}
        self.key_lines: dict[Path, int] = {}
        self.duplicates: list[tuple[Path, int]] = []
        self._constructor = yaml.SafeLoader("")

    def walk(self, node: yaml.Node, path: Path) -> Any:
        self.value_lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.walk(item, (*path, i)) for i, item in enumerate(node.value)]
        return self._constructor.construct_object(node, deep=True)

    def _mapping(self, node: yaml.MappingNode, path: Path) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = self._constructor.construct_object(key_node, deep=True)
            key = key if isinstance(key, str) else str(key)
            child = (*path, key)
            if key in result:
                self.duplicates.append((child, key_node.start_mark.line + 1))
                continue
            self.key_lines[child] = key_node.start_mark.line + 1
            result[key] = self.walk(value_node, child)
        return result
