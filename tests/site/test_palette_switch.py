"""The theme's palette-switch rule, narrowed to the elements with a transition
(stavangerstandarden.paletteswitch): on a made-up stylesheet, and in Chromium on the built
site of each engine, where no colour may fade while the switch mark is set, and setting it
restyles a part of what a mark named by a rule for every element restyles (the theme's own
rule restyled all of it: 221 of 221 elements on the front page)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from stavangerstandarden.paletteswitch import scope_palette_switch, transition_selectors

THEME_RULE = ("[data-md-color-switching] *,[data-md-color-switching] :after,"
              "[data-md-color-switching] :before{transition-duration:0s!important}")


def test_the_rule_names_only_selectors_with_a_transition(tmp_path: Path) -> None:
    styles = tmp_path / "assets/stylesheets"
    styles.mkdir(parents=True)
    (styles / "main.css").write_text(
        '.a{color:red}.b,.c:hover>i{transition:color .25s}@media screen{.d:after{transition-'
        'property:color}}@media(prefers-reduced-motion){*,:after{transition:none!important}}'
        '.js .e{transition:opacity 1s}.f::placeholder{transition:color .2s}'
        '@keyframes k{0%{opacity:0}}.g[title="x{"]{transition:color 1s}', "utf-8")
    (styles / "palette.css").write_text(f"body{{margin:0}}{THEME_RULE}.h{{color:blue}}", "utf-8")
    assert scope_palette_switch(tmp_path) == 1
    mark = "[data-md-color-switching]"
    assert (styles / "palette.css").read_text("utf-8") == (
        f'body{{margin:0}}{mark} .b,{mark} .c:hover>i,{mark} .d:after,{mark} .g[title="x{{"],'
        f'.js {mark} .e{{transition-duration:0s!important}}.h{{color:blue}}')
    assert scope_palette_switch(tmp_path) == 0  # once rewritten, left as it is


def test_a_site_without_the_rule_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / "a.css").write_text(".b{transition:color 1s}", "utf-8")
    assert scope_palette_switch(tmp_path) == 0
    assert (tmp_path / "a.css").read_text("utf-8") == ".b{transition:color 1s}"


def test_the_theme_stylesheets_have_transitions_to_name(site: Path) -> None:
    sheets = [p.read_text("utf-8") for p in (site / "assets").rglob("*.css")]
    assert len([s for css in sheets for s in transition_selectors(css)]) > 20
    assert not [p for p in (site / "assets").rglob("*.css")
                if "[data-md-color-switching] *" in p.read_text("utf-8")]


@pytest.mark.parametrize("path", ["/", "/skjema/"])
def test_nothing_fades_during_a_switch_and_the_mark_restyles_a_part(
        browser: Callable[..., Any], site: Path, path: str) -> None:
    found = browser("switch", str(site), path)
    assert found["unmarked"] > 10  # links, buttons, the menu: the theme's transitions
    assert found["marked"] == []
    assert found["restyled"] <= 0.8 * found["everything"], found
