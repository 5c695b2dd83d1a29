"""Fillable, printable, tagged PDF self-assessment forms (issue 3).

Public API: `form_files(standard)` for the build (`form_files(standard, cache, edition)`
for another language's site), `render_form(standard, spec)` for one form and
`render_forms(standard, specs)` for many (benchmarks, tests). Everything else is private.
"""

from __future__ import annotations

from typing import Any

__all__ = ["form_files", "render_form", "render_forms"]


def __getattr__(name: str) -> Any:
    """Import the renderer (Typst, pikepdf) on first use, so `check`, which needs only
    `glyphs`, does not pay for it."""
    if name in ("form_files", "render_forms"):
        from stavangerstandarden.forms import bundle

        return getattr(bundle, name)
    if name == "render_form":
        from stavangerstandarden.forms.render import render_form

        return render_form
    raise AttributeError(name)
