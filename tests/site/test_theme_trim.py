"""After the build the site holds no theme file a visitor's browser never fetches: no source
map (and no script naming one), and only the search word splitters of the languages its
search indexes name. Checked on a made-up theme tree and on the built site of each engine."""

from __future__ import annotations

import json
import re
from pathlib import Path

from stavangerstandarden.themetrim import LUNR, search_languages, trim_theme


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def test_trim_keeps_what_the_search_languages_load(tmp_path: Path) -> None:
    site = tmp_path
    _write(site / "assets/javascripts/bundle.min.js",
           b"var a=1;\n//# sourceMappingURL=bundle.min.js.map\n")
    _write(site / "assets/javascripts/bundle.min.js.map", b"{}" * 100)
    _write(site / "assets/stylesheets/main.min.css",
           b"a{}\n/*# sourceMappingURL=main.min.css.map*/")
    _write(site / "assets/stylesheets/main.min.css.map", b"{}")
    for name in ("lunr.no.min.js", "lunr.ja.min.js", "lunr.multi.min.js",
                 "lunr.stemmer.support.min.js"):
        _write(site / LUNR / "min" / name, b"x")
    _write(site / LUNR / "tinyseg.js", b"x" * 50)
    _write(site / LUNR / "wordcut.js", b"x" * 50)
    _write(site / "search/search_index.json", b'{"config":{"lang":["no"]}}')
    arabic = {"config": {"lang": ["en"]}, "docs": [{"location": "", "text": "نص <p>"}]}
    _write(site / "ar/search/search_index.json", json.dumps(arabic).encode())
    assert search_languages(site) == {"no", "en"}
    escaped = len(json.dumps(arabic).encode())
    compact = json.dumps(arabic, ensure_ascii=False, separators=(",", ":")).encode()
    assert trim_theme(site) == 200 + 2 + 1 + 50 + 50 + escaped - len(compact)
    assert (site / "ar/search/search_index.json").read_bytes() == compact
    assert json.loads(compact) == arabic
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*.js")) == [
        "assets/javascripts/bundle.min.js", f"{LUNR}/min/lunr.multi.min.js",
        f"{LUNR}/min/lunr.no.min.js", f"{LUNR}/min/lunr.stemmer.support.min.js"]
    assert (site / "assets/javascripts/bundle.min.js").read_bytes() == b"var a=1;\n"
    assert (site / "assets/stylesheets/main.min.css").read_bytes() == b"a{}\n"
    assert not list(site.rglob("*.map"))


def test_a_site_without_search_index_keeps_its_search_files(tmp_path: Path) -> None:
    _write(tmp_path / LUNR / "wordcut.js", b"x")
    assert trim_theme(tmp_path) == 0 and (tmp_path / LUNR / "wordcut.js").is_file()


def test_the_built_site_has_no_source_map_and_only_used_splitters(site: Path) -> None:
    assert not list(site.rglob("*.map"))
    assert not [p for p in site.rglob("*.js")
                if b"sourceMappingURL" in p.read_bytes()[-200:] and "assets" in p.parts]
    languages = search_languages(site)
    if languages is not None and (site / LUNR).is_dir():
        names = {p.name for p in (site / LUNR).rglob("*.js")}
        assert {f"lunr.{lang}.min.js" for lang in languages - {"en"}} <= names
        assert not [n for n in names if n.startswith("lunr.") and n.removeprefix("lunr.")
                    .removesuffix(".min.js") not in languages | {"multi", "stemmer.support"}]


def test_trim_drops_the_style_folder_no_page_links(tmp_path: Path) -> None:
    """Zensical's two looks: the pages link one, a visitor never fetches the other."""
    _write(tmp_path / "assets/stylesheets/classic/main.min.css", b"a{}")
    _write(tmp_path / "assets/stylesheets/modern/main.min.css", b"b{}" * 10)
    _write(tmp_path / "nn/index.html",
           b'<link rel="stylesheet" href="../assets/stylesheets/classic/main.min.css">')
    assert trim_theme(tmp_path) == 30
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.css")) == [
        "assets/stylesheets/classic/main.min.css"]


def test_every_stylesheet_a_page_links_is_there(site: Path) -> None:
    for page in [site / "index.html", *site.glob("*/skjema/fyll/*/index.html")][:20]:
        for href in re.findall(r'<link rel="stylesheet" href="([^"]+)"', page.read_text("utf-8")):
            assert (page.parent / href).resolve().is_file(), (page, href)
