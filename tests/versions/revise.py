"""A next version of any standard, made from its YAML the way a maintainer would edit it:
one statement reworded, one removed, one added, one split in two, and the version bumped."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml


@dataclass(frozen=True)
class Revision:
    """What `revise` did, by statement id."""

    version: str
    reworded: str
    old_text: str
    new_text: str
    removed: str
    added: str
    split: str
    parts: tuple[str, str]


def revise(text: str, version: str) -> tuple[str, Revision]:
    """The YAML of the next version (`version`) and what changed."""
    data: dict[str, Any] = yaml.safe_load(text)
    data["standard"]["version"] = version
    areas = data["areas"]
    first = areas[0]["statements"]
    reworded = first[0]
    old_text = reworded["text"]
    new_text = f"{old_text.rstrip('.')} hver måned"
    reworded["text"] = new_text
    target = areas[-1]["statements"]
    removed = target.pop() if len(target) > 1 else first.pop()
    split = areas[-1]["statements"][0] if areas[-1]["statements"][0] is not reworded \
        else areas[-1]["statements"][-1]
    at = areas[-1]["statements"].index(split)
    parts = (f"{split['id']}-del-a", f"{split['id']}-del-b")
    areas[-1]["statements"][at:at + 1] = [
        {"id": parts[0], "text": f"Første del: {split['text']}", "replaces": [split["id"]]},
        {"id": parts[1], "text": f"Andre del: {split['text']}", "replaces": [split["id"]]},
    ]
    added = {"id": "helt-nytt-utsagn", "text": "Foreldre og skole møtes til en samtale om våren"}
    areas[0]["statements"].append(added)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), Revision(
        version, reworded["id"], old_text, new_text, removed["id"], added["id"], split["id"],
        parts)
