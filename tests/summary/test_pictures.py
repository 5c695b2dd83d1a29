"""The Sammendrag page and paper: the page cannot read pictures (Pyodide's OpenCV is not
served with the site), so a photo or a scanned PDF of a printed form chosen on the page gets
a reason, in the page's language, that says to read it with the command line; every other
file is still counted. Real Chromium, both standards, bokmål and nynorsk."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from modules import load_module
from paper import marking as m

from stavangerstandarden.collect.inputs import PICTURES_ELSEWHERE, SCAN_ELSEWHERE
from stavangerstandarden.i18n.ui import Localized

Built = Any  # conftest.Built (conftest modules are not importable under import-mode=importlib)
SUMMARY = load_module(Path(__file__).with_name("conftest.py"), "pictures")
VISITS = (("stavanger", "nb"), ("stavanger", "nn"), ("annen", "nb"))
PHOTO, SCAN = "foto av skjema.jpg", "skannet skjema.pdf"


def paper_folder(b: Built, folder: Path, fillers: Any) -> str:
    """A form filled on screen, a photo of a printed page and a scan of the printout; the
    filled form's name."""
    folder.mkdir(parents=True)
    rng = random.Random(b.source.name)
    spec = next(s for s in b.specs if s.area is not None)
    blank = (b.site / spec.file).read_bytes()
    pages = m.printed(blank)
    (folder / PHOTO).write_bytes(m.jpeg(m.photographed(pages[0], rng)))
    (folder / SCAN).write_bytes(m.scan_pdf([m.scanned(p, rng) for p in pages]))
    filled = "utfylt.pdf"
    (folder / filled).write_bytes(fillers.ENGINES["pypdf"](
        blank, fillers.answers_for(spec, 1), folder))
    return filled


@pytest.fixture(scope="session")
def pictures_seen(built: dict[str, Built], tmp_path_factory: pytest.TempPathFactory
                  ) -> list[tuple[str, str, str, dict[str, Any]]]:
    tmp = tmp_path_factory.mktemp("bilder")
    plan, filled = [], {}
    for name, b in built.items():
        filled[name] = paper_folder(b, tmp / name, SUMMARY.FILLERS)
    for n, (name, language) in enumerate(VISITS):
        folder = tmp / name
        plan.append({"site": str(built[name].site),
                     "page": SUMMARY.PAGE if language == "nb" else f"/{language}{SUMMARY.PAGE}",
                     "how": "files", "folder": str(folder),
                     "files": sorted(p.name for p in folder.iterdir()), "offline": False,
                     "names": False, "axe": False, "scheme": "light", "width": 1280,
                     "early": False, "touch": False, "out": str(tmp / f"side-{n}")})
    (tmp / "plan.json").write_text(json.dumps(plan, ensure_ascii=False), "utf-8")
    results = SUMMARY.drive("summarise", str(tmp / "plan.json"))
    return [(name, language, filled[name], r["shown"])
            for (name, language), r in zip(VISITS, results, strict=True)]


def test_pictures_get_a_reason_in_the_pages_language_and_the_form_counts(pictures_seen):
    for name, language, filled, shown in pictures_seen:
        loc = Localized.for_language(language)
        not_counted = loc.gettext("ikke talt med")
        assert sorted(shown["not_counted"]) == sorted([
            f"{PHOTO}: {not_counted}: {loc.gettext(PICTURES_ELSEWHERE)}",
            f"{SCAN}: {not_counted}: {loc.gettext(SCAN_ELSEWHERE)}"]), (name, language)
        if language == "nb":
            assert shown["line"] == "1 av 3 filer talt med."
            assert "stavangerstandarden collect" in PICTURES_ELSEWHERE
        else:
            assert loc.gettext(PICTURES_ELSEWHERE) != PICTURES_ELSEWHERE
        assert filled not in " ".join(shown["not_counted"])
