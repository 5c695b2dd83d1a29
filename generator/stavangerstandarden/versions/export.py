"""The changelog as open data: `data/endringer.json`, every version's changes.

Keys are English, as in the standard's own JSON; texts are the standard's (bokmål), the
same file in every language's site.
"""

from __future__ import annotations

import json
from typing import Any

from stavangerstandarden.versions.diff import Changelog, Changes, Listed, Placed

CHANGELOG_JSON = "data/endringer.json"


def changelog_files(log: Changelog) -> dict[str, bytes]:
    return {CHANGELOG_JSON: render_changelog_json(log).encode("utf-8")}


def render_changelog_json(log: Changelog) -> str:
    history = log.history
    kept = {k.meta.version for k in history.kept}
    data = {
        "standard": history.current.meta.id,
        "version": history.current.meta.version,
        "versions": [{"version": v.meta.version, "frozen": v.meta.version in kept}
                     for v in reversed(history.versions)] if history.kept else [],
        "changes": [_changes(c) for c in log.entries],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _changes(c: Changes) -> dict[str, Any]:
    return {
        "version": c.version,
        "previous": c.previous,
        "statements": {
            "added": [_placed(p) for p in c.added],
            "removed": [_placed(p) for p in c.removed],
            "reworded": [{"id": r.id, "area": r.area, "old": r.old, "new": r.new,
                          "words": [{"op": w.op, "text": w.text} for w in r.words],
                          "old_level_texts": list(r.old_extra),
                          "new_level_texts": list(r.new_extra)}
                         for r in c.reworded],
            "moved": [{"id": m.id, "text": m.text, "from": m.old_area, "to": m.new_area}
                      for m in c.moved],
            "replaced": [{"kind": r.kind, "new": [_placed(p) for p in r.new],
                          "old": [_placed(p) for p in r.old]} for r in c.replaced],
        },
        "areas": _listed(c.areas),
        "levels": _listed(c.levels),
        "scale": _listed(c.scale),
    }


def _placed(p: Placed) -> dict[str, str]:
    return {"id": p.id, "area": p.area, "text": p.text}


def _listed(listed: Listed) -> dict[str, Any]:
    return {
        "added": [{"id": e.id, "label": e.label} for e in listed.added],
        "removed": [{"id": e.id, "label": e.label} for e in listed.removed],
        "changed": [{"id": r.id, "field": r.field, "old": r.old, "new": r.new}
                    for r in listed.changed],
        "reordered": listed.reordered,
    }
