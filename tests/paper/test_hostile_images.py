"""Hostile pictures get a reason each, in bounded time, and never stop the other files."""

from __future__ import annotations

import time

import pytest
from helpers.hostile_pictures import CASES, jpeg

from stavangerstandarden.collect.inputs import read_data

SECONDS = 10
"""Far above what any of these takes; a reader that decodes a bomb takes minutes."""


@pytest.mark.parametrize("name", CASES)
def test_hostile_picture_gets_its_reason(name):
    make, reason = CASES[name]
    data = make()
    started = time.monotonic()
    read = read_data(name, data)
    assert time.monotonic() - started < SECONDS
    assert (read.form, read.reason, read.parts) == (None, reason, ())


def test_a_wide_but_allowed_picture_is_read_small_and_said_to_be_no_form():
    """30,000 pixels wide, within the bound: decoded at a reduced size, then found to be no
    form, with the reason."""
    started = time.monotonic()
    read = read_data("panorama.jpg", jpeg(30_000, 1000))
    assert time.monotonic() - started < SECONDS
    assert read.form is None and "hjørnemerker" in read.reason
