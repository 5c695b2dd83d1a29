"""Parse YAML into plain data while remembering the line of every key and value.

PyYAML's composer keeps marks on nodes; we walk the nodes once, building plain Python data
and a map from document path to line, so validation can say `FILE:LINE:` for any value.

The source is edited by people, so the reader accepts plain YAML only and bounds what it
builds: anchors, aliases, merge keys and explicit tags are refused (they let 400 bytes expand
to gigabytes, or a node contain itself), nesting is capped before PyYAML's composer
recurses, and numbers are capped in length before Python converts them. Every text is
normalised to NFC, so texts that look the same compare the same.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

import yaml

Path = tuple[str | int, ...]

MAX_DEPTH = 20
"""Deepest nesting accepted; the standard itself needs 9 (a level id inside a level text)."""
MAX_NODES = 20_000
"""Most values (keys included) accepted; the standard itself has about 1,000. Bounds the time
and memory of everything after parsing."""
MAX_NUMBER_CHARS = 100
"""Longest number accepted (Python refuses to convert beyond 4300 digits, and YAML 1.1's
base-60 integers cost quadratic time)."""
_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
_MERGE_TAG = "tag:yaml.org,2002:merge"
_YAML_TAGS = "tag:yaml.org,2002:"
_PYYAML_ONLY = "\t\ufeff\x85\u2028\u2029"
"""Characters libyaml accepts or counts as line breaks where PyYAML does not (a tab before
a key, a byte order mark inside the text): a source with any is read by PyYAML alone, so
its errors and lines stay PyYAML's."""
_KIND_NAMES = {"timestamp": "dato", "int": "heltall", "float": "tall"}

REFUSED_ANCHOR = ("ankere og aliaser (&navn, *navn) er ikke tillatt",
                  "skriv verdien ut der den skal stå")
REFUSED_TAG = ("merkelapper som «{tag}» er ikke tillatt",
               "fjern merkelappen; sett teksten i anførselstegn om den skal leses som tekst")
REFUSED_MERGE = ("flettenøkkelen «<<» er ikke tillatt", "skriv nøklene ut i denne blokken")
TOO_DEEP = (f"for mange nivåer inni hverandre (mer enn {MAX_DEPTH})",
            "sjekk innrykk og klammer på denne linja")
TOO_MANY = (f"filen har mer enn {MAX_NODES} verdier", "del opp eller kort ned filen")
TOO_LONG_NUMBER = ("tallet er {n} tegn langt, høyst " f"{MAX_NUMBER_CHARS} er tillatt",
                   "skriv et mindre tall, eller sett teksten i anførselstegn")
UNREADABLE = ("verdien «{value}» kan ikke leses som {kind}",
              "sett teksten i anførselstegn om den er ment som tekst")


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
    def __init__(self, line: int, message: str, hint: str = "") -> None:
        self.line = line
        self.hint = hint
        super().__init__(message)


def parse(text: str) -> Parsed | None:
    """None for an empty document; YamlSyntaxError for malformed or refused YAML."""
    try:
        root = _compose(text)
    except _Refused as exc:
        raise YamlSyntaxError(exc.line, exc.message, exc.hint) from None
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
    try:
        data = walker.walk(root, ())
    except _Refused as exc:
        raise YamlSyntaxError(exc.line, exc.message, exc.hint) from None
    return Parsed(data, walker.value_lines, walker.key_lines, tuple(walker.duplicates))


def _compose(text: str) -> yaml.Node | None:
    """The node tree, read by libyaml's scanner when PyYAML has it (ten times quicker: most of
    `check`'s own time was PyYAML's pure-Python scanner), composed by our `_Loader` either way.
    A document libyaml refuses is read again by PyYAML, whose messages the maintainer sees;
    so is one with a character the two read differently (`_PYYAML_ONLY`)."""
    if _FastLoader is not None and not any(ch in text for ch in _PYYAML_ONLY):
        try:
            return yaml.compose(text, Loader=_FastLoader)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=_Loader)


def _describe(exc: yaml.MarkedYAMLError) -> str:
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    return "; ".join(part for part in (context, problem) if part) or "ugyldig YAML"


class _Refused(Exception):
    """YAML the reader does not accept, at the line where it starts."""

    def __init__(self, mark: yaml.Mark | None, words: tuple[str, str], **values: object) -> None:
        self.line = mark.line + 1 if mark else 1
        self.message, self.hint = (w.format(**values) for w in words)
        super().__init__(self.message)


class _Guarded(yaml.composer.Composer):
    """PyYAML's composer, refusing what plain YAML does not need before it recurses."""

    _depth = 0
    _nodes = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[attr-defined]
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise _Refused(event.start_mark, REFUSED_ANCHOR)
        tag = getattr(event, "tag", None)
        if tag is not None:
            raise _Refused(event.start_mark, REFUSED_TAG, tag=tag.replace(_YAML_TAGS, "!!"))
        if self._depth >= MAX_DEPTH:
            raise _Refused(event.start_mark, TOO_DEEP)
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise _Refused(None, TOO_MANY)  # the whole file
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _Loader(_Guarded, yaml.SafeLoader):
    """SafeLoader with the guarded composer: PyYAML's own scanner and parser."""


def _fast_loader() -> type[yaml.CSafeLoader] | None:
    """The guarded composer on libyaml's scanner and parser (None without libyaml): the
    checks and the composing stay ours, in Python."""
    if not yaml.__with_libyaml__:
        return None

    class FastLoader(_Guarded, yaml.CSafeLoader):
        def __init__(self, stream: str) -> None:
            yaml.CSafeLoader.__init__(self, stream)
            self.anchors = {}  # what Composer.__init__ sets; CSafeLoader composes in C

    return FastLoader


_FastLoader = _fast_loader()


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
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, path: Path) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                raise _Refused(key_node.start_mark, REFUSED_MERGE)
            key = self._scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            key = key if isinstance(key, str) else str(key if key is not None else "?")
            child = (*path, key)
            if key in result:
                self.duplicates.append((child, key_node.start_mark.line + 1))
                continue
            self.key_lines[child] = key_node.start_mark.line + 1
            result[key] = self.walk(value_node, child)
        return result

    def _scalar(self, node: yaml.Node) -> Any:
        if node.tag in _NUMBER_TAGS and len(node.value) > MAX_NUMBER_CHARS:
            raise _Refused(node.start_mark, TOO_LONG_NUMBER, n=len(node.value))
        try:
            value = self._constructor.construct_object(node, deep=True)
        except (ValueError, yaml.constructor.ConstructorError):
            # A date that does not exist (2020-02-30), YAML 1.1's value key «=».
            kind = _KIND_NAMES.get(str(node.tag).removeprefix(_YAML_TAGS), "verdi")
            raise _Refused(node.start_mark, UNREADABLE, value=node.value, kind=kind) from None
        return unicodedata.normalize("NFC", value) if isinstance(value, str) else value
