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
from helpers.browser import Visit, run_driver
from helpers.fillers import answers_for, pypdf_fill
from paper import marking as m

from stavangerstandarden import contract as c
from stavangerstandarden.collect.inputs import PICTURES_ELSEWHERE, SCAN_ELSEWHERE
from stavangerstandarden.i18n.ui import Localized

from .conftest import DRIVER, Built

VISITS = (Visit("stavanger", "files"), Visit("stavanger", "files", language="nn"),
          Visit("annen", "files"))
PHOTO, SCAN = "foto av skjema.jpg", "skannet skjema.pdf"


def paper_folder(b: Built, folder: Path) -> str:
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
    (folder / filled).write_bytes(pypdf_fill(blank, answers_for(spec, 1)))
    return filled


@pytest.fixture(scope="session")
def pictures_seen(built: dict[str, Built], tmp_path_factory: pytest.TempPathFactory
                  ) -> list[tuple[str, str, str, dict[str, Any]]]:
    tmp = tmp_path_factory.mktemp("bilder")
    plan, filled = [], {}
    for name, b in built.items():
        filled[name] = paper_folder(b, tmp / name)
    for n, v in enumerate(VISITS):
        folder = tmp / v.standard
        plan.append(v.plan(c.SUMMARY_PAGE, site=str(built[v.standard].site), folder=str(folder),
                           files=sorted(p.name for p in folder.iterdir()),
                           out=str(tmp / f"side-{n}")))
    (tmp / "plan.json").write_text(json.dumps(plan, ensure_ascii=False), "utf-8")
    results = run_driver(DRIVER, "summarise", str(tmp / "plan.json"), timeout=900, pyodide=True)
    return [(v.standard, v.language, filled[v.standard], r["shown"])
            for v, r in zip(VISITS, results, strict=True)]


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
