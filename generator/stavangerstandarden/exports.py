"""Open-data exports of the standard: JSON for programs, CSV for spreadsheets."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from stavangerstandarden.model import Standard

DATA_DIR = "data"


def data_files(standard: Standard) -> dict[str, bytes]:
    stem = f"{DATA_DIR}/{standard.meta.id}"
    return {
        f"{stem}.json": render_json(standard).encode("utf-8"),
        # The BOM makes Excel open the file as UTF-8, so æøå survive a double-click.
        f"{stem}.csv": ("\ufeff" + render_csv(standard)).encode("utf-8"),
    }


def as_data(standard: Standard) -> dict[str, Any]:
    meta = standard.meta
    return {
        "id": meta.id,
        "title": meta.title,
        "subtitle": meta.subtitle,
        "owner": meta.owner,
        "adopted": meta.adopted,
        "basis": meta.basis,
        "version": meta.version,
        "scale": [{"id": s.id, "label": s.label, "colour": s.colour} for s in standard.scale],
        "kinds": [{"id": k.id, "label": k.label, "description": k.description}
                  for k in standard.kinds],
        "levels": [{"id": lv.id, "label": lv.label} for lv in standard.levels],
        "areas": [
            {
                "id": area.id,
                "kind": area.kind.id,
                "title": area.title,
                "description": area.description,
                "statements_heading": area.statements_heading,
                "statements": [
                    {
                        "id": s.id,
                        "text": s.text,
                        "level_texts": [{"levels": list(lt.levels), "text": lt.text}
                                        for lt in s.level_texts],
                    }
                    for s in area.statements
                ],
            }
            for area in standard.areas
        ],
        "actions": {"title": standard.actions.title,
                    "description": standard.actions.description,
                    "rows": standard.actions.rows},
    }


def render_json(standard: Standard) -> str:
    return json.dumps(as_data(standard), ensure_ascii=False, indent=2) + "\n"


CSV_HEADER = ("omrade_id", "omrade", "type", "utsagn_id", "utsagn", "tillegg_niva", "tillegg")


def render_csv(standard: Standard) -> str:
    """One row per statement; level-specific text in its own columns (levels joined by space)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for area in standard.areas:
        for s in area.statements:
            writer.writerow((
                area.id, area.title, area.kind.label, s.id, s.text,
                " | ".join(" ".join(lt.levels) for lt in s.level_texts),
                " | ".join(lt.text for lt in s.level_texts),
            ))
    return out.getvalue()
