"""Built pages lose the templates' blank lines and indentation, and nothing a reader sees:
text in `pre`, `textarea` and `code` and every script keep their bytes (htmlspace.py). The
built site's pages are read in Chromium by the other tests of tests/site and tests/fill."""

from __future__ import annotations

from pathlib import Path

from stavangerstandarden.htmlspace import squeeze, squeeze_pages


def test_indented_lines_become_one_line_break() -> None:
    assert squeeze("<ul>\n    \n    <li>\n      A\n    </li>\n\n</ul>\n") == (
        "<ul>\n<li>\nA\n</li>\n</ul>\n")


def test_spaces_within_a_line_stay() -> None:
    assert squeeze("<p>Fyll  ut <b>her</b> nå</p>") == "<p>Fyll  ut <b>her</b> nå</p>"


def test_text_that_keeps_its_spaces_is_left_alone() -> None:
    page = ("<div>\n  <textarea name=\"t\">\n  første\n\n  andre</textarea>\n"
            "  <pre>a\n\n    b</pre>\n  <code>x\n   y</code>\n"
            "  <script type=\"application/json\">{\n  \"a\": 1\n}</script>\n"
            "  <STYLE>p {\n  color: red;\n}</STYLE>\n</div>")
    assert squeeze(page) == (
        "<div>\n<textarea name=\"t\">\n  første\n\n  andre</textarea>\n"
        "<pre>a\n\n    b</pre>\n<code>x\n   y</code>\n"
        "<script type=\"application/json\">{\n  \"a\": 1\n}</script>\n"
        "<STYLE>p {\n  color: red;\n}</STYLE>\n</div>")


def test_pages_of_a_folder_are_squeezed_in_place(tmp_path: Path) -> None:
    page = tmp_path / "nn" / "skjema" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text("<p>\n\n   Å</p>\n", "utf-8")
    other = tmp_path / "skjema.json"
    other.write_text("{\n  \"a\": 1\n}\n", "utf-8")
    assert squeeze_pages(tmp_path) == 4
    assert page.read_text("utf-8") == "<p>\nÅ</p>\n"
    assert other.read_text("utf-8") == "{\n  \"a\": 1\n}\n"


def test_runs_at_the_edges_and_windows_line_ends() -> None:
    assert squeeze("\r\n  <p>a \r\n\t b</p>  \n") == "\n<p>a\nb</p>\n"
    assert squeeze("  \n  ") == "\n"
    assert squeeze("<p>a</p>") == "<p>a</p>"
