"""Fillable, printable, tagged PDF self-assessment forms (issue 3).

Public API: `form_files(standard)` for the build (`form_files(standard, edition)` for one
other language, `translated_form_files(standard)` for all of them under `<lang>/`),
`render_form(standard, spec)` for one form and `render_forms(standard, specs)` for many
(benchmarks, tests). Everything else is private.
"""

from stavangerstandarden.forms.bundle import form_files, render_forms, translated_form_files
from stavangerstandarden.forms.render import render_form

__all__ = ["form_files", "render_form", "render_forms", "translated_form_files"]
