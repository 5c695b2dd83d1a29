"""The Sammendrag page reads well: axe-core finds no WCAG 2.1 A/AA violation before or after
a summary, light and dark; nothing is wider than the narrowest phone (320 px) with the
result shown, the report inside included; the report's frame is as tall as the report."""

from __future__ import annotations

from typing import Any

Seen = Any  # conftest.Seen


def test_axe_finds_nothing_before_and_after_a_summary(seen: dict[str, Seen]) -> None:
    checked = [s for s in seen.values() if s.visit.axe]
    assert {s.visit.scheme for s in checked} == {"light", "dark"}
    for s in checked:
        assert s.result["axe_before"] == [], s.visit.id
        assert s.result["axe_after"] == [], s.visit.id


def test_nothing_wider_than_the_screen_with_the_result_shown(visit: Seen) -> None:
    """At every visit's width: 320 px (the narrowest phone), 390 px and desktop."""
    shown = visit.result["shown"]
    assert not shown["result_hidden"]
    assert not shown["overflow"]
    frame = shown["frame"]
    assert frame["inner_scroll_width"] <= frame["inner_width"]


def test_report_frame_is_sized_to_its_content(visit: Seen) -> None:
    """Also after the window changed width (a phone turned), when the report's height did."""
    for shown in (visit.result["shown"], visit.result.get("named") or visit.result["shown"],
                  visit.result["turned"]):
        frame = shown["frame"]
        assert frame["content"] > 300
        assert frame["content"] <= frame["height"] <= frame["content"] + 40


def test_result_heading_takes_the_focus(visit: Seen) -> None:
    assert visit.result["shown"]["focused"] == "sammendrag-resultat-tittel"
