"""Untrusted text made harmless: for the terminal, for a spreadsheet cell, as a file label."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from stavangerstandarden.collect.safetext import csv_cell, file_label, for_terminal


@pytest.mark.parametrize(("text", "shown"), [
    ("Eiganes skole – 3B «ok»", "Eiganes skole – 3B «ok»"),
    ("\x1b[2J\x1b]0;tittel\x07rent", "[2J]0;tittelrent"),
    ("linje\rfalsk linje", "linjefalsk linje"),
    ("to\nlinjer\tog tab", "to linjer og tab"),
    ("c1\u009b31m del\x7f nul\x00", "c131m del nul"),
    ("\u202eevil\u202c \u2066iso\u2069 \u200fmark", "evil iso mark"),
    ("ensom \udce6 surrogat", "ensom  surrogat"),
])
def test_terminal_text_has_no_controls(text, shown):
    assert for_terminal(text) == shown


@pytest.mark.parametrize(("value", "cell"), [
    ('=HYPERLINK("http://x","klikk")', '\'=HYPERLINK("http://x","klikk")'),
    ("+1+1", "'+1+1"), ("-2+3", "'-2+3"), ("@SUM(1)", "'@SUM(1)"),
    ("\t=1+1", "'\t=1+1"), ("\r=1+1", "'\r=1+1"),
    ("3B", "3B"), ("15.12.", "15.12."), ("", ""), (" =1", " =1"),
])
def test_csv_cells_that_would_be_formulas_are_text(value, cell):
    assert csv_cell(value) == cell


def test_file_label_reads_latin1_names():
    assert file_label(Path(os.fsdecode(b"inn/Skj\xe6ring.pdf"))) == "inn/Skjæring.pdf"
    assert file_label(Path("inn/Skjæring.pdf")) == "inn/Skjæring.pdf"
