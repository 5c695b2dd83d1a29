"""The accessibility statement takes its contact, date and status from `standard:`."""

from __future__ import annotations

import html
from pathlib import Path

from stavangerstandarden.formspec import form_specs
from stavangerstandarden.loader import check
from stavangerstandarden.pages import page_files

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "framework" / "stavangerstandarden.yaml"
KEYS = {"accessibility_contact": "uu@kommune.example, tlf. 51 50 70 90",
        "accessibility_updated": "24. november 2026",
        "accessibility_status": "Nettstedet oppfyller kravene med unntak av det som står under."}


def statement(text: str) -> str:
    standard = check(text, str(SOURCE)).standard
    assert standard is not None
    # The page as a reader sees it: the escaping of Markdown syntax undone.
    pages = page_files(standard, form_specs(standard))
    return html.unescape(pages["generert/tilgjengelighet.md"].decode())


def test_contact_date_and_status_come_from_the_yaml() -> None:
    text = SOURCE.read_text("utf-8")
    lines = "".join(f"  {key}: {value}\n" for key, value in KEYS.items())
    page = statement(text.replace("\nintroduction:", lines + "\nintroduction:", 1))
    assert f"melde fra til Stavanger kommune: {KEYS['accessibility_contact']}." in page
    assert "sist vurdert og oppdatert 24. november 2026" in page
    assert KEYS["accessibility_status"] in page


def test_without_the_keys_the_owner_is_the_contact() -> None:
    page = statement(SOURCE.read_text("utf-8"))
    assert "kan du melde fra til Stavanger kommune." in page
    assert "sist vurdert" not in page


def test_the_hand_written_page_has_the_sections_uutilsynet_expects() -> None:
    page = (ROOT / "docs" / "tilgjengelighet.md").read_text("utf-8")
    assert '--8<-- "generert/tilgjengelighet.md"' in page  # status, contact, date
    for heading in ("## Krav", "## Innhold som ikke er tilgjengelig",
                    "## Slik er erklæringen laget", "## Klage og tilsyn"):
        assert heading in page
