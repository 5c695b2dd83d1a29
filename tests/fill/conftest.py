"""Two built sites (this standard and another municipality's) and a driver for their fill
pages in Chromium. Sites are built in a temporary copy of the project, as tests/site does."""

from __future__ import annotations

import functools
import json
import random
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import shared
from helpers.browser import address, need_browser, run_driver
from project import TRANSLATIONS

from stavangerstandarden import contract as c
from stavangerstandarden.fill.fields import DATE_FIELDS
from stavangerstandarden.formspec import FormSpec, form_specs
from stavangerstandarden.i18n.editions import translated_editions
from stavangerstandarden.i18n.ui import Localized
from stavangerstandarden.loader import load, load_file
from stavangerstandarden.model import Standard

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).with_name("fill_browser.mjs")
SOURCES = {"stavanger": ROOT / "framework" / "stavangerstandarden.yaml",
           "annen": ROOT / "tests" / "fixtures" / "annen-kommune.yaml"}
CONTACT = "Spørsmål? Skriv til rektor@annen.example, eller ring skolen."
"""The other standard names a contact (the optional `guidance.contact`); Stavanger's does
not, so both the old and the new source shape are built."""
TRANSLATED = {"stavanger": TRANSLATIONS}
"""Stavanger's site is built with its translations (English and nynorsk fill pages too)."""
LONG_TIKTAK = ("Vi vil ha foreldrekaffe før jul med tolk for nye familier, og øve på «nettvett» "
               "på foreldremøtet i år. ") * 6
"""Long text with æøå, cut to each field's maxlength before it is typed."""


class Built:
    def __init__(self, standard: Standard, site: Path) -> None:
        self.standard = standard
        self.site = site
        self.specs = form_specs(standard)
        self.manifest = json.loads((site / "skjema" / "skjema.json").read_text("utf-8"))


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Built]:
    out = {}
    for name, source in SOURCES.items():
        text = source.read_text("utf-8")
        if name == "annen":
            hint = "  submit_hint: Lever skjemaet til rektor.\n"
            assert hint in text
            text = text.replace(hint, f"{hint}  contact: {CONTACT}\n")
        # The run's copy of the project names the source after this standard; load() needs
        # only the text.
        out[name] = Built(load(text, str(source)),
                          shared.site(tmp_path_factory, text, TRANSLATED.get(name)))
    return out


@pytest.fixture(scope="session")
def driver() -> Callable[..., Any]:
    need_browser()
    return functools.partial(run_driver, DRIVER)


def in_pdf(values: dict[str, str], language: str) -> dict[str, str]:
    """What the PDF holds for the values typed on the page: a date picked as yyyy-mm-dd is
    written out as the language writes dates (the generator's `Localized.date`)."""
    loc = Localized.for_language(language)
    return {name: loc.date(date.fromisoformat(v)) if name in DATE_FIELDS else v
            for name, v in values.items()}


def site_languages(name: str) -> list[str]:
    """The languages `name`'s site is built in: bokmål, and each translation built beside it
    (a language added to framework/oversettelser is tested without touching the tests)."""
    if name not in TRANSLATED:
        return ["nb"]
    return ["nb", *(e.language for e in translated_editions(load_file(SOURCES[name])))]


def page_path(spec: FormSpec, language: str = "nb") -> str:
    """The fill page's address on the site (another language's under its folder)."""
    return address(c.fill_page(spec.file), language)


def random_answers(spec: FormSpec, seed: int, max_length: Callable[[Any], int]) -> dict[str, str]:
    """Most statements answered at random, every header field and two tiltak rows, with æøå
    and texts as long as each field allows."""
    rnd = random.Random(seed)
    values: dict[str, str] = {}
    for f in spec.fields:
        if f.hidden:
            continue
        if f.type == "radio":
            if rnd.random() < 0.85:
                values[f.name] = rnd.choice([v for v, _ in f.options])
        elif f.name in DATE_FIELDS:
            values[f.name] = f"2026-{rnd.randint(1, 12):02}-{rnd.randint(1, 28):02}"
        elif f.name.startswith("meta.") or f.name.startswith("tiltak.1.") \
                or f.name.startswith("tiltak.3."):
            text = f"Ærlig Øystein på Å skole {rnd.randint(1, 99)} " + LONG_TIKTAK
            values[f.name] = text[:max_length(f)].strip()
    return values


@pytest.fixture(scope="session")
def answers() -> Callable[..., dict[str, str]]:
    return random_answers
