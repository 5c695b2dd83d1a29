"""The theme's palette-switch rule, narrowed to the elements that have a transition.

Material (and Zensical) mark `<body data-md-color-switching>` while the palette changes, and
the rule `[data-md-color-switching] *, … :after, … :before {transition-duration: 0s}` keeps
colours from fading during the switch. The theme's script also sets and clears that mark once
on every page load, and a rule that names every element makes the browser recompute the style
of the whole page each time: two full style passes (≈ 40–80 ms on a throttled phone) on the
main thread at start-up, in Lighthouse's blocking time. Only elements with a transition can
fade, so the rule is rewritten to name just the selectors that declare one (gathered from
every stylesheet of the site): the same look during a switch, and a mark change the browser
can apply to those few elements. A site without the rule (another theme) is left as it is."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

MARK = "[data-md-color-switching]"
SWITCH_RULE = re.compile(
    r"\[data-md-color-switching\] \*,\[data-md-color-switching\] :after,"
    r"\[data-md-color-switching\] :before\{transition-duration:0s!important\}")
"""The theme's rule, as both engines' minified palette stylesheets write it."""
GROUPING = ("@media", "@supports", "@container", "@layer")
"""At-rules whose blocks hold style rules; other at-rules' blocks (keyframes, font faces) do not."""
ON_ROOT = re.compile(
    r"^((?:html|:root|\.no-js|\.js-focus-visible|\.js|\[data-js-focus-visible\])+)\s+")
"""A selector's start that matches `<html>` (where the theme's scripts put these classes), an
ancestor of `<body>`: the mark goes after it."""
WHOLE_PAGE = re.compile(r"::(?!before|after)")
"""Pseudo-elements other than ::before and ::after (`::placeholder`): Chromium recomputes the
whole page for a mark that names one, so they are left out. The theme's one such transition is
the search field's placeholder: in the header its colour is the same in both palettes, and
elsewhere it shows only in the open search, which covers the palette toggle."""
TRANSITION = re.compile(r"(?:^|;)\s*transition(?:-[a-z-]+)?\s*:\s*([^;]*)")


def scope_palette_switch(site: Path) -> int:
    """Rewrite the switch rule in the site's stylesheets; returns the files rewritten."""
    sheets = sorted(p for p in site.rglob("*.css") if p.is_file())
    texts = {p: p.read_text("utf-8") for p in sheets}
    holding = [p for p, text in texts.items() if SWITCH_RULE.search(text)]
    if not holding:
        return 0
    selectors = sorted({s for text in texts.values() for s in transition_selectors(text)})
    rule = ",".join(marked(s) for s in selectors) + "{transition-duration:0s!important}"
    for path in holding:
        path.write_text(SWITCH_RULE.sub(lambda _: rule if selectors else "", texts[path]),
                        "utf-8")
    return len(holding)


def marked(selector: str) -> str:
    """`selector` limited to a page whose body bears the mark."""
    root = ON_ROOT.match(selector)
    if root:
        return f"{root.group(1)} {MARK} {selector[root.end():]}"
    return f"{MARK} {selector}"


def transition_selectors(css: str) -> Iterator[str]:
    """Each selector of a style rule that declares a transition other than `none` (the
    switch rule's own selectors and those `WHOLE_PAGE` names left out)."""
    for prelude, body in _rules(css):
        values = TRANSITION.findall(body)
        if any(v.strip().removesuffix("!important").strip() != "none" for v in values):
            for selector in (s.strip() for s in _split_selectors(prelude)):
                if selector and not selector.startswith(MARK) and not WHOLE_PAGE.search(selector):
                    yield selector


def _rules(css: str) -> Iterator[tuple[str, str]]:
    """(selector list, declarations) of every style rule, also inside grouping at-rules."""
    for prelude, body in _blocks(css):
        if prelude.startswith(GROUPING):
            yield from _rules(body)
        elif not prelude.startswith("@"):
            yield prelude, body


def _blocks(css: str) -> Iterator[tuple[str, str]]:
    """(prelude, contents) of each top-level block, in one pass that skips strings and
    comments; an unclosed last block runs to the end."""
    depth, start, opening, i = 0, 0, 0, 0
    while i < len(css):
        c = css[i]
        if c in "\"'":
            end = css.find(c, i + 1)
            i = len(css) if end < 0 else end
        elif css.startswith("/*", i):
            end = css.find("*/", i + 2)
            i = len(css) if end < 0 else end + 1
        elif c == "{":
            if depth == 0:
                opening = i
            depth += 1
        elif c == "}" and depth > 0:
            depth -= 1
            if depth == 0:
                yield css[start:opening].strip(), css[opening + 1:i]
                start = i + 1
        elif c in ";}" and depth == 0:
            start = i + 1  # a statement at-rule (@import …;) or a stray brace
        i += 1
    if depth > 0:
        yield css[start:opening].strip(), css[opening + 1:]


def _split_selectors(prelude: str) -> Iterator[str]:
    """A selector list split at its top-level commas (not those inside `:is(…)` or `[…]`)."""
    depth, start = 0, 0
    for i, c in enumerate(prelude):
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == "," and depth == 0:
            yield prelude[start:i]
            start = i + 1
    yield prelude[start:]
