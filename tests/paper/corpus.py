"""A seeded corpus of printed forms, marked, scanned and photographed, with the counts
`collect` must find in it (computed from what the pen did, not from any reader)."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np
from paper import marking as m

from stavangerstandarden.forms import render_form
from stavangerstandarden.formspec import FormSpec, form_specs
from stavangerstandarden.model import Standard

UNANSWERED, DOUBLE = "ubesvart", "double"


@dataclass
class Expected:
    counts: dict[str, Counter[str]] = field(default_factory=dict)
    """Statement → answers counted (scale ids and `ubesvart`)."""
    unclear: Counter[str] = field(default_factory=Counter)
    """File label → how many statements it has marked twice."""
    doubles: dict[str, set[tuple[str, int, int]]] = field(default_factory=dict)
    """File label → (statement, sheet in the file, page of the form) of each marked twice."""
    missing: dict[str, list[int]] = field(default_factory=dict)
    """File label → the form's pages not in it (a photo of the first page only)."""
    respondents: int = 0
    blank: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    """Files (or a file's pages) listed as not read."""
    marks: Counter[str] = field(default_factory=Counter)
    """Kinds of marks made, for the report."""
    handwritten: int = 0
    """Tiltak boxes written in on the pages read of the respondents counted."""

    def add(self, statement: str, answer: str) -> None:
        self.counts.setdefault(statement, Counter())[answer] += 1


@dataclass
class Sheet:
    """A printed form after the pen: its pages and what was marked."""

    pages: list[np.ndarray]
    answers: dict[str, str]
    """Statement → scale id, `ubesvart` or `double`."""
    pages_of: dict[str, int]
    scribbled: int | None = None
    """The page with handwriting in a tiltak box."""


def form_for(standard: Standard, area_form: bool = True) -> tuple[FormSpec, bytes]:
    specs = form_specs(standard)
    spec = next(s for s in specs if (s.area is not None) == area_form)
    return spec, render_form(standard, spec)


def filled(pdf: bytes, rng: random.Random, expected: Expected, *, blank: bool = False) -> Sheet:
    """A printout marked by a seeded pen: mostly one mark a statement (cross, tick, dot or
    ring, blue or black, off centre), some left empty, some marked twice; handwriting in a
    tiltak box and a stray stroke in the margin."""
    pages = m.printed(pdf)
    groups: dict[str, list[m.Circle]] = {}
    for circle in m.circles(pdf):
        groups.setdefault(circle.statement, []).append(circle)
    answers, pages_of = {}, {}
    for statement, options in groups.items():
        pages_of[statement] = options[0].page
        roll = rng.random()
        if blank or roll < 0.12:
            answers[statement] = UNANSWERED
            continue
        chosen = rng.sample(options, 2) if roll < 0.22 else [rng.choice(options)]
        for option in chosen:
            kind = rng.choice(m.KINDS)
            expected.marks[kind] += 1
            m.mark(pages[option.page], option.box, kind, rng.choice((m.BLUE, m.BLACK)), rng)
        answers[statement] = DOUBLE if len(chosen) == 2 else chosen[0].value
    scribbled = None
    if not blank:
        boxes = m.writing_boxes(pdf)
        if boxes:
            box = rng.choice(boxes)
            m.scribble(pages[box.page], box.box, rng)
            scribbled = box.page
        m.stray(pages[0], rng)
    return Sheet(pages, answers, pages_of, scribbled)


def expect(sheet: Sheet, label: str, expected: Expected, pages: set[int] | None = None,
           first: int = 1) -> None:
    """What one respondent adds to the counts, when the pages in `pages` were read; its
    first page is the file's `first`."""
    if sheet.scribbled is not None and (pages is None or sheet.scribbled in pages):
        expected.handwritten += 1
    for statement, answer in sheet.answers.items():
        if pages is not None and sheet.pages_of[statement] not in pages:
            continue
        if answer == DOUBLE:
            expected.unclear[label] += 1
            page = sheet.pages_of[statement]
            expected.doubles.setdefault(label, set()).add(
                (statement, first + page, page + 1))
        else:
            expected.add(statement, answer)


def unrelated_photo(rng: random.Random) -> np.ndarray:
    """A picture that is no form: a room with a window and some boxes."""
    image = np.full((1500, 2000, 3), (200, 190, 170), np.uint8)
    cv2.rectangle(image, (300, 200), (900, 800), (240, 240, 255), -1)
    for _ in range(12):
        x, y = rng.randrange(1800), rng.randrange(1300)
        cv2.rectangle(image, (x, y), (x + rng.randint(40, 200), y + rng.randint(40, 200)),
                      tuple(rng.randrange(256) for _ in range(3)), -1)
    return image


def build(standard: Standard, folder: Path, seed: int, stack: int = 4) -> Expected:
    """Scans and photos of printed forms of `standard` in `folder`, and what `collect` must
    count in them: a scan of a stack of `stack` forms (every other one upside down), a
    greyscale scan laid a quarter turn, photos in perspective (a JPEG, a PNG upside down
    and, made last so the others stay as they were, an iPhone's HEIC), a blank printout, an
    unrelated photo."""
    rng = random.Random(seed)
    expected = Expected()
    _spec, pdf = form_for(standard)
    folder.mkdir(parents=True, exist_ok=True)
    scans: list[np.ndarray] = []
    count = len(m.printed(pdf, 10))
    for k in range(stack):
        sheet = filled(pdf, rng, expected)
        first = len(scans) + 1
        label = f"bunke.pdf, side {first}–{first + count - 1}" if count > 1 \
            else f"bunke.pdf, side {first}"
        expect(sheet, label, expected, first=first)
        expected.respondents += 1
        scans += [m.scanned(p, rng, quarter=2 * (k % 2), fit=rng.choice((1.0, 0.94)))
                  for p in sheet.pages]
    (folder / "bunke.pdf").write_bytes(m.scan_pdf(scans))
    sheet = filled(pdf, rng, expected)
    expect(sheet, "gra.pdf", expected)
    expected.respondents += 1
    grey = [m.scanned(p, rng, grey=True, dpi=200, quarter=1) for p in sheet.pages]
    (folder / "gra.pdf").write_bytes(m.scan_pdf(grey, dpi=200, quality=60))
    for k in range(2):
        sheet = filled(pdf, rng, expected)
        name = ("foto-0.jpg", "foto-1.png")[k]
        expect(sheet, name, expected, pages={0})
        if count > 1:
            expected.missing[name] = list(range(2, count + 1))
        expected.respondents += 1
        picture = m.photographed(sheet.pages[0], rng, quarter=2 * k)
        (folder / name).write_bytes(m.png(m.smaller(picture, 0.6)) if k
                                    else m.jpeg(picture, 85))
    blank = filled(pdf, rng, expected, blank=True)
    (folder / "blank.pdf").write_bytes(m.scan_pdf([m.scanned(p, rng) for p in blank.pages]))
    expected.blank.append("blank.pdf")
    (folder / "ferie.jpg").write_bytes(m.jpeg(unrelated_photo(rng)))
    expected.skipped.append("ferie.jpg")
    sheet = filled(pdf, rng, expected)
    expect(sheet, "iphone.heic", expected, pages={0})
    if count > 1:
        expected.missing["iphone.heic"] = list(range(2, count + 1))
    expected.respondents += 1
    (folder / "iphone.heic").write_bytes(m.heic(m.photographed(sheet.pages[0], rng)))
    return expected
