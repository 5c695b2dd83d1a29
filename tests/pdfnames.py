"""A PDF field's full name as viewers show it, for tests that look at widgets."""

from __future__ import annotations

import pikepdf


def full_name(node: pikepdf.Object) -> str:
    """The widget's name joined with its parents' (`tiltak.1.tiltak`)."""
    parts = []
    while node is not None:
        if "/T" in node:
            parts.append(str(node.T))
        node = node.get("/Parent")
    return ".".join(reversed(parts))
