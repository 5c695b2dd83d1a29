"""Escaping and templating for generated Markdown: source text always lands as plain text.

Text from the YAML may contain anything (`<script>`, `&`, `*`, `[lenke](…)`, `--8<--`), so
every value is written as HTML-escaped text with Markdown's active characters turned into
numeric character references. Python-Markdown passes those through untouched and the browser
shows the original characters, so a statement can never become markup, a link or a snippet.
"""

from __future__ import annotations

import re
from functools import cache

import jinja2
from markupsafe import Markup

from stavangerstandarden.i18n.layout import SOURCE_LANGUAGE
from stavangerstandarden.i18n.ui import Localized

_MARKDOWN_ACTIVE = "\\`*_[]{}|~^#!$"
"""Characters that start inline Markdown (or an extension's syntax) anywhere in a line."""
_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
                          | {ch: f"&#{ord(ch)};" for ch in _MARKDOWN_ACTIVE})
"""HTML escaping and Markdown neutralising in one pass (done in turn, the second would break
the entities of the first: `'` → `&#x27;` → `&&#35;x27;`)."""
_LINE_START = re.compile(r"^(?:[-+=:>]|\d+(?=[.)]))")
"""What makes a line a list item, heading rule, quote or numbered item."""


def md(text: str) -> Markup:
    """One line of source text as inert Markdown (collapsed whitespace, nothing active)."""
    flat = " ".join(text.split())
    escaped = flat.translate(_ENTITIES)
    return Markup(_LINE_START.sub(_entity_at_start, escaped))


def code(text: str) -> Markup:
    """Source text as inline code that stays literal (`<område-id>`, `meta.utfylt_av`)."""
    return Markup(f"<code>{md(text)}</code>")


def _entity_at_start(match: re.Match[str]) -> str:
    return "".join(f"&#{ord(ch)};" for ch in match.group(0))


@jinja2.pass_context
def _md_in_language(context: jinja2.runtime.Context, text: str) -> Markup:
    """`md`, and a text shown in bokmål on another language's page (it has no translation,
    listed in the render's `fallback`) marked `lang="nb"`, so screen readers say it right."""
    shown = md(text)
    if text in context.get("fallback", ()):
        return Markup(f'<span lang="{SOURCE_LANGUAGE}">{shown}</span>')
    return shown


@cache
def environment() -> jinja2.Environment:
    """Templates under `pages/templates`; `{{ x }}` HTML-escapes, `{{ x | md }}` also
    neutralises Markdown; `{{ _("Skjema") }}` is a word from the language's catalogue."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("stavangerstandarden.pages", "templates"),
        extensions=["jinja2.ext.i18n"],
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = _md_in_language
    env.filters["code"] = code
    return env


def render(template: str, loc: Localized | None = None, fallback: frozenset[str] = frozenset(),
           **context: object) -> bytes:
    """`loc` gives the template its words (`_`, `gettext`, `ngettext`; bokmål without it);
    `fallback` the texts to mark as bokmål."""
    words = loc.translations if loc else None
    gettext = words.gettext if words else _same
    ngettext = words.ngettext if words else _plural
    return environment().get_template(template).render(
        _=gettext, gettext=gettext, ngettext=ngettext, fallback=fallback, **context,
    ).encode("utf-8")


def _same(message: str) -> str:
    return message


def _plural(singular: str, plural: str, n: int) -> str:
    return singular if n == 1 else plural
