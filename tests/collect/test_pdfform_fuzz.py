"""Hypothesis mutates a real filled form (flips, cuts, insertions, truncation): the reader
gives a form or a Norwegian reason, never a traceback, and no other file is lost, on either
engine (fewer examples each than one engine would get: the walk they share is fuzzed twice)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stavangerstandarden.collect.inputs import read_path
from stavangerstandarden.collect.pdfform import RawForm, Unreadable, read_form
from stavangerstandarden.collect.tally import summarise

ANSWERS = {"relasjoner-tett-kontakt": "bedre", "relasjoner-matpakker": "endres",
           "meta.klasse": "3B", "tiltak.1.tiltak": "Foreldrekaffe"}

Edit = tuple[str, float, bytes]
EDITS = st.tuples(st.sampled_from(["flip", "cut", "insert", "truncate", "repeat"]),
                  st.floats(0, 1), st.binary(min_size=1, max_size=40))


def mutate(data: bytes, edits: list[Edit]) -> bytes:
    out = bytearray(data)
    for kind, where, payload in edits:
        at = int(where * (len(out) - 1)) if out else 0
        if kind == "flip":
            out[at:at + len(payload)] = payload
        elif kind == "cut":
            del out[at:at + payload[0] + 1]
        elif kind == "insert":
            out[at:at] = payload
        elif kind == "truncate":
            del out[at:]
        else:
            out[at:at] = out[at:at + payload[0] * 4]
    return bytes(out)


@pytest.fixture
def filled(real_form, fill) -> bytes:
    return fill(real_form("gode-relasjoner", "trinn-3"), ANSWERS)


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(EDITS, min_size=1, max_size=6))
def test_mutated_real_form_is_a_form_or_a_reason(reader_engine, filled, standard, tmp_path,
                                                  edits):
    damaged = mutate(filled, edits)
    try:
        assert isinstance(read_form(damaged, reader_engine), RawForm)
    except Unreadable as exc:
        assert str(exc)
    (tmp_path / "a-skadet.pdf").write_bytes(damaged)
    (tmp_path / "b-god.pdf").write_bytes(filled)
    summary = summarise(standard, [read_path(tmp_path / "a-skadet.pdf", reader_engine),
                                   read_path(tmp_path / "b-god.pdf", reader_engine)])
    damaged_result, good_result = summary.files
    assert damaged_result.status == "ok" or damaged_result.reason
    expected = "duplicate" if damaged == filled else "ok"
    assert good_result.status == expected
    if expected == "ok":
        assert summary.counts["relasjoner-tett-kontakt"]["bedre"] >= 1


def test_mutation_reaches_both_outcomes(reader_engine, filled):
    """The fuzzer's edits are not all fatal nor all harmless (else it would test little)."""
    harmless = mutate(filled, [("insert", 1.0, b"\n")])
    fatal = mutate(filled, [("truncate", 0.5, b"x")])
    assert read_form(harmless, reader_engine).choices["relasjoner-tett-kontakt"] == "bedre"
    with pytest.raises(Unreadable):
        read_form(fatal, reader_engine)
