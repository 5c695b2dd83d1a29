"""Hand-written Markdown pages as translatable blocks (po4a/mdpo style), and back.

A block is a heading, a paragraph or one list item, its lines joined by single spaces; the
msgctxt is the page's file name, the msgid the block's text. Front matter, snippet includes
(`--8<--`) and code fences are not text and pass through unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from stavangerstandarden.i18n.texts import Text

_PREFIX = re.compile(r"^(#{1,6} +|[-*+] +|\d+\. +)")
"""What starts a heading or a list item; kept out of the msgid, so translators never see it."""
_INDENT = re.compile(r"^ +")


@dataclass(frozen=True)
class Block:
    prefix: str
    text: str
    first: int
    """Index of the block's first line in the page."""
    last: int


def page_texts(page: Path, label: str) -> tuple[Text, ...]:
    lines = page.read_text("utf-8").splitlines()
    return tuple(Text(page.name, b.text, label, b.first + 1) for b in _blocks(lines))


def translate_page(markdown: str, translate: Callable[[str], str | None]) -> str:
    """The page with each block replaced by its translation; a block without one is kept and
    marked `lang="nb"` (attr_list), so screen readers read it with bokmål rules."""
    lines = markdown.splitlines()
    out: list[str] = []
    done = 0
    for block in _blocks(lines):
        out.extend(lines[done:block.first])
        translated = translate(block.text)
        text = translated if translated else f"{block.text} {{: lang=\"nb\" }}"
        out.append(f"{block.prefix}{text}")
        done = block.last + 1
    out.extend(lines[done:])
    return "\n".join(out) + ("\n" if markdown.endswith("\n") else "")


def _blocks(lines: list[str]) -> Iterator[Block]:
    i = _after_front_matter(lines)
    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            i = _after_fence(lines, i)
            continue
        if not line.strip() or line.startswith("--8<--"):
            i += 1
            continue
        start = i
        prefix = _prefix(line)
        i += 1
        if not prefix.startswith("#"):
            while i < len(lines) and _continues(lines[i]):
                i += 1
        text = " ".join(part.strip() for part in lines[start:i])[len(prefix):]
        yield Block(prefix, text, start, i - 1)


def _prefix(line: str) -> str:
    match = _PREFIX.match(line)
    return match.group(0) if match else ""


def _continues(line: str) -> bool:
    """A line that belongs to the block above: not blank, not a new item, heading or include."""
    return bool(line.strip()) and not _PREFIX.match(line) and not line.startswith(
        ("--8<--", "```")) and (bool(_INDENT.match(line)) or not line.startswith("{"))


def _after_front_matter(lines: list[str]) -> int:
    if lines and lines[0] == "---" and "---" in lines[1:]:
        return lines.index("---", 1) + 1
    return 0


def _after_fence(lines: list[str], start: int) -> int:
    for i in range(start + 1, len(lines)):
        if lines[i].startswith("```"):
            return i + 1
    return len(lines)
