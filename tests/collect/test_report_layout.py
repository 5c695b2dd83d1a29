"""rapport.html reads well everywhere, for any standard: no horizontal overflow from 320 px,
no heading alone at the foot of a printed page, axe-core clean, and every scale step (2 to 7
steps) and "ikke besvart" tell apart in greyscale by their fill pattern alone.

Set REPORT_SHOTS=DIR to keep the screenshots (report-320/390/1280.png) of the sample report.
"""

from __future__ import annotations

import io
import itertools
import json
import os
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from random import Random

import pytest
from PIL import Image, ImageChops, ImageStat
from pypdf import PdfReader

from stavangerstandarden.collect.inputs import Read
from stavangerstandarden.collect.patterns import MAX_STEPS, patterns
from stavangerstandarden.collect.pdfform import RawForm
from stavangerstandarden.collect.report import render_report
from stavangerstandarden.collect.tally import summarise
from stavangerstandarden.loader import load_file
from stavangerstandarden.model import ScaleStep, Standard

ROOT = Path(__file__).resolve().parents[2]
LAYOUT = Path(__file__).with_name("report_layout.mjs")
OTHER = ROOT / "tests" / "fixtures" / "annen-kommune.yaml"
TILTAK = ["Foreldrekaffe før jul", "  foreldrekaffe   FØR jul ", "Leksehjelp på biblioteket",
          "Felles foreldremøte om nettvett for alle trinn, med tolk for nye familier",
          "Se https://www.example.no/en-veldig-lang-adresse-uten-mellomrom-som-ikke-kan-brytes"]


def sample(standard: Standard, forms: int = 40, seed: int = 1) -> list[Read]:
    """A realistic pile: area and complete forms on every level, answers on every step, tiltak
    with repeats in other case and spacing, a long unbreakable word, a blank form, a non-PDF
    file and a duplicate, all under a deep local path."""
    rnd = Random(seed)
    steps = [s.id for s in standard.scale]
    reads = []
    for i in range(forms):
        area = standard.areas[i % len(standard.areas)] if i % 2 else None
        statements = area.statements if area else standard.statements
        texts = {"skjema.standard": standard.meta.id, "skjema.versjon": standard.meta.version,
                 "skjema.omrade": area.id if area else "",
                 "skjema.niva": standard.levels[i % len(standard.levels)].id,
                 "meta.klasse": f"{i % 7 + 1}B", "meta.utfylt_av": f"Forelder Nummer{i}",
                 "tiltak.1.tiltak": rnd.choice(TILTAK), "tiltak.1.ansvarlig": "Rektor"}
        if i % 3 == 0:
            texts["tiltak.2.tiltak"] = TILTAK[-1]
        choices = {s.id: rnd.choice([*steps, steps[0], None]) for s in statements}
        reads.append(Read(f"/home/leder/innboks/klasse-{i}/skjema-{i}.pdf", f"h{i}",
                          RawForm(texts, choices), ""))
    blank = {k: v for k, v in reads[0].form.texts.items() if k.startswith("skjema.")}
    return [*reads, Read("/home/leder/innboks/tomt.pdf", "tom", RawForm(blank, {}), ""),
            Read("/home/leder/innboks/notat.txt", "", None, "ikke en PDF-fil"),
            Read("/home/leder/innboks/kopi.pdf", "h1", reads[1].form, "")]


def with_steps(standard: Standard, n: int, colour: str | None = None) -> Standard:
    """The standard with an n-step scale; one colour for all steps when `colour` is given, so
    only the patterns can tell them apart."""
    palette = ["#b71c1c", "#e65100", "#f9a825", "#9e9d24", "#558b2f", "#2e7d32", "#1b5e20"]
    return replace(standard, scale=tuple(
        ScaleStep(f"steg-{i}", f"Steg {i + 1}", colour or palette[i]) for i in range(n)))


@pytest.mark.parametrize("n", range(2, MAX_STEPS + 1))
def test_pattern_definitions_differ_for_every_step_and_unanswered(n):
    defined = patterns(("#777777",) * n, "#777777")
    assert len(defined) == n + 1
    assert len({(p.image, p.size) for p in defined}) == n + 1
    assert defined[-1] == patterns(("#777777",) * 2, "#777777")[-1]  # unanswered: never a step


@pytest.mark.parametrize("n", [MAX_STEPS + 1, 20])
def test_beyond_the_schema_patterns_still_differ(n):
    """A source that skipped `check` gets a report, not a crash."""
    defined = patterns(("#777777",) * n, "#777777")
    assert len({(p.image, p.size) for p in defined}) == n + 1


def browse(tmp_path: Path, html: str, need) -> tuple[dict, Path]:
    node, _ = need("node"), need("chromium")
    report = tmp_path / "rapport.html"
    report.write_text(html, encoding="utf-8")
    run = subprocess.run([node, str(LAYOUT), str(report), str(tmp_path)],
                         capture_output=True, text=True, check=False, timeout=120)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout), tmp_path


def signature(png: Path) -> list[float]:
    """What the eye sees of a texture in greyscale, wherever the pattern starts: the mean
    grey, and how much the image changes when shifted across, down and along each diagonal
    by 1 to 4 pixels (stripes do not change along their own direction, dots change in all)."""
    grey = Image.open(png).convert("L")
    grey = grey.crop((2, 2, grey.width - 2, grey.height - 2))  # inside the border
    inner = grey.crop((4, 4, grey.width - 4, grey.height - 4))
    values = [ImageStat.Stat(inner).mean[0]]
    for step in range(1, 5):
        for dx, dy in ((step, 0), (0, step), (step, step), (step, -step)):
            moved = grey.crop((4 + dx, 4 + dy, grey.width - 4 + dx, grey.height - 4 + dy))
            values.append(ImageStat.Stat(ImageChops.difference(inner, moved)).mean[0])
    return values


@pytest.mark.parametrize("n", range(2, MAX_STEPS + 1))
def test_every_step_and_unanswered_differ_in_greyscale(standard, tmp_path, need, n):
    """The same colour for every step: the patterns alone must tell them apart."""
    scaled = with_steps(standard, n, colour="#9e9e9e")
    seen, out = browse(tmp_path, render_report(summarise(scaled, [])), need)
    assert seen["swatches"] == n + 1
    signatures = [signature(out / f"swatch-{i}.png") for i in range(n + 1)]
    for (a, sa), (b, sb) in itertools.combinations(enumerate(signatures), 2):
        assert max(abs(x - y) for x, y in zip(sa, sb, strict=True)) > 4, (a, b)


@pytest.mark.parametrize("source", ["stavanger", "annen-kommune", "7-steg", "2-steg"])
def test_sample_report_fits_320_px_prints_well_and_is_accessible(standard, tmp_path, need,
                                                                 source):
    chosen = {"stavanger": standard, "annen-kommune": load_file(OTHER),
              "7-steg": with_steps(standard, 7), "2-steg": with_steps(standard, 2)}[source]
    html = render_report(summarise(chosen, sample(chosen)))
    seen, out = browse(tmp_path, html, need)
    assert seen["violations"] == []
    for width, size in seen["widths"].items():
        assert size["scrollWidth"] <= size["clientWidth"], (width, size)
    assert_no_heading_alone(html, out / "print.pdf")
    keep = os.environ.get("REPORT_SHOTS")
    if keep and source == "stavanger":
        for width in seen["widths"]:
            shutil.copy(out / f"report-{width}.png", Path(keep) / f"report-{width}.png")


def heads(html: str) -> list[str]:
    """The text of every h2 and h3, and of a paragraph right after one (the heading's lead)."""
    found = re.findall(r"<h[23][^>]*>(.*?)</h[23]>\s*(?:<p[^>]*>(.*?)</p>)?", html, flags=re.S)
    texts = [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", t)).strip() for pair in found
             for t in pair]
    return [t for t in texts if t]


def assert_no_heading_alone(html: str, pdf: Path) -> None:
    """No printed page but the last ends with a heading or its lead: what it introduces
    starts on the same page."""
    pages = PdfReader(io.BytesIO(pdf.read_bytes())).pages
    assert len(pages) > 2
    titles = heads(html)
    for number, page in enumerate(pages[:-1], start=1):
        lines = [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        end = " ".join(lines[-3:])
        assert not any(end.endswith(t[-25:]) for t in titles), (number, lines[-3:])
