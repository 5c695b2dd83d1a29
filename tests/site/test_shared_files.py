"""The one copy of the theme files: a translated language's identical copies removed and its
pages pointed at the source language's, relative and absolute (a --site-url sub-path)
addresses alike; what differs, and the generated folders, stay the language's own."""

from __future__ import annotations

from pathlib import Path

from stavangerstandarden.sharedfiles import duplicate_bytes, share_theme_files

PAGE = """<html><head>
<link rel="stylesheet" href="{up}assets/main.css?v=1">
<link rel="icon" href="/stavangerstandarden/nn/assets/logo.png">
<link rel="canonical" href="https://kommune.example/stavangerstandarden/nn/omrader/">
<script src="{up}assets/own.js"></script>
<script id="__config" type="application/json">{{"base": "{base}",
"search": "{up}assets/workers/search.js"}}</script>
</head><body><a href="{up}omrader/">Områder</a>
<script type="application/json" id="fyll-data">{{"library": "{up}skjema/lib.js"}}</script>
</body></html>"""


def site_with_two_languages(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    files = {"assets/main.css": b"body{}", "assets/logo.png": b"\x89PNG",
             "assets/workers/search.js": b"search()", "skjema/lib.js": b"lib()"}
    for rel, data in files.items():
        for root in ("", "nn/"):
            (site / root / rel).parent.mkdir(parents=True, exist_ok=True)
            (site / root / rel).write_bytes(data)
    (site / "assets" / "own.js").write_bytes(b"bokmal()")
    (site / "nn" / "assets" / "own.js").write_bytes(b"nynorsk()")
    for up, rel in (("", "nn/index.html"), ("../", "nn/omrader/index.html")):
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(PAGE.format(up=up, base=up or "."), "utf-8")
    return site


def test_identical_theme_files_are_kept_once_and_pages_point_at_them(tmp_path: Path) -> None:
    site = site_with_two_languages(tmp_path)
    before = duplicate_bytes(site)
    removed = share_theme_files(site, ["nn/"], private=("skjema",))
    assert removed == len(b"body{}") + len(b"\x89PNG") + len(b"search()")
    assert duplicate_bytes(site) == before - removed
    assert not (site / "nn" / "assets" / "main.css").exists()
    assert (site / "nn" / "assets" / "own.js").read_bytes() == b"nynorsk()"  # differs: kept
    assert (site / "nn" / "skjema" / "lib.js").is_file()  # a generated folder: kept
    deep = (site / "nn" / "omrader" / "index.html").read_text("utf-8")
    assert 'href="../../assets/main.css?v=1"' in deep
    assert '"search": "../../assets/workers/search.js"' in deep
    assert 'href="/stavangerstandarden/assets/logo.png"' in deep
    assert 'src="../assets/own.js"' in deep
    assert 'href="../omrader/"' in deep
    assert '"library": "../skjema/lib.js"' in deep
    assert "https://kommune.example/stavangerstandarden/nn/omrader/" in deep
    top = (site / "nn" / "index.html").read_text("utf-8")
    assert 'href="../assets/main.css?v=1"' in top
    assert '"base": "."' in top
    # Every address the pages now name exists.
    for page, text in (("nn/omrader/", deep), ("nn/", top)):
        for address in ("assets/main.css", "assets/workers/search.js"):
            assert (site / address).is_file()
            assert f"{'../' * page.count('/')}{address}" in text


def test_a_site_of_one_language_is_left_as_it_is(tmp_path: Path) -> None:
    site = site_with_two_languages(tmp_path)
    assert share_theme_files(site, [], private=()) == 0
    assert (site / "nn" / "assets" / "main.css").is_file()
